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
import {
  type PreventionActivity,
  preventionActivityInputSchema,
  TARGET_GROUPS,
  type WatchGroup,
  watchGroupInputSchema,
} from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/ui/DateField';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { focusFirstInvalidField, schemaFieldErrors } from '../../app/ui/form-validation';
import { VersionConflictDialog } from '../../app/ui/VersionConflictDialog';
import { useLanguage } from '../../i18n';
import { useMeetingOptions } from '../meetings/meeting-options';
import { useRecordOutreach, useRecordWatchGroup } from './prevention.api';
import { usePreventionSave } from './use-prevention-save';
import { VillageSelect } from './VillageSelect';

export interface FormProps<T> {
  opened: boolean;
  onClose: () => void;
  /** The record to correct; a new one is recorded when absent. */
  record?: T | null;
}

export function Actions({
  onClose,
  loading,
  label,
}: {
  onClose: () => void;
  loading: boolean;
  label: string;
}) {
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

const PARTICIPANTS = ['adultMale', 'adultFemale', 'childMale', 'childFemale'] as const;

function outreachValues(r: PreventionActivity | null | undefined) {
  return {
    heldOn: r?.heldOn ?? '',
    villageCode: r?.villageCode ?? '',
    targetGroup: (r?.targetGroup ?? '') as string | null,
    topic: r?.topic ?? '',
    materials: r?.materials ?? '',
    participants: {
      adultMale: 0,
      adultFemale: 0,
      childMale: 0,
      childFemale: 0,
      ...r?.participants,
    } as Record<string, number | string>,
    activityId: (r?.activityId ?? '') as string | null,
  };
}

/** Records an outreach session (sosialisasi, KIE) of the user's agency, or corrects one. */
export function OutreachForm({ opened, onClose, record }: FormProps<PreventionActivity>) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { activities } = useMeetingOptions();
  const form = useForm({ initialValues: outreachValues(record) });
  const saver = usePreventionSave('activities', useRecordOutreach(), record ?? null, {
    setErrors: form.setErrors,
    done: () => {
      if (!record) form.reset();
      onClose();
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
    saver.save(preventionActivityInputSchema.parse(input));
  });
  const people = (p: Record<string, number | string>) =>
    PARTICIPANTS.map((k) => Number(p[k] ?? 0)).join(' / ');
  const c = saver.conflict;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={record ? t('prevention.outreach.edit') : t('prevention.outreach.add')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {saver.error ? <ErrorAlert error={saver.error} /> : null}
          <DateField label={t('prevention.outreach.heldOn')} required {...form.getInputProps('heldOn')} />
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
            {PARTICIPANTS.map((k) => (
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
          <Actions onClose={onClose} loading={saver.pending} label={t('prevention.save')} />
        </Stack>
      </form>
      <VersionConflictDialog
        opened={c !== null}
        rows={
          c
            ? [
                { label: t('prevention.outreach.heldOn'), yours: form.values.heldOn, theirs: c.heldOn },
                { label: t('prevention.village'), yours: form.values.villageCode, theirs: c.villageCode },
                {
                  label: t('prevention.outreach.targetGroup'),
                  yours: form.values.targetGroup
                    ? t(
                        `prevention.targetGroups.${form.values.targetGroup as (typeof TARGET_GROUPS)[number]}`,
                      )
                    : '',
                  theirs: t(`prevention.targetGroups.${c.targetGroup}`),
                },
                { label: t('prevention.outreach.topic'), yours: form.values.topic, theirs: c.topic },
                {
                  label: t('prevention.outreach.materials'),
                  yours: form.values.materials,
                  theirs: c.materials,
                },
                {
                  label: t('prevention.outreach.participants'),
                  yours: people(form.values.participants),
                  theirs: people(c.participants),
                },
              ]
            : []
        }
        onReload={() => saver.resolve(true, (cur) => form.setValues(outreachValues(cur)))}
        onKeepMine={() => saver.resolve(false, () => undefined)}
      />
    </Modal>
  );
}

function groupValues(r: WatchGroup | null | undefined) {
  return {
    villageCode: r?.villageCode ?? '',
    name: r?.name ?? '',
    formedOn: r?.formedOn ?? '',
    membersCount: (r?.membersCount ?? 1) as number | string,
    contact: r?.contact ?? '',
  };
}

/** Records a village community-watch group, or corrects one. */
export function WatchGroupForm({ opened, onClose, record }: FormProps<WatchGroup>) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const form = useForm({ initialValues: groupValues(record) });
  const saver = usePreventionSave('watch-groups', useRecordWatchGroup(), record ?? null, {
    setErrors: form.setErrors,
    done: () => {
      if (!record) form.reset();
      onClose();
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
    saver.save(watchGroupInputSchema.parse(input));
  });
  const c = saver.conflict;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={record ? t('prevention.groups.edit') : t('prevention.groups.add')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {saver.error ? <ErrorAlert error={saver.error} /> : null}
          <VillageSelect
            value={form.values.villageCode}
            onChange={(code) => form.setFieldValue('villageCode', code)}
            error={form.errors.villageCode as string | undefined}
            required
          />
          <TextInput label={t('prevention.groups.name')} required {...form.getInputProps('name')} />
          <DateField label={t('prevention.groups.formedOn')} required {...form.getInputProps('formedOn')} />
          <NumberInput
            label={t('prevention.groups.members')}
            min={1}
            required
            {...form.getInputProps('membersCount')}
          />
          <TextInput label={t('prevention.groups.contact')} {...form.getInputProps('contact')} />
          <Actions onClose={onClose} loading={saver.pending} label={t('prevention.save')} />
        </Stack>
      </form>
      <VersionConflictDialog
        opened={c !== null}
        rows={
          c
            ? [
                { label: t('prevention.village'), yours: form.values.villageCode, theirs: c.villageCode },
                { label: t('prevention.groups.name'), yours: form.values.name, theirs: c.name },
                { label: t('prevention.groups.formedOn'), yours: form.values.formedOn, theirs: c.formedOn },
                {
                  label: t('prevention.groups.members'),
                  yours: String(form.values.membersCount),
                  theirs: String(c.membersCount),
                },
                { label: t('prevention.groups.contact'), yours: form.values.contact, theirs: c.contact },
              ]
            : []
        }
        onReload={() => saver.resolve(true, (cur) => form.setValues(groupValues(cur)))}
        onKeepMine={() => saver.resolve(false, () => undefined)}
      />
    </Modal>
  );
}
