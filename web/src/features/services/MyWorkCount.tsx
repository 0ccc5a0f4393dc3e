import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMyWork } from './service.api';

/** The number of open items on "My work", beside its menu entry; red when something is overdue. */
export function MyWorkCount() {
  const { t } = useTranslation();
  const work = useMyWork();
  const c = work.data?.counts;
  if (!c || c.total === 0) return null;
  const overdue = c.referralsOverdue + c.servicesOverdue;
  return (
    <Badge
      size="sm"
      radius="sm"
      color={overdue > 0 ? 'red' : 'blue'}
      aria-label={`${t('nav.myWork')}: ${c.total}`}
      data-testid="my-work-count"
    >
      {c.total}
    </Badge>
  );
}
