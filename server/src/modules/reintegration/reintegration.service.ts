import { randomUUID } from 'node:crypto';
import {
  type FollowUpRecord,
  followUpDates,
  initials,
  type Reintegration,
  type ReintegrationPlanCreate,
} from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { errors } from '../../platform/errors.js';
import { caseAccess } from '../cases/case.policy.js';
import { caseEvent } from '../cases/case.service.js';
import { deadlineSettingsOf } from '../services/deadline-settings.service.js';
import { legsOfCase } from './legs.presenter.js';

export type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher' | 'reference'>;
export type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

/**
 * Persons the actor's agency was asked to bring home: named by an accepted referral to the agency
 * that requests repatriation (the SOP's `pemulangan` stage), for a service worker of that agency.
 */
async function repatriationReferralPersons(db: Db, actor: Actor, caseId: string): Promise<Set<string>> {
  if (!actor.permissions.has('service.manage') || !actor.agencyId) return new Set();
  const rows = await db
    .selectFrom('services')
    .innerJoin('referrals', 'referrals.id', 'services.referral_id')
    .select('services.person_id')
    .where('services.case_id', '=', caseId)
    .where('services.stage', '=', 'pemulangan')
    .where('services.provider_agency_id', '=', actor.agencyId)
    .where('referrals.to_agency_id', '=', actor.agencyId)
    .where('referrals.status', '=', 'accepted')
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/**
 * The case if the actor may see it, and whether they may change its reintegration records. The
 * case team sees all of it. An agency that accepted a referral for repatriation sees and records
 * only the legs of the persons referred to it (`legsOf`), nothing else of the case.
 */
export async function accessTo(deps: Deps, actor: Actor, caseId: string) {
  const c = await deps.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c) throw errors.notFound();
  const access = await caseAccess(deps.db, actor, c);
  if (access)
    return {
      c,
      access,
      edit: access === 'full' && actor.permissions.has('service.manage'),
      legsOf: null as Set<string> | null,
    };
  const legsOf = await repatriationReferralPersons(deps.db, actor, caseId);
  if (legsOf.size === 0) throw errors.notFound();
  return { c, access: 'referral' as const, edit: false, legsOf };
}

export async function personOf(db: Db, caseId: string, personId: string) {
  const p = await db
    .selectFrom('persons')
    .select(['id', 'is_child', 'full_name_enc'])
    .where('id', '=', personId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!p) throw errors.validation({ personId: 'person_unknown' });
  return p;
}

export async function checkAgency(db: Db, id: string, field: string) {
  const a = await db.selectFrom('agencies').select(['id', 'active']).where('id', '=', id).executeTakeFirst();
  if (!a?.active) throw errors.validation({ [field]: 'agency_unknown' });
}

/** Legs, reintegration plans with their follow-up visits, and the case's flags, on one screen. */
export async function reintegrationOf(deps: Deps, actor: Actor, caseId: string): Promise<Reintegration> {
  const { access, edit, legsOf } = await accessTo(deps, actor, caseId);
  // An agency referred to for repatriation sees the legs of its persons and nothing else of the case.
  if (legsOf)
    return {
      legs: await legsOfCase(deps, caseId, { full: true, personIds: legsOf }),
      plans: [],
      flags: [],
      abilities: { edit: false, addLeg: true },
    };
  const full = access === 'full';
  const today = deps.clock.now().toISOString().slice(0, 10);
  const [legs, plans, visits, flags] = await Promise.all([
    legsOfCase(deps, caseId, { full }),
    deps.db
      .selectFrom('reintegration_plans')
      .innerJoin('agencies', 'agencies.id', 'reintegration_plans.provider_agency_id')
      .innerJoin('persons', 'persons.id', 'reintegration_plans.person_id')
      .selectAll('reintegration_plans')
      .select(['agencies.short_name', 'persons.full_name_enc'])
      .where('reintegration_plans.case_id', '=', caseId)
      .orderBy('reintegration_plans.start_date')
      .execute(),
    deps.db
      .selectFrom('follow_up_visits')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('due_date')
      .execute(),
    deps.db.selectFrom('case_flags').select(['flag', 'set_at']).where('case_id', '=', caseId).execute(),
  ]);
  return {
    legs,
    plans: plans.map((p) => ({
      id: p.id,
      personId: p.person_id,
      personInitials: initials(deps.cipher.decrypt(p.full_name_enc)),
      supportType: p.support_type as Reintegration['plans'][number]['supportType'],
      providerAgencyId: p.provider_agency_id,
      providerAgency: p.short_name,
      amount: p.amount === null ? null : Number(p.amount),
      items: full ? deps.cipher.decryptNullable(p.items_enc) : null,
      startDate: p.start_date,
      visits: visits
        .filter((v) => v.plan_id === p.id)
        .map((v) => ({
          id: v.id,
          month: v.month,
          dueDate: v.due_date,
          visitedOn: v.visited_on,
          situation: v.situation as Reintegration['plans'][number]['visits'][number]['situation'],
          findings: full ? deps.cipher.decryptNullable(v.findings_enc) : null,
          nextStep: full ? deps.cipher.decryptNullable(v.next_step_enc) : null,
          overdue: !v.visited_on && v.due_date < today,
          version: v.version,
        })),
    })),
    flags: flags.map((f) => ({ flag: f.flag, setAt: f.set_at })),
    abilities: { edit, addLeg: edit },
  };
}

/** A reintegration plan; follow-up visits are scheduled at the task force's months (default 1, 3, 6, 12). */
export async function addPlan(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  input: ReintegrationPlanCreate,
) {
  const { c, edit } = await accessTo(deps, actor, caseId);
  if (!edit) throw errors.forbidden();
  await personOf(deps.db, caseId, input.personId);
  await checkAgency(deps.db, input.providerAgencyId, 'providerAgencyId');
  const settings = await deadlineSettingsOf(deps.db, c.task_force_id);
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  const dates = followUpDates(input.startDate, settings.followUpMonths);
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .insertInto('reintegration_plans')
      .values({
        id,
        case_id: caseId,
        person_id: input.personId,
        support_type: input.supportType,
        provider_agency_id: input.providerAgencyId,
        amount: input.amount ?? null,
        items_enc: deps.cipher.encryptNullable(input.items ?? null),
        start_date: input.startDate,
        created_by: actor.userId,
        created_at: now,
      })
      .execute();
    for (const [i, due] of dates.entries()) {
      await trx
        .insertInto('follow_up_visits')
        .values({
          id: randomUUID(),
          plan_id: id,
          case_id: caseId,
          provider_agency_id: input.providerAgencyId,
          month: settings.followUpMonths[i]!,
          due_date: due,
          visited_on: null,
          situation: null,
          findings_enc: null,
          next_step_enc: null,
          version: 1,
          updated_at: now,
        })
        .execute();
    }
    await caseEvent(trx, deps, actor, caseId, 'reintegration_planned', {
      planId: id,
      supportType: input.supportType,
      visits: dates.length,
    });
    await audit({
      action: 'reintegration.planned',
      entityType: 'case',
      entityId: caseId,
      details: { planId: id },
    });
  });
  return reintegrationOf(deps, actor, caseId);
}

/**
 * Records a follow-up visit (the case team or the providing agency). A person found re-trafficked
 * flags the case.
 */
export async function recordVisit(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  visitId: string,
  input: FollowUpRecord,
) {
  const v = await deps.db
    .selectFrom('follow_up_visits')
    .selectAll()
    .where('id', '=', visitId)
    .executeTakeFirst();
  if (!v) throw errors.notFound();
  const c = (await deps.db.selectFrom('cases').selectAll().where('id', '=', v.case_id).executeTakeFirst())!;
  const access = await caseAccess(deps.db, actor, c);
  const provider = v.provider_agency_id === actor.agencyId && actor.permissions.has('service.manage');
  if (!access && !provider) throw errors.notFound();
  if (!(access === 'full' && actor.permissions.has('service.manage')) && !provider) throw errors.forbidden();
  if (v.version !== input.version) throw errors.conflict();
  if (input.visitedOn > deps.clock.now().toISOString().slice(0, 10))
    throw errors.validation({ visitedOn: 'date_in_future' });
  const now = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    const res = await trx
      .updateTable('follow_up_visits')
      .set({
        visited_on: input.visitedOn,
        situation: input.situation,
        findings_enc: deps.cipher.encrypt(input.findings),
        next_step_enc: deps.cipher.encryptNullable(input.nextStep ?? null),
        version: v.version + 1,
        updated_at: now,
      })
      .where('id', '=', visitId)
      .where('version', '=', v.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw errors.conflict();
    await caseEvent(trx, deps, actor, v.case_id, 'follow_up_recorded', {
      month: v.month,
      situation: input.situation,
    });
    await audit({
      action: 'reintegration.follow_up_recorded',
      entityType: 'case',
      entityId: v.case_id,
      details: { visitId, situation: input.situation },
    });
    if (input.situation === 're_trafficked' || input.situation === 're_migrated') {
      const flag = input.situation === 're_trafficked' ? 'retrafficked' : 'remigrated';
      await trx
        .insertInto('case_flags')
        .values({ case_id: v.case_id, flag, set_at: now, set_by: actor.userId })
        .onConflict((oc) => oc.columns(['case_id', 'flag']).doNothing())
        .execute();
      await caseEvent(trx, deps, actor, v.case_id, 'case_flagged', { flag });
      await audit({ action: 'case.flagged', entityType: 'case', entityId: v.case_id, details: { flag } });
    }
  });
  return { ok: true };
}
