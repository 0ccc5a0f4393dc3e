import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { formatDateTime, type User } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTimeZone } from '../../app/session';
import { usePhoneLayout } from '../../app/ui/use-phone-layout';
import { useLanguage } from '../../i18n';
import { UserStatusBadge } from './UserStatusBadge';

/** Users as a table on a desktop and as cards on a phone. */
export function UserResults({ users }: { users: User[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const phone = usePhoneLayout();
  const roleNames = (user: User) => user.roles.map((role) => t(`roles.${role}.name`)).join(', ');
  const lastLogin = (user: User) =>
    user.lastLoginAt ? formatDateTime(user.lastLoginAt, lang, zone) : t('users.never');

  if (phone) {
    return (
      <Stack gap="sm">
        {users.map((user) => (
          <Card key={user.id} withBorder padding="sm" radius="md">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Anchor component={Link} to={`/users/${user.id}`} fw={600} style={{ minWidth: 0 }}>
                {user.displayName}
              </Anchor>
              <UserStatusBadge user={user} />
            </Group>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {user.username} · {user.agencyShortName}
            </Text>
            <Text size="sm" mt={4}>
              {roleNames(user)}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {t('users.lastLogin')}: {lastLogin(user)}
            </Text>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.displayName')}</Table.Th>
            <Table.Th scope="col">{t('users.agency')}</Table.Th>
            <Table.Th scope="col">{t('users.roles')}</Table.Th>
            <Table.Th scope="col">{t('users.lastLogin')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Anchor component={Link} to={`/users/${user.id}`} fw={600}>
                  {user.displayName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {user.username}
                </Text>
              </Table.Td>
              <Table.Td>{user.agencyShortName}</Table.Td>
              <Table.Td>{roleNames(user)}</Table.Td>
              <Table.Td>{lastLogin(user)}</Table.Td>
              <Table.Td>
                <UserStatusBadge user={user} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
