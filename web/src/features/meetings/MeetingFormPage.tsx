import {
  Button,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { MEETING_TYPES, type Meeting, meetingInputSchema, zoneLabel } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError, newIdempotencyKey } from '../../app/api-client';
import { useTimeZone } from '../../app/session';
import { DateTimeField } from '../../app/ui/DateField';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { FormSection } from '../../app/ui/FormSection';
import { focusFirstInvalidField, schemaFieldErrors } from '../../app/ui/form-validation';
import { PageHeader } from '../../app/ui/PageHeader';
import { zonedDateTimeInput, zonedInputToIso } from '../../app/zoned-dates';
import { useLanguage } from '../../i18n';
import { useMeeting, useSaveMeeting } from './meeting.api';
import { useMeetingOptions } from './meeting-options';

/** Records a meeting, or edits its record: time and place, invitation, agenda, attendance, minutes. */
export function MeetingFormPage() {
  const { id } = useParams();
  const meeting = useMeeting(id ?? null);
  if (id && meeting.isPending) return <Skeleton height={400} radius="md" />;
  if (id && !meeting.data) return <ErrorAlert error={meeting.error} onRetry={() => void meeting.refetch()} />;
  return <MeetingForm meeting={meeting.data ?? null} />;
}

function MeetingForm({ meeting }: { meeting: Meeting | null }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const navigate = useNavigate();
  const save = useSaveMeeting();
  const { agencies, activities } = useMeetingOptions();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const form = useForm({
    initialValues: {
      type: meeting?.type ?? 'rakor',
      title: meeting?.title ?? '',
      startsAt: meeting ? zonedDateTimeInput(meeting.startsAt, zone) : '',
      endsAt: meeting?.endsAt ? zonedDateTimeInput(meeting.endsAt, zone) : '',
      place: meeting?.place ?? '',
      onlineLink: meeting?.onlineLink ?? '',
      chair: meeting?.chair ?? '',
      minuteTaker: meeting?.minuteTaker ?? '',
      invitedAgencyIds: meeting?.invitedAgencyIds ?? [],
      invitedPeople: meeting?.invitedPeople ?? '',
      agenda: (meeting?.agenda ?? []).map((a) => ({
        title: a.title,
        activityId: a.activityId ?? '',
        caseNumber: a.caseNumber ?? '',
        notes: a.notes,
      })),
      attendees: (meeting?.attendees ?? []).map((a) => ({
        name: a.name,
        position: a.position,
        agencyId: a.agencyId ?? '',
        organisation: a.organisation,
      })),
      minutes: meeting?.minutes ?? '',
      decisions: (meeting?.decisions ?? []).map((text) => ({ text })),
    },
  });
  const v = form.values;

  const submit = form.onSubmit((values) => {
    const input = {
      ...values,
      startsAt: zonedInputToIso(values.startsAt, zone) ?? values.startsAt,
      endsAt: values.endsAt ? (zonedInputToIso(values.endsAt, zone) ?? values.endsAt) : null,
      agenda: values.agenda.map((a) => ({
        ...a,
        activityId: a.activityId || null,
        caseNumber: a.caseNumber.trim() || null,
      })),
      attendees: values.attendees.map((a) => ({ ...a, agencyId: a.agencyId || null })),
      decisions: values.decisions.map((d) => d.text),
    };
    const problems = schemaFieldErrors(meetingInputSchema, input, lang);
    if (Object.keys(problems).length > 0) {
      form.setErrors(renameDecisions(problems));
      focusFirstInvalidField();
      return;
    }
    save.mutate(
      {
        id: meeting?.id ?? null,
        input: meetingInputSchema.parse(input),
        version: meeting?.version ?? 0,
        idempotencyKey,
      },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('meetings.saved') });
          void navigate(`/meetings/${saved.id}`);
        },
        onError: (error) => {
          if (isApiError(error)) form.setErrors(renameDecisions(error.fields));
          focusFirstInvalidField();
        },
      },
    );
  });

  const removeButton = (list: 'agenda' | 'attendees' | 'decisions', index: number) => (
    <Button
      variant="subtle"
      color="red"
      size="compact-sm"
      aria-label={t('meetings.remove', { n: index + 1 })}
      onClick={() => form.removeListItem(list, index)}
      mt={26}
    >
      {t('common.remove')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={meeting ? t('meetings.edit') : t('meetings.new')}
        description={t('meetings.description')}
      />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {save.isError ? <ErrorAlert error={save.error} /> : null}
          <FormSection legend={t('meetings.sections.basics')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('meetings.type')}
                data={MEETING_TYPES.map((x) => ({ value: x, label: t(`meetings.types.${x}`) }))}
                required
                allowDeselect={false}
                {...form.getInputProps('type')}
              />
              <TextInput label={t('meetings.meetingTitle')} required {...form.getInputProps('title')} />
              <DateTimeField
                label={t('meetings.startsAt', { zone: zoneLabel(zone) })}
                required
                {...form.getInputProps('startsAt')}
              />
              <DateTimeField
                label={t('meetings.endsAt', { zone: zoneLabel(zone) })}
                {...form.getInputProps('endsAt')}
              />
              <TextInput label={t('meetings.place')} {...form.getInputProps('place')} />
              <TextInput label={t('meetings.onlineLink')} type="url" {...form.getInputProps('onlineLink')} />
              <TextInput label={t('meetings.chair')} {...form.getInputProps('chair')} />
              <TextInput label={t('meetings.minuteTaker')} {...form.getInputProps('minuteTaker')} />
            </SimpleGrid>
          </FormSection>
          <FormSection legend={t('meetings.sections.invitation')}>
            <MultiSelect
              label={t('meetings.invitedAgencies')}
              data={agencies}
              searchable
              {...form.getInputProps('invitedAgencyIds')}
            />
            <Textarea
              label={t('meetings.invitedPeople')}
              autosize
              minRows={2}
              {...form.getInputProps('invitedPeople')}
            />
          </FormSection>
          <FormSection legend={t('meetings.sections.agenda')}>
            {v.agenda.map((_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
              <Group key={i} align="flex-start" wrap="nowrap" gap="xs">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1, minWidth: 0 }}>
                  <TextInput
                    label={t('meetings.agendaTitle')}
                    required
                    {...form.getInputProps(`agenda.${i}.title`)}
                  />
                  <Select
                    label={t('meetings.agendaActivity')}
                    data={activities}
                    clearable
                    searchable
                    {...form.getInputProps(`agenda.${i}.activityId`)}
                  />
                  <TextInput
                    label={t('meetings.agendaCase')}
                    description={t('meetings.agendaCaseHint')}
                    {...form.getInputProps(`agenda.${i}.caseNumber`)}
                  />
                  <Textarea
                    label={t('meetings.agendaNotes')}
                    autosize
                    {...form.getInputProps(`agenda.${i}.notes`)}
                  />
                </SimpleGrid>
                {removeButton('agenda', i)}
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                onClick={() =>
                  form.insertListItem('agenda', { title: '', activityId: '', caseNumber: '', notes: '' })
                }
              >
                {t('meetings.addAgenda')}
              </Button>
            </Group>
          </FormSection>
          <FormSection legend={t('meetings.sections.attendance')}>
            {v.attendees.map((_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
              <Group key={i} align="flex-start" wrap="nowrap" gap="xs">
                <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs" style={{ flex: 1, minWidth: 0 }}>
                  <TextInput
                    label={t('meetings.attendeeName')}
                    required
                    {...form.getInputProps(`attendees.${i}.name`)}
                  />
                  <TextInput
                    label={t('meetings.attendeePosition')}
                    {...form.getInputProps(`attendees.${i}.position`)}
                  />
                  <Select
                    label={t('meetings.attendeeAgency')}
                    data={agencies}
                    clearable
                    searchable
                    {...form.getInputProps(`attendees.${i}.agencyId`)}
                  />
                  <TextInput
                    label={t('meetings.attendeeOrganisation')}
                    {...form.getInputProps(`attendees.${i}.organisation`)}
                  />
                </SimpleGrid>
                {removeButton('attendees', i)}
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                onClick={() =>
                  form.insertListItem('attendees', { name: '', position: '', agencyId: '', organisation: '' })
                }
              >
                {t('meetings.addAttendee')}
              </Button>
            </Group>
          </FormSection>
          <FormSection legend={t('meetings.sections.minutes')}>
            <Textarea
              label={t('meetings.minutes')}
              description={t('meetings.minutesHint')}
              autosize
              minRows={4}
              {...form.getInputProps('minutes')}
            />
            {v.decisions.map((_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
              <Group key={i} align="flex-start" wrap="nowrap" gap="xs">
                <Textarea
                  label={t('meetings.decision', { n: i + 1 })}
                  autosize
                  style={{ flex: 1, minWidth: 0 }}
                  {...form.getInputProps(`decisions.${i}.text`)}
                />
                {removeButton('decisions', i)}
              </Group>
            ))}
            <Group>
              <Button variant="default" onClick={() => form.insertListItem('decisions', { text: '' })}>
                {t('meetings.addDecision')}
              </Button>
            </Group>
          </FormSection>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => void navigate(meeting ? `/meetings/${meeting.id}` : '/meetings')}
            >
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('meetings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

/** Decisions are edited as `decisions.N.text`; the schema names them `decisions.N`. */
function renameDecisions(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([k, msg]) => [/^decisions\.\d+$/.test(k) ? `${k}.text` : k, msg]),
  );
}
