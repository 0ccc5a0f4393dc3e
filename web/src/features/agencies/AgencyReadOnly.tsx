import { Alert, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { type Agency, formatDateTime } from '@sinergi/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import { StatusBadge } from '../../app/ui/StatusBadge';
import { useLanguage } from '../../i18n';
import { useTaskForces } from '../taskforces/taskforce.api';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

export function AgencyReadOnly({ agency }: { agency: Agency }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const taskForces = useTaskForces();
  const taskForce = taskForces.data?.find((tf) => tf.id === agency.taskForceId);
  return (
    <Stack gap="md" maw={760}>
      <Alert variant="light" color="blue" role="note">
        {t('agencies.readOnly')}
      </Alert>
      <Card withBorder radius="md" padding="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Item label={t('agencies.name')}>{agency.name}</Item>
          <Item label={t('agencies.shortName')}>{agency.shortName}</Item>
          <Item label={t('agencies.htcdsType')}>{t(`htcdsTypes.${agency.htcdsType}`)}</Item>
          <Item label={t('agencies.sector')}>{t(`sectors.${agency.sector}`)}</Item>
          <Item label={t('agencies.region')}>
            {agency.regionName ?? agency.regionCode} ({agency.regionCode})
          </Item>
          <Item label={t('agencies.taskForce')}>{taskForce?.name ?? t('agencies.noTaskForce')}</Item>
          <Item label={t('common.status')}>
            {agency.active ? (
              <StatusBadge label={t('common.active')} color="teal" />
            ) : (
              <StatusBadge label={t('common.inactive')} color="gray" />
            )}
          </Item>
        </SimpleGrid>
      </Card>
      <Text size="xs" c="dimmed">
        {t('common.lastChanged', { date: formatDateTime(agency.updatedAt, lang, zone) })}
      </Text>
    </Stack>
  );
}
