import type { Decree } from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { PDF_OR_IMAGE } from '../../platform/file-store.js';
import { attachFile, findAttachment, readAttachment } from '../attachments/attachment.service.js';
import { assertManagesTaskForce, assertSeesTaskForce } from './membership.policy.js';
import { getMembership } from './membership.service.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher' | 'config'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

async function decreeExists(deps: Pick<AppDeps, 'db'>, taskForceId: string, decreeId: string) {
  const row = await deps.db
    .selectFrom('taskforce_decrees')
    .select('id')
    .where('id', '=', decreeId)
    .where('task_force_id', '=', taskForceId)
    .executeTakeFirst();
  if (!row) throw errors.notFound();
}

/**
 * Uploads the signed decree (PDF or image) or replaces the one uploaded before; the earlier file is
 * kept for the audit. Only the task force's secretariat (coordinators).
 */
export async function uploadDecreeFile(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  taskForceId: string,
  decreeId: string,
  file: { filename: string; data: Buffer },
): Promise<Decree> {
  assertSeesTaskForce(actor, taskForceId);
  await decreeExists(deps, taskForceId, decreeId);
  assertManagesTaskForce(actor, taskForceId);
  await attachFile(deps, actor, meta, { taskForceId, type: 'decree', id: decreeId }, file, {
    allowed: PDF_OR_IMAGE,
    refusal: 'file_type_pdf_or_image',
    replace: true,
    action: 'taskforce.decree_file_uploaded',
  });
  const decree = (await getMembership(deps, actor, taskForceId)).decrees.find((d) => d.id === decreeId);
  if (!decree) throw errors.notFound();
  return decree;
}

/** The decree's file for any user of the task force; audited. */
export async function downloadDecreeFile(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  taskForceId: string,
  decreeId: string,
  fileId: string,
) {
  assertSeesTaskForce(actor, taskForceId);
  const row = await findAttachment(deps.db, { taskForceId, type: 'decree', id: decreeId }, fileId);
  if (!row) throw errors.notFound();
  return readAttachment(deps, actor, meta, row, 'taskforce.decree_file_downloaded');
}
