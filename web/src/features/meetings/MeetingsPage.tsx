import { Anchor, Badge, Button, Card, Group, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { formatDateTime, MEETING_TYPES, type MeetingSummary } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermission, useTimeZone } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { usePhoneLayout } from '../../app/ui/use-phone-layout';
import { allowedOrEmpty, useUrlFilters } from '../../app/ui/use-url-filters';
import { useLanguage } from '../../i18n';
import { useMeetings } from './meeting.api';

function ActionCounts({ m }: { m: MeetingSummary }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      {m.actionsOpen ? (
        <Badge variant="light" radius="sm" color="blue">
          {t('meetings.actionsOpen', { count: m.actionsOpen })}
        </Badge>
      ) : null}
      {m.actionsOverdue ? (
        <Badge variant="light" radius="sm" color="red">
          {t('meetings.actionsOverdue', { count: m.actionsOverdue })}
        </Badge>
      ) : null}
    </Group>
  );
}

/** The task force's meetings, newest first; the secretariat records new ones here. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const phone = usePhoneLayout();
  const canManage = usePermission('meeting.manage');
  const meetings = useMeetings();
  const filters = useUrlFilters(['type', 'year'] as const);
  const type = allowedOrEmpty(filters.values.type, MEETING_TYPES);
  const all = meetings.data ?? [];
  const years = [...new Set(all.map((m) => m.startsAt.slice(0, 4)))];
  const items = all.filter(
    (m) => (!type || m.type === type) && (!filters.values.year || m.startsAt.startsWith(filters.values.year)),
  );
  return (
    <>
      <PageHeader
        title={t('meetings.title')}
        description={t('meetings.description')}
        action={
          canManage ? (
            <Group gap="sm">
              <Button variant="default" component={Link} to="/meetings/overview">
                {t('meetings.overview.title')}
              </Button>
              <Button component={Link} to="/meetings/new">
                {t('meetings.new')}
              </Button>
            </Group>
          ) : null
        }
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <Select
          label={t('meetings.type')}
          placeholder={t('common.all')}
          data={MEETING_TYPES.map((x) => ({ value: x, label: t(`meetings.types.${x}`) }))}
          value={type || null}
          onChange={(v) => filters.setFilter('type', v ?? '')}
          clearable
          style={{ flex: '1 1 12rem' }}
        />
        <Select
          label={t('plans.year')}
          placeholder={t('common.all')}
          data={years}
          value={filters.values.year || null}
          onChange={(v) => filters.setFilter('year', v ?? '')}
          clearable
          style={{ flex: '1 1 8rem' }}
        />
      </Group>
      {meetings.isPending ? (
        <Skeleton height={200} radius="md" />
      ) : meetings.isError ? (
        <ErrorAlert error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : all.length === 0 ? (
        <Text c="dimmed">{canManage ? t('meetings.empty') : t('meetings.emptyReadOnly')}</Text>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('meetings.noMatch')}</Text>
      ) : phone ? (
        <Stack gap="sm">
          {items.map((m) => (
            <Card key={m.id} withBorder radius="md" padding="sm" data-testid="meeting-row">
              <Anchor component={Link} to={`/meetings/${m.id}`} fw={600}>
                {m.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t(`meetings.types.${m.type}`)} · {formatDateTime(m.startsAt, lang, zone)}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {m.place || m.onlineLink}
              </Text>
              <ActionCounts m={m} />
            </Card>
          ))}
        </Stack>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('meetings.meetingTitle')}</Table.Th>
              <Table.Th>{t('meetings.type')}</Table.Th>
              <Table.Th>{t('meetings.when')}</Table.Th>
              <Table.Th>{t('meetings.place')}</Table.Th>
              <Table.Th>{t('meetings.actions.title')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((m) => (
              <Table.Tr key={m.id} data-testid="meeting-row">
                <Table.Td>
                  <Anchor component={Link} to={`/meetings/${m.id}`}>
                    {m.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`meetings.types.${m.type}`)}</Table.Td>
                <Table.Td>{formatDateTime(m.startsAt, lang, zone)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.place || m.onlineLink}</Table.Td>
                <Table.Td>
                  <ActionCounts m={m} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
