import { Button, Group, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { userCreateSchema } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError, newIdempotencyKey } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { FormSection } from '../../app/ui/FormSection';
import { focusFirstInvalidField, schemaFieldErrors } from '../../app/ui/form-validation';
import { PageHeader } from '../../app/ui/PageHeader';
import { PasswordRules } from '../../app/ui/PasswordRules';
import { useLanguage } from '../../i18n';
import { useAgencyOptions } from '../agencies/agency.api';
import { RoleCheckboxes } from './RoleCheckboxes';
import { useCreateUser } from './user.api';
import { emptyUserValues, type UserCreateValues, valuesToUserCreate } from './user-form-values';

export function UserCreatePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const agencies = useAgencyOptions({ activeOnly: true });
  const create = useCreateUser();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const form = useForm<UserCreateValues>({ initialValues: emptyUserValues });
  const values = form.getValues();

  const submit = form.onSubmit((formValues) => {
    const input = valuesToUserCreate(formValues);
    const problems = schemaFieldErrors(userCreateSchema, input, lang);
    if (Object.keys(problems).length > 0) {
      form.setErrors(problems);
      focusFirstInvalidField();
      return;
    }
    create.mutate(
      { input, idempotencyKey },
      {
        onSuccess: (user) => {
          notifications.show({ color: 'teal', message: t('users.created', { name: user.displayName }) });
          void navigate(`/users/${user.id}`);
        },
        onError: (error) => {
          if (isApiError(error)) form.setErrors(error.fields);
          focusFirstInvalidField();
        },
      },
    );
  });

  return (
    <>
      <PageHeader title={t('users.create')} description={t('users.createDescription')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={760}>
          <Text size="sm" c="dimmed">
            {t('common.requiredNote')}
          </Text>
          <FormSection legend={t('users.sectionAccount')}>
            <TextInput
              label={t('users.username')}
              description={t('users.usernameHelp')}
              withAsterisk
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={50}
              {...form.getInputProps('username')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('users.displayName')}
                withAsterisk
                maxLength={120}
                {...form.getInputProps('displayName')}
              />
              <TextInput
                label={t('users.email')}
                type="email"
                maxLength={200}
                {...form.getInputProps('email')}
              />
            </SimpleGrid>
          </FormSection>
          <FormSection legend={t('users.sectionAgencyRoles')}>
            <Select
              label={t('users.agency')}
              withAsterisk
              searchable
              data={(agencies.data ?? []).map((a) => ({ value: a.id, label: `${a.shortName} · ${a.name}` }))}
              disabled={agencies.isPending}
              {...form.getInputProps('agencyId')}
              value={values.agencyId || null}
              onChange={(value) => form.setFieldValue('agencyId', value ?? '')}
            />
            <RoleCheckboxes
              value={values.roles}
              onChange={(roles) => form.setFieldValue('roles', roles)}
              error={form.errors.roles as string | undefined}
            />
          </FormSection>
          <FormSection legend={t('users.sectionPassword')}>
            <PasswordInput
              label={t('users.password')}
              description={t('users.passwordHelp')}
              withAsterisk
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
            <PasswordRules password={values.password} username={values.username.trim().toLowerCase()} />
          </FormSection>
          {create.isError ? <ErrorAlert error={create.error} title={t('errors.saveFailed')} /> : null}
          <Group gap="sm">
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
            <Button component={Link} to="/users" variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
