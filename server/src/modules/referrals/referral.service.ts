import { randomUUID } from 'node:crypto';
import {
  consentCovers,
  type ReferralCreate,
  type ReferralListQuery,
  type ReferralView,
  SERVICE_TYPES,
  type ServiceType,
} from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { ReferralRow } from '../../platform/db/schema.js';
import { errors } from '../../platform/errors.js';
import { caseAccess } from '../cases/case.policy.js';
import { caseEvent } from '../cases/case.service.js';
import { notifyAgency } from '../notifications/notification.service.js';
import { dueFor } from '../services/deadline-settings.service.js';
import { presentReferrals, type ReferralSide, referralSide } from './referral.presenter.js';

export type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher' | 'config'>;
export type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

/** Persons of the request without a current consent covering services and sharing with the agency. */
async function personsWithoutConsent(db: Db, personIds: string[], agencyId: string) {
  const consents = await db
    .selectFrom('consents')
    .select(['id', 'person_id', 'scopes', 'sharing_agency_ids', 'withdrawn_on'])
    .where('person_id', 'in', personIds)
    .execute();
  const covering = new Map<string, string>();
  for (const c of consents) {
    const view = {
      scopes: c.scopes.split(','),
      sharingAgencyIds: c.sharing_agency_ids.split(',').filter(Boolean),
      withdrawnOn: c.withdrawn_on,
    };
    if (consentCovers(view, agencyId)) covering.set(c.person_id, c.id);
  }
  return { missing: personIds.filter((id) => !covering.has(id)), covering };
}

/** Sends a referral: the consent gate, or a coordinator's audited override; services are requested from the agency. */
export async function createReferral(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  input: ReferralCreate,
): Promise<ReferralView> {
  const c = await deps.db.selectFrom('cases').selectAll().where('id', '=', input.caseId).executeTakeFirst();
  const access = c ? await caseAccess(deps.db, actor, c) : null;
  if (!c || !access) throw errors.notFound();
  const isCoordinator = actor.roles.includes('coordinator');
  if (access !== 'full' && !isCoordinator) throw errors.forbidden();
  if (c.stage === 'closed') throw errors.validation({ caseId: 'transition_not_allowed' });
  const fields: Record<string, string> = {};
  const to = await deps.db
    .selectFrom('agencies')
    .select(['id', 'active', 'task_force_id', 'short_name'])
    .where('id', '=', input.toAgencyId)
    .executeTakeFirst();
  const fromAgencyId = access === 'full' ? actor.agencyId : c.lead_agency_id;
  if (!to?.task_force_id) fields.toAgencyId = 'agency_unknown';
  else if (!to.active) fields.toAgencyId = 'agency_inactive';
  else if (to.id === fromAgencyId) fields.toAgencyId = 'referral_to_own_agency';
  const personIds = [...new Set(input.personIds)];
  const persons = await deps.db
    .selectFrom('persons')
    .select('id')
    .where('case_id', '=', c.id)
    .where('id', 'in', personIds)
    .execute();
  personIds.forEach((id, i) => {
    if (!persons.some((p) => p.id === id)) fields[`personIds.${i}`] = 'person_unknown';
  });
  if (Object.keys(fields).length) throw errors.validation(fields);
  const { missing, covering } = await personsWithoutConsent(deps.db, personIds, to!.id);
  const override = input.consentOverrideReason?.trim() || null;
  if (missing.length && !override) {
    throw errors.validation(
      Object.fromEntries(
        missing.map((id) => [`personIds.${personIds.indexOf(id)}`, 'consent_missing_for_referral']),
      ),
    );
  }
  if (missing.length && !isCoordinator)
    throw errors.validation({ consentOverrideReason: 'override_coordinator_only' });
  const usedOverride = missing.length > 0;
  const now = deps.clock.now();
  const id = randomUUID();
  const responseDue = await dueFor(deps.db, c.task_force_id, 'referral_response', now);
  const services = [...new Set(input.services)];
  const row = await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .insertInto('referrals')
      .values({
        id,
        case_id: c.id,
        from_agency_id: fromAgencyId,
        to_agency_id: to!.id,
        from_task_force_id: c.task_force_id,
        to_task_force_id: to!.task_force_id!,
        status: 'pending',
        services: services.join(','),
        reason: input.reason,
        urgency: input.urgency,
        details_enc: deps.cipher.encryptNullable(input.details ?? null),
        consent_override_enc: usedOverride ? deps.cipher.encrypt(override!) : null,
        consent_override_by: usedOverride ? actor.userId : null,
        sent_by: actor.userId,
        sent_at: now.toISOString(),
        response_due_at: responseDue.toISOString(),
        responded_at: null,
        closed_at: null,
        assigned_user_id: null,
        answer_reason_enc: null,
        outcome_enc: null,
        version: 1,
        updated_at: now.toISOString(),
      })
      .execute();
    await trx
      .insertInto('referral_persons')
      .values(personIds.map((p) => ({ referral_id: id, person_id: p, consent_id: covering.get(p) ?? null })))
      .execute();
    for (const personId of personIds) {
      for (const type of services) {
        await trx
          .insertInto('services')
          .values({
            id: randomUUID(),
            case_id: c.id,
            person_id: personId,
            type,
            stage: SERVICE_TYPES[type as ServiceType] ?? 'rehabilitasi_sosial',
            provider_agency_id: to!.id,
            referral_id: id,
            status: 'requested',
            requested_at: now.toISOString(),
            accepted_at: null,
            declined_at: null,
            started_at: null,
            completed_at: null,
            cancelled_at: null,
            due_at: null,
            outcome_enc: null,
            reason_enc: null,
            cost: null,
            notes_enc: null,
            created_by: actor.userId,
            version: 1,
            updated_at: now.toISOString(),
          })
          .execute();
      }
    }
    await caseEvent(trx, deps, actor, c.id, 'referral_sent', {
      referralId: id,
      toAgency: to!.short_name,
      services,
      persons: personIds.length,
      consentOverride: usedOverride,
    });
    await audit({
      action: 'referral.sent',
      entityType: 'referral',
      entityId: id,
      details: { caseId: c.id, toAgencyId: to!.id, persons: personIds.length, services },
    });
    if (usedOverride) {
      await audit({
        action: 'referral.consent_override',
        entityType: 'referral',
        entityId: id,
        details: { caseId: c.id, personIds: missing },
      });
    }
    await notifyAgency(trx, deps, to!.id, {
      kind: 'referral_received',
      caseId: c.id,
      caseNumber: c.case_number,
      referralId: id,
    });
    return (await trx.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst())!;
  });
  const [view] = await presentReferrals(
    deps,
    deps.db,
    actor,
    [row],
    new Map([[id, 'sender' as ReferralSide]]),
    {
      identity: false,
    },
  );
  return view!;
}

/** One referral as the caller's side may see it; 404 for anyone else. Identifying reads are audited. */
export async function getReferral(deps: Deps, actor: Actor, meta: Meta, id: string): Promise<ReferralView> {
  const row = await deps.db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.notFound();
  const side = await referralSide(deps.db, actor, row);
  if (!side) throw errors.notFound();
  const [view] = await presentReferrals(deps, deps.db, actor, [row], new Map([[id, side]]), {
    identity: true,
  });
  if (view!.persons.some((p) => p.fullName !== null)) {
    await inTransaction(deps, actor, meta, (_trx, audit) =>
      audit({
        action: 'referral.read',
        entityType: 'referral',
        entityId: id,
        details: { caseId: row.case_id, side },
      }),
    );
  }
  return view!;
}

/** Incoming or outgoing referrals of the caller's agency, or consent overrides for a coordinator's review. */
export async function listReferrals(deps: Deps, actor: Actor, query: ReferralListQuery) {
  let q = deps.db.selectFrom('referrals');
  if (query.box === 'incoming') q = q.where('to_agency_id', '=', actor.agencyId);
  else if (query.box === 'outgoing') q = q.where('from_agency_id', '=', actor.agencyId);
  else {
    if (!actor.roles.includes('coordinator') || !actor.taskForceId) throw errors.forbidden();
    q = q.where('from_task_force_id', '=', actor.taskForceId).where('consent_override_by', 'is not', null);
  }
  if (query.status) q = q.where('status', '=', query.status);
  if (query.caseId) q = q.where('case_id', '=', query.caseId);
  const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const rows: ReferralRow[] = await q
    .selectAll()
    .orderBy('sent_at', 'desc')
    .orderBy('id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const sides = new Map<string, ReferralSide>();
  const visible: ReferralRow[] = [];
  for (const r of rows) {
    const side = await referralSide(deps.db, actor, r);
    if (side) {
      sides.set(r.id, side);
      visible.push(r);
    }
  }
  const items = await presentReferrals(deps, deps.db, actor, visible, sides, { identity: false });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Referrals of one case, for its page (the case team and oversight). */
export async function caseReferrals(deps: Deps, actor: Actor, caseId: string) {
  const c = await deps.db
    .selectFrom('cases')
    .select(['id', 'task_force_id'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!c || !(await caseAccess(deps.db, actor, c))) throw errors.notFound();
  const rows = await deps.db
    .selectFrom('referrals')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('sent_at', 'desc')
    .execute();
  const sides = new Map<string, ReferralSide>();
  for (const r of rows) sides.set(r.id, (await referralSide(deps.db, actor, r))!);
  return { items: await presentReferrals(deps, deps.db, actor, rows, sides, { identity: false }) };
}
