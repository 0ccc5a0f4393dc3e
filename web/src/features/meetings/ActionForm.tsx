import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { actionInputSchema } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../app/api-client';
import { DateField } from '../../app/ui/DateField';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { focusFirstInvalidField, schemaFieldErrors } from '../../app/ui/form-validation';
import { useLanguage } from '../../i18n';
import { useAddAction } from './meeting.api';

interface ActionFormProps {
  meetingId: string;
  opened: boolean;
  agencies: { value: string; label: string }[];
  activities: { value: string; label: string }[];
  onClose: () => void;
}

/** Assigns a follow-up action of the meeting to a member agency. */
export function ActionForm({ meetingId, opened, agencies, activities, onClose }: ActionFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const add = useAddAction(meetingId);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const form = useForm({
    initialValues: {
      description: '',
      ownerAgencyId: '' as string | null,
      dueDate: '',
      activityId: '' as string | null,
    },
  });
  const submit = form.onSubmit((values) => {
    const input = {
      description: values.description,
      ownerAgencyId: values.ownerAgencyId ?? '',
      dueDate: values.dueDate,
      activityId: values.activityId || null,
    };
    const problems = schemaFieldErrors(actionInputSchema, input, lang);
    if (Object.keys(problems).length > 0) {
      form.setErrors(problems);
      focusFirstInvalidField();
      return;
    }
    add.mutate(
      { input: actionInputSchema.parse(input), idempotencyKey },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('meetings.actions.saved') });
          form.reset();
          setIdempotencyKey(newIdempotencyKey());
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
    <Modal opened={opened} onClose={onClose} title={t('meetings.actions.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {add.isError ? <ErrorAlert error={add.error} /> : null}
          <Textarea
            label={t('meetings.actions.description')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Select
            label={t('meetings.actions.owner')}
            data={agencies}
            required
            searchable
            {...form.getInputProps('ownerAgencyId')}
          />
          <DateField label={t('meetings.actions.dueDate')} required {...form.getInputProps('dueDate')} />
          <Select
            label={t('meetings.actions.activity')}
            data={activities}
            clearable
            searchable
            {...form.getInputProps('activityId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('meetings.actions.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
