import { randomUUID } from 'node:crypto';
import {
  SERVICE_STATUS_DATE,
  SERVICE_TYPES,
  type ServiceCreate,
  type ServiceStatus,
  type ServiceStatusChange,
  serviceMoveProblem,
} from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { CaseRow, ServiceRow } from '../../platform/db/schema.js';
import { errors } from '../../platform/errors.js';
import { type CaseAccess, caseAccess, type ReferralScope, referralScope } from '../cases/case.policy.js';
import { caseEvent } from '../cases/case.service.js';
import { dueFor } from './deadline-settings.service.js';
import { documentsOfServices, presentService } from './service.presenter.js';

export type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher'>;
export type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

/** How the actor reaches a case's services: as case team/oversight, or through referrals to its agency. */
export type ServiceAccess = { kind: 'case'; access: CaseAccess } | { kind: 'referral'; scope: ReferralScope };

export async function serviceAccessOf(db: Db, actor: Actor, c: CaseRow): Promise<ServiceAccess | null> {
  const access = await caseAccess(db, actor, c);
  if (access) return { kind: 'case', access };
  const scope = await referralScope(db, actor, c.id);
  return scope ? { kind: 'referral', scope } : null;
}

export async function loadCase(db: Db, id: string) {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.notFound();
  return row;
}

export function isWorker(actor: Actor) {
  return actor.permissions.has('service.manage');
}

/** Whether the actor may move this service along. */
export async function mayChange(db: Db, actor: Actor, s: ServiceRow, a: ServiceAccess): Promise<boolean> {
  if (!isWorker(actor)) return false;
  if (s.referral_id) {
    if (s.provider_agency_id !== actor.agencyId) return false;
    const r = await db
      .selectFrom('referrals')
      .select('status')
      .where('id', '=', s.referral_id)
      .executeTakeFirst();
    return r?.status === 'accepted';
  }
  return a.kind === 'case' && a.access === 'full';
}

/**
 * Records a service. The lead agency's own services need no referral; another agency's service
 * goes through a referral, so only the receiving agency records under its accepted referral.
 */
export async function createService(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  input: ServiceCreate,
) {
  const c = await loadCase(deps.db, caseId);
  const a = await serviceAccessOf(deps.db, actor, c);
  if (!a) throw errors.notFound();
  if (!isWorker(actor)) throw errors.forbidden();
  const fields: Record<string, string> = {};
  let referralId: string | null = null;
  if (a.kind === 'referral') {
    if (!a.scope.acceptedPersonIds.has(input.personId)) throw errors.notFound();
    const r = await deps.db
      .selectFrom('referrals')
      .innerJoin('referral_persons', 'referral_persons.referral_id', 'referrals.id')
      .select('referrals.id')
      .where('referrals.case_id', '=', caseId)
      .where('referrals.to_agency_id', '=', actor.agencyId)
      .where('referrals.status', '=', 'accepted')
      .where('referral_persons.person_id', '=', input.personId)
      .$if(input.referralId !== undefined, (q) => q.where('referrals.id', '=', input.referralId!))
      .executeTakeFirst();
    if (!r) fields.referralId = 'transition_not_allowed';
    referralId = r?.id ?? null;
  } else {
    if (a.access !== 'full') throw errors.forbidden();
    if (
      input.providerAgencyId &&
      input.providerAgencyId !== actor.agencyId &&
      input.providerAgencyId !== c.lead_agency_id
    )
      fields.providerAgencyId = 'provider_needs_referral';
    const p = await deps.db
      .selectFrom('persons')
      .select('id')
      .where('id', '=', input.personId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!p) fields.personId = 'person_unknown';
  }
  const stage = SERVICE_TYPES[input.type] ?? input.stage;
  if (!stage) fields.stage = 'stage_required';
  if (c.stage === 'closed') fields._ = 'transition_not_allowed';
  if (Object.keys(fields).length) throw errors.validation(fields);
  const now = deps.clock.now();
  const rehab = stage === 'rehabilitasi_kesehatan' || stage === 'rehabilitasi_sosial';
  const due = input.dueDate
    ? new Date(`${input.dueDate}T15:59:59.999Z`)
    : await dueFor(deps.db, c.task_force_id, rehab ? 'rehabilitation_start' : 'service_completion', now);
  const id = randomUUID();
  const status = input.status as ServiceStatus;
  const iso = now.toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .insertInto('services')
      .values({
        id,
        case_id: caseId,
        person_id: input.personId,
        type: input.type,
        stage: stage!,
        provider_agency_id:
          a.kind === 'referral' ? actor.agencyId : (input.providerAgencyId ?? actor.agencyId),
        referral_id: referralId,
        status,
        requested_at: iso,
        accepted_at: status !== 'requested' ? iso : null,
        declined_at: null,
        started_at: status === 'in_progress' ? iso : null,
        completed_at: null,
        cancelled_at: null,
        due_at: due.toISOString(),
        outcome_enc: null,
        reason_enc: null,
        cost: input.cost ?? null,
        notes_enc: deps.cipher.encryptNullable(input.notes ?? null),
        created_by: actor.userId,
        version: 1,
        updated_at: iso,
      })
      .execute();
    await caseEvent(trx, deps, actor, caseId, 'service_recorded', {
      serviceId: id,
      type: input.type,
      status,
    });
    await audit({
      action: 'service.created',
      entityType: 'service',
      entityId: id,
      details: { caseId, type: input.type },
    });
  });
  return serviceView(deps, actor, id);
}

export async function serviceView(deps: Deps, actor: Actor, id: string) {
  const s = await deps.db
    .selectFrom('services')
    .innerJoin('agencies', 'agencies.id', 'services.provider_agency_id')
    .innerJoin('persons', 'persons.id', 'services.person_id')
    .selectAll('services')
    .select(['agencies.short_name', 'persons.full_name_enc'])
    .where('services.id', '=', id)
    .executeTakeFirstOrThrow();
  const c = await loadCase(deps.db, s.case_id);
  const a = (await serviceAccessOf(deps.db, actor, c))!;
  return presentService(deps, s, {
    personName: deps.cipher.decrypt(s.full_name_enc),
    providerAgency: s.short_name,
    showText: (a.kind === 'case' && a.access === 'full') || s.provider_agency_id === actor.agencyId,
    changeStatus: await mayChange(deps.db, actor, s, a),
    documents: await documentsOfServices(deps.db, [s.id]),
  });
}

/** Moves a service along its status machine, with the date of the change; version-checked. */
export async function changeServiceStatus(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  id: string,
  input: ServiceStatusChange,
) {
  const s = await deps.db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) throw errors.notFound();
  const c = await loadCase(deps.db, s.case_id);
  const a = await serviceAccessOf(deps.db, actor, c);
  const visible = a && (a.kind === 'case' || s.provider_agency_id === actor.agencyId);
  if (!a || !visible) throw errors.notFound();
  if (!(await mayChange(deps.db, actor, s, a))) throw errors.forbidden();
  if (s.version !== input.version) throw errors.versionConflict(await serviceView(deps, actor, id));
  const problem = serviceMoveProblem(s.status as ServiceStatus, input.to, input);
  if (problem)
    throw errors.validation({
      [problem === 'outcome_required' ? 'outcome' : problem === 'reason_required' ? 'reason' : 'to']: problem,
    });
  const now = deps.clock.now().toISOString();
  const ok = await inTransaction(deps, actor, meta, async (trx, audit) => {
    const res = await trx
      .updateTable('services')
      .set({
        status: input.to,
        [SERVICE_STATUS_DATE[input.to]]: now,
        ...(input.to === 'completed' && input.outcome && { outcome_enc: deps.cipher.encrypt(input.outcome) }),
        ...(input.reason && { reason_enc: deps.cipher.encrypt(input.reason) }),
        ...(input.cost !== undefined && { cost: input.cost }),
        ...(input.notes !== undefined && { notes_enc: deps.cipher.encryptNullable(input.notes) }),
        version: s.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('version', '=', s.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await caseEvent(trx, deps, actor, s.case_id, 'service_status_changed', {
      serviceId: id,
      type: s.type,
      from: s.status,
      to: input.to,
    });
    await audit({
      action: 'service.status_changed',
      entityType: 'service',
      entityId: id,
      details: { caseId: s.case_id, from: s.status, to: input.to },
    });
    return true;
  });
  if (!ok) throw errors.versionConflict(await serviceView(deps, actor, id));
  return serviceView(deps, actor, id);
}
