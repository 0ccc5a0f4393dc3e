import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import type { Agency } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '../../app/ui/StatusBadge';
import { usePhoneLayout } from '../../app/ui/use-phone-layout';

function AgencyStatus({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? (
    <StatusBadge label={t('common.active')} color="teal" />
  ) : (
    <StatusBadge label={t('common.inactive')} color="gray" />
  );
}

/** Agencies as a table on a desktop and as cards on a phone. */
export function AgencyResults({ agencies }: { agencies: Agency[] }) {
  const { t } = useTranslation();
  const phone = usePhoneLayout();

  if (phone) {
    return (
      <Stack gap="sm">
        {agencies.map((agency) => (
          <Card key={agency.id} withBorder padding="sm" radius="md">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Anchor component={Link} to={`/agencies/${agency.id}`} fw={600} style={{ minWidth: 0 }}>
                {agency.shortName}
              </Anchor>
              <AgencyStatus active={agency.active} />
            </Group>
            <Text size="sm" mt={4}>
              {agency.name}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {t(`sectors.${agency.sector}`)} · {agency.regionName ?? agency.regionCode}
            </Text>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('agencies.shortName')}</Table.Th>
            <Table.Th scope="col">{t('agencies.name')}</Table.Th>
            <Table.Th scope="col">{t('agencies.sector')}</Table.Th>
            <Table.Th scope="col">{t('agencies.region')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agencies.map((agency) => (
            <Table.Tr key={agency.id}>
              <Table.Td>
                <Anchor component={Link} to={`/agencies/${agency.id}`} fw={600}>
                  {agency.shortName}
                </Anchor>
              </Table.Td>
              <Table.Td>{agency.name}</Table.Td>
              <Table.Td>{t(`sectors.${agency.sector}`)}</Table.Td>
              <Table.Td>{agency.regionName ?? agency.regionCode}</Table.Td>
              <Table.Td>
                <AgencyStatus active={agency.active} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
