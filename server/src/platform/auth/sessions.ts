import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connect.js';
import type { SessionRow } from '../db/schema.js';
import { keptSessionRows, updateKeptSession } from './session-cache.js';

export const SESSION_COOKIE = 'sinergi_session';

export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
  /** How long this process may reuse a session check (`session-cache.ts`); 0 reads every time. */
  keepMs?: number;
}

function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a server-side session; returns the cookie token (only its hash is stored). */
export async function createSession(
  db: Db,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
  policy: SessionPolicy,
  now: Date,
  /** 'verify' or 'enrol' while a second step is still due. */
  mfaState: 'none' | 'verify' | 'enrol' = 'none',
): Promise<{ token: string; session: SessionRow }> {
  const token = randomBytes(32).toString('base64url');
  const session: SessionRow = {
    id: tokenId(token),
    user_id: userId,
    csrf_token: randomBytes(24).toString('base64url'),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + policy.maxMs).toISOString(),
    ip: meta.ip,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
    revoked_at: null,
    revoked_reason: null,
    mfa_state: mfaState,
  };
  await db.insertInto('sessions').values(session).execute();
  return { token, session };
}

/** The session's user as one row per role (the user, their agency and task force). */
export interface SessionUserRow {
  id: string;
  username: string;
  agency_id: string;
  active: number;
  agency_active: number;
  task_force_id: string | null;
  role: string | null;
}

export type SessionLookup =
  | { status: 'valid'; session: SessionRow; user: SessionUserRow[] }
  | { status: 'expired'; session: SessionRow }
  | { status: 'missing' };

/**
 * Finds the session of a cookie token and says whether it is still usable at `now`; the user,
 * agency and roles come in the same query, as every authenticated request needs them. The rows may
 * come from the last `policy.keepMs` (`keptSessionRows`); expiry and idle time are judged at `now`.
 */
export async function findSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
  now: Date,
): Promise<SessionLookup> {
  const id = tokenId(token);
  const rows = await keptSessionRows(db, id, policy.keepMs ?? 0, now.getTime(), () =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .innerJoin('agencies', 'agencies.id', 'users.agency_id')
      .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
      .selectAll('sessions')
      .select([
        'users.username',
        'users.agency_id',
        'users.active',
        'agencies.active as agency_active',
        'agencies.task_force_id',
        'user_roles.role',
      ])
      .where('sessions.id', '=', id)
      .execute(),
  );
  const first = rows[0];
  if (!first) return { status: 'missing' };
  const session: SessionRow = {
    id: first.id,
    user_id: first.user_id,
    csrf_token: first.csrf_token,
    created_at: first.created_at,
    last_seen_at: first.last_seen_at,
    expires_at: first.expires_at,
    ip: first.ip,
    user_agent: first.user_agent,
    revoked_at: first.revoked_at,
    revoked_reason: first.revoked_reason,
    mfa_state: first.mfa_state,
  };
  if (session.revoked_at) return { status: 'expired', session };
  const t = now.getTime();
  if (t >= Date.parse(session.expires_at) || t - Date.parse(session.last_seen_at) >= policy.idleMs) {
    return { status: 'expired', session };
  }
  const user = rows.map((r) => ({
    id: r.user_id,
    username: r.username,
    agency_id: r.agency_id,
    active: r.active,
    agency_active: r.agency_active,
    task_force_id: r.task_force_id,
    role: r.role,
  }));
  return { status: 'valid', session, user };
}

/** Records activity; written at most once a minute per session to spare the database. */
export async function touchSession(db: Db, session: SessionRow, now: Date): Promise<void> {
  if (now.getTime() - Date.parse(session.last_seen_at) < 60_000) return;
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now.toISOString() })
    .where('id', '=', session.id)
    .execute();
  updateKeptSession<{ last_seen_at: string }>(db, session.id, (row) => {
    row.last_seen_at = now.toISOString();
  });
}

export async function revokeSession(db: Db, sessionId: string, reason: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString(), revoked_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every open session of a user (disabled, password changed or reset), optionally sparing one. */
export async function revokeUserSessions(
  db: Db,
  userId: string,
  reason: string,
  now: Date,
  except?: string,
): Promise<void> {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString(), revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (except) q = q.where('id', '!=', except);
  await q.execute();
}
