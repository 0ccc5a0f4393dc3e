import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { focalPersonInputSchema } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { focusFirstInvalidField, schemaFieldErrors } from '../../app/ui/form-validation';
import { useLanguage } from '../../i18n';
import { useCreateFocalPerson } from './membership.api';

interface FocalPersonFormProps {
  taskForceId: string;
  agency: { id: string; name: string } | null;
  onClose: () => void;
}

/** Names a focal person (an official of a member agency). */
export function FocalPersonForm({ taskForceId, agency, onClose }: FocalPersonFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const create = useCreateFocalPerson(taskForceId);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const form = useForm({ initialValues: { name: '', position: '', phone: '', email: '' } });

  const submit = form.onSubmit((values) => {
    if (!agency) return;
    const input = { ...values, phone: values.phone || null, email: values.email || null };
    const problems = schemaFieldErrors(focalPersonInputSchema, input, lang);
    if (Object.keys(problems).length > 0) {
      form.setErrors(problems);
      focusFirstInvalidField();
      return;
    }
    create.mutate(
      { agencyId: agency.id, input, idempotencyKey },
      {
        onSuccess: (person) => {
          notifications.show({ color: 'teal', message: t('membership.focalSaved', { name: person.name }) });
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
    <Modal
      opened={agency !== null}
      onClose={onClose}
      title={t('membership.addFocal', { agency: agency?.name ?? '' })}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {create.isError ? <ErrorAlert error={create.error} /> : null}
          <TextInput label={t('membership.focalName')} required {...form.getInputProps('name')} />
          <TextInput label={t('membership.focalPosition')} required {...form.getInputProps('position')} />
          <TextInput label={t('membership.phone')} type="tel" {...form.getInputProps('phone')} />
          <TextInput label={t('membership.email')} type="email" {...form.getInputProps('email')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
