import { Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { formatNumber, type MyWork } from '@sinergi/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionInfo } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useLanguage } from '../../i18n';
import { useMyWork } from '../services/service.api';

interface Lane {
  key: string;
  title: string;
  count: number;
  overdue: number;
  to: string;
  /** The first few items, each a link to where the work is done. */
  items: { key: string; label: string; to: string; overdue: boolean }[];
}

const FIRST = 3;

/** What waits for this user, lane by lane, from "Tugas saya"; empty lanes are left out. */
function lanesOf(w: MyWork, agencyId: string, t: TFunction): Lane[] {
  const periodLabel = (r: MyWork['radReports'][number]) =>
    t('home.work.period', { period: r.period, year: r.year });
  const lanes: Lane[] = [
    {
      key: 'referrals',
      title: t('home.work.referrals'),
      count: w.referrals.length,
      overdue: w.counts.referralsOverdue,
      to: '/my-work#mw-referrals',
      items: w.referrals.map((r) => ({
        key: r.id,
        label: `${r.caseNumber} · ${r.fromAgency}`,
        to: `/referrals/${r.id}`,
        overdue: r.overdue,
      })),
    },
    {
      key: 'legal',
      title: t('home.work.legalAssigned'),
      count: w.counts.legalAssigned,
      overdue: 0,
      to: '/legal',
      items: w.legalAssigned.map((c) => ({
        key: c.caseId,
        label: c.caseNumber,
        to: `/legal/${c.caseId}`,
        overdue: false,
      })),
    },
    {
      key: 'cases',
      title: t('home.work.cases'),
      count: w.counts.casesWithoutResponse,
      overdue: w.cases.filter((c) => c.overdue).length,
      to: '/my-work#mw-cases',
      items: w.cases.map((c) => ({
        key: c.id,
        label: c.caseNumber,
        to: `/cases/${c.id}`,
        overdue: c.overdue,
      })),
    },
    {
      key: 'services',
      title: t('home.work.services'),
      count: w.counts.servicesDue + w.counts.followUpsDue + w.counts.actionsOpen,
      overdue:
        w.counts.servicesOverdue +
        w.followUps.filter((f) => f.overdue).length +
        w.actions.filter((a) => a.overdue).length,
      to: '/my-work#mw-services',
      items: [
        ...w.services.map((s) => ({
          key: s.id,
          label: `${s.caseNumber} · ${t(`services.types.${s.type}`)}`,
          to: s.referralId ? `/referrals/${s.referralId}` : `/cases/${s.caseId}?tab=services`,
          overdue: s.overdue,
        })),
        ...w.followUps.map((f) => ({
          key: f.id,
          label: `${f.caseNumber} · ${t('home.work.followUp', { month: f.month })}`,
          to: `/cases/${f.caseId}?tab=reintegration`,
          overdue: f.overdue,
        })),
      ],
    },
    {
      key: 'meetingActions',
      title: t('home.work.meetingActions'),
      count: w.counts.meetingActionsOpen,
      overdue: w.counts.meetingActionsOverdue,
      to: '/my-work#mw-meeting-actions',
      items: w.meetingActions.map((a) => ({
        key: a.id,
        label: a.description,
        to: '/my-work#mw-meeting-actions',
        overdue: a.overdue,
      })),
    },
    {
      key: 'rad',
      title: t('home.work.radReports'),
      count: w.counts.radReportsDue,
      overdue: w.counts.radReportsOverdue,
      to: `/plans?agency=${agencyId}`,
      items: w.radReports.map((r) => ({
        key: `${r.activityId}:${r.year}:${r.period}`,
        label: `${r.activityTitle} · ${periodLabel(r)}`,
        to: `/plans?plan=${r.planId}&year=${r.year}&agency=${agencyId}`,
        overdue: r.overdue,
      })),
    },
  ];
  return lanes.filter((l) => l.count > 0);
}

/** Beranda's first section: the user's work queue, first on a phone. */
export function WorkQueue() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const work = useMyWork();
  const session = useSessionInfo();
  return (
    <section aria-labelledby="work-queue-heading">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} fz="h4" id="work-queue-heading">
          {t('home.work.title')}
        </Title>
        <Anchor component={Link} to="/my-work" size="sm">
          {t('home.work.all')}
        </Anchor>
      </Group>
      {work.isPending ? (
        <Skeleton height={96} radius="md" aria-label={t('app.loading')} />
      ) : work.isError ? (
        <ErrorAlert error={work.error} onRetry={() => void work.refetch()} />
      ) : (
        (() => {
          const lanes = lanesOf(work.data, session.user.agencyId, t);
          if (lanes.length === 0) return <Text size="sm">{t('home.work.empty')}</Text>;
          return (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              {lanes.map((lane) => (
                <Card
                  key={lane.key}
                  withBorder
                  radius="md"
                  padding="sm"
                  data-testid={`work-lane-${lane.key}`}
                >
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                    <Anchor component={Link} to={lane.to} fw={600}>
                      {lane.title}
                    </Anchor>
                    <Text fz={24} fw={700} lh={1}>
                      {formatNumber(lane.count, lang)}
                    </Text>
                  </Group>
                  {lane.overdue > 0 ? (
                    <Badge color="red" variant="filled" radius="sm" mt={6}>
                      {t('home.work.overdue', { count: lane.overdue })}
                    </Badge>
                  ) : null}
                  <Stack gap={2} mt={6}>
                    {lane.items.slice(0, FIRST).map((item) => (
                      <Anchor key={item.key} component={Link} to={item.to} size="sm" lineClamp={1}>
                        {item.label}
                        {item.overdue ? ` · ${t('home.work.late')}` : ''}
                      </Anchor>
                    ))}
                    {lane.items.length > FIRST ? (
                      <Text size="xs">{t('home.work.more', { count: lane.items.length - FIRST })}</Text>
                    ) : null}
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          );
        })()
      )}
    </section>
  );
}
