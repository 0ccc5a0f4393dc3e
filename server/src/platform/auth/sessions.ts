import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connect.js';
import type { SessionRow } from '../db/schema.js';

export const SESSION_COOKIE = 'sinergi_session';

export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
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
  };
  await db.insertInto('sessions').values(session).execute();
  return { token, session };
}

export type SessionLookup =
  | { status: 'valid'; session: SessionRow }
  | { status: 'expired'; session: SessionRow }
  | { status: 'missing' };

/** Finds the session of a cookie token and says whether it is still usable at `now`. */
export async function findSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
  now: Date,
): Promise<SessionLookup> {
  const session = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', tokenId(token))
    .executeTakeFirst();
  if (!session) return { status: 'missing' };
  if (session.revoked_at) return { status: 'expired', session };
  const t = now.getTime();
  if (t >= Date.parse(session.expires_at) || t - Date.parse(session.last_seen_at) >= policy.idleMs) {
    return { status: 'expired', session };
  }
  return { status: 'valid', session };
}

/** Records activity; written at most once a minute per session to spare the database. */
export async function touchSession(db: Db, session: SessionRow, now: Date): Promise<void> {
  if (now.getTime() - Date.parse(session.last_seen_at) < 60_000) return;
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now.toISOString() })
    .where('id', '=', session.id)
    .execute();
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
