import { Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { User } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useMfaReset } from '../auth/mfa.api';

/** An administrator's view of a user's second factor, and the reset for a lost phone. */
export function UserMfaSection({ user, onReset }: { user: User; onReset: () => void }) {
  const { t } = useTranslation();
  const reset = useMfaReset(user.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      maw={760}
      component="section"
      aria-labelledby="user-mfa-heading"
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm">
          <Title order={2} fz="h5" id="user-mfa-heading">
            {t('mfa.adminTitle')}
          </Title>
          <Badge color={user.mfaEnabled ? 'teal' : 'gray'} variant="light">
            {user.mfaEnabled ? t('mfa.adminOn') : t('mfa.adminOff')}
          </Badge>
        </Group>
        {user.mfaEnabled ? (
          <Button variant="default" color="red" size="xs" onClick={() => setConfirming(true)}>
            {t('mfa.reset')}
          </Button>
        ) : null}
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('mfa.reset')}>
        <Stack gap="sm">
          <Text size="sm">{t('mfa.resetConfirm')}</Text>
          {reset.isError ? <ErrorAlert error={reset.error} /> : null}
          <Group gap="sm">
            <Button
              color="red"
              loading={reset.isPending}
              onClick={() =>
                reset.mutate(undefined, {
                  onSuccess: () => {
                    setConfirming(false);
                    notifications.show({ color: 'teal', message: t('mfa.resetDone') });
                    onReset();
                  },
                })
              }
            >
              {t('mfa.reset')}
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
