import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { agencyCreateSchema } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError, newIdempotencyKey } from '../../app/api-client';
import { useSessionInfo } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { focusFirstInvalidField, renameErrorFields, schemaFieldErrors } from '../../app/ui/form-validation';
import { PageHeader } from '../../app/ui/PageHeader';
import { useLanguage } from '../../i18n';
import { AgencyFormFields } from './AgencyFormFields';
import { useCreateAgency } from './agency.api';
import {
  AGENCY_ERROR_FIELDS,
  type AgencyFormValues,
  emptyAgencyValues,
  valuesToCreate,
} from './agency-form-values';

export function AgencyCreatePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const session = useSessionInfo();
  const create = useCreateAgency();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const form = useForm<AgencyFormValues>({ initialValues: emptyAgencyValues(session.taskForce?.id ?? null) });

  const submit = form.onSubmit((values) => {
    const input = valuesToCreate(values);
    const problems = schemaFieldErrors(agencyCreateSchema, input, lang);
    if (Object.keys(problems).length > 0) {
      form.setErrors(renameErrorFields(problems, AGENCY_ERROR_FIELDS));
      focusFirstInvalidField();
      return;
    }
    create.mutate(
      { input, idempotencyKey },
      {
        onSuccess: (agency) => {
          notifications.show({ color: 'teal', message: t('agencies.created', { name: agency.shortName }) });
          void navigate(`/agencies/${agency.id}`);
        },
        onError: (error) => {
          if (isApiError(error)) form.setErrors(renameErrorFields(error.fields, AGENCY_ERROR_FIELDS));
          focusFirstInvalidField();
        },
      },
    );
  });

  return (
    <>
      <PageHeader title={t('agencies.create')} description={t('agencies.createDescription')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={760}>
          <Text size="sm" c="dimmed">
            {t('common.requiredNote')}
          </Text>
          <AgencyFormFields form={form} />
          {create.isError ? <ErrorAlert error={create.error} title={t('errors.saveFailed')} /> : null}
          <Group gap="sm">
            <Button type="submit" loading={create.isPending}>
              {t('agencies.create')}
            </Button>
            <Button component={Link} to="/agencies" variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
