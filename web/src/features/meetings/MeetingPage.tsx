import {
  Anchor,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import {
  formatDateTime,
  formatTime,
  MEETING_PDF_KINDS,
  type MeetingAction,
  type MeetingPdfKind,
} from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { Fact } from '../../app/ui/Fact';
import { PageHeader } from '../../app/ui/PageHeader';
import { useLanguage } from '../../i18n';
import { ActionCard } from './ActionCard';
import { ActionForm } from './ActionForm';
import { ActionStatusDialog } from './ActionStatusDialog';
import { AgendaPackSection } from './AgendaPackSection';
import { downloadMeetingPdf, useMeeting } from './meeting.api';
import { useMeetingOptions } from './meeting-options';

/** One meeting: facts, agenda pack, agenda, attendance, minutes, decisions and follow-up actions. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const meeting = useMeeting(id);
  const { agencies, activities } = useMeetingOptions();
  const [adding, setAdding] = useState(false);
  const [changing, setChanging] = useState<MeetingAction | null>(null);
  const [pdfError, setPdfError] = useState(false);
  if (meeting.isPending) return <Skeleton height={400} radius="md" />;
  if (!meeting.data) return <ErrorAlert error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  const activityTitle = (aid: string | null) => activities.find((a) => a.value === aid)?.label ?? '';
  const agencyName = (aid: string) => agencies.find((a) => a.value === aid)?.label ?? '';
  const download = (kind: MeetingPdfKind) => {
    setPdfError(false);
    downloadMeetingPdf(m.id, kind)
      // The first print of the invitation gives it its letter number.
      .then(() => (kind === 'invitation' && !m.invitationNumber ? meeting.refetch() : undefined))
      .catch(() => setPdfError(true));
  };
  return (
    <>
      <PageHeader
        title={m.title}
        description={t(`meetings.types.${m.type}`)}
        action={
          m.can.manage ? (
            <Button component={Link} to={`/meetings/${m.id}/edit`}>
              {t('meetings.edit')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <Card withBorder radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Fact label={t('meetings.when')}>
              {formatDateTime(m.startsAt, lang, m.timeZone)}
              {m.endsAt ? ` – ${formatTime(m.endsAt, lang, m.timeZone)}` : ''}
            </Fact>
            <Fact label={t('meetings.place')}>
              {m.place || '—'}
              {m.onlineLink ? (
                <>
                  {' · '}
                  <Anchor
                    href={m.onlineLink}
                    target="_blank"
                    rel="noreferrer"
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {m.onlineLink}
                  </Anchor>
                </>
              ) : null}
            </Fact>
            <Fact label={t('meetings.chair')}>{m.chair || '—'}</Fact>
            <Fact label={t('meetings.minuteTaker')}>{m.minuteTaker || '—'}</Fact>
            <Fact label={t('meetings.invitedAgencies')}>
              {m.invitedAgencyIds.map(agencyName).filter(Boolean).join(', ') || '—'}
              {m.invitedPeople ? ` · ${m.invitedPeople}` : ''}
            </Fact>
            <Fact label={t('meetings.invitationNumber')}>
              {m.invitationNumber ?? t('meetings.invitationNotIssued')}
            </Fact>
          </SimpleGrid>
          <Text size="sm" fw={500} mt="md" mb={4}>
            {t('meetings.pdf.title')}
          </Text>
          <Group gap="xs" wrap="wrap">
            {MEETING_PDF_KINDS.map((k) => (
              <Button key={k} size="xs" variant="default" onClick={() => download(k)}>
                {t(`meetings.pdf.${k}`)}
              </Button>
            ))}
          </Group>
          {pdfError ? (
            <Text size="sm" c="red" mt="xs" role="alert">
              {t('meetings.pdf.failed')}
            </Text>
          ) : null}
        </Card>

        <Tabs defaultValue={Date.parse(m.startsAt) > Date.now() ? 'pack' : 'record'} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="record">{t('meetings.pack.recordTab')}</Tabs.Tab>
            <Tabs.Tab value="pack">{t('meetings.pack.tab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="pack">
            <AgendaPackSection meeting={m} onChangeStatus={setChanging} />
          </Tabs.Panel>
          <Tabs.Panel value="record">
            <Stack gap="lg">
              <section aria-labelledby="agenda-title">
                <Title order={2} fz="h4" mb="xs" id="agenda-title">
                  {t('meetings.sections.agenda')}
                </Title>
                {m.agenda.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('meetings.noAgenda')}
                  </Text>
                ) : (
                  <List type="ordered" spacing={4} data-testid="agenda">
                    {m.agenda.map((a, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: agenda items are ordered text
                      <List.Item key={i}>
                        <Text size="sm" fw={500} span>
                          {a.title}
                        </Text>
                        {a.caseNumber ? (
                          <Text size="sm" c="dimmed" span>
                            {' · '}
                            {t('meetings.case', { number: a.caseNumber })}
                          </Text>
                        ) : null}
                        {a.activityId && activityTitle(a.activityId) ? (
                          <Text size="sm" c="dimmed">
                            {t('meetings.activity', { title: activityTitle(a.activityId) })}
                          </Text>
                        ) : null}
                        {a.notes ? <Text size="sm">{a.notes}</Text> : null}
                      </List.Item>
                    ))}
                  </List>
                )}
              </section>

              <section aria-labelledby="attendance-title">
                <Title order={2} fz="h4" mb="xs" id="attendance-title">
                  {t('meetings.sections.attendance')} · {t('meetings.people', { count: m.attendees.length })}
                </Title>
                {m.attendees.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('meetings.noAttendees')}
                  </Text>
                ) : (
                  <List spacing={2}>
                    {m.attendees.map((a, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: attendance rows have no identity
                      <List.Item key={i}>
                        <Text size="sm" span>
                          {a.name}
                          {a.position ? `, ${a.position}` : ''} —{' '}
                          {a.agencyShortName ?? `${a.organisation} (${t('meetings.guest')})`}
                        </Text>
                      </List.Item>
                    ))}
                  </List>
                )}
              </section>

              <section aria-labelledby="minutes-title">
                <Title order={2} fz="h4" mb="xs" id="minutes-title">
                  {t('meetings.sections.minutes')}
                </Title>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={m.minutes ? undefined : 'dimmed'}>
                  {m.minutes || t('meetings.noMinutes')}
                </Text>
                <Title order={3} fz="h5" mt="sm" mb="xs">
                  {t('meetings.decisions')}
                </Title>
                {m.decisions.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('meetings.noDecisions')}
                  </Text>
                ) : (
                  <List type="ordered" spacing={2}>
                    {m.decisions.map((d, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: decisions are ordered text
                      <List.Item key={i}>
                        <Text size="sm">{d}</Text>
                      </List.Item>
                    ))}
                  </List>
                )}
              </section>

              <section aria-labelledby="actions-title">
                <Group justify="space-between" mb="xs" wrap="wrap">
                  <Title order={2} fz="h4" id="actions-title">
                    {t('meetings.actions.title')}
                  </Title>
                  {m.can.manage ? (
                    <Button size="sm" onClick={() => setAdding(true)}>
                      {t('meetings.actions.add')}
                    </Button>
                  ) : null}
                </Group>
                {m.actions.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('meetings.actions.empty')}
                  </Text>
                ) : (
                  <Stack gap="xs">
                    {m.actions.map((a) => (
                      <ActionCard key={a.id} action={a} onChangeStatus={setChanging} />
                    ))}
                  </Stack>
                )}
              </section>
            </Stack>
          </Tabs.Panel>
        </Tabs>
      </Stack>
      <ActionForm
        meetingId={m.id}
        opened={adding}
        agencies={agencies}
        activities={activities}
        onClose={() => setAdding(false)}
      />
      <ActionStatusDialog action={changing} onClose={() => setChanging(null)} />
    </>
  );
}
