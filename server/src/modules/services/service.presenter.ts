import { initials, type ServiceView } from '@sinergi/core';
import type { AppDeps } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { DocumentRow, ServiceRow } from '../../platform/db/schema.js';

/** A service record; notes, outcome and reasons only for those working on it. */
export function presentService(
  deps: Pick<AppDeps, 'cipher' | 'clock'>,
  s: ServiceRow,
  ctx: {
    personName: string;
    providerAgency: string;
    showText: boolean;
    changeStatus: boolean;
    documents: readonly DocumentRow[];
  },
): ServiceView {
  const open = s.status === 'requested' || s.status === 'accepted' || s.status === 'in_progress';
  return {
    id: s.id,
    caseId: s.case_id,
    personId: s.person_id,
    personInitials: initials(ctx.personName),
    type: s.type as ServiceView['type'],
    stage: s.stage as ServiceView['stage'],
    providerAgencyId: s.provider_agency_id,
    providerAgency: ctx.providerAgency,
    referralId: s.referral_id,
    status: s.status as ServiceView['status'],
    requestedAt: s.requested_at,
    acceptedAt: s.accepted_at,
    declinedAt: s.declined_at,
    startedAt: s.started_at,
    completedAt: s.completed_at,
    cancelledAt: s.cancelled_at,
    dueAt: s.due_at,
    overdue: open && s.due_at !== null && s.due_at < deps.clock.now().toISOString(),
    outcome: ctx.showText ? deps.cipher.decryptNullable(s.outcome_enc) : null,
    reason: ctx.showText ? deps.cipher.decryptNullable(s.reason_enc) : null,
    cost: s.cost === null ? null : Number(s.cost),
    notes: ctx.showText ? deps.cipher.decryptNullable(s.notes_enc) : null,
    documents: ctx.documents
      .filter((d) => d.service_id === s.id)
      .map((d) => ({
        id: d.id,
        filename: ctx.showText ? deps.cipher.decrypt(d.filename_enc) : null,
        mime: d.mime,
        size: d.size,
        uploadedAt: d.uploaded_at,
      })),
    version: s.version,
    abilities: { changeStatus: ctx.changeStatus },
  };
}

/** The files attached to these services (not removed), oldest first. */
export async function documentsOfServices(db: Db, serviceIds: readonly string[]): Promise<DocumentRow[]> {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('documents')
    .selectAll()
    .where('service_id', 'in', [...serviceIds])
    .where('deleted_at', 'is', null)
    .orderBy('uploaded_at')
    .execute();
}
