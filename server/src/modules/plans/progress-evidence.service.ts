import type { ProgressReport } from '@sinergi/core';
import { type Actor, type AppDeps, inTransaction, type RequestMeta } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import {
  attachFile,
  findAttachment,
  readAttachment,
  removeAttachment,
} from '../attachments/attachment.service.js';
import { canReport } from './plan.policy.js';
import { activityFor, presentReports } from './progress.service.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher' | 'config'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

async function latestRevision(deps: Pick<AppDeps, 'db'>, activityId: string, year: number, period: number) {
  const row = await deps.db
    .selectFrom('progress_reports')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('year', '=', year)
    .where('period', '=', period)
    .orderBy('revision', 'desc')
    .executeTakeFirst();
  if (!row) throw errors.notFound();
  return row;
}

/**
 * The reporting agency attaches a file (photo, attendance list, PDF, office document) to the
 * latest revision of its report for a period.
 */
export async function attachEvidence(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  planId: string,
  activityId: string,
  year: number,
  period: number,
  file: { filename: string; data: Buffer },
): Promise<ProgressReport> {
  const { plan, activity } = await activityFor(deps, actor, planId, activityId);
  const report = await latestRevision(deps, activityId, year, period);
  if (!canReport(actor, activity)) throw errors.forbidden();
  await attachFile(
    deps,
    actor,
    meta,
    { taskForceId: plan.task_force_id, type: 'progress_report', id: report.id },
    file,
    { action: 'plan.evidence_attached' },
  );
  return (await presentReports(deps, actor, activity, [report]))[0]!;
}

/** Takes a file off the latest revision (with a reason); earlier revisions keep theirs. */
export async function removeEvidence(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  planId: string,
  activityId: string,
  year: number,
  period: number,
  fileId: string,
  reason: string,
): Promise<ProgressReport> {
  const { plan, activity } = await activityFor(deps, actor, planId, activityId);
  const report = await latestRevision(deps, activityId, year, period);
  const row = await findAttachment(
    deps.db,
    { taskForceId: plan.task_force_id, type: 'progress_report', id: report.id },
    fileId,
  );
  if (!row) throw errors.notFound();
  if (!canReport(actor, activity)) throw errors.forbidden();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await removeAttachment(trx, deps, fileId, reason);
    await audit({
      action: 'plan.evidence_removed',
      entityType: 'progress_report',
      entityId: report.id,
      details: { attachmentId: fileId },
    });
  });
  return (await presentReports(deps, actor, activity, [report]))[0]!;
}

/**
 * A file of any revision of the activity's reports, for everyone who may read the reports (the
 * task force's users); audited.
 */
export async function downloadEvidence(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  planId: string,
  activityId: string,
  fileId: string,
) {
  const { plan } = await activityFor(deps, actor, planId, activityId);
  const revisions = await deps.db
    .selectFrom('progress_reports')
    .select('id')
    .where('activity_id', '=', activityId)
    .execute();
  if (!revisions.length) throw errors.notFound();
  const row = await findAttachment(
    deps.db,
    { taskForceId: plan.task_force_id, type: 'progress_report', id: revisions.map((r) => r.id) },
    fileId,
  );
  if (!row) throw errors.notFound();
  return readAttachment(deps, actor, meta, row, 'plan.evidence_downloaded');
}
