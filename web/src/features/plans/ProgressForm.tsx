import { Button, Group, Modal, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  formatNumber,
  formatRupiah,
  type PlanActivity,
  type PlanTree,
  type ProgressReport,
  periodsPerYear,
  progressInputSchema,
} from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { focusFirstInvalidField, schemaFieldErrors } from '../../app/ui/form-validation';
import { VersionConflictDialog } from '../../app/ui/VersionConflictDialog';
import { useLanguage } from '../../i18n';
import { useCorrectProgress, useFileProgress } from './plan.api';

interface ProgressFormProps {
  plan: PlanTree;
  activity: PlanActivity | null;
  agencies: { value: string; label: string }[];
  onClose: () => void;
  /** After a report is filed: where its evidence is attached. */
  onFiled?: (activity: PlanActivity) => void;
  /** The period's latest report, when correcting it (the earlier version is kept). */
  correcting?: ProgressReport | null;
}

function reportValues(r: ProgressReport | null | undefined, period: number) {
  return {
    period: String(r?.period ?? period),
    realised: (r?.realised ?? 0) as number | string,
    budgetSpent: (r?.budgetSpent ?? 0) as number | string,
    achievement: r?.achievement ?? '',
    obstacles: r?.obstacles ?? '',
    intervention: r?.intervention ?? '',
    interventionAgencyId: (r?.interventionAgencyId ?? '') as string | null,
  };
}

/** An agency's progress report on one of its activities for a period. */
export function ProgressForm({ plan, activity, agencies, onClose, onFiled, correcting }: ProgressFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const file = useFileProgress(plan.id);
  const correct = useCorrectProgress(plan.id);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [version, setVersion] = useState(correcting?.version ?? 0);
  const [conflict, setConflict] = useState<ProgressReport | null>(null);
  const form = useForm({ initialValues: reportValues(correcting, Math.max(1, plan.periodsElapsed)) });
  const saving = correcting ? correct : file;
  const agencyName = (id: string | null) => agencies.find((a) => a.value === id)?.label ?? '-';
  const periods = Array.from({ length: periodsPerYear(plan.periodKind) }, (_, i) => ({
    value: String(i + 1),
    label: t(`plans.period.${plan.periodKind}`, { n: i + 1 }),
  }));

  const submit = form.onSubmit((values) => {
    if (!activity) return;
    const input = {
      year: plan.year,
      period: Number(values.period),
      realised: Number(values.realised),
      budgetSpent: Number(values.budgetSpent),
      achievement: values.achievement,
      obstacles: values.obstacles,
      intervention: values.intervention,
      interventionAgencyId: values.interventionAgencyId || null,
    };
    const problems = schemaFieldErrors(progressInputSchema, input, lang);
    if (Object.keys(problems).length > 0) {
      form.setErrors(problems);
      focusFirstInvalidField();
      return;
    }
    if (correcting) {
      const { year: _year, period: _period, ...fields } = input;
      correct.mutate(
        {
          activityId: activity.id,
          year: correcting.year,
          period: correcting.period,
          input: { ...fields, version },
        },
        {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('plans.correctionSaved') });
            onClose();
          },
          onError: (error) => {
            if (isApiError(error) && error.status === 409 && error.current) {
              setConflict(error.current as ProgressReport);
              return;
            }
            if (isApiError(error)) form.setErrors(error.fields);
            focusFirstInvalidField();
          },
        },
      );
      return;
    }
    file.mutate(
      { activityId: activity.id, input, idempotencyKey },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('plans.reportSaved') });
          form.reset();
          setIdempotencyKey(newIdempotencyKey());
          onClose();
          onFiled?.(activity);
        },
        onError: (error) => {
          if (isApiError(error)) form.setErrors(error.fields);
          focusFirstInvalidField();
        },
      },
    );
  });

  return (
    <Modal
      opened={activity !== null}
      onClose={onClose}
      title={
        correcting
          ? t('plans.correctTitle', { title: activity?.title ?? '' })
          : t('plans.reportTitle', { title: activity?.title ?? '' })
      }
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {saving.isError && !conflict ? <ErrorAlert error={saving.error} /> : null}
          <Select
            label={t('plans.periodLabel', { year: correcting?.year ?? plan.year })}
            data={periods}
            required
            allowDeselect={false}
            disabled={Boolean(correcting)}
            description={correcting ? t('plans.correctHelp') : undefined}
            {...form.getInputProps('period')}
          />
          <NumberInput
            label={t('plans.realised', { unit: activity?.unit ?? '' })}
            min={0}
            required
            {...form.getInputProps('realised')}
          />
          <NumberInput
            label={t('plans.budgetSpent')}
            min={0}
            thousandSeparator="."
            decimalSeparator=","
            prefix="Rp "
            {...form.getInputProps('budgetSpent')}
          />
          <Textarea
            label={t('plans.achievement')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('achievement')}
          />
          <Textarea label={t('plans.obstacles')} autosize minRows={2} {...form.getInputProps('obstacles')} />
          <Textarea
            label={t('plans.intervention')}
            autosize
            minRows={2}
            {...form.getInputProps('intervention')}
          />
          <Select
            label={t('plans.interventionAgency')}
            data={agencies}
            clearable
            searchable
            {...form.getInputProps('interventionAgencyId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving.isPending}>
              {correcting ? t('plans.submitCorrection') : t('plans.submitReport')}
            </Button>
          </Group>
        </Stack>
      </form>
      <VersionConflictDialog
        opened={conflict !== null}
        rows={
          conflict
            ? [
                {
                  label: t('plans.realised', { unit: activity?.unit ?? '' }),
                  yours: formatNumber(Number(form.values.realised) || 0, lang, 2),
                  theirs: formatNumber(conflict.realised, lang, 2),
                },
                {
                  label: t('plans.budgetSpent'),
                  yours: formatRupiah(Number(form.values.budgetSpent) || 0, lang),
                  theirs: formatRupiah(conflict.budgetSpent, lang),
                },
                {
                  label: t('plans.achievement'),
                  yours: form.values.achievement,
                  theirs: conflict.achievement,
                },
                { label: t('plans.obstacles'), yours: form.values.obstacles, theirs: conflict.obstacles },
                {
                  label: t('plans.intervention'),
                  yours: form.values.intervention,
                  theirs: conflict.intervention,
                },
                {
                  label: t('plans.interventionAgency'),
                  yours: agencyName(form.values.interventionAgencyId),
                  theirs: agencyName(conflict.interventionAgencyId),
                },
              ]
            : []
        }
        onReload={() => {
          if (!conflict) return;
          form.setValues(reportValues(conflict, conflict.period));
          setVersion(conflict.version);
          setConflict(null);
        }}
        onKeepMine={() => {
          if (!conflict) return;
          setVersion(conflict.version);
          setConflict(null);
        }}
      />
    </Modal>
  );
}
