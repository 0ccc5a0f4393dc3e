import type { MeetingPdfKind } from '@sinergi/core';
import { type Actor, type AppDeps, inTransaction, type RequestMeta } from '../../platform/context.js';
import { meetingPdf } from './meeting.pdf.js';
import { getMeeting } from './meeting.service.js';

/** One of the meeting's documents as a PDF; every export is on the audit trail. */
export async function exportMeetingPdf(
  deps: Pick<AppDeps, 'db' | 'dbKind' | 'clock'>,
  actor: Actor,
  meta: Pick<RequestMeta, 'requestId' | 'ip'>,
  meetingId: string,
  kind: MeetingPdfKind,
): Promise<Buffer> {
  const meeting = await getMeeting(deps, actor, meetingId);
  const tf = await deps.db
    .selectFrom('task_forces')
    .select('name')
    .where('id', '=', actor.taskForceId ?? '')
    .executeTakeFirstOrThrow();
  const agencies = await deps.db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('task_force_id', '=', actor.taskForceId ?? '')
    .execute();
  const buffer = await meetingPdf(kind, meeting, {
    taskForceName: tf.name,
    agencyNames: new Map(agencies.map((a) => [a.id, a.name])),
  });
  await inTransaction(deps, actor, meta, (_trx, audit) =>
    audit({ action: 'meeting.pdf_exported', entityType: 'meeting', entityId: meetingId, details: { kind } }),
  );
  return buffer;
}
