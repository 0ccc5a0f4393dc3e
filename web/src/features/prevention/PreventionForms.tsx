import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  ALERT_CHANNELS,
  alertInputSchema,
  preventionActivityInputSchema,
  TARGET_GROUPS,
  watchGroupInputSchema,
} from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { focusFirstInvalidField, schemaFieldErrors } from '../../app/ui/form-validation';
import { useLanguage } from '../../i18n';
import { useMeetingOptions } from '../meetings/meeting-options';
import { useRecordOutreach, useRecordWatchGroup, useReportAlert } from './prevention.api';
import { VillageSelect } from './VillageSelect';

interface FormProps {
  opened: boolean;
  onClose: () => void;
}

function Actions({ onClose, loading, label }: { onClose: () => void; loading: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading}>
        {label}
      </Button>
    </Group>
  );
}

/** Records an outreach session (sosialisasi, KIE) of the user's agency. */
export function OutreachForm({ opened, onClose }: FormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const save = useRecordOutreach();
  const { activities } = useMeetingOptions();
  const [key, setKey] = useState(newIdempotencyKey);
  const form = useForm({
    initialValues: {
      heldOn: '',
      villageCode: '',
      targetGroup: '' as string | null,
      topic: '',
      materials: '',
      participants: { adultMale: 0, adultFemale: 0, childMale: 0, childFemale: 0 } as Record<
        string,
        number | string
      >,
      activityId: '' as string | null,
    },
  });
  const submit = form.onSubmit((v) => {
    const input = {
      ...v,
      targetGroup: v.targetGroup ?? '',
      activityId: v.activityId || null,
      participants: Object.fromEntries(Object.entries(v.participants).map(([k, n]) => [k, Number(n)])),
    };
    const problems = schemaFieldErrors(preventionActivityInputSchema, input, lang);
    if (Object.keys(problems).length) {
      form.setErrors(problems);
      focusFirstInvalidField();
      return;
    }
    save.mutate(
      { input: preventionActivityInputSchema.parse(input), idempotencyKey: key },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('prevention.saved') });
          form.reset();
          setKey(newIdempotencyKey());
          onClose();
        },
        onError: (e) => {
          if (isApiError(e)) form.setErrors(e.fields);
          focusFirstInvalidField();
        },
      },
    );
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('prevention.outreach.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {save.isError ? <ErrorAlert error={save.error} /> : null}
          <TextInput
            type="date"
            label={t('prevention.outreach.heldOn')}
            required
            {...form.getInputProps('heldOn')}
          />
          <VillageSelect
            value={form.values.villageCode}
            onChange={(code) => form.setFieldValue('villageCode', code)}
            error={form.errors.villageCode as string | undefined}
            required
          />
          <Select
            label={t('prevention.outreach.targetGroup')}
            data={TARGET_GROUPS.map((g) => ({ value: g, label: t(`prevention.targetGroups.${g}`) }))}
            required
            {...form.getInputProps('targetGroup')}
          />
          <TextInput label={t('prevention.outreach.topic')} required {...form.getInputProps('topic')} />
          <Textarea
            label={t('prevention.outreach.materials')}
            autosize
            {...form.getInputProps('materials')}
          />
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            {(['adultMale', 'adultFemale', 'childMale', 'childFemale'] as const).map((k) => (
              <NumberInput
                key={k}
                label={t(`prevention.outreach.${k}`)}
                min={0}
                {...form.getInputProps(`participants.${k}`)}
              />
            ))}
          </SimpleGrid>
          <Select
            label={t('meetings.actions.activity')}
            data={activities}
            clearable
            searchable
            {...form.getInputProps('activityId')}
          />
          <Actions onClose={onClose} loading={save.isPending} label={t('prevention.save')} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Records a village community-watch group. */
export function WatchGroupForm({ opened, onClose }: FormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const save = useRecordWatchGroup();
  const [key, setKey] = useState(newIdempotencyKey);
  const form = useForm({
    initialValues: {
      villageCode: '',
      name: '',
      formedOn: '',
      membersCount: 1 as number | string,
      contact: '',
    },
  });
  const submit = form.onSubmit((v) => {
    const input = { ...v, membersCount: Number(v.membersCount) };
    const problems = schemaFieldErrors(watchGroupInputSchema, input, lang);
    if (Object.keys(problems).length) {
      form.setErrors(problems);
      focusFirstInvalidField();
      return;
    }
    save.mutate(
      { input: watchGroupInputSchema.parse(input), idempotencyKey: key },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('prevention.saved') });
          form.reset();
          setKey(newIdempotencyKey());
          onClose();
        },
        onError: (e) => {
          if (isApiError(e)) form.setErrors(e.fields);
          focusFirstInvalidField();
        },
      },
    );
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('prevention.groups.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {save.isError ? <ErrorAlert error={save.error} /> : null}
          <VillageSelect
            value={form.values.villageCode}
            onChange={(code) => form.setFieldValue('villageCode', code)}
            error={form.errors.villageCode as string | undefined}
            required
          />
          <TextInput label={t('prevention.groups.name')} required {...form.getInputProps('name')} />
          <TextInput
            type="date"
            label={t('prevention.groups.formedOn')}
            required
            {...form.getInputProps('formedOn')}
          />
          <NumberInput
            label={t('prevention.groups.members')}
            min={1}
            required
            {...form.getInputProps('membersCount')}
          />
          <TextInput label={t('prevention.groups.contact')} {...form.getInputProps('contact')} />
          <Actions onClose={onClose} loading={save.isPending} label={t('prevention.save')} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Reports a suspicious recruitment. */
export function AlertForm({ opened, onClose }: FormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const save = useReportAlert();
  const [key, setKey] = useState(newIdempotencyKey);
  const form = useForm({
    initialValues: {
      channel: '' as string | null,
      description: '',
      link: '',
      villageCode: '',
      placeNote: '',
      reportedBy: '',
      seenOn: '',
    },
  });
  const submit = form.onSubmit((v) => {
    const input = { ...v, channel: v.channel ?? '', villageCode: v.villageCode || null };
    const problems = schemaFieldErrors(alertInputSchema, input, lang);
    if (Object.keys(problems).length) {
      form.setErrors(problems);
      focusFirstInvalidField();
      return;
    }
    save.mutate(
      { input: alertInputSchema.parse(input), idempotencyKey: key },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('prevention.saved') });
          form.reset();
          setKey(newIdempotencyKey());
          onClose();
        },
        onError: (e) => {
          if (isApiError(e)) form.setErrors(e.fields);
          focusFirstInvalidField();
        },
      },
    );
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('prevention.alerts.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {save.isError ? <ErrorAlert error={save.error} /> : null}
          <Select
            label={t('prevention.alerts.channel')}
            data={ALERT_CHANNELS.map((c) => ({
              value: c,
              label: c === 'Offline' ? t('prevention.alerts.offline') : c,
            }))}
            required
            searchable
            {...form.getInputProps('channel')}
          />
          <Textarea
            label={t('prevention.alerts.description')}
            description={t('prevention.alerts.descriptionHint')}
            required
            autosize
            minRows={3}
            {...form.getInputProps('description')}
          />
          <TextInput label={t('prevention.alerts.link')} type="url" {...form.getInputProps('link')} />
          <VillageSelect
            value={form.values.villageCode}
            onChange={(code) => form.setFieldValue('villageCode', code)}
            error={form.errors.villageCode as string | undefined}
          />
          <TextInput label={t('prevention.alerts.placeNote')} {...form.getInputProps('placeNote')} />
          <TextInput
            label={t('prevention.alerts.reportedBy')}
            description={t('prevention.alerts.reportedByHint')}
            required
            {...form.getInputProps('reportedBy')}
          />
          <TextInput
            type="date"
            label={t('prevention.alerts.seenOn')}
            required
            {...form.getInputProps('seenOn')}
          />
          <Actions onClose={onClose} loading={save.isPending} label={t('prevention.save')} />
        </Stack>
      </form>
    </Modal>
  );
}
