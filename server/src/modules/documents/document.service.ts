import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { DocumentRow } from '../../platform/db/schema.js';
import { errors } from '../../platform/errors.js';
import { readStoredFile, removeStoredFile, writeStoredFile } from '../../platform/file-store.js';
import { caseEvent, loadCaseFor, loadCaseForWork } from '../cases/case.service.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher' | 'config'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

export interface DocumentView {
  id: string;
  personId: string | null;
  filename: string | null;
  mime: string;
  size: number;
  uploadedBy: string | null;
  uploadedAt: string;
}

/**
 * Checks the file's real type, stores it encrypted under DATA_DIR/documents, and records it (name
 * encrypted) with a timeline event and an audit event. The caller has checked access.
 */
export async function storeDocument(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  owner: { caseId: string; personId: string | null; serviceId: string | null },
  file: { filename: string; data: Buffer },
): Promise<string> {
  const stored = await writeStoredFile(deps, file.data);
  const type = { mime: stored.mime };
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  try {
    await inTransaction(deps, actor, meta, async (trx, audit) => {
      await trx
        .insertInto('documents')
        .values({
          id,
          case_id: owner.caseId,
          person_id: owner.personId,
          service_id: owner.serviceId,
          filename_enc: deps.cipher.encrypt(path.basename(file.filename).slice(0, 200) || 'dokumen'),
          mime: type.mime,
          size: file.data.length,
          sha256: stored.sha256,
          storage_key: stored.key,
          uploaded_by: actor.userId,
          uploaded_at: now,
          deleted_at: null,
          deleted_reason: null,
        })
        .execute();
      await caseEvent(trx, deps, actor, owner.caseId, 'document_added', {
        documentId: id,
        mime: type.mime,
        size: file.data.length,
        ...(owner.serviceId && { serviceId: owner.serviceId }),
      });
      await audit({
        action: 'document.uploaded',
        entityType: 'document',
        entityId: id,
        details: { caseId: owner.caseId, mime: type.mime, size: file.data.length },
      });
    });
  } catch (err) {
    await removeStoredFile(deps, stored.key);
    throw err;
  }
  return id;
}

/** The decrypted file; the download is audited. The caller has checked access. */
export async function readDocument(deps: Deps, actor: Actor, meta: Meta, row: DocumentRow) {
  const data = await readStoredFile(deps, row.storage_key);
  await inTransaction(deps, actor, meta, (_t, audit) =>
    audit({
      action: 'document.downloaded',
      entityType: 'document',
      entityId: row.id,
      details: { caseId: row.case_id, ...(row.service_id && { serviceId: row.service_id }) },
    }),
  );
  return { data, mime: row.mime, filename: deps.cipher.decrypt(row.filename_enc) };
}

/** Removes a stored file for good (erasure and retention); a file already gone is fine. */
export async function removeDocumentFile(deps: Pick<AppDeps, 'config'>, key: string): Promise<void> {
  await removeStoredFile(deps, key);
}

/** Attaches a file to a case the actor works on, optionally to one of its persons. */
export async function uploadDocument(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  file: { filename: string; data: Buffer },
  personId: string | null,
): Promise<DocumentView> {
  const c = await loadCaseForWork(deps, actor, caseId);
  if (c.stage === 'closed') throw errors.validation({ _: 'transition_not_allowed' });
  if (personId) {
    const p = await deps.db
      .selectFrom('persons')
      .select('id')
      .where('id', '=', personId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!p) throw errors.validation({ personId: 'person_unknown' });
  }
  const id = await storeDocument(deps, actor, meta, { caseId, personId, serviceId: null }, file);
  return (await listDocuments(deps, actor, caseId)).items.find((d) => d.id === id)!;
}

export async function listDocuments(
  deps: Deps,
  actor: Actor,
  caseId: string,
): Promise<{ items: DocumentView[] }> {
  const { access } = await loadCaseFor(deps, actor, caseId);
  const rows = await deps.db
    .selectFrom('documents')
    .leftJoin('users', 'users.id', 'documents.uploaded_by')
    .selectAll('documents')
    .select('users.display_name')
    .where('documents.case_id', '=', caseId)
    .where('documents.deleted_at', 'is', null)
    .orderBy('documents.uploaded_at', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      filename: access === 'full' ? deps.cipher.decrypt(r.filename_enc) : null,
      mime: r.mime,
      size: r.size,
      uploadedBy: r.display_name,
      uploadedAt: r.uploaded_at,
    })),
  };
}

/** The decrypted file for the case team; every download is audited. */
export async function downloadDocument(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  documentId: string,
) {
  const { access } = await loadCaseFor(deps, actor, caseId);
  const row = await deps.db
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', documentId)
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw errors.notFound();
  if (access !== 'full') throw errors.forbidden();
  return readDocument(deps, actor, meta, row);
}

/** Soft delete with a reason: the file stays for the audit, hidden from the case. */
export async function deleteDocument(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  documentId: string,
  reason: string,
): Promise<void> {
  await loadCaseForWork(deps, actor, caseId);
  const row = await deps.db
    .selectFrom('documents')
    .select('id')
    .where('id', '=', documentId)
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw errors.notFound();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .updateTable('documents')
      .set({ deleted_at: deps.clock.now().toISOString(), deleted_reason: deps.cipher.encrypt(reason) })
      .where('id', '=', documentId)
      .execute();
    await caseEvent(trx, deps, actor, caseId, 'document_deleted', { documentId });
    await audit({
      action: 'document.deleted',
      entityType: 'document',
      entityId: documentId,
      details: { caseId },
    });
  });
}
