import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { formatDateTime } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTimeZone } from '../../app/session';
import { StatusBadge } from '../../app/ui/StatusBadge';
import { usePhoneLayout } from '../../app/ui/use-phone-layout';
import { useLanguage } from '../../i18n';
import type { AuditEvent } from './audit.api';
import { actionLabel, detailLines, entityLabel, entityPath, OUTCOME_COLORS } from './audit-labels';

function EntityCell({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  if (!event.entityType) return <Text size="sm">—</Text>;
  const label = `${entityLabel(t, event.entityType)}${event.entityId ? ` · ${event.entityId.slice(0, 8)}` : ''}`;
  const path = entityPath(event);
  return path ? (
    <Anchor component={Link} to={path} size="sm">
      {label}
    </Anchor>
  ) : (
    <Text size="sm">{label}</Text>
  );
}

function Details({ event }: { event: AuditEvent }) {
  const lines = detailLines(event.details);
  return (
    <Stack gap={0}>
      {lines.map((line) => (
        <Text key={line} size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {line}
        </Text>
      ))}
      {event.ip ? (
        <Text size="xs" c="dimmed">
          IP: {event.ip}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Audit events as a table on a desktop and as cards on a phone, times in the task force's zone. */
export function AuditResults({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const phone = usePhoneLayout();
  const actor = (event: AuditEvent) =>
    event.actorUsername
      ? `${event.actorUsername}${event.actorAgencyShortName ? ` · ${event.actorAgencyShortName}` : ''}`
      : t('audit.system');
  const outcome = (event: AuditEvent) => (
    <StatusBadge label={t(`audit.outcomes.${event.outcome}`)} color={OUTCOME_COLORS[event.outcome]} />
  );

  if (phone) {
    return (
      <Stack gap="sm">
        {events.map((event) => (
          <Card key={event.id} withBorder padding="sm" radius="md">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Text fw={600} size="sm">
                {actionLabel(t, event.action)}
              </Text>
              {outcome(event)}
            </Group>
            <Text size="xs" c="dimmed">
              {formatDateTime(event.occurredAt, lang, zone)} · {actor(event)}
            </Text>
            <EntityCell event={event} />
            <Details event={event} />
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.time')}</Table.Th>
            <Table.Th scope="col">{t('audit.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.entity')}</Table.Th>
            <Table.Th scope="col">{t('audit.outcome')}</Table.Th>
            <Table.Th scope="col">{t('audit.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(event.occurredAt, lang, zone)}
              </Table.Td>
              <Table.Td>{actor(event)}</Table.Td>
              <Table.Td>{actionLabel(t, event.action)}</Table.Td>
              <Table.Td>
                <EntityCell event={event} />
              </Table.Td>
              <Table.Td>{outcome(event)}</Table.Td>
              <Table.Td maw={280}>
                <Details event={event} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
