import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { AlertStatus, RecruitmentAlert } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { focusFirstInvalidField } from '../../app/ui/form-validation';
import { useChangeAlert } from './prevention.api';

/** Moves a recruitment alert to its next status, with a note and, on closing, the case number if any. */
export function AlertStatusDialog({
  alert,
  onClose,
}: {
  alert: RecruitmentAlert | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const change = useChangeAlert();
  const form = useForm({ initialValues: { status: '' as string | null, note: '', caseNumber: '' } });
  const submit = form.onSubmit((v) => {
    if (!alert || !v.status) {
      form.setErrors({ status: t('prevention.alerts.chooseStatus') });
      return;
    }
    change.mutate(
      {
        alert,
        status: v.status as AlertStatus,
        note: v.note.trim(),
        caseNumber: v.caseNumber.trim() || null,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('prevention.saved') });
          form.reset();
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
    <Modal opened={alert !== null} onClose={onClose} title={t('prevention.alerts.changeStatus')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{alert?.description}</Text>
          {change.isError ? <ErrorAlert error={change.error} /> : null}
          <Select
            label={t('prevention.alerts.newStatus')}
            data={(alert?.next ?? []).map((s) => ({ value: s, label: t(`prevention.alertStatuses.${s}`) }))}
            required
            {...form.getInputProps('status')}
          />
          <Textarea label={t('prevention.alerts.note')} autosize {...form.getInputProps('note')} />
          <TextInput
            label={t('prevention.alerts.caseNumber')}
            description={t('meetings.agendaCaseHint')}
            {...form.getInputProps('caseNumber')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
