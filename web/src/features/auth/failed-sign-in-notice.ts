import { notifications } from '@mantine/notifications';
import { formatDateTime, type SessionInfo } from '@sinergi/core';
import type { TFunction } from 'i18next';

const SHOWN_KEY = 'sinergi.failedSignInNotice';

/**
 * Tells the user, once per session, how many sign-ins to their account failed since their previous
 * sign-in and when the last one was: someone may be guessing their password.
 */
export function announceFailedSignIns(info: SessionInfo, t: TFunction, lang: string, timeZone: string): void {
  if (info.failedAttemptsSinceLastSignIn === 0 || !info.lastFailedSignInAt) return;
  const session = `${info.user.id}:${info.expiresAt}`;
  try {
    if (sessionStorage.getItem(SHOWN_KEY) === session) return;
    sessionStorage.setItem(SHOWN_KEY, session);
  } catch {
    // Without storage the notice may show again after a reload; better than not at all.
  }
  notifications.show({
    id: 'failed-sign-ins',
    color: 'orange',
    autoClose: false,
    withCloseButton: true,
    title: t('login.failedSinceTitle'),
    message: t('login.failedSinceBody', {
      count: info.failedAttemptsSinceLastSignIn,
      time: formatDateTime(info.lastFailedSignInAt, lang, timeZone),
    }),
  });
}
