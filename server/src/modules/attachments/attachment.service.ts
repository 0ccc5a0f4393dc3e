import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Selectable } from 'kysely';
import type { AuditAction } from '../../platform/audit.js';
import { type Actor, type AppDeps, inTransaction, type RequestMeta } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { AttachmentTable } from '../../platform/db/schema.js';
import { readStoredFile, removeStoredFile, writeStoredFile } from '../../platform/file-store.js';
import type { DocumentKind } from '../../platform/file-type.js';

/**
 * Files of the task force that belong to no case: decree scans, evidence of progress reports and
 * the letterhead logo. The calling module checks who may attach or read; this stores the file
 * (encrypted, sniffed), records the row and audits, in one place.
 */

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher' | 'config'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;
export type AttachmentRow = Selectable<AttachmentTable>;
export type AttachmentOwner = {
  taskForceId: string;
  type: AttachmentTable['owner_type'];
  id: string;
};

export interface AttachmentView {
  id: string;
  filename: string;
  mime: string;
  size: number;
  uploadedBy: string | null;
  uploadedAt: string;
}

/**
 * Stores a file for an owner. With `replace`, the owner's current files are set aside (kept for the
 * audit, no longer shown) in the same transaction, so an owner has one file at a time.
 */
export async function attachFile(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  owner: AttachmentOwner,
  file: { filename: string; data: Buffer },
  opts: { allowed?: readonly DocumentKind[]; refusal?: string; replace?: boolean; action: AuditAction },
): Promise<string> {
  const stored = await writeStoredFile(deps, file.data, opts.allowed, opts.refusal);
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  try {
    await inTransaction(deps, actor, meta, async (trx, audit) => {
      let replaced: string[] = [];
      if (opts.replace) {
        const current = await currentRows(trx, owner.type, [owner.id]);
        replaced = current.map((r) => r.id);
        if (replaced.length)
          await trx
            .updateTable('attachments')
            .set({ removed_at: now, removed_reason_enc: deps.cipher.encrypt('replaced') })
            .where('id', 'in', replaced)
            .execute();
      }
      const last = await trx
        .selectFrom('attachments')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('owner_type', '=', owner.type)
        .where('owner_id', '=', owner.id)
        .executeTakeFirst();
      await trx
        .insertInto('attachments')
        .values({
          id,
          task_force_id: owner.taskForceId,
          owner_type: owner.type,
          owner_id: owner.id,
          position: Number(last?.p ?? 0) + 1,
          filename_enc: deps.cipher.encrypt(path.basename(file.filename).slice(0, 200) || 'berkas'),
          mime: stored.mime,
          size: stored.size,
          sha256: stored.sha256,
          storage_key: stored.key,
          uploaded_by: actor.userId,
          uploaded_at: now,
          removed_at: null,
          removed_reason_enc: null,
        })
        .execute();
      await audit({
        action: opts.action,
        entityType: owner.type,
        entityId: owner.id,
        details: {
          attachmentId: id,
          mime: stored.mime,
          size: stored.size,
          ...(replaced.length && { replaced }),
        },
      });
    });
  } catch (err) {
    await removeStoredFile(deps, stored.key);
    throw err;
  }
  return id;
}

/** The owners' files that are not removed, oldest first. */
export function currentRows(db: Db, type: AttachmentTable['owner_type'], ownerIds: string[]) {
  if (!ownerIds.length) return Promise.resolve([] as AttachmentRow[]);
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('owner_type', '=', type)
    .where('owner_id', 'in', ownerIds)
    .where('removed_at', 'is', null)
    .orderBy('owner_id')
    .orderBy('position')
    .execute();
}

/** Presents rows with the uploader's name; file names are decrypted for those who may read them. */
export async function presentAttachments(
  deps: Pick<AppDeps, 'db' | 'cipher'>,
  rows: AttachmentRow[],
): Promise<Map<string, AttachmentView[]>> {
  const userIds = [...new Set(rows.map((r) => r.uploaded_by))];
  const users = userIds.length
    ? await deps.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute()
    : [];
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  const byOwner = new Map<string, AttachmentView[]>();
  for (const r of rows) {
    const list = byOwner.get(r.owner_id) ?? [];
    list.push({
      id: r.id,
      filename: deps.cipher.decrypt(r.filename_enc),
      mime: r.mime,
      size: r.size,
      uploadedBy: names.get(r.uploaded_by) ?? null,
      uploadedAt: r.uploaded_at,
    });
    byOwner.set(r.owner_id, list);
  }
  return byOwner;
}

/** One file of an owner (removed ones too when `withRemoved`, for history). */
export function findAttachment(
  db: Db,
  owner: Omit<AttachmentOwner, 'id'> & { id: string | string[] },
  attachmentId: string,
  withRemoved = false,
) {
  let q = db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('task_force_id', '=', owner.taskForceId)
    .where('owner_type', '=', owner.type);
  q = Array.isArray(owner.id) ? q.where('owner_id', 'in', owner.id) : q.where('owner_id', '=', owner.id);
  if (!withRemoved) q = q.where('removed_at', 'is', null);
  return q.executeTakeFirst();
}

/** The decrypted file; every download is audited. The caller has checked access. */
export async function readAttachment(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  row: AttachmentRow,
  action: AuditAction,
) {
  const data = await readStoredFile(deps, row.storage_key);
  await inTransaction(deps, actor, meta, (_t, audit) =>
    audit({
      action,
      entityType: row.owner_type,
      entityId: row.owner_id,
      details: { attachmentId: row.id },
    }),
  );
  return { data, mime: row.mime, filename: deps.cipher.decrypt(row.filename_enc) };
}

/** Sets a file aside with a reason (the file stays for the audit and the owner's history). */
export async function removeAttachment(
  trx: Db,
  deps: Pick<AppDeps, 'cipher' | 'clock'>,
  attachmentId: string,
  reason: string,
): Promise<void> {
  await trx
    .updateTable('attachments')
    .set({ removed_at: deps.clock.now().toISOString(), removed_reason_enc: deps.cipher.encrypt(reason) })
    .where('id', '=', attachmentId)
    .execute();
}

/** Copies an owner's current files to a new owner (a correction keeps the evidence of the one it corrects). */
export async function carryAttachments(
  trx: Db,
  from: { type: AttachmentTable['owner_type']; id: string },
  toId: string,
): Promise<number> {
  const rows = await currentRows(trx, from.type, [from.id]);
  if (rows.length)
    await trx
      .insertInto('attachments')
      .values(rows.map((r) => ({ ...r, id: randomUUID(), owner_id: toId })))
      .execute();
  return rows.length;
}
