import { Alert, List, Text } from '@mantine/core';
import { isRole } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useAuthStatus } from './auth.api';

/** Says plainly that this deployment is a demo and names its accounts; never shows a password. */
export function DemoNotice() {
  const { t } = useTranslation();
  const status = useAuthStatus();
  if (!status.data?.demo) return null;
  return (
    <Alert color="grape" variant="light" title={t('login.demoTitle')} role="note">
      <Text size="sm">{t('login.demoBody')}</Text>
      {status.data.mfaRequired ? null : (
        <Text size="sm" mt="xs">
          {t('mfa.demoOff')}
        </Text>
      )}
      <Text size="sm" mt="xs">
        {t('login.demoUsers')}
      </Text>
      <List size="sm" spacing={2} mt={4}>
        {status.data.demoUsers.map((u) => (
          <List.Item key={u.username}>
            <Text span ff="monospace" size="sm">
              {u.username}
            </Text>{' '}
            —{' '}
            {u.roles
              .filter(isRole)
              .map((role) => t(`roles.${role}.name`))
              .join(', ')}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
