import type { User } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../app/ui/StatusBadge';

export function isLocked(user: Pick<User, 'lockedUntil'>, now = Date.now()): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
}

/** Aktif, Nonaktif or Terkunci, in words and colour. */
export function UserStatusBadge({ user }: { user: Pick<User, 'active' | 'lockedUntil'> }) {
  const { t } = useTranslation();
  if (!user.active) return <StatusBadge label={t('common.inactive')} color="gray" />;
  if (isLocked(user)) return <StatusBadge label={t('common.locked')} color="orange" />;
  return <StatusBadge label={t('common.active')} color="teal" />;
}
