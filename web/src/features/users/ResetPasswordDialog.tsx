import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { passwordResetSchema, type User } from '@sinergi/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { schemaFieldErrors } from '../../app/ui/form-validation';
import { PasswordRules } from '../../app/ui/PasswordRules';
import { useLanguage } from '../../i18n';
import { useResetPassword } from './user.api';

interface ResetPasswordDialogProps {
  user: User;
  opened: boolean;
  onClose: () => void;
  /** The record after the reset (its version changed). */
  onDone: (user: User) => void;
}

export function ResetPasswordDialog({ user, opened, onClose, onDone }: ResetPasswordDialogProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const reset = useResetPassword(user.id);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();

  const close = () => {
    setPassword('');
    setError(undefined);
    reset.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = schemaFieldErrors(passwordResetSchema, { password }, lang);
    if (problems.password) {
      setError(problems.password);
      return;
    }
    reset.mutate(password, {
      onSuccess: (updated) => {
        notifications.show({ color: 'teal', message: t('users.resetDone', { name: updated.displayName }) });
        onDone(updated);
        close();
      },
      onError: (failure) => {
        if (isApiError(failure)) setError(failure.fields.password);
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('users.resetPassword')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('users.resetBody', { name: user.displayName })}</Text>
          <PasswordInput
            label={t('users.newPassword')}
            withAsterisk
            autoComplete="new-password"
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            data-autofocus
          />
          <PasswordRules password={password} username={user.username} />
          {reset.isError && !error ? <ErrorAlert error={reset.error} title={t('errors.saveFailed')} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reset.isPending}>
              {t('users.resetSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
