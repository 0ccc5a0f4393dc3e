import { randomUUID } from 'node:crypto';
import type { RepatriationLegCreate } from '@sinergi/core';
import type { Actor } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { caseEvent } from '../cases/case.service.js';
import {
  accessTo,
  checkAgency,
  type Deps,
  type Meta,
  personOf,
  reintegrationOf,
} from './reintegration.service.js';

/** The hand-over report must be a document of the same case that was not removed. */
async function checkHandoverDocument(deps: Deps, caseId: string, documentId: string | null | undefined) {
  if (!documentId) return;
  const doc = await deps.db
    .selectFrom('documents')
    .select('id')
    .where('id', '=', documentId)
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!doc) throw errors.validation({ handoverDocumentId: 'document_unknown' });
}

/** Records one hand-over of the repatriation chain; children always need an escort. */
export async function addLeg(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  input: RepatriationLegCreate,
) {
  const { edit, legsOf } = await accessTo(deps, actor, caseId);
  if (!edit && !legsOf) throw errors.forbidden();
  // A person not referred to the agency is as unknown to it as one of another case.
  if (legsOf && !legsOf.has(input.personId)) throw errors.validation({ personId: 'person_unknown' });
  const person = await personOf(deps.db, caseId, input.personId);
  await checkAgency(deps.db, input.agencyId, 'agencyId');
  const fields: Record<string, string> = {};
  for (const k of ['from', 'to'] as const) {
    const code = input[k];
    if (/^[A-Z]{2}$/.test(code) ? !deps.reference.country(code) : !deps.reference.region(code))
      fields[k] = /^[A-Z]{2}$/.test(code) ? 'country_unknown' : 'region_unknown';
  }
  if (Object.keys(fields).length) throw errors.validation(fields);
  await checkHandoverDocument(deps, caseId, input.handoverDocumentId);
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .insertInto('repatriation_legs')
      .values({
        id,
        case_id: caseId,
        person_id: input.personId,
        from_place: input.from,
        to_place: input.to,
        agency_id: input.agencyId,
        planned_date: input.plannedDate,
        actual_date: input.actualDate ?? null,
        escort_required: person.is_child === 1 || input.escortRequired ? 1 : 0,
        escort_enc: deps.cipher.encryptNullable(input.escort ?? null),
        transport: input.transport ?? null,
        cost: input.cost ?? null,
        paid_by: input.paidBy ?? null,
        handover_document_id: input.handoverDocumentId ?? null,
        created_by: actor.userId,
        version: 1,
        updated_at: now,
      })
      .execute();
    await caseEvent(trx, deps, actor, caseId, 'repatriation_leg_added', {
      legId: id,
      from: input.from,
      to: input.to,
    });
    await audit({
      action: 'repatriation.leg_added',
      entityType: 'case',
      entityId: caseId,
      details: { legId: id },
    });
  });
  return reintegrationOf(deps, actor, caseId);
}

/** Records the actual date, escort or hand-over report of a leg; version-checked. */
export async function updateLeg(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  legId: string,
  input: {
    version: number;
    actualDate?: string | null;
    handoverDocumentId?: string | null;
    escort?: string | null;
  },
) {
  const leg = await deps.db
    .selectFrom('repatriation_legs')
    .selectAll()
    .where('id', '=', legId)
    .executeTakeFirst();
  if (!leg) throw errors.notFound();
  const { edit, legsOf } = await accessTo(deps, actor, leg.case_id);
  if (legsOf && !legsOf.has(leg.person_id)) throw errors.notFound();
  if (!edit && !legsOf) throw errors.forbidden();
  if (leg.version !== input.version)
    throw errors.versionConflict(await reintegrationOf(deps, actor, leg.case_id));
  await checkHandoverDocument(deps, leg.case_id, input.handoverDocumentId);
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .updateTable('repatriation_legs')
      .set({
        ...(input.actualDate !== undefined && { actual_date: input.actualDate }),
        ...(input.handoverDocumentId !== undefined && { handover_document_id: input.handoverDocumentId }),
        ...(input.escort !== undefined && { escort_enc: deps.cipher.encryptNullable(input.escort) }),
        version: leg.version + 1,
        updated_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', legId)
      .execute();
    await audit({
      action: 'repatriation.leg_updated',
      entityType: 'case',
      entityId: leg.case_id,
      details: { legId },
    });
  });
  return reintegrationOf(deps, actor, leg.case_id);
}
