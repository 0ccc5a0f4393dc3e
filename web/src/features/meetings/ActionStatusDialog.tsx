import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ACTION_STATUSES, type MeetingAction } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { focusFirstInvalidField } from '../../app/ui/form-validation';
import { useChangeActionStatus } from './meeting.api';

/** Closes (done, or dropped with a reason) or reopens a follow-up action. */
export function ActionStatusDialog({
  action,
  onClose,
}: {
  action: MeetingAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const change = useChangeActionStatus();
  const form = useForm({
    initialValues: { status: 'done' as MeetingAction['status'], note: '' },
  });
  const submit = form.onSubmit((values) => {
    if (!action) return;
    change.mutate(
      { action, status: values.status, note: values.note.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('meetings.actions.statusSaved') });
          form.reset();
          onClose();
        },
        onError: (error) => {
          if (isApiError(error)) form.setErrors(error.fields);
          focusFirstInvalidField();
        },
      },
    );
  });
  return (
    <Modal opened={action !== null} onClose={onClose} title={t('meetings.actions.statusTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{action?.description}</Text>
          {change.isError ? <ErrorAlert error={change.error} /> : null}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="action-status-label">
              {t('meetings.actions.status')}
            </Text>
            <SegmentedControl
              aria-labelledby="action-status-label"
              data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`meetings.actions.statuses.${s}`) }))}
              {...form.getInputProps('status')}
            />
          </Stack>
          <Textarea
            label={t('meetings.actions.note')}
            autosize
            minRows={2}
            required={form.values.status === 'dropped'}
            {...form.getInputProps('note')}
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
