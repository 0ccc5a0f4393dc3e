import { randomUUID } from 'node:crypto';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { AppError, errors } from '../../platform/errors.js';
import { caseEvent } from './case.service.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher' | 'config'>;

export interface EmergencyGrant {
  id: string;
  caseId: string;
  caseNumber: string;
  userDisplayName: string;
  agencyShortName: string;
  reason: string | null;
  grantedAt: string;
  expiresAt: string;
  active: boolean;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewNote: string | null;
}

/**
 * Opens a case outside one's access in an emergency (a child in danger at night): a coordinator
 * names the case by its number and states why. The grant lasts BREAK_GLASS_MINUTES, is shown on
 * the case to its team, lands on the timeline and in the audit trail, and waits for review. Only
 * cases of the coordinator's own task force open: another task force's case number answers 404
 * exactly like a number that does not exist.
 */
export async function breakGlass(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  input: { caseNumber: string; reason: string },
): Promise<{ caseId: string; expiresAt: string }> {
  const c = actor.taskForceId
    ? await deps.db
        .selectFrom('cases')
        .select(['id'])
        .where('case_number', '=', input.caseNumber.trim().toUpperCase())
        .where('task_force_id', '=', actor.taskForceId)
        .executeTakeFirst()
    : undefined;
  if (!c) throw new AppError(404, 'not_found', { caseNumber: 'case_number_unknown' });
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.BREAK_GLASS_MINUTES * 60_000).toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    const id = randomUUID();
    await trx
      .insertInto('case_access_grants')
      .values({
        id,
        case_id: c.id,
        user_id: actor.userId,
        agency_id: actor.agencyId,
        reason_enc: deps.cipher.encrypt(input.reason.trim()),
        granted_at: now.toISOString(),
        expires_at: expiresAt,
        reviewed_by: null,
        reviewed_at: null,
        review_note_enc: null,
      })
      .execute();
    await caseEvent(trx, deps, actor, c.id, 'emergency_access', { grantId: id, expiresAt });
    await audit({
      action: 'case.break_glass',
      entityType: 'case',
      entityId: c.id,
      details: { grantId: id, expiresAt },
    });
  });
  return { caseId: c.id, expiresAt };
}

function grantsQuery(deps: Deps) {
  return deps.db
    .selectFrom('case_access_grants as g')
    .innerJoin('cases', 'cases.id', 'g.case_id')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .innerJoin('agencies as a', 'a.id', 'g.agency_id')
    .leftJoin('users as r', 'r.id', 'g.reviewed_by')
    .select([
      'g.id',
      'g.case_id',
      'cases.case_number',
      'cases.task_force_id',
      'u.display_name',
      'a.short_name',
      'g.reason_enc',
      'g.granted_at',
      'g.expires_at',
      'g.reviewed_at',
      'r.display_name as reviewer',
      'g.review_note_enc',
    ]);
}

function present(
  deps: Deps,
  r: Awaited<ReturnType<ReturnType<typeof grantsQuery>['execute']>>[number],
  withReason: boolean,
): EmergencyGrant {
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    userDisplayName: r.display_name,
    agencyShortName: r.short_name,
    reason: withReason ? deps.cipher.decrypt(r.reason_enc) : null,
    grantedAt: r.granted_at,
    expiresAt: r.expires_at,
    active: r.expires_at > deps.clock.now().toISOString(),
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewer ?? null,
    reviewNote: r.review_note_enc ? deps.cipher.decrypt(r.review_note_enc) : null,
  };
}

/** Emergency openings of one case, for its team (shown on the case), newest first. */
export async function caseGrants(deps: Deps, caseId: string, withReason: boolean): Promise<EmergencyGrant[]> {
  const rows = await grantsQuery(deps)
    .where('g.case_id', '=', caseId)
    .orderBy('g.granted_at', 'desc')
    .execute();
  return rows.map((r) => present(deps, r, withReason));
}

/**
 * Emergency openings waiting for review (or all): those on cases of the reader's task force (for
 * its administrators and coordinators), and a coordinator's own. Another task force's openings
 * are not the reader's, administrators included.
 */
export async function grantsForReview(deps: Deps, actor: Actor, pending: boolean): Promise<EmergencyGrant[]> {
  let q = grantsQuery(deps);
  if (pending) q = q.where('g.reviewed_at', 'is', null);
  q = q.where((eb) =>
    eb.or([eb('cases.task_force_id', '=', actor.taskForceId ?? ''), eb('g.user_id', '=', actor.userId)]),
  );
  const rows = await q.orderBy('g.granted_at', 'desc').limit(200).execute();
  return rows.map((r) => present(deps, r, true));
}

/** Records the review of an opening; one cannot review one's own. */
export async function reviewGrant(deps: Deps, actor: Actor, meta: RequestMeta, id: string, note: string) {
  const all = await grantsForReview(deps, actor, false);
  const grant = all.find((g) => g.id === id);
  if (!grant) throw errors.notFound();
  const own = await deps.db
    .selectFrom('case_access_grants')
    .select('user_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (own?.user_id === actor.userId) throw errors.validation({ note: 'review_own_grant' });
  if (grant.reviewedAt) throw errors.conflict();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .updateTable('case_access_grants')
      .set({
        reviewed_by: actor.userId,
        reviewed_at: deps.clock.now().toISOString(),
        review_note_enc: deps.cipher.encrypt(note.trim()),
      })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'case.break_glass_reviewed',
      entityType: 'case',
      entityId: grant.caseId,
      details: { grantId: id },
    });
  });
  return (await grantsForReview(deps, actor, false)).find((g) => g.id === id)!;
}
