import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type Decree, decreeInputSchema } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../app/api-client';
import { DateField } from '../../app/ui/DateField';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { focusFirstInvalidField, schemaFieldErrors } from '../../app/ui/form-validation';
import { useLanguage } from '../../i18n';
import { useCreateDecree } from './membership.api';

interface DecreeFormProps {
  taskForceId: string;
  decrees: Decree[];
  opened: boolean;
  onClose: () => void;
}

/** Records a decree (SK Bupati), optionally as the change of an earlier one. */
export function DecreeForm({ taskForceId, decrees, opened, onClose }: DecreeFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const create = useCreateDecree(taskForceId);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const form = useForm({ initialValues: { number: '', title: '', signedOn: '', replacesId: '' } });

  const submit = form.onSubmit((values) => {
    const input = { ...values, replacesId: values.replacesId || null };
    const problems = schemaFieldErrors(decreeInputSchema, input, lang);
    if (Object.keys(problems).length > 0) {
      form.setErrors(problems);
      focusFirstInvalidField();
      return;
    }
    create.mutate(
      { input: decreeInputSchema.parse(input), idempotencyKey },
      {
        onSuccess: (decree) => {
          notifications.show({
            color: 'teal',
            message: t('membership.decreeSaved', { number: decree.number }),
          });
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
    <Modal opened={opened} onClose={onClose} title={t('membership.addDecree')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {create.isError ? <ErrorAlert error={create.error} /> : null}
          <TextInput label={t('membership.decreeNumber')} required {...form.getInputProps('number')} />
          <TextInput label={t('membership.decreeTitle')} required {...form.getInputProps('title')} />
          <DateField label={t('membership.signedOn')} required {...form.getInputProps('signedOn')} />
          <Select
            label={t('membership.replaces')}
            description={t('membership.replacesHint')}
            data={decrees.filter((d) => d.inForce).map((d) => ({ value: d.id, label: d.number }))}
            clearable
            {...form.getInputProps('replacesId')}
          />
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
