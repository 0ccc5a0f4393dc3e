import { Text } from '@mantine/core';
import type { ActionStatus, MeetingAction } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../app/ui/StatusBadge';
import { useLanguage } from '../../i18n';
import { formatDay } from '../cases/format-day';

const STATUS_COLOR: Record<ActionStatus, string> = { open: 'blue', done: 'teal', dropped: 'gray' };

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return <StatusBadge label={t(`meetings.actions.statuses.${status}`)} color={STATUS_COLOR[status]} />;
}

/** The due date, or how late the action is, in words. */
export function ActionDue({ action }: { action: MeetingAction }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return action.overdue ? (
    <Text size="sm" c="red" fw={600}>
      {t('meetings.actions.overdue', { count: action.daysOverdue })}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      {t('meetings.actions.due', { date: formatDay(action.dueDate, lang) })}
    </Text>
  );
}
