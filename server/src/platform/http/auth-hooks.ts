import { isRole, type Permission, permissionsFor } from '@sinergi/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, preValidationAsyncHookHandler } from 'fastify';
import { recordAudit } from '../audit.js';
import {
  findSession,
  revokeSession,
  SESSION_COOKIE,
  type SessionUserRow,
  touchSession,
} from '../auth/sessions.js';
import type { Actor, AppDeps } from '../context.js';
import { AppError, errors } from '../errors.js';
import { userInTaskForce } from '../tenancy.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionPolicy(deps: Pick<AppDeps, 'config'>) {
  return {
    idleMs: deps.config.SESSION_IDLE_MINUTES * 60_000,
    maxMs: deps.config.SESSION_MAX_HOURS * 3_600_000,
    keepMs: deps.config.SESSION_CHECK_SECONDS * 1000,
  };
}

/** Loads the actor of the session cookie, if any, for every API request. */
export function registerSessionLoading(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionProblem', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('mfaPending', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const now = deps.clock.now();
    const found = await findSession(deps.db, token, sessionPolicy(deps), now);
    if (found.status === 'missing') return;
    const endSession = (reason: 'expired' | 'account_inactive') =>
      deps.db.transaction().execute(async (trx) => {
        await revokeSession(trx, found.session.id, reason, now);
        await recordAudit(
          trx,
          deps.dbKind,
          { userId: found.session.user_id, agencyId: null },
          { requestId: req.id, ip: req.ip },
          {
            action: 'auth.session_expired',
            entityType: 'user',
            entityId: found.session.user_id,
            details: { reason },
          },
          now,
        );
      });
    if (found.status === 'expired') {
      req.sessionProblem = 'expired';
      if (!found.session.revoked_at) await endSession('expired');
      return;
    }
    const actor = actorFromRows(found.user, found.session.id);
    if (!actor) {
      // The user or the agency was disabled: the session ends now.
      await endSession('account_inactive');
      req.sessionProblem = 'expired';
      return;
    }
    await touchSession(deps.db, found.session, now);
    req.csrfToken = found.session.csrf_token;
    const state = found.session.mfa_state;
    if (state === 'verify' || state === 'enrol') {
      // Password given, second step still due: no actor, only the two-step routes answer.
      req.mfaPending = { sessionId: found.session.id, userId: actor.userId, state };
      return;
    }
    req.actor = actor;
  });
  const auditDenial: DenialRecorder = async (req, reason, details) => {
    const actor = req.actor;
    await deps.db.transaction().execute((trx) =>
      recordAudit(
        trx,
        deps.dbKind,
        { userId: actor?.userId ?? null, agencyId: actor?.agencyId ?? null },
        { requestId: req.id, ip: req.ip },
        {
          action: 'access.denied',
          outcome: 'denied',
          details: { reason, method: req.method, route: req.routeOptions.url ?? null, ...details },
        },
        deps.clock.now(),
      ),
    );
  };
  app.decorate('auditDenial', auditDenial);
  // Every administrator route about one user (profile, password, two-step verification, sessions)
  // answers only for users of the administrator's own task force: another's is not found.
  app.addHook('preHandler', async (req) => {
    const url = req.routeOptions.url;
    if (!url?.startsWith('/api/v1/users/:id') || !req.actor) return;
    const id = (req.params as { id?: unknown }).id;
    if (typeof id !== 'string' || !(await userInTaskForce(deps.db, req.actor.taskForceId, id)))
      throw errors.notFound();
  });
}

type DenialRecorder = (
  req: FastifyRequest,
  reason: string,
  details?: Record<string, unknown>,
) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Records a refused request (CSRF, missing permission) in the audit trail. */
    auditDenial: DenialRecorder;
  }
}

/** The actor for an active user of an active agency; null otherwise. */
export async function loadActor(
  deps: Pick<AppDeps, 'db'>,
  userId: string,
  sessionId: string,
): Promise<Actor | null> {
  // One query: the user, the agency and the roles (one row per role).
  const rows = await deps.db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.agency_id',
      'users.active',
      'agencies.active as agency_active',
      'agencies.task_force_id',
      'user_roles.role',
    ])
    .where('users.id', '=', userId)
    .execute();
  return actorFromRows(rows, sessionId);
}

/** The actor of a user's rows (one per role); null when the user or their agency is disabled. */
function actorFromRows(rows: SessionUserRow[], sessionId: string): Actor | null {
  const row = rows[0];
  if (!row?.active || !row.agency_active) return null;
  const roles = rows
    .map((r) => r.role)
    .filter((r): r is string => r !== null)
    .filter(isRole);
  return {
    userId: row.id,
    username: row.username,
    agencyId: row.agency_id,
    taskForceId: row.task_force_id,
    roles,
    permissions: permissionsFor(roles),
    sessionId,
  };
}

/** 401 without a valid session, 403 on a state-changing request without the session's CSRF token. */
export const authenticate: preValidationAsyncHookHandler = async (
  req: FastifyRequest,
  _reply: FastifyReply,
) => {
  if (!req.actor) {
    if (req.mfaPending) throw new AppError(401, 'mfa_required');
    throw req.sessionProblem === 'expired' ? errors.sessionExpired() : errors.unauthenticated();
  }
  await checkCsrf(req);
};

async function checkCsrf(req: FastifyRequest) {
  if (SAFE_METHODS.has(req.method)) return;
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string' || sent.length === 0 || sent !== req.csrfToken) {
    await req.server.auditDenial(req, 'csrf');
    throw errors.csrf();
  }
}

/**
 * Guard of the two-step routes: a session waiting in one of `states`, or (when `signedIn`) a
 * signed-in user; CSRF checked as everywhere.
 */
export function mfaStep(states: ('verify' | 'enrol')[], signedIn: boolean): preValidationAsyncHookHandler {
  return async (req) => {
    const pending = req.mfaPending && states.includes(req.mfaPending.state);
    if (!pending && !(signedIn && req.actor)) {
      if (req.actor || req.mfaPending) throw errors.forbidden();
      throw req.sessionProblem === 'expired' ? errors.sessionExpired() : errors.unauthenticated();
    }
    await checkCsrf(req);
  };
}

/** Route guard: authenticated, and holding the permission. */
export function authorize(permission: Permission): preValidationAsyncHookHandler[] {
  const check: preValidationAsyncHookHandler = async (req) => {
    if (!req.actor!.permissions.has(permission)) {
      await req.server.auditDenial(req, 'permission', { permission });
      throw errors.forbidden();
    }
  };
  return [authenticate, check];
}

/** The actor of an authenticated request (after `authenticate`). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw errors.unauthenticated();
  return req.actor;
}
