import type { ServiceView } from '@sinergi/core';
import type { Actor } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { readDocument, storeDocument } from '../documents/document.service.js';
import {
  type Deps,
  loadCase,
  type Meta,
  mayChange,
  serviceAccessOf,
  serviceView,
} from './service.service.js';

type DocDeps = Deps & Pick<import('../../platform/context.js').AppDeps, 'config'>;

/** The service if the actor sees it: the case team and oversight, or the providing agency. */
async function visibleService(deps: Deps, actor: Actor, serviceId: string) {
  const s = await deps.db.selectFrom('services').selectAll().where('id', '=', serviceId).executeTakeFirst();
  if (!s) throw errors.notFound();
  const a = await serviceAccessOf(deps.db, actor, await loadCase(deps.db, s.case_id));
  if (!a || (a.kind === 'referral' && s.provider_agency_id !== actor.agencyId)) throw errors.notFound();
  return { s, a };
}

/**
 * Attaches a file to a service, by whoever may move the service along: the providing agency under
 * its accepted referral, or the lead agency's team for its own services. Stored like every case
 * document (encrypted, type checked, audited); the provider reads it through the service only.
 */
export async function uploadServiceDocument(
  deps: DocDeps,
  actor: Actor,
  meta: Meta,
  serviceId: string,
  file: { filename: string; data: Buffer },
): Promise<ServiceView> {
  const { s, a } = await visibleService(deps, actor, serviceId);
  if (!(await mayChange(deps.db, actor, s, a))) throw errors.forbidden();
  await storeDocument(deps, actor, meta, { caseId: s.case_id, personId: s.person_id, serviceId }, file);
  return serviceView(deps, actor, serviceId);
}

/** A service's file, for those who read the service's notes (the case team, the provider); audited. */
export async function downloadServiceDocument(
  deps: DocDeps,
  actor: Actor,
  meta: Meta,
  serviceId: string,
  documentId: string,
) {
  const { s, a } = await visibleService(deps, actor, serviceId);
  const readsText = (a.kind === 'case' && a.access === 'full') || s.provider_agency_id === actor.agencyId;
  const row = await deps.db
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', documentId)
    .where('service_id', '=', serviceId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw errors.notFound();
  if (!readsText) throw errors.forbidden();
  return readDocument(deps, actor, meta, row);
}
