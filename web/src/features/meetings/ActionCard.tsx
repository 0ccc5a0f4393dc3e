import { Anchor, Button, Card, Group, Text } from '@mantine/core';
import type { MeetingAction } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionDue, ActionStatusBadge } from './action-labels';

interface ActionCardProps {
  action: MeetingAction;
  onChangeStatus: (action: MeetingAction) => void;
  /** Names the meeting the action came from (on My work and in the agenda pack). */
  showMeeting?: boolean;
}

/** One follow-up action: what, who, by when, its status and, if allowed, a status button. */
export function ActionCard({ action, onChangeStatus, showMeeting }: ActionCardProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm" data-testid="meeting-action">
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Text size="sm" fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {action.description}
        </Text>
        <ActionStatusBadge status={action.status} />
      </Group>
      <Group gap="xs" wrap="wrap" mt={4}>
        <Text size="sm">{action.ownerAgencyShortName}</Text>
        {action.status === 'open' ? <ActionDue action={action} /> : null}
        {showMeeting ? (
          <Anchor component={Link} to={`/meetings/${action.meetingId}`} size="sm">
            {t('meetings.actions.fromMeeting', { title: action.meetingTitle })}
          </Anchor>
        ) : null}
      </Group>
      {action.statusNote ? (
        <Text size="sm" c="dimmed" mt={4}>
          {action.statusNote}
        </Text>
      ) : null}
      {action.can.update ? (
        <Group justify="flex-end" mt="xs">
          <Button
            size="xs"
            variant={action.status === 'open' ? 'filled' : 'default'}
            onClick={() => onChangeStatus(action)}
          >
            {action.status === 'open' ? t('meetings.actions.close') : t('meetings.actions.change')}
          </Button>
        </Group>
      ) : null}
    </Card>
  );
}
