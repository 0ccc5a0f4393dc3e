import { Anchor, Badge, Card, Group, List, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { formatNumber, formatPercent } from '@sinergi/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiRequest } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { useUrlFilters } from '../../app/ui/use-url-filters';
import { useLanguage } from '../../i18n';
import { usePlans, usePlanTree } from '../plans/plan.api';
import { BreakdownTable } from './BreakdownView';
import { currentYear, FILTER_KEYS, filterFromValues, StatsFilters } from './StatsFilters';
import { countText } from './stat-labels';
import { useBreakdown, useDashboard } from './stats.api';

/** The secretariat's dashboard: work in progress, deadlines, referrals, services and the RAD, with exact counts. */
export function SecretariatDashboardPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { values, setFilter } = useUrlFilters(FILTER_KEYS);
  const filter = filterFromValues(values);
  const dash = useDashboard(filter);
  const stages = useBreakdown({ indicator: 'cases', dimension: 'stage', ...filter });
  const delivery = useBreakdown({
    indicator: 'service_delivery',
    dimension: 'sop_stage',
    series: 'need_or_delivery',
    ...filter,
  });
  const referrals = useBreakdown({ indicator: 'referrals', dimension: 'referral_status', ...filter });
  // follow-up actions are not filtered by kecamatan of origin
  const { originDistrict: _district, ...actionFilter } = filter;
  const actions = useBreakdown({
    indicator: 'meeting_actions',
    dimension: 'action_status',
    series: 'action_overdue',
    ...actionFilter,
  });
  const a = actions.data;
  const actionCell = (row: string, col: string) =>
    a ? (a.cells[a.rowKeys.indexOf(row)]?.[a.columnKeys.indexOf(col)] ?? 0) : null;
  const openActions = a ? (a.rowTotals[a.rowKeys.indexOf('open')] ?? null) : null;
  const d = dash.data;
  const late = d && d.firstResponseOnTimePercent !== null ? 100 - d.firstResponseOnTimePercent : null;

  return (
    <>
      <PageHeader title={t('stats.secretariat.title')} description={t('stats.secretariat.description')} />
      <Stack gap="lg">
        <StatsFilters values={values} setFilter={setFilter} />
        {dash.isError ? (
          <ErrorAlert error={dash.error} onRetry={() => void dash.refetch()} showFieldMessages />
        ) : null}
        <SimpleGrid cols={{ base: 2, md: 4, lg: 7 }} spacing="sm">
          <Card withBorder padding="md">
            <Text size="sm" c="dimmed">
              {t('stats.dashboard.cases')}
            </Text>
            <Text fz={26} fw={700}>
              {d ? countText(d.cases, d.threshold, lang) : '…'}
            </Text>
          </Card>
          <Card withBorder padding="md">
            <Text size="sm" c="dimmed">
              {t('stats.secretariat.overdue')}
            </Text>
            <Text fz={26} fw={700}>
              {late === null ? t('stats.dashboard.notAvailable') : formatPercent(late, lang)}
            </Text>
          </Card>
          <Card withBorder padding="md">
            <Text size="sm" c="dimmed">
              {t('stats.secretariat.serviceDeadlines')}
            </Text>
            <Text fz={26} fw={700}>
              {d?.serviceDeadlinesMetPercent == null
                ? t('stats.dashboard.notAvailable')
                : formatPercent(d.serviceDeadlinesMetPercent, lang)}
            </Text>
          </Card>
          <Card withBorder padding="md">
            <Text size="sm" c="dimmed">
              {t('stats.dashboard.referralsPending')}
            </Text>
            <Text fz={26} fw={700}>
              {d ? countText(d.referrals.pending, d.threshold, lang) : '…'}
            </Text>
          </Card>
          <Card withBorder padding="md">
            <Text size="sm" c="dimmed">
              {t('stats.secretariat.actionsOpen')}
            </Text>
            <Text fz={26} fw={700}>
              {a ? countText(openActions, a.threshold, lang) : '…'}
            </Text>
          </Card>
          <Card withBorder padding="md">
            <Text size="sm" c="dimmed">
              {t('stats.secretariat.actionsOverdue')}
            </Text>
            <Text fz={26} fw={700}>
              {a ? countText(actionCell('open', 'overdue'), a.threshold, lang) : '…'}
            </Text>
          </Card>
          <Card withBorder padding="md">
            <Text size="sm" c="dimmed">
              {t('stats.dashboard.daysToService')}
            </Text>
            <Text fz={26} fw={700}>
              {d?.medianDaysToFirstService == null
                ? t('stats.dashboard.notAvailable')
                : formatNumber(d.medianDaysToFirstService, lang)}
            </Text>
          </Card>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {stages.data ? (
            <BreakdownTable breakdown={stages.data} caption={t('stats.secretariat.workTitle')} />
          ) : (
            <Skeleton height={240} />
          )}
          <Stack gap="md">
            {delivery.data ? (
              <BreakdownTable breakdown={delivery.data} caption={t('stats.secretariat.servicesTitle')} />
            ) : (
              <Skeleton height={200} />
            )}
            {referrals.data ? (
              <BreakdownTable breakdown={referrals.data} caption={t('stats.secretariat.referralsTitle')} />
            ) : (
              <Skeleton height={160} />
            )}
            {a ? (
              <BreakdownTable breakdown={a} caption={t('stats.secretariat.actionsTitle')} />
            ) : actions.isError ? (
              <ErrorAlert error={actions.error} onRetry={() => void actions.refetch()} />
            ) : (
              <Skeleton height={160} />
            )}
          </Stack>
        </SimpleGrid>
        <RadStatus />
      </Stack>
    </>
  );
}

/** The RAD's activities by achievement status for this year, and the progress reports still missing. */
function RadStatus() {
  const { t } = useTranslation();
  const plans = usePlans();
  const year = currentYear();
  const plan = plans.data?.find((p) => p.startYear <= year && p.endYear >= year) ?? plans.data?.[0] ?? null;
  const tree = usePlanTree(plan?.id ?? null, year);
  const period =
    plan?.periodKind === 'quarter'
      ? Math.floor(new Date(Date.now() + 8 * 3_600_000).getUTCMonth() / 3) + 1
      : new Date(Date.now() + 8 * 3_600_000).getUTCMonth() < 6
        ? 1
        : 2;
  const missing = useQuery({
    queryKey: ['plans', plan?.id, 'missing', year, period],
    queryFn: ({ signal }) =>
      apiRequest<{ items: { activityId: string; title: string; agencyShortName: string }[] }>(
        `/plans/${encodeURIComponent(plan!.id)}/missing-reports`,
        { query: { year, period }, signal },
      ),
    enabled: plan !== null,
  });
  const statuses = ['on_track', 'at_risk', 'behind', 'no_report'] as const;
  const counts = new Map<string, number>();
  for (const p of tree.data?.programmes ?? [])
    for (const a of p.activities) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          {plan ? `${t('nav.plans')}: ${plan.title}` : t('nav.plans')}
        </Title>
        <Anchor component={Link} to="/plans">
          {t('stats.secretariat.planLink')}
        </Anchor>
      </Group>
      {!plan ? (
        <Text size="sm">{t('plans.empty')}</Text>
      ) : (
        <Stack gap="sm">
          <Group gap="xs">
            {statuses.map((s) => (
              <Badge
                key={s}
                variant="light"
                color={{ on_track: 'teal', at_risk: 'yellow', behind: 'red', no_report: 'gray' }[s]}
              >
                {t(`plans.statuses.${s}`)}: {counts.get(s) ?? 0}
              </Badge>
            ))}
          </Group>
          <Text fw={600} size="sm">
            {t('stats.secretariat.missingTitle')}
          </Text>
          {missing.data?.items.length ? (
            <List size="sm" spacing={2}>
              {missing.data.items.map((m) => (
                <List.Item key={`${m.activityId}-${m.agencyShortName}`}>
                  {m.title} — {m.agencyShortName}
                </List.Item>
              ))}
            </List>
          ) : missing.data ? (
            <Text size="sm">{t('stats.secretariat.missingNone')}</Text>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}
