import { Button, Group, Modal, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type PlanActivity, type PlanTree, periodsPerYear, progressInputSchema } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { focusFirstInvalidField, schemaFieldErrors } from '../../app/ui/form-validation';
import { useLanguage } from '../../i18n';
import { useFileProgress } from './plan.api';

interface ProgressFormProps {
  plan: PlanTree;
  activity: PlanActivity | null;
  agencies: { value: string; label: string }[];
  onClose: () => void;
  /** After a report is filed: where its evidence is attached. */
  onFiled?: (activity: PlanActivity) => void;
}

/** An agency's progress report on one of its activities for a period. */
export function ProgressForm({ plan, activity, agencies, onClose, onFiled }: ProgressFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const file = useFileProgress(plan.id);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const form = useForm({
    initialValues: {
      period: String(Math.max(1, plan.periodsElapsed)),
      realised: 0 as number | string,
      budgetSpent: 0 as number | string,
      achievement: '',
      obstacles: '',
      intervention: '',
      interventionAgencyId: '' as string | null,
    },
  });
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
      title={t('plans.reportTitle', { title: activity?.title ?? '' })}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {file.isError ? <ErrorAlert error={file.error} /> : null}
          <Select
            label={t('plans.periodLabel', { year: plan.year })}
            data={periods}
            required
            allowDeselect={false}
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
            <Button type="submit" loading={file.isPending}>
              {t('plans.submitReport')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
