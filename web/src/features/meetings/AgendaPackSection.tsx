import { Accordion, Badge, Button, Card, Group, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, type Meeting, type MeetingAction } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useLanguage } from '../../i18n';
import { ActionCard } from './ActionCard';
import { useAgendaPack, useSaveMeeting } from './meeting.api';
import { meetingToInput } from './meeting-options';

interface AgendaPackSectionProps {
  meeting: Meeting;
  onChangeStatus: (action: MeetingAction) => void;
}

/**
 * The agenda pack: what members reported since the previous meeting and what earlier meetings left
 * open. The secretariat turns a report into an agenda item with one click.
 */
export function AgendaPackSection({ meeting, onChangeStatus }: AgendaPackSectionProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const pack = useAgendaPack(meeting.id);
  const save = useSaveMeeting();
  const [which, setWhich] = useState<'flagged' | 'all'>('flagged');
  if (pack.isPending) return <Skeleton height={160} radius="md" />;
  if (!pack.data) return <ErrorAlert error={pack.error} onRetry={() => void pack.refetch()} />;
  const p = pack.data;
  const shown = p.reports.filter((r) => which === 'all' || r.obstacles !== '' || r.intervention !== '');
  const byAgency = new Map<string, typeof shown>();
  for (const r of shown) byAgency.set(r.agencyShortName, [...(byAgency.get(r.agencyShortName) ?? []), r]);
  const onAgenda = new Set(meeting.agenda.flatMap((a) => (a.activityId ? [a.activityId] : [])));
  const addToAgenda = (r: (typeof p.reports)[number]) => {
    const input = meetingToInput(meeting);
    const notes = [r.obstacles, r.intervention].filter(Boolean).join(' — ');
    input.agenda = [
      ...input.agenda,
      {
        title: `${r.activityTitle} (${r.agencyShortName})`,
        activityId: r.activityId,
        caseNumber: null,
        notes,
      },
    ];
    save.mutate(
      { id: meeting.id, input, version: meeting.version, idempotencyKey: '' },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('meetings.pack.added') }) },
    );
  };
  return (
    <section aria-labelledby="pack-title">
      <Title order={2} fz="h4" id="pack-title">
        {t('meetings.pack.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('meetings.pack.description', { from: formatDate(p.from, lang, meeting.timeZone) })}
        {p.previousMeeting ? ` ${t('meetings.pack.since', { title: p.previousMeeting.title })}` : ''}
      </Text>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <Title order={3} fz="h5" mb="xs">
        {t('meetings.pack.reports')}
      </Title>
      <Switch
        mb="sm"
        checked={which === 'flagged'}
        onChange={(e) => setWhich(e.currentTarget.checked ? 'flagged' : 'all')}
        label={t('meetings.pack.flagged', { count: p.reports.length })}
      />
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('meetings.pack.noReports')}
        </Text>
      ) : (
        <Accordion multiple variant="separated" radius="md">
          {[...byAgency.entries()].map(([agency, rows]) => (
            <Accordion.Item key={agency} value={agency}>
              <Accordion.Control>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {agency}
                  </Text>
                  <Badge variant="light" radius="sm" color="gray">
                    {t('meetings.pack.reportCount', { count: rows.length })}
                  </Badge>
                  {rows.some((r) => r.intervention) ? (
                    <Badge variant="light" radius="sm" color="orange">
                      {t('meetings.pack.interventions', { count: rows.filter((r) => r.intervention).length })}
                    </Badge>
                  ) : null}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="xs">
                  {rows.map((r) => (
                    <Card
                      key={`${r.activityId}-${r.year}-${r.period}`}
                      withBorder
                      radius="md"
                      padding="sm"
                      data-testid="pack-report"
                    >
                      <Group justify="space-between" wrap="wrap" gap="xs">
                        <Text size="sm" fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                          {r.activityTitle}
                        </Text>
                        <Text size="sm" c="dimmed">
                          {t('meetings.pack.period', {
                            period: t(`plans.period.${r.periodKind}`, { n: r.period }),
                            year: r.year,
                          })}
                        </Text>
                      </Group>
                      <Text size="sm" mt={4}>
                        <b>{t('plans.achievement')}:</b> {r.achievement}
                      </Text>
                      {r.obstacles ? (
                        <Text size="sm">
                          <b>{t('plans.obstacles')}:</b> {r.obstacles}
                        </Text>
                      ) : null}
                      {r.intervention ? (
                        <Text size="sm">
                          <b>{t('plans.intervention')}:</b> {r.intervention}
                          {r.interventionAgencyShortName
                            ? ` (${t('meetings.pack.interventionBy', { agency: r.interventionAgencyShortName })})`
                            : ''}
                        </Text>
                      ) : null}
                      {meeting.can.manage && !onAgenda.has(r.activityId) ? (
                        <Group justify="flex-end" mt="xs">
                          <Button
                            size="xs"
                            variant="default"
                            loading={save.isPending}
                            onClick={() => addToAgenda(r)}
                          >
                            {t('meetings.pack.addToAgenda')}
                          </Button>
                        </Group>
                      ) : null}
                    </Card>
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      <Title order={3} fz="h5" mt="md" mb="xs">
        {t('meetings.pack.openActions')}
      </Title>
      {p.openActions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('meetings.pack.noOpenActions')}
        </Text>
      ) : (
        <Stack gap="xs">
          {p.openActions.map((a) => (
            <ActionCard key={a.id} action={a} onChangeStatus={onChangeStatus} showMeeting />
          ))}
        </Stack>
      )}
    </section>
  );
}
