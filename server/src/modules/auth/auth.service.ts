import type { LoginInput, PasswordChange, SessionInfo } from '@sinergi/core';
import { checkNewPassword } from '../../platform/auth/password-policy.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { createSession, revokeSession, revokeUserSessions } from '../../platform/auth/sessions.js';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { errors } from '../../platform/errors.js';
import { sessionPolicy } from '../../platform/http/auth-hooks.js';
import { DEMO_SETTING, getSetting } from '../../platform/settings.js';
import { presentTaskForce } from '../taskforces/taskforce.service.js';
import { userRepository } from '../users/user.repository.js';
import { presentUser } from '../users/user.service.js';
import { mfaStatus } from './mfa.service.js';
import { announceThrottle, CLEARED_FAILURES, isThrottled, recordSignInFailure } from './sign-in-throttle.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'config'>;

export async function isDemo(deps: Pick<AppDeps, 'db'>): Promise<boolean> {
  return (await getSetting(deps.db, DEMO_SETTING)) === 'true';
}

/** What the web needs about the signed-in user. */
export async function sessionInfo(deps: Deps, actor: Actor, csrfToken: string): Promise<SessionInfo> {
  const user = await userRepository.byId(deps.db, actor.userId);
  const session = await deps.db
    .selectFrom('sessions')
    .select('expires_at')
    .where('id', '=', actor.sessionId)
    .executeTakeFirst();
  const notice = await deps.db
    .selectFrom('sign_in_notices')
    .select(['failed_attempts', 'last_failed_at'])
    .where('session_id', '=', actor.sessionId)
    .executeTakeFirst();
  const tf = actor.taskForceId
    ? await deps.db
        .selectFrom('task_forces')
        .selectAll()
        .where('id', '=', actor.taskForceId)
        .executeTakeFirst()
    : undefined;
  return {
    user: presentUser(user!),
    permissions: [...actor.permissions].sort(),
    taskForce: tf ? presentTaskForce(tf) : null,
    csrfToken,
    expiresAt: session!.expires_at,
    idleTimeoutSeconds: deps.config.SESSION_IDLE_MINUTES * 60,
    demo: await isDemo(deps),
    mfa: await mfaStatus(deps, actor.userId, user!.mfa_enabled_at),
    failedAttemptsSinceLastSignIn: notice?.failed_attempts ?? 0,
    lastFailedSignInAt: notice?.last_failed_at ?? null,
  };
}

/** What a new session says about failed sign-ins to the account since its previous sign-in. */
async function recordSignInNotice(
  trx: Db,
  sessionId: string,
  user: { failed_attempts: number; last_failed_login_at: string | null },
): Promise<void> {
  if (user.failed_attempts === 0 || !user.last_failed_login_at) return;
  await trx
    .insertInto('sign_in_notices')
    .values({
      session_id: sessionId,
      failed_attempts: user.failed_attempts,
      last_failed_at: user.last_failed_login_at,
    })
    .execute();
}

/**
 * Signs a user in. An unknown user, a wrong password, a disabled account and an account still
 * waiting after failed sign-ins all get the same answer after the same work (one password hash
 * check). From LOCKOUT_THRESHOLD failures in a row, each further try must wait longer (see
 * `throttleDelayMs`); a try during the wait is refused without looking at the password and does not
 * count, and the right password after the wait signs in.
 */
export async function login(
  deps: Deps,
  meta: RequestMeta,
  input: LoginInput,
): Promise<{
  token: string;
  userId: string;
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
  mfaState: 'none' | 'verify' | 'enrol';
}> {
  const now = deps.clock.now();
  const user = await userRepository.byUsername(deps.db, input.username);
  const fail = async (reason: string, userId: string | null, count = false) => {
    let firstThrottle = false;
    await inTransaction(deps, { userId, agencyId: null }, meta, async (trx, audit) => {
      const counted = count && user ? await recordSignInFailure(trx, deps, user, now) : null;
      firstThrottle = counted?.firstThrottle ?? false;
      await audit({
        action: 'auth.login_failed',
        outcome: 'failure',
        entityType: userId ? 'user' : null,
        entityId: userId,
        details: { reason, ...(counted && { failures: counted.failures, throttled: counted.throttled }) },
      });
    });
    if (firstThrottle) announceThrottle(deps);
    return errors.invalidCredentials();
  };
  if (!user) {
    await burnPasswordCheck(input.password);
    throw await fail('unknown_user', null);
  }
  if (isThrottled(user, now)) {
    await burnPasswordCheck(input.password);
    throw await fail('throttled', user.id);
  }
  if (!(await verifyPassword(user.password_hash, input.password)))
    throw await fail('wrong_password', user.id, true);
  const agency = await deps.db
    .selectFrom('agencies')
    .select('active')
    .where('id', '=', user.agency_id)
    .executeTakeFirst();
  if (!user.active || !agency?.active)
    throw await fail(user.active ? 'agency_inactive' : 'user_disabled', user.id);
  // The password is right: a second step follows when the user has one, or when their role needs one.
  const mfaState = user.mfa_enabled_at
    ? 'verify'
    : (await mfaStatus(deps, user.id, null)).required
      ? 'enrol'
      : 'none';
  return inTransaction(deps, { userId: user.id, agencyId: user.agency_id }, meta, async (trx, audit) => {
    await trx
      .updateTable('users')
      .set({
        // Wrong codes at the second step count on from the failures before it.
        ...(mfaState === 'verify' ? { locked_until: null } : CLEARED_FAILURES),
        ...(mfaState === 'none' && { last_login_at: now.toISOString() }),
      })
      .where('id', '=', user.id)
      .execute();
    const { token, session } = await createSession(trx, user.id, meta, sessionPolicy(deps), now, mfaState);
    await recordSignInNotice(trx, session.id, user);
    await audit({
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      details: { secondStep: mfaState },
    });
    return {
      token,
      userId: user.id,
      sessionId: session.id,
      csrfToken: session.csrf_token,
      expiresAt: session.expires_at,
      mfaState,
    };
  });
}

export async function logout(
  deps: Deps,
  actor: { userId: string; agencyId: string | null; sessionId: string },
  meta: RequestMeta,
): Promise<void> {
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await revokeSession(trx, actor.sessionId, 'logout', deps.clock.now());
    await audit({ action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}

/** Changes one's own password; the other sessions of the user end. */
export async function changePassword(
  deps: Deps & Pick<AppDeps, 'reference'>,
  actor: Actor,
  meta: RequestMeta,
  input: PasswordChange,
): Promise<void> {
  const user = await userRepository.byUsername(deps.db, actor.username);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw errors.validation({ currentPassword: 'password_wrong' });
  }
  if (input.newPassword === input.currentPassword)
    throw errors.validation({ newPassword: 'password_reused' });
  await checkNewPassword(
    deps,
    input.newPassword,
    { username: user.username, agencyId: user.agency_id },
    'newPassword',
  );
  const hash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .updateTable('users')
      .set({
        password_hash: hash,
        password_changed_at: now.toISOString(),
        version: user.version + 1,
        updated_at: now.toISOString(),
      })
      .where('id', '=', user.id)
      .execute();
    await revokeUserSessions(trx, user.id, 'password_changed', now, actor.sessionId);
    await audit({ action: 'auth.password_changed', entityType: 'user', entityId: user.id });
  });
}
