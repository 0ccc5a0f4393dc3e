import type { ActiveSession } from '@sinergi/core';
import { revokeSession } from '../../platform/auth/sessions.js';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { sessionPolicy } from '../../platform/http/auth-hooks.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'config'>;

/** A user's sessions that still work: not ended, not past their lifetime, not idle too long. */
export async function activeSessions(
  deps: Deps,
  userId: string,
  currentId: string | null,
): Promise<ActiveSession[]> {
  const now = deps.clock.now();
  const policy = sessionPolicy(deps);
  const rows = await deps.db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .where('last_seen_at', '>', new Date(now.getTime() - policy.idleMs).toISOString())
    .orderBy('last_seen_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    ip: r.ip,
    userAgent: r.user_agent,
    current: r.id === currentId,
    waitingForSecondStep: r.mfa_state !== 'none',
  }));
}

/**
 * Ends one session of `userId` (the user's own, or any user's for an administrator); another
 * user's session id answers 404 like one that does not exist.
 */
export async function endSession(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  userId: string,
  sessionId: string,
): Promise<void> {
  const session = await deps.db
    .selectFrom('sessions')
    .select(['id', 'revoked_at'])
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!session || session.revoked_at) throw errors.notFound();
  const own = userId === actor.userId;
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await revokeSession(trx, sessionId, own ? 'ended_by_user' : 'ended_by_admin', deps.clock.now());
    await audit({
      action: own ? 'auth.session_ended' : 'user.session_ended',
      entityType: 'user',
      entityId: userId,
    });
  });
}
