import type { NeedsInput, ServicePlan, SopStage } from '@sinergi/core';
import type { Actor } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { caseEvent } from '../cases/case.service.js';
import { documentsOfServices, presentService } from './service.presenter.js';
import { type Deps, isWorker, loadCase, type Meta, mayChange, serviceAccessOf } from './service.service.js';

/** The service plan of a case: needs per victim against the six SOP stages, and services. */
export async function servicePlan(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
): Promise<ServicePlan> {
  const c = await loadCase(deps.db, caseId);
  const a = await serviceAccessOf(deps.db, actor, c);
  if (!a) throw errors.notFound();
  const full = a.kind === 'case' && a.access === 'full';
  let personQuery = deps.db
    .selectFrom('persons')
    .leftJoin('service_needs', 'service_needs.person_id', 'persons.id')
    .select([
      'persons.id',
      'persons.full_name_enc',
      'persons.role',
      'service_needs.stages',
      'service_needs.note_enc',
    ])
    .where('persons.case_id', '=', caseId)
    .orderBy('persons.created_at');
  if (a.kind === 'referral')
    personQuery = personQuery.where('persons.id', 'in', [...a.scope.openPersonIds, '']);
  else personQuery = personQuery.where('persons.role', '=', 'victim');
  const persons = await personQuery.execute();
  let serviceQuery = deps.db
    .selectFrom('services')
    .innerJoin('agencies', 'agencies.id', 'services.provider_agency_id')
    .innerJoin('persons', 'persons.id', 'services.person_id')
    .selectAll('services')
    .select(['agencies.short_name', 'persons.full_name_enc'])
    .where('services.case_id', '=', caseId)
    .orderBy('services.requested_at');
  // The receiving agency sees its own service records only, and keeps them after the referral ends.
  if (a.kind === 'referral')
    serviceQuery = serviceQuery.where('services.provider_agency_id', '=', actor.agencyId);
  const services = await serviceQuery.execute();
  const names = (id: string) => (a.kind === 'referral' ? a.scope.acceptedPersonIds.has(id) : full);
  const plan: ServicePlan = {
    persons: persons.map((p) => {
      const name = deps.cipher.decrypt(p.full_name_enc);
      return {
        personId: p.id,
        initials: name
          .split(/\s+/)
          .filter(Boolean)
          .map((w) => w[0]!.toUpperCase())
          .join('')
          .slice(0, 3),
        name: names(p.id) ? name : null,
        needs: (p.stages ?? '').split(',').filter(Boolean) as SopStage[],
        needsNote: full ? deps.cipher.decryptNullable(p.note_enc) : null,
      };
    }),
    services: [],
    abilities: {
      addService: isWorker(actor) && (full || (a.kind === 'referral' && a.scope.acceptedPersonIds.size > 0)),
      editNeeds: full && isWorker(actor),
      refer:
        (full && actor.permissions.has('referral.manage')) ||
        (a.kind === 'case' && actor.roles.includes('coordinator')),
    },
  };
  const documents = await documentsOfServices(
    deps.db,
    services.map((s) => s.id),
  );
  for (const s of services) {
    plan.services.push(
      presentService(deps, s, {
        personName: deps.cipher.decrypt(s.full_name_enc),
        providerAgency: s.short_name,
        showText: full || s.provider_agency_id === actor.agencyId,
        changeStatus: await mayChange(deps.db, actor, s, a),
        documents,
      }),
    );
  }
  if (plan.persons.some((p) => p.name !== null)) {
    await inTransaction(deps, actor, meta, (_trx, audit) =>
      audit({ action: 'service.read', entityType: 'case', entityId: caseId, details: { via: a.kind } }),
    );
  }
  return plan;
}

/** Records the needs of one victim against the SOP stages (case team). */
export async function setNeeds(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  personId: string,
  input: NeedsInput,
) {
  const c = await loadCase(deps.db, caseId);
  const a = await serviceAccessOf(deps.db, actor, c);
  if (!a) throw errors.notFound();
  if (a.kind !== 'case' || a.access !== 'full' || !isWorker(actor)) throw errors.forbidden();
  const person = await deps.db
    .selectFrom('persons')
    .select('id')
    .where('id', '=', personId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!person) throw errors.notFound();
  const now = deps.clock.now().toISOString();
  const values = {
    stages: [...new Set(input.stages)].join(','),
    note_enc: deps.cipher.encryptNullable(input.note ?? null),
    updated_by: actor.userId,
    updated_at: now,
  };
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .insertInto('service_needs')
      .values({ person_id: personId, case_id: caseId, ...values })
      .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
      .execute();
    await caseEvent(trx, deps, actor, caseId, 'needs_updated', { personId, stages: input.stages });
    await audit({
      action: 'needs.updated',
      entityType: 'person',
      entityId: personId,
      details: { caseId, stages: input.stages },
    });
  });
  return servicePlan(deps, actor, meta, caseId);
}
