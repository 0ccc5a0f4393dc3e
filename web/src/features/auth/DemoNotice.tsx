import { Alert, Text } from '@mantine/core';
import { ROLES } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useAuthStatus } from './auth.api';

/** Says plainly that this deployment is a demo; never shows a password. */
export function DemoNotice() {
  const { t } = useTranslation();
  const status = useAuthStatus();
  if (!status.data?.demo) return null;
  const roles = ROLES.map((role) => t(`roles.${role}.name`)).join(', ');
  return (
    <Alert color="grape" variant="light" title={t('login.demoTitle')} role="note">
      <Text size="sm">{t('login.demoBody')}</Text>
      <Text size="sm" mt="xs">
        {t('login.demoUsers', { roles })}
      </Text>
    </Alert>
  );
}
