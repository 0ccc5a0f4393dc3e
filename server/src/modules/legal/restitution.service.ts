import { randomUUID } from 'node:crypto';
import type {
  LegalTrack,
  protectionCreateSchema,
  protectionPatchSchema,
  RestitutionCreate,
  RestitutionPatch,
  restitutionPaymentCreateSchema,
} from '@sinergi/core';
import type { z } from 'zod';
import type { Actor } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { errors } from '../../platform/errors.js';
import { caseEvent } from '../cases/case.service.js';
import { todayIn } from '../taskforces/taskforce.service.js';
import { loadLegalForWork } from './legal.policy.js';
import { money } from './legal.tables.js';
import { type Deps, type Meta, trackFor } from './legal-track.service.js';

async function personOfCase(db: Db, caseId: string, personId: string, roles: string[], field: string) {
  const p = await db
    .selectFrom('persons')
    .select(['id', 'role'])
    .where('id', '=', personId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!p || !roles.includes(p.role)) throw errors.validation({ [field]: 'victim_unknown' });
}

function notFuture(today: string, dates: Record<string, string | null | undefined>) {
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(dates)) if (v && v > today) fields[k] = 'date_in_future';
  if (Object.keys(fields).length) throw errors.validation(fields);
}

/** Opens a victim's restitution claim with its components; the requested amount is their sum. */
export async function createRestitution(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  input: RestitutionCreate,
): Promise<LegalTrack> {
  const { row, access } = await loadLegalForWork(deps.db, actor, caseId);
  notFuture(await todayIn(deps, row.task_force_id), { requestedOn: input.requestedOn });
  await personOfCase(deps.db, caseId, input.victimId, ['victim'], 'victimId');
  const c = input.components;
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const now = deps.clock.now().toISOString();
    const id = randomUUID();
    await trx
      .insertInto('legal_restitutions')
      .values({
        id,
        case_id: caseId,
        victim_person_id: input.victimId,
        requested_on: input.requestedOn,
        components: JSON.stringify(c),
        requested_amount: c.lostIncomeOrProperty + c.suffering + c.medicalPsychological + c.otherLosses,
        lpsk_amount: null,
        lpsk_on: null,
        indictment_amount: null,
        granted_amount: null,
        served_on: null,
        replaced_by_detention: 0,
        detention_months: null,
        version: 1,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await caseEvent(trx, deps, actor, caseId, 'legal_restitution_requested', {});
    await audit({
      action: 'legal.restitution_created',
      entityType: 'case',
      entityId: caseId,
      details: { restitutionId: id },
    });
    return trackFor(deps, trx, row, access, audit);
  });
}

async function loadRestitution(
  trx: Db,
  caseId: string,
  id: string,
  version: number,
  current: () => Promise<unknown>,
) {
  const r = await trx
    .selectFrom('legal_restitutions')
    .selectAll()
    .where('id', '=', id)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!r) throw errors.notFound();
  if (r.version !== version) throw errors.versionConflict(await current());
  return r;
}

/** Records LPSK's calculation, the amount in the indictment, the grant, or replacement by detention. */
export async function updateRestitution(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  id: string,
  input: RestitutionPatch,
): Promise<LegalTrack> {
  const { row, access } = await loadLegalForWork(deps.db, actor, caseId);
  notFuture(await todayIn(deps, row.task_force_id), {
    lpskOn: input.lpskOn,
    servedOn: input.servedOn,
    requirementsNoticeOn: input.requirementsNoticeOn,
    requirementsCompletedOn: input.requirementsCompletedOn,
  });
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const r = await loadRestitution(trx, caseId, id, input.version, () =>
      trackFor(deps, trx, row, access, audit),
    );
    const granted = input.grantedAmount !== undefined ? input.grantedAmount : money(r.granted_amount);
    if (input.replacedByDetention && granted === null)
      throw errors.validation({ replacedByDetention: 'restitution_not_granted' });
    if (input.requirementsNoticeOn || input.requirementsCompletedOn) {
      const victim = await trx
        .selectFrom('persons')
        .select('is_child')
        .where('id', '=', r.victim_person_id)
        .executeTakeFirst();
      if (victim?.is_child !== 1)
        throw errors.validation({
          [input.requirementsNoticeOn ? 'requirementsNoticeOn' : 'requirementsCompletedOn']:
            'restitution_not_child',
        });
    }
    const noticeOn =
      input.requirementsNoticeOn !== undefined ? input.requirementsNoticeOn : r.requirements_notice_on;
    const completedOn =
      input.requirementsCompletedOn !== undefined
        ? input.requirementsCompletedOn
        : r.requirements_completed_on;
    if (completedOn && (!noticeOn || completedOn < noticeOn))
      throw errors.validation({ requirementsCompletedOn: 'requirements_before_notice' });
    const { version: _v, replacedByDetention, ...rest } = input;
    await trx
      .updateTable('legal_restitutions')
      .set({
        ...(rest.lpskAmount !== undefined && { lpsk_amount: rest.lpskAmount }),
        ...(rest.lpskOn !== undefined && { lpsk_on: rest.lpskOn }),
        ...(rest.indictmentAmount !== undefined && { indictment_amount: rest.indictmentAmount }),
        ...(rest.grantedAmount !== undefined && { granted_amount: rest.grantedAmount }),
        ...(rest.servedOn !== undefined && { served_on: rest.servedOn }),
        ...(replacedByDetention !== undefined && { replaced_by_detention: replacedByDetention ? 1 : 0 }),
        ...(rest.detentionMonths !== undefined && { detention_months: rest.detentionMonths }),
        ...(rest.requirementsNoticeOn !== undefined && { requirements_notice_on: rest.requirementsNoticeOn }),
        ...(rest.requirementsCompletedOn !== undefined && {
          requirements_completed_on: rest.requirementsCompletedOn,
        }),
        version: r.version + 1,
        updated_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await caseEvent(trx, deps, actor, caseId, 'legal_restitution_updated', {
      fields: Object.keys(input).filter((k) => k !== 'version'),
    });
    await audit({
      action: 'legal.restitution_updated',
      entityType: 'case',
      entityId: caseId,
      details: { restitutionId: id, fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    return trackFor(deps, trx, row, access, audit);
  });
}

/** Records a (possibly partial) payment of granted restitution. */
export async function recordRestitutionPayment(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  id: string,
  input: z.infer<typeof restitutionPaymentCreateSchema>,
): Promise<LegalTrack> {
  const { row, access } = await loadLegalForWork(deps.db, actor, caseId);
  notFuture(await todayIn(deps, row.task_force_id), { paidOn: input.paidOn });
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const r = await loadRestitution(trx, caseId, id, input.version, () =>
      trackFor(deps, trx, row, access, audit),
    );
    if (r.granted_amount === null) throw errors.validation({ amount: 'restitution_not_granted' });
    const now = deps.clock.now().toISOString();
    await trx
      .insertInto('legal_restitution_payments')
      .values({
        id: randomUUID(),
        restitution_id: id,
        amount: input.amount,
        paid_on: input.paidOn,
        created_by: actor.userId,
        created_at: now,
      })
      .execute();
    await trx
      .updateTable('legal_restitutions')
      .set({ version: r.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    await caseEvent(trx, deps, actor, caseId, 'legal_restitution_paid', { amount: input.amount });
    await audit({
      action: 'legal.payment_recorded',
      entityType: 'case',
      entityId: caseId,
      details: { restitutionId: id },
    });
    return trackFor(deps, trx, row, access, audit);
  });
}

/** An application to LPSK for a victim's or witness's protection. */
export async function createProtection(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  input: z.infer<typeof protectionCreateSchema>,
): Promise<LegalTrack> {
  const { row, access } = await loadLegalForWork(deps.db, actor, caseId);
  notFuture(await todayIn(deps, row.task_force_id), { appliedOn: input.appliedOn });
  await personOfCase(deps.db, caseId, input.personId, ['victim', 'witness'], 'personId');
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const now = deps.clock.now().toISOString();
    const id = randomUUID();
    await trx
      .insertInto('legal_protections')
      .values({
        id,
        case_id: caseId,
        person_id: input.personId,
        applied_on: input.appliedOn,
        decision: 'pending',
        decided_on: null,
        kinds: '[]',
        period_from: null,
        period_until: null,
        version: 1,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit({
      action: 'legal.protection_created',
      entityType: 'case',
      entityId: caseId,
      details: { protectionId: id },
    });
    return trackFor(deps, trx, row, access, audit);
  });
}

/** LPSK's decision on an application: granted (kinds and period) or refused. */
export async function decideProtection(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  id: string,
  input: z.infer<typeof protectionPatchSchema>,
): Promise<LegalTrack> {
  const { row, access } = await loadLegalForWork(deps.db, actor, caseId);
  notFuture(await todayIn(deps, row.task_force_id), { decidedOn: input.decidedOn });
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const p = await trx
      .selectFrom('legal_protections')
      .selectAll()
      .where('id', '=', id)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!p) throw errors.notFound();
    if (p.version !== input.version)
      throw errors.versionConflict(await trackFor(deps, trx, row, access, audit));
    if (input.decidedOn && input.decidedOn < p.applied_on)
      throw errors.validation({ decidedOn: 'legal_date_before_previous' });
    await trx
      .updateTable('legal_protections')
      .set({
        decision: input.decision,
        decided_on: input.decidedOn ?? null,
        kinds: JSON.stringify(input.decision === 'granted' ? input.kinds : []),
        period_from: input.decision === 'granted' ? (input.from ?? null) : null,
        period_until: input.decision === 'granted' ? (input.until ?? null) : null,
        version: p.version + 1,
        updated_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await caseEvent(trx, deps, actor, caseId, 'legal_protection_decided', { decision: input.decision });
    await audit({
      action: 'legal.protection_updated',
      entityType: 'case',
      entityId: caseId,
      details: { protectionId: id, decision: input.decision },
    });
    return trackFor(deps, trx, row, access, audit);
  });
}
