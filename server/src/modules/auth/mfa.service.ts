import { randomUUID } from 'node:crypto';
import type { MfaEnabled, MfaPolicy, MfaSetup, Role } from '@sinergi/core';
import {
  enrolment,
  mfaRequiredFor,
  mfaRequiredRoles,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  setMfaRequiredRoles,
  verifyTotp,
} from '../../platform/auth/mfa.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import { revokeSession, revokeUserSessions } from '../../platform/auth/sessions.js';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { AppError, errors } from '../../platform/errors.js';
import { loadActor } from '../../platform/http/auth-hooks.js';
import { sessionInfo } from './auth.service.js';
import { announceThrottle, CLEARED_FAILURES, recordSignInFailure } from './sign-in-throttle.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'config' | 'cipher'>;

/** Who is taking a step of two-step verification: a signed-in user, or a session still waiting for it. */
export interface MfaSubject {
  userId: string;
  sessionId: string;
  csrfToken: string;
  /** 'none' for a signed-in user. */
  state: 'none' | 'verify' | 'enrol';
}

const ISSUER = 'Sinergi';

async function userOf(deps: Deps, userId: string) {
  const user = await deps.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) throw errors.notFound();
  return user;
}

async function rolesOf(deps: Pick<AppDeps, 'db'>, userId: string): Promise<string[]> {
  const rows = await deps.db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return rows.map((r) => r.role);
}

/** Whether a user has two-step verification, and whether their roles require it. */
export async function mfaStatus(deps: Pick<AppDeps, 'db'>, userId: string, enabledAt: string | null) {
  const required = mfaRequiredFor(await rolesOf(deps, userId), await mfaRequiredRoles(deps.db));
  return { enabled: enabledAt !== null, required };
}

/** Starts setting up: a new secret, kept aside until a first code proves the app has it. */
export async function startMfaSetup(deps: Deps, subject: MfaSubject, meta: RequestMeta): Promise<MfaSetup> {
  const user = await userOf(deps, subject.userId);
  if (user.mfa_enabled_at) throw errors.validation({ code: 'mfa_already_enabled' });
  const secret = newTotpSecret();
  await inTransaction(deps, { userId: user.id, agencyId: user.agency_id }, meta, async (trx, audit) => {
    await trx
      .updateTable('users')
      .set({ mfa_pending_secret_enc: deps.cipher.encrypt(secret) })
      .where('id', '=', user.id)
      .execute();
    await audit({ action: 'auth.mfa_setup_started', entityType: 'user', entityId: user.id });
  });
  return enrolment(secret, user.username, ISSUER);
}

/** Finishes setting up with a first code; returns the recovery codes (shown once). */
export async function enableMfa(
  deps: Deps,
  subject: MfaSubject,
  meta: RequestMeta,
  code: string,
): Promise<MfaEnabled> {
  const user = await userOf(deps, subject.userId);
  if (user.mfa_enabled_at) throw errors.validation({ code: 'mfa_already_enabled' });
  if (!user.mfa_pending_secret_enc) throw errors.validation({ code: 'mfa_not_started' });
  const secret = deps.cipher.decrypt(user.mfa_pending_secret_enc);
  const now = deps.clock.now();
  const step = await verifyTotp(secret, code, now, null);
  if (step === null) throw errors.validation({ code: 'mfa_code_invalid' });
  const codes = newRecoveryCodes();
  await inTransaction(deps, { userId: user.id, agencyId: user.agency_id }, meta, async (trx, audit) => {
    await trx
      .updateTable('users')
      .set({
        mfa_secret_enc: deps.cipher.encrypt(secret),
        mfa_pending_secret_enc: null,
        mfa_enabled_at: now.toISOString(),
        mfa_last_step: step,
      })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', user.id).execute();
    await trx
      .insertInto('mfa_recovery_codes')
      .values(
        codes.map((c) => ({
          id: randomUUID(),
          user_id: user.id,
          code_hash: deps.cipher.blindIndex(normaliseRecoveryCode(c), 'mfa_recovery'),
          used_at: null,
        })),
      )
      .execute();
    // The session that set it up has just proved the second factor.
    await trx
      .updateTable('sessions')
      .set({ mfa_state: 'none' })
      .where('id', '=', subject.sessionId)
      .execute();
    await audit({ action: 'auth.mfa_enabled', entityType: 'user', entityId: user.id });
  });
  const actor = await loadActor(deps, user.id, subject.sessionId);
  if (!actor) throw errors.unauthenticated();
  return { recoveryCodes: codes, session: await sessionInfo(deps, actor, subject.csrfToken) };
}

/**
 * The second step of a sign-in: a code from the app, or one recovery code (used up). Wrong codes
 * count like wrong passwords; when they make the account wait, the waiting session ends.
 */
export async function verifyMfa(deps: Deps, subject: MfaSubject, meta: RequestMeta, code: string) {
  const user = await userOf(deps, subject.userId);
  if (!user.mfa_secret_enc) throw errors.validation({ code: 'mfa_not_started' });
  const now = deps.clock.now();
  const actorRef = { userId: user.id, agencyId: user.agency_id };
  const step = await verifyTotp(deps.cipher.decrypt(user.mfa_secret_enc), code, now, user.mfa_last_step);
  let recoveryId: string | null = null;
  if (step === null) {
    const hash = deps.cipher.blindIndex(normaliseRecoveryCode(code), 'mfa_recovery');
    const found = await deps.db
      .selectFrom('mfa_recovery_codes')
      .select('id')
      .where('user_id', '=', user.id)
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    recoveryId = found?.id ?? null;
  }
  if (step === null && recoveryId === null) {
    let lock = false;
    let firstThrottle = false;
    await inTransaction(deps, actorRef, meta, async (trx, audit) => {
      const counted = await recordSignInFailure(trx, deps, user, now);
      lock = counted.throttled;
      firstThrottle = counted.firstThrottle;
      // The password was right but the codes keep failing: this sign-in ends, and a new one must
      // wait like after wrong passwords.
      if (lock) await revokeSession(trx, subject.sessionId, 'mfa_failed', now);
      await audit({
        action: 'auth.mfa_failed',
        outcome: 'failure',
        entityType: 'user',
        entityId: user.id,
        details: { locked: lock },
      });
    });
    if (firstThrottle) announceThrottle(deps);
    if (lock) throw new AppError(401, 'account_locked');
    throw errors.validation({ code: 'mfa_code_invalid' });
  }
  await inTransaction(deps, actorRef, meta, async (trx, audit) => {
    await trx
      .updateTable('users')
      .set({
        ...CLEARED_FAILURES,
        last_login_at: now.toISOString(),
        ...(step !== null && { mfa_last_step: step }),
      })
      .where('id', '=', user.id)
      .execute();
    if (recoveryId)
      await trx
        .updateTable('mfa_recovery_codes')
        .set({ used_at: now.toISOString() })
        .where('id', '=', recoveryId)
        .execute();
    await trx
      .updateTable('sessions')
      .set({ mfa_state: 'none' })
      .where('id', '=', subject.sessionId)
      .execute();
    await audit({
      action: 'auth.mfa_verified',
      entityType: 'user',
      entityId: user.id,
      details: { method: recoveryId ? 'recovery_code' : 'totp' },
    });
  });
  const actor = await loadActor(deps, user.id, subject.sessionId);
  if (!actor) throw errors.unauthenticated();
  return sessionInfo(deps, actor, subject.csrfToken);
}

/** Turns one's own two-step verification off (with the password), unless one's role requires it. */
export async function disableMfa(deps: Deps, actor: Actor, meta: RequestMeta, password: string) {
  const user = await userOf(deps, actor.userId);
  if (!(await verifyPassword(user.password_hash, password)))
    throw errors.validation({ password: 'password_wrong' });
  if (mfaRequiredFor(actor.roles, await mfaRequiredRoles(deps.db)))
    throw errors.validation({ password: 'mfa_mandatory' });
  await clearMfa(deps, actor, meta, user.id, 'auth.mfa_disabled');
}

/** An administrator removes a user's second factor (lost phone); the user's sessions end. */
export async function resetMfa(deps: Deps, actor: Actor, meta: RequestMeta, userId: string) {
  await userOf(deps, userId);
  await clearMfa(deps, actor, meta, userId, 'user.mfa_reset');
}

async function clearMfa(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  userId: string,
  action: 'auth.mfa_disabled' | 'user.mfa_reset',
) {
  const now = deps.clock.now();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .updateTable('users')
      .set({ mfa_secret_enc: null, mfa_pending_secret_enc: null, mfa_enabled_at: null, mfa_last_step: null })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
    if (action === 'user.mfa_reset') await revokeUserSessions(trx, userId, 'mfa_reset', now);
    await audit({ action, entityType: 'user', entityId: userId });
  });
}

export async function getMfaPolicy(deps: Pick<AppDeps, 'db'>): Promise<MfaPolicy> {
  return { requiredRoles: await mfaRequiredRoles(deps.db) };
}

export async function setMfaPolicy(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  roles: Role[],
): Promise<MfaPolicy> {
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await setMfaRequiredRoles(trx, roles, deps.clock.now());
    await audit({ action: 'security.mfa_policy_changed', details: { requiredRoles: [...roles].sort() } });
  });
  return getMfaPolicy(deps);
}
