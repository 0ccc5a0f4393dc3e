import { type LoginInput, type PasswordChange, passwordProblems, type SessionInfo } from '@sinergi/core';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { createSession, revokeSession, revokeUserSessions } from '../../platform/auth/sessions.js';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { AppError, errors } from '../../platform/errors.js';
import { sessionPolicy } from '../../platform/http/auth-hooks.js';
import { DEMO_SETTING, getSetting } from '../../platform/settings.js';
import { presentTaskForce } from '../taskforces/taskforce.service.js';
import { userRepository } from '../users/user.repository.js';
import { presentUser } from '../users/user.service.js';
import { mfaStatus } from './mfa.service.js';

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
  };
}

/**
 * Signs a user in. Unknown user, wrong password and disabled account give the same answer; after
 * LOCKOUT_THRESHOLD failures the account is locked for LOCKOUT_MINUTES.
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
  const fail = async (
    reason: string,
    userId: string | null,
    update?: { failed_attempts: number; locked_until: string | null },
  ) => {
    await inTransaction(deps, { userId, agencyId: null }, meta, async (trx, audit) => {
      if (update && userId) await trx.updateTable('users').set(update).where('id', '=', userId).execute();
      await audit({
        action: 'auth.login_failed',
        outcome: 'failure',
        entityType: userId ? 'user' : null,
        entityId: userId,
        details: { reason },
      });
    });
  };
  if (!user) {
    await burnPasswordCheck(input.password);
    await fail('unknown_user', null);
    throw errors.invalidCredentials();
  }
  if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    await burnPasswordCheck(input.password);
    await fail('locked', user.id);
    throw new AppError(401, 'account_locked');
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok) {
    const attempts = user.failed_attempts + 1;
    const lock = attempts >= deps.config.LOCKOUT_THRESHOLD;
    await fail(lock ? 'wrong_password_locked' : 'wrong_password', user.id, {
      failed_attempts: lock ? 0 : attempts,
      locked_until: lock
        ? new Date(now.getTime() + deps.config.LOCKOUT_MINUTES * 60_000).toISOString()
        : null,
    });
    throw lock ? new AppError(401, 'account_locked') : errors.invalidCredentials();
  }
  const agency = await deps.db
    .selectFrom('agencies')
    .select('active')
    .where('id', '=', user.agency_id)
    .executeTakeFirst();
  if (!user.active || !agency?.active) {
    await fail(user.active ? 'agency_inactive' : 'user_disabled', user.id);
    throw errors.invalidCredentials();
  }
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
        failed_attempts: mfaState === 'verify' ? user.failed_attempts : 0,
        locked_until: null,
        ...(mfaState === 'none' && { last_login_at: now.toISOString() }),
      })
      .where('id', '=', user.id)
      .execute();
    const { token, session } = await createSession(trx, user.id, meta, sessionPolicy(deps), now, mfaState);
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
  deps: Deps,
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
  const problem = passwordProblems(input.newPassword, { username: user.username })[0];
  if (problem) throw errors.validation({ newPassword: problem });
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
