import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../app/session';
import { useOpenAlertCount } from './audit.api';

/** The number of alerts nobody has acknowledged yet, beside the menu item. */
export function AlertCountBadge() {
  const { t } = useTranslation();
  const allowed = usePermission('audit.read');
  const summary = useOpenAlertCount(allowed);
  const open = summary.data?.open ?? 0;
  if (open === 0) return null;
  return (
    <Badge
      size="sm"
      radius="sm"
      color="red"
      aria-label={t('alerts.openCount', { count: open })}
      data-testid="alert-count"
    >
      {open}
    </Badge>
  );
}
