import type { AppDeps } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { UserTable } from '../../platform/db/schema.js';
import { deliverPending, notifyUsers } from '../notifications/notification.service.js';

type ThrottleConfig = Pick<AppDeps['config'], 'LOCKOUT_THRESHOLD' | 'LOCKOUT_MINUTES'>;

/**
 * How long an account waits after its `failures`-th failed sign-in in a row: nothing before
 * LOCKOUT_THRESHOLD failures, then 1 s, doubling with each further failure, at most LOCKOUT_MINUTES.
 * A guesser gets a handful of tries an hour; the owner, who mistypes once or twice, never waits.
 */
export function throttleDelayMs(failures: number, config: ThrottleConfig): number {
  if (failures < config.LOCKOUT_THRESHOLD) return 0;
  const exponent = Math.min(failures - config.LOCKOUT_THRESHOLD, 30);
  return Math.min(1000 * 2 ** exponent, config.LOCKOUT_MINUTES * 60_000);
}

/** Whether the account is still waiting after its last failure (sign-in refused whatever the password). */
export function isThrottled(user: { locked_until: string | null }, now: Date): boolean {
  return user.locked_until !== null && Date.parse(user.locked_until) > now.getTime();
}

/**
 * Counts one failed sign-in (wrong password, or wrong second-step code) in the caller's transaction
 * and sets the wait before the next try. The first failure that makes the account wait tells its
 * owner through a notification, which is also emailed (see `announceThrottle`).
 */
export async function recordSignInFailure(
  trx: Db,
  deps: Pick<AppDeps, 'clock' | 'config'>,
  user: Pick<UserTable, 'id' | 'failed_attempts'>,
  now: Date,
): Promise<{ failures: number; throttled: boolean; firstThrottle: boolean }> {
  const failures = user.failed_attempts + 1;
  const wait = throttleDelayMs(failures, deps.config);
  await trx
    .updateTable('users')
    .set({
      failed_attempts: failures,
      last_failed_login_at: now.toISOString(),
      locked_until: wait > 0 ? new Date(now.getTime() + wait).toISOString() : null,
    })
    .where('id', '=', user.id)
    .execute();
  const firstThrottle = failures === deps.config.LOCKOUT_THRESHOLD;
  if (firstThrottle)
    await notifyUsers(trx, deps, [user.id], {
      kind: 'sign_in_throttled',
      caseId: null,
      caseNumber: null,
      referralId: null,
    });
  return { failures, throttled: wait > 0, firstThrottle };
}

/**
 * Emails the notification of a newly throttled account, without holding up the answer: the answer
 * to a sign-in must take as long for an account that just got throttled as for any other failure.
 */
export function announceThrottle(deps: Pick<AppDeps, 'db' | 'config' | 'clock'>): void {
  // A failed delivery stays pending and goes with the next one (the deadline watch sends it too).
  deliverPending(deps).catch(() => undefined);
}

/** Clears the count after a successful sign-in. */
export const CLEARED_FAILURES = {
  failed_attempts: 0,
  locked_until: null,
  last_failed_login_at: null,
} as const;
