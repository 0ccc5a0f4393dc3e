import { Alert, Anchor, Text } from '@mantine/core';
import { formatDateTime, formatNumber } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermission, useSessionInfo, useTimeZone } from '../../app/session';
import { useLanguage } from '../../i18n';
import { usePendingRetentionChange } from './retention.api';

/**
 * On the home page of the task force's administrators and coordinators (the secretariat): a shorter
 * retention period is waiting, when it takes effect and what it replaces, with the way to cancel it.
 */
export function PendingRetentionAlert() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const session = useSessionInfo();
  const isAdmin = usePermission('agency.manage');
  const isCoordinator = usePermission('taskforce.manage');
  const manages = isAdmin || isCoordinator;
  const query = usePendingRetentionChange(manages ? (session.taskForce?.id ?? '') : '');
  const change = query.data;
  if (!change) return null;
  return (
    <Alert variant="light" color="orange" title={t('retention.homeAlertTitle')} role="alert">
      <Text size="sm">
        {t('retention.homeAlertBody', {
          count: change.impact?.cases ?? 0,
          from: formatNumber(change.fromYears, lang),
          to: formatNumber(change.toYears, lang),
          date: formatDateTime(change.effectiveAt, lang, zone),
          cases: formatNumber(change.impact?.cases ?? 0, lang),
        })}
      </Text>
      <Anchor component={Link} to="/settings/retention" size="sm" fw={600} mt={6} display="inline-block">
        {t('retention.homeAlertLink')}
      </Anchor>
    </Alert>
  );
}
