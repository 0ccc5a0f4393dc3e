import { Anchor, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { formatDateTime, type MeetingAction } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTimeZone } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { useLanguage } from '../../i18n';
import { ActionCard } from './ActionCard';
import { ActionStatusDialog } from './ActionStatusDialog';
import { useSecretariatOverview } from './meeting.api';

/** The secretariat's overview: who has not reported this period, overdue actions, the next meeting. */
export function OverviewPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const overview = useSecretariatOverview();
  const [changing, setChanging] = useState<MeetingAction | null>(null);
  const o = overview.data;
  const byAgency = new Map<string, { title: string; activityId: string }[]>();
  for (const r of o?.missingReports ?? []) {
    byAgency.set(r.agencyShortName, [...(byAgency.get(r.agencyShortName) ?? []), r]);
  }
  return (
    <>
      <PageHeader title={t('meetings.overview.title')} description={t('meetings.overview.description')} />
      {overview.isPending ? (
        <Skeleton height={300} radius="md" />
      ) : !o ? (
        <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <Stack gap="lg">
          <section aria-labelledby="ov-next">
            <Title order={2} fz="h4" mb="xs" id="ov-next">
              {t('meetings.overview.next')}
            </Title>
            {o.nextMeeting ? (
              <Card withBorder radius="md" padding="sm">
                <Anchor component={Link} to={`/meetings/${o.nextMeeting.id}`} fw={600}>
                  {o.nextMeeting.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t(`meetings.types.${o.nextMeeting.type}`)} ·{' '}
                  {formatDateTime(o.nextMeeting.startsAt, lang, zone)}
                  {o.nextMeeting.place ? ` · ${o.nextMeeting.place}` : ''}
                </Text>
              </Card>
            ) : (
              <Text size="sm" c="dimmed">
                {t('meetings.overview.noNext')}
              </Text>
            )}
          </section>
          <section aria-labelledby="ov-overdue">
            <Title order={2} fz="h4" mb="xs" id="ov-overdue">
              {t('meetings.overview.overdue')} ({o.overdueActions.length})
            </Title>
            {o.overdueActions.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('meetings.overview.noOverdue')}
              </Text>
            ) : (
              <Stack gap="xs">
                {o.overdueActions.map((a) => (
                  <ActionCard key={a.id} action={a} onChangeStatus={setChanging} showMeeting />
                ))}
              </Stack>
            )}
          </section>
          <section aria-labelledby="ov-missing">
            <Title order={2} fz="h4" mb="xs" id="ov-missing">
              {o.plan
                ? t('meetings.overview.missing', {
                    period: t(`plans.period.${o.plan.periodKind}`, { n: o.plan.period }),
                    year: o.plan.year,
                  })
                : t('meetings.overview.missing', { period: '', year: '' })}
            </Title>
            {!o.plan ? (
              <Text size="sm" c="dimmed">
                {t('meetings.overview.noPlan')}
              </Text>
            ) : byAgency.size === 0 ? (
              <Text size="sm" c="dimmed">
                {t('meetings.overview.noMissing')}
              </Text>
            ) : (
              <Stack gap="xs">
                {[...byAgency.entries()].map(([agency, rows]) => (
                  <Card key={agency} withBorder radius="md" padding="sm" data-testid="missing-agency">
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Text size="sm" fw={600}>
                        {agency}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {rows.length}
                      </Text>
                    </Group>
                    {rows.map((r) => (
                      <Text key={r.activityId} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        · {r.title}
                      </Text>
                    ))}
                  </Card>
                ))}
              </Stack>
            )}
          </section>
        </Stack>
      )}
      <ActionStatusDialog action={changing} onClose={() => setChanging(null)} />
    </>
  );
}
