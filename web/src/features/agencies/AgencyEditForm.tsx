import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type Agency, agencyPatchSchema, agencySchema, formatDateTime, type Region } from '@sinergi/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { useTimeZone } from '../../app/session';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { focusFirstInvalidField, renameErrorFields, schemaFieldErrors } from '../../app/ui/form-validation';
import { type ConflictRow, VersionConflictDialog } from '../../app/ui/VersionConflictDialog';
import { useLanguage } from '../../i18n';
import { useTaskForces } from '../taskforces/taskforce.api';
import { AgencyFormFields } from './AgencyFormFields';
import { useUpdateAgency } from './agency.api';
import {
  AGENCY_ERROR_FIELDS,
  type AgencyFormValues,
  agencyToValues,
  valuesToPatch,
} from './agency-form-values';

export function AgencyEditForm({ agency }: { agency: Agency }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const queryClient = useQueryClient();
  const taskForces = useTaskForces();
  const update = useUpdateAgency(agency.id);
  // The record the form is based on: its version goes with the next save.
  const [base, setBase] = useState(agency);
  const [conflict, setConflict] = useState<Agency | null>(null);
  const [confirmingDeactivation, setConfirmingDeactivation] = useState(false);
  const form = useForm<AgencyFormValues>({ initialValues: agencyToValues(agency) });

  const regionLabel = (code: string): string => {
    const parent = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : 'root';
    const cached = queryClient.getQueryData<{ items: Region[] }>(['regions', 'children', parent]);
    const name = cached?.items.find((r) => r.code === code)?.name;
    return name ? `${name} (${code})` : code;
  };
  const taskForceLabel = (id: string | null) =>
    (id && taskForces.data?.find((tf) => tf.id === id)?.name) || t('agencies.noTaskForce');

  const conflictRows = (values: AgencyFormValues, current: Agency): ConflictRow[] => {
    const mine = values.regencyCode || values.provinceCode;
    const activeLabel = (active: boolean) => (active ? t('common.active') : t('common.inactive'));
    return [
      { label: t('agencies.name'), yours: values.name.trim(), theirs: current.name },
      { label: t('agencies.shortName'), yours: values.shortName.trim(), theirs: current.shortName },
      {
        label: t('agencies.htcdsType'),
        yours: values.htcdsType ? t(`htcdsTypes.${values.htcdsType as Agency['htcdsType']}`) : '',
        theirs: t(`htcdsTypes.${current.htcdsType}`),
      },
      {
        label: t('agencies.sector'),
        yours: values.sector ? t(`sectors.${values.sector as Agency['sector']}`) : '',
        theirs: t(`sectors.${current.sector}`),
      },
      {
        label: t('agencies.region'),
        yours: regionLabel(mine),
        theirs: `${current.regionName ?? current.regionCode} (${current.regionCode})`,
      },
      {
        label: t('agencies.taskForce'),
        yours: taskForceLabel(values.taskForceId || null),
        theirs: taskForceLabel(current.taskForceId),
      },
      { label: t('common.status'), yours: activeLabel(values.active), theirs: activeLabel(current.active) },
    ];
  };

  const rebase = (record: Agency, keepEntries: boolean) => {
    const recordValues = agencyToValues(record);
    setBase(record);
    form.setInitialValues(recordValues);
    if (!keepEntries) form.setValues(recordValues);
    form.clearErrors();
  };

  const save = (values: AgencyFormValues) => {
    const patch = valuesToPatch(values, base);
    const problems = schemaFieldErrors(agencyPatchSchema, patch, lang);
    if (Object.keys(problems).length > 0) {
      form.setErrors(renameErrorFields(problems, AGENCY_ERROR_FIELDS));
      focusFirstInvalidField();
      return;
    }
    update.mutate(patch, {
      onSuccess: (saved) => {
        rebase(saved, false);
        form.resetDirty(agencyToValues(saved));
        notifications.show({ color: 'teal', message: t('agencies.saved', { name: saved.shortName }) });
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        const current = agencySchema.safeParse(error.current);
        if (error.code === 'version_conflict' && current.success) setConflict(current.data);
        else {
          form.setErrors(renameErrorFields(error.fields, AGENCY_ERROR_FIELDS));
          focusFirstInvalidField();
        }
      },
    });
  };

  const submit = form.onSubmit((values) => {
    if (base.active && !values.active) setConfirmingDeactivation(true);
    else save(values);
  });

  const showError = update.isError && !(isApiError(update.error) && update.error.code === 'version_conflict');

  return (
    <>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={760}>
          <Text size="sm" c="dimmed">
            {t('common.requiredNote')}
          </Text>
          <AgencyFormFields form={form} />
          {showError ? <ErrorAlert error={update.error} title={t('errors.saveFailed')} /> : null}
          <Group gap="sm">
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              {t('common.save')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('common.lastChanged', { date: formatDateTime(base.updatedAt, lang, zone) })}
          </Text>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirmingDeactivation}
        title={t('agencies.deactivateTitle')}
        body={t('agencies.deactivateBody', { name: base.shortName })}
        confirmLabel={t('agencies.deactivateConfirm')}
        onCancel={() => setConfirmingDeactivation(false)}
        onConfirm={() => {
          setConfirmingDeactivation(false);
          save(form.getValues());
        }}
      />
      <VersionConflictDialog
        opened={conflict !== null}
        rows={conflict ? conflictRows(form.getValues(), conflict) : []}
        onReload={() => {
          if (conflict) rebase(conflict, false);
          setConflict(null);
          update.reset();
        }}
        onKeepMine={() => {
          if (conflict) rebase(conflict, true);
          setConflict(null);
          update.reset();
        }}
      />
    </>
  );
}
