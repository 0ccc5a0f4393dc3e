import { Badge, Button, Card, Group, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { useSession, useSessionInfo } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { MfaEnrolment } from './MfaEnrolment';
import { useMfaDisable } from './mfa.api';

/** The profile's two-step verification: its state, turning it on, and off where the role allows. */
export function MfaCard() {
  const { t } = useTranslation();
  const { mfa } = useSessionInfo();
  const { refresh, completeSignIn } = useSession();
  const [enrolling, setEnrolling] = useState(false);
  const [disabling, setDisabling] = useState(false);
  const [password, setPassword] = useState('');
  const disable = useMfaDisable();
  const fieldError = isApiError(disable.error) ? disable.error.fields.password : undefined;

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="mfa-heading">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} fz="h4" id="mfa-heading">
          {t('mfa.profileTitle')}
        </Title>
        <Badge color={mfa.enabled ? 'teal' : 'gray'} variant="light">
          {mfa.enabled ? t('mfa.adminOn') : t('mfa.adminOff')}
        </Badge>
      </Group>
      <Stack gap="sm">
        <Text size="sm">
          {mfa.enabled ? t('mfa.profileOn') : t('mfa.profileOff')}
          {mfa.required ? ` ${t('mfa.profileRequired')}` : ''}
        </Text>
        {enrolling ? (
          <MfaEnrolment
            onEnabled={(result) => {
              setEnrolling(false);
              completeSignIn(result.session);
              notifications.show({ color: 'teal', message: t('mfa.turnedOn') });
            }}
          />
        ) : null}
        <Group gap="sm">
          {!mfa.enabled && !enrolling ? (
            <Button onClick={() => setEnrolling(true)}>{t('mfa.turnOn')}</Button>
          ) : null}
          {mfa.enabled && !mfa.required ? (
            <Button variant="default" color="red" onClick={() => setDisabling(true)}>
              {t('mfa.turnOff')}
            </Button>
          ) : null}
        </Group>
      </Stack>
      <Modal opened={disabling} onClose={() => setDisabling(false)} title={t('mfa.turnOffTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            disable.mutate(password, {
              onSuccess: async () => {
                setDisabling(false);
                setPassword('');
                await refresh();
                notifications.show({ color: 'teal', message: t('mfa.turnedOff') });
              },
            });
          }}
          noValidate
        >
          <Stack gap="sm">
            <Text size="sm">{t('mfa.turnOffHelp')}</Text>
            <PasswordInput
              label={t('mfa.password')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldError}
              withAsterisk
              data-autofocus
            />
            {disable.isError && !fieldError ? <ErrorAlert error={disable.error} /> : null}
            <Button type="submit" color="red" loading={disable.isPending}>
              {t('mfa.turnOff')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
