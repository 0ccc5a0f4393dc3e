import { Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ALERT_CHANNELS, alertInputSchema, type RecruitmentAlert } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/ui/DateField';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { focusFirstInvalidField, schemaFieldErrors } from '../../app/ui/form-validation';
import { VersionConflictDialog } from '../../app/ui/VersionConflictDialog';
import { useLanguage } from '../../i18n';
import { Actions, type FormProps } from './PreventionForms';
import { useReportAlert } from './prevention.api';
import { usePreventionSave } from './use-prevention-save';
import { VillageSelect } from './VillageSelect';

function alertValues(r: RecruitmentAlert | null | undefined) {
  return {
    channel: (r?.channel ?? '') as string | null,
    description: r?.description ?? '',
    link: r?.link ?? '',
    villageCode: r?.villageCode ?? '',
    placeNote: r?.placeNote ?? '',
    reportedBy: r?.reportedBy ?? '',
    seenOn: r?.seenOn ?? '',
  };
}

/** Reports a suspicious recruitment, or corrects what a report says (its status moves apart). */
export function AlertForm({ opened, onClose, record }: FormProps<RecruitmentAlert>) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const form = useForm({ initialValues: alertValues(record) });
  const saver = usePreventionSave('alerts', useReportAlert(), record ?? null, {
    setErrors: form.setErrors,
    done: () => {
      if (!record) form.reset();
      onClose();
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
    saver.save(alertInputSchema.parse(input));
  });
  const channel = (c: string | null) => (c === 'Offline' ? t('prevention.alerts.offline') : (c ?? ''));
  const c = saver.conflict;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={record ? t('prevention.alerts.edit') : t('prevention.alerts.add')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {saver.error ? <ErrorAlert error={saver.error} /> : null}
          <Select
            label={t('prevention.alerts.channel')}
            data={ALERT_CHANNELS.map((value) => ({ value, label: channel(value) }))}
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
          <DateField label={t('prevention.alerts.seenOn')} required {...form.getInputProps('seenOn')} />
          <Actions onClose={onClose} loading={saver.pending} label={t('prevention.save')} />
        </Stack>
      </form>
      <VersionConflictDialog
        opened={c !== null}
        rows={
          c
            ? [
                {
                  label: t('prevention.alerts.channel'),
                  yours: channel(form.values.channel),
                  theirs: channel(c.channel),
                },
                {
                  label: t('prevention.alerts.description'),
                  yours: form.values.description,
                  theirs: c.description,
                },
                { label: t('prevention.alerts.link'), yours: form.values.link, theirs: c.link },
                {
                  label: t('prevention.village'),
                  yours: form.values.villageCode,
                  theirs: c.villageCode ?? '',
                },
                {
                  label: t('prevention.alerts.placeNote'),
                  yours: form.values.placeNote,
                  theirs: c.placeNote,
                },
                {
                  label: t('prevention.alerts.reportedBy'),
                  yours: form.values.reportedBy,
                  theirs: c.reportedBy,
                },
                { label: t('prevention.alerts.seenOn'), yours: form.values.seenOn, theirs: c.seenOn },
                {
                  label: t('common.status'),
                  yours: record ? t(`prevention.alertStatuses.${record.status}`) : '',
                  theirs: t(`prevention.alertStatuses.${c.status}`),
                },
              ]
            : []
        }
        onReload={() => saver.resolve(true, (cur) => form.setValues(alertValues(cur)))}
        onKeepMine={() => saver.resolve(false, () => undefined)}
      />
    </Modal>
  );
}
