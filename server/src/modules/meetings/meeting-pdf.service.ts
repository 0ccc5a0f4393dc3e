import type { MeetingPdfKind } from '@sinergi/core';
import { type Actor, type AppDeps, inTransaction, type RequestMeta } from '../../platform/context.js';
import { issueInvitationNumber, letterheadForPdf } from '../taskforces/letterhead.service.js';
import { meetingPdf } from './meeting.pdf.js';
import { canManageMeeting } from './meeting.policy.js';
import { getMeeting } from './meeting.service.js';

/** One of the meeting's documents as a PDF; every export is on the audit trail. */
export async function exportMeetingPdf(
  deps: Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher' | 'config' | 'reference'>,
  actor: Actor,
  meta: Pick<RequestMeta, 'requestId' | 'ip'>,
  meetingId: string,
  kind: MeetingPdfKind,
): Promise<Buffer> {
  const meeting = await getMeeting(deps, actor, meetingId);
  const taskForceId = actor.taskForceId ?? '';
  // The invitation is issued when the secretariat first prints it: that is when it gets its number.
  let invitationNumber = meeting.invitationNumber;
  if (!invitationNumber && kind === 'invitation' && canManageMeeting(actor, { task_force_id: taskForceId }))
    invitationNumber = await issueInvitationNumber(deps, actor, meta, {
      id: meetingId,
      task_force_id: taskForceId,
    });
  const agencies = await deps.db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('task_force_id', '=', actor.taskForceId ?? '')
    .execute();
  const buffer = await meetingPdf(kind, meeting, {
    kop: await letterheadForPdf(deps, taskForceId),
    invitationNumber,
    agencyNames: new Map(agencies.map((a) => [a.id, a.name])),
  });
  await inTransaction(deps, actor, meta, (_trx, audit) =>
    audit({ action: 'meeting.pdf_exported', entityType: 'meeting', entityId: meetingId, details: { kind } }),
  );
  return buffer;
}
