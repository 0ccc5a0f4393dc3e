import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { fieldMessage, passwordChangeSchema, passwordProblems } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { focusFirstInvalidField, schemaFieldErrors } from '../../app/ui/form-validation';
import { PasswordRules } from '../../app/ui/PasswordRules';
import { useLanguage } from '../../i18n';
import { useChangePassword } from './auth.api';

interface PasswordChangeValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const EMPTY: PasswordChangeValues = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function PasswordChangeForm({ username }: { username: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const change = useChangePassword();
  const form = useForm<PasswordChangeValues>({ initialValues: EMPTY });
  const values = form.getValues();

  const submit = form.onSubmit(({ currentPassword, newPassword, confirmPassword }) => {
    const input = { currentPassword, newPassword };
    const problems = schemaFieldErrors(passwordChangeSchema, input, lang);
    const [withUsername] = passwordProblems(newPassword, { username });
    if (!problems.newPassword && withUsername) problems.newPassword = fieldMessage(withUsername, lang);
    if (!problems.newPassword && confirmPassword !== newPassword)
      problems.confirmPassword = t('password.mismatch');
    if (Object.keys(problems).length > 0) {
      form.setErrors(problems);
      focusFirstInvalidField();
      return;
    }
    change.mutate(input, {
      onSuccess: () => {
        form.setValues(EMPTY);
        form.resetDirty(EMPTY);
        notifications.show({ color: 'teal', message: t('profile.changed') });
      },
      onError: (error) => {
        if (isApiError(error)) form.setErrors(error.fields);
        focusFirstInvalidField();
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PasswordInput
          label={t('profile.currentPassword')}
          withAsterisk
          autoComplete="current-password"
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('profile.newPassword')}
          withAsterisk
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <PasswordRules password={values.newPassword} username={username} />
        <PasswordInput
          label={t('profile.confirmPassword')}
          withAsterisk
          autoComplete="new-password"
          {...form.getInputProps('confirmPassword')}
        />
        {change.isError ? <ErrorAlert error={change.error} title={t('errors.saveFailed')} /> : null}
        <div>
          <Button type="submit" loading={change.isPending}>
            {t('profile.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
