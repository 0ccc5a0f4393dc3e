import {
  REFERRAL_NEXT,
  type ReferralAction,
  type ReferralActionInput,
  type ReferralStatus,
  type ReferralView,
  referralActionProblem,
} from '@sinergi/core';
import type { Actor } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { caseEvent } from '../cases/case.service.js';
import { notifyAgency, notifyUsers } from '../notifications/notification.service.js';
import { presentReferrals, referralSide } from './referral.presenter.js';
import type { Deps, Meta } from './referral.service.js';

/** What the referral's open services become when it is answered or closed. */
const SERVICE_EFFECT: Record<ReferralAction, { to: string; column: string }> = {
  accept: { to: 'accepted', column: 'accepted_at' },
  decline: { to: 'declined', column: 'declined_at' },
  complete: { to: 'completed', column: 'completed_at' },
  revoke: { to: 'cancelled', column: 'cancelled_at' },
};

/**
 * Accept (assigning a worker), decline (reason), complete (outcome) or revoke (reason). The update
 * carries the version read, so of two workers accepting at once one wins and the other gets 409.
 */
export async function actOnReferral(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  id: string,
  action: ReferralAction,
  input: ReferralActionInput,
): Promise<ReferralView> {
  const row = await deps.db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.notFound();
  const side = await referralSide(deps.db, actor, row);
  if (!side) throw errors.notFound();
  const present = async (r: typeof row) =>
    (await presentReferrals(deps, deps.db, actor, [r], new Map([[id, side]]), { identity: false }))[0]!;
  if (row.version !== input.version) throw errors.versionConflict(await present(row));
  const asSide =
    side === 'receiver'
      ? 'receiver'
      : side === 'sender' || actor.roles.includes('coordinator')
        ? 'sender'
        : 'other';
  const problem = referralActionProblem(row.status as ReferralStatus, action, asSide);
  if (problem === 'forbidden') throw errors.forbidden();
  if (problem) throw errors.validation({ _: problem });
  const fields: Record<string, string> = {};
  if ((action === 'decline' || action === 'revoke') && !input.reason?.trim())
    fields.reason = 'reason_required';
  if (action === 'complete' && !input.outcome?.trim()) fields.outcome = 'outcome_required';
  let assigned: string | null = row.assigned_user_id;
  if (action === 'accept') {
    assigned = input.assignedUserId ?? actor.userId;
    const worker = await deps.db
      .selectFrom('users')
      .select(['agency_id', 'active'])
      .where('id', '=', assigned)
      .executeTakeFirst();
    if (!worker?.active || worker.agency_id !== row.to_agency_id)
      fields.assignedUserId = 'worker_other_agency';
  }
  if (Object.keys(fields).length) throw errors.validation(fields);
  const now = deps.clock.now().toISOString();
  const status = REFERRAL_NEXT[action];
  const updated = await inTransaction(deps, actor, meta, async (trx, audit) => {
    const res = await trx
      .updateTable('referrals')
      .set({
        status,
        version: row.version + 1,
        updated_at: now,
        assigned_user_id: assigned,
        ...((action === 'accept' || action === 'decline') && { responded_at: now }),
        ...(action !== 'accept' && { closed_at: now }),
        ...(input.reason && { answer_reason_enc: deps.cipher.encrypt(input.reason) }),
        ...(input.outcome && { outcome_enc: deps.cipher.encrypt(input.outcome) }),
      })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return null;
    const effect = SERVICE_EFFECT[action];
    const open = action === 'accept' ? ['requested'] : ['requested', 'accepted', 'in_progress'];
    await trx
      .updateTable('services')
      .set((eb) => ({
        status: effect.to,
        [effect.column]: now,
        updated_at: now,
        version: eb('version', '+', 1),
        ...(action === 'complete' && input.outcome && { outcome_enc: deps.cipher.encrypt(input.outcome) }),
        ...(input.reason && { reason_enc: deps.cipher.encrypt(input.reason) }),
      }))
      .where('referral_id', '=', id)
      .where('status', 'in', open)
      .execute();
    const to = await trx
      .selectFrom('agencies')
      .select('short_name')
      .where('id', '=', row.to_agency_id)
      .executeTakeFirst();
    await caseEvent(trx, deps, actor, row.case_id, `referral_${status}`, {
      referralId: id,
      toAgency: to?.short_name,
    });
    await audit({
      action: `referral.${status}` as 'referral.accepted',
      entityType: 'referral',
      entityId: id,
      details: { caseId: row.case_id, ...(action === 'accept' && { assignedUserId: assigned }) },
    });
    const c = await trx
      .selectFrom('cases')
      .select('case_number')
      .where('id', '=', row.case_id)
      .executeTakeFirst();
    const team = await trx
      .selectFrom('case_team')
      .select('user_id')
      .where('case_id', '=', row.case_id)
      .execute();
    const recipients =
      action === 'revoke'
        ? [assigned].filter((u): u is string => u !== null)
        : [...new Set([row.sent_by, ...team.map((t) => t.user_id)])];
    if (action === 'revoke' && !assigned) {
      await notifyAgency(trx, deps, row.to_agency_id, {
        kind: 'referral_revoked',
        caseId: row.case_id,
        caseNumber: c?.case_number ?? null,
        referralId: id,
      });
    }
    await notifyUsers(
      trx,
      deps,
      recipients.filter((u) => u !== actor.userId),
      {
        kind: `referral_${status}`,
        caseId: row.case_id,
        caseNumber: c?.case_number ?? null,
        referralId: id,
      },
    );
    return (await trx.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst())!;
  });
  if (!updated) {
    const current = (await deps.db
      .selectFrom('referrals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst())!;
    throw errors.versionConflict(await present(current));
  }
  return present(updated);
}
