import { Anchor, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { MeetingAction } from '@sinergi/core';
import { deadlineState, describeDeadline, formatDateTime } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTimeZone } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { useLanguage } from '../../i18n';
import { formatDay } from '../cases/format-day';
import { ActionCard } from '../meetings/ActionCard';
import { ActionStatusDialog } from '../meetings/ActionStatusDialog';
import { ReferralCard } from './ReferralCard';
import { useMarkAllRead, useMyWork, useNotifications } from './service.api';
import { ServiceStatusBadge } from './service-labels';

function Count({ label, value, alert }: { label: string; value: number; alert: number }) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Group gap="xs" align="baseline">
        <Text fz="xl" fw={700}>
          {value}
        </Text>
        {alert > 0 ? (
          <Badge color="red" radius="sm">
            {alert}
          </Badge>
        ) : null}
      </Group>
    </Card>
  );
}

/** "Tugas saya": what waits for the user and the agency, overdue items said in words. */
export function MyWorkPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const work = useMyWork();
  const notes = useNotifications();
  const markAll = useMarkAllRead();
  const [changing, setChanging] = useState<MeetingAction | null>(null);
  const now = new Date();
  const due = (at: string, overdue: boolean) =>
    overdue
      ? describeDeadline(deadlineState(new Date(at), null, now), lang)
      : t('services.myWork.dueOn', { date: formatDateTime(at, lang, zone) });
  const w = work.data;
  return (
    <>
      <PageHeader title={t('services.myWork.title')} description={t('services.myWork.description')} />
      {work.isPending ? (
        <Skeleton height={240} radius="md" />
      ) : !w ? (
        <ErrorAlert error={work.error} onRetry={() => void work.refetch()} />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
            <Count
              label={t('services.myWork.referrals')}
              value={w.referrals.length}
              alert={w.counts.referralsOverdue}
            />
            <Count
              label={t('services.myWork.services')}
              value={w.counts.servicesDue}
              alert={w.counts.servicesOverdue}
            />
            <Count
              label={t('services.myWork.cases')}
              value={w.counts.casesWithoutResponse}
              alert={w.cases.filter((c) => c.overdue).length}
            />
            <Count
              label={t('meetings.actions.myWork')}
              value={w.counts.meetingActionsOpen}
              alert={w.counts.meetingActionsOverdue}
            />
            <Count
              label={t('services.myWork.notifications')}
              value={w.counts.notificationsUnread}
              alert={0}
            />
          </SimpleGrid>
          {w.counts.total === 0 ? <Text c="dimmed">{t('services.myWork.empty')}</Text> : null}
          {w.referrals.length ? (
            <section aria-labelledby="mw-referrals">
              <Title order={2} fz="h4" mb="sm" id="mw-referrals">
                {t('services.myWork.referrals')}
              </Title>
              <Stack gap="sm">
                {w.referrals.map((r) => (
                  <ReferralCard key={r.id} referral={r} showCase />
                ))}
              </Stack>
            </section>
          ) : null}
          {w.legalAssigned.length ? (
            <section aria-labelledby="mw-legal">
              <Title order={2} fz="h4" mb="sm" id="mw-legal">
                {t('home.work.legalAssigned')}
              </Title>
              <Text size="sm" mb="xs">
                {t('legal.list.awaitingHelp')}
              </Text>
              <Stack gap="xs">
                {w.legalAssigned.map((c) => (
                  <Card key={c.caseId} withBorder radius="md" padding="sm">
                    <Group gap="xs" wrap="wrap">
                      <Anchor component={Link} to={`/legal/${c.caseId}`} fw={600} size="sm">
                        {c.caseNumber}
                      </Anchor>
                      <Text size="sm">
                        {t('legal.list.assignedOn', { date: formatDateTime(c.assignedAt, lang, zone) })}
                      </Text>
                    </Group>
                  </Card>
                ))}
              </Stack>
            </section>
          ) : null}
          {w.radReports.length ? (
            <section aria-labelledby="mw-rad">
              <Title order={2} fz="h4" mb="sm" id="mw-rad">
                {t('home.work.radReports')}
              </Title>
              <Stack gap="xs">
                {w.radReports.map((r) => (
                  <Card key={`${r.activityId}:${r.year}:${r.period}`} withBorder radius="md" padding="sm">
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Anchor
                        component={Link}
                        to={`/plans?plan=${r.planId}&year=${r.year}`}
                        size="sm"
                        fw={600}
                      >
                        {r.activityTitle}
                      </Anchor>
                      {r.overdue ? (
                        <Badge color="red" radius="sm">
                          {t('services.myWork.overdue')}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="sm">{t('home.work.period', { period: r.period, year: r.year })}</Text>
                  </Card>
                ))}
              </Stack>
            </section>
          ) : null}
          {w.services.length ? (
            <section aria-labelledby="mw-services">
              <Title order={2} fz="h4" mb="sm" id="mw-services">
                {t('services.myWork.services')}
              </Title>
              <Stack gap="xs">
                {w.services.map((s) => (
                  <Card key={s.id} withBorder radius="md" padding="sm">
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Text size="sm" fw={600}>
                        {t(`services.types.${s.type}`)} · {s.personInitials}
                      </Text>
                      <ServiceStatusBadge status={s.status} />
                    </Group>
                    <Group gap="xs" wrap="wrap">
                      <Anchor
                        component={Link}
                        size="sm"
                        to={s.referralId ? `/referrals/${s.referralId}` : `/cases/${s.caseId}?tab=services`}
                      >
                        {s.caseNumber}
                      </Anchor>
                      {s.dueAt ? (
                        <Text size="sm" c={s.overdue ? 'red' : 'dimmed'}>
                          {due(s.dueAt, s.overdue)}
                        </Text>
                      ) : null}
                    </Group>
                  </Card>
                ))}
              </Stack>
            </section>
          ) : null}
          {w.cases.length ? (
            <section aria-labelledby="mw-cases">
              <Title order={2} fz="h4" mb="sm" id="mw-cases">
                {t('services.myWork.cases')}
              </Title>
              <Stack gap="xs">
                {w.cases.map((c) => (
                  <Group key={c.id} gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/cases/${c.id}`} size="sm">
                      {c.caseNumber}
                    </Anchor>
                    <Text size="sm" c={c.overdue ? 'red' : 'dimmed'}>
                      {due(c.dueAt, c.overdue)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </section>
          ) : null}
          {w.followUps.length ? (
            <section aria-labelledby="mw-followups">
              <Title order={2} fz="h4" mb="sm" id="mw-followups">
                {t('reintegration.followUps')}
              </Title>
              <Stack gap="xs">
                {w.followUps.map((f) => (
                  <Group key={f.id} gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/cases/${f.caseId}?tab=reintegration`} size="sm">
                      {f.caseNumber}
                    </Anchor>
                    <Text size="sm">{t('reintegration.month', { month: f.month })}</Text>
                    <Text size="sm" c={f.overdue ? 'red' : 'dimmed'}>
                      {f.overdue
                        ? describeDeadline(deadlineState(new Date(`${f.dueDate}T15:59:59Z`), null, now), lang)
                        : formatDay(f.dueDate, lang)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </section>
          ) : null}
          {w.actions.length ? (
            <section aria-labelledby="mw-actions">
              <Title order={2} fz="h4" mb="sm" id="mw-actions">
                {t('reintegration.conferenceActions')}
              </Title>
              <Stack gap="xs">
                {w.actions.map((a) => (
                  <Group key={a.id} gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/cases/${a.caseId}?tab=reintegration`} size="sm">
                      {a.caseNumber}
                    </Anchor>
                    <Text size="sm">{a.description}</Text>
                    <Text size="sm" c={a.overdue ? 'red' : 'dimmed'}>
                      {formatDay(a.dueDate, lang)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </section>
          ) : null}
          {w.meetingActions.length ? (
            <section aria-labelledby="mw-meeting-actions">
              <Title order={2} fz="h4" mb="sm" id="mw-meeting-actions">
                {t('meetings.actions.myWork')}
              </Title>
              <Stack gap="xs">
                {w.meetingActions.map((a) => (
                  <ActionCard key={a.id} action={a} onChangeStatus={setChanging} showMeeting />
                ))}
              </Stack>
            </section>
          ) : null}
          <section aria-labelledby="mw-notes">
            <Group justify="space-between" mb="sm">
              <Title order={2} fz="h4" id="mw-notes">
                {t('services.myWork.notifications')}
              </Title>
              {notes.data?.unread ? (
                <Button
                  size="xs"
                  variant="default"
                  loading={markAll.isPending}
                  onClick={() => markAll.mutate()}
                >
                  {t('services.myWork.markAllRead')}
                </Button>
              ) : null}
            </Group>
            {notes.data?.items.length ? (
              <Stack gap={4}>
                {notes.data.items.map((n) => (
                  <Group key={n.id} gap="xs" wrap="wrap">
                    {n.readAt ? null : (
                      <Badge size="xs" color="blue" radius="sm">
                        •
                      </Badge>
                    )}
                    <Text size="sm" fw={n.readAt ? 400 : 600}>
                      {t(`services.notificationKinds.${n.kind}`, { defaultValue: n.kind })}
                    </Text>
                    {n.referralId ? (
                      <Anchor component={Link} to={`/referrals/${n.referralId}`} size="sm">
                        {n.caseNumber}
                      </Anchor>
                    ) : n.kind === 'legal_police_assigned' && n.caseId ? (
                      <Anchor component={Link} to={`/legal/${n.caseId}`} size="sm">
                        {n.caseNumber}
                      </Anchor>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {formatDateTime(n.createdAt, lang, zone)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t('services.myWork.noNotifications')}
              </Text>
            )}
          </section>
        </Stack>
      )}
      <ActionStatusDialog action={changing} onClose={() => setChanging(null)} />
    </>
  );
}
