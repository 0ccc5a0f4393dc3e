import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatDateTime } from '@sinergi/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionInfo, useTimeZone } from '../../app/session';
import { PageHeader } from '../../app/ui/PageHeader';
import { useLanguage } from '../../i18n';
import { MfaCard } from './MfaCard';
import { PasswordChangeForm } from './PasswordChangeForm';
import { SessionsCard } from './SessionsCard';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const { user, taskForce } = useSessionInfo();
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="account-heading">
          <Title order={2} fz="h4" mb="sm" id="account-heading">
            {t('profile.account')}
          </Title>
          <Stack gap="sm">
            <Fact label={t('users.displayName')}>{user.displayName}</Fact>
            <Fact label={t('users.username')}>{user.username}</Fact>
            <Fact label={t('users.email')}>{user.email ?? t('common.notSet')}</Fact>
            <Fact label={t('users.agency')}>
              {user.agencyName} ({user.agencyShortName})
            </Fact>
            <Fact label={t('users.roles')}>
              {user.roles.map((role) => t(`roles.${role}.name`)).join(', ')}
            </Fact>
            <Fact label={t('home.taskForce')}>{taskForce?.name ?? t('home.noTaskForce')}</Fact>
            <Fact label={t('users.lastLogin')}>
              {user.lastLoginAt ? formatDateTime(user.lastLoginAt, lang, zone) : t('users.never')}
            </Fact>
          </Stack>
        </Card>
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="password-heading">
          <Title order={2} fz="h4" id="password-heading">
            {t('profile.changePassword')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('profile.changePasswordHelp')}
          </Text>
          <PasswordChangeForm username={user.username} />
        </Card>
        <MfaCard />
        <SessionsCard />
      </SimpleGrid>
    </>
  );
}
