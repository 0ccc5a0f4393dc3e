import { Anchor, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyWork } from './service.api';

/**
 * The number of open items on "My work", beside its menu entry; red when something is overdue.
 * `inHeader`: also in the top bar, as a link, so a phone shows it without opening the menu.
 */
export function MyWorkCount({ inHeader = false }: { inHeader?: boolean }) {
  const { t } = useTranslation();
  const work = useMyWork();
  const c = work.data?.counts;
  if (!c || c.total === 0) return null;
  const overdue =
    c.referralsOverdue + c.servicesOverdue + c.meetingActionsOverdue + (c.radReportsOverdue ?? 0);
  const label = `${t('nav.myWork')}: ${c.total}`;
  const badge = (
    <Badge
      size={inHeader ? 'lg' : 'sm'}
      radius="sm"
      color={overdue > 0 ? 'red' : 'blue'}
      aria-label={inHeader ? undefined : label}
      data-testid={inHeader ? 'my-work-count-header' : 'my-work-count'}
    >
      {c.total}
    </Badge>
  );
  if (!inHeader) return badge;
  return (
    <Anchor component={Link} to="/my-work" aria-label={label} underline="never">
      {badge}
    </Anchor>
  );
}
