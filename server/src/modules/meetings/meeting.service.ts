import { randomUUID } from 'node:crypto';
import {
  type ActionInput,
  type ActionStatusInput,
  calendarDateIn,
  type Meeting,
  type MeetingInput,
  type MeetingSummary,
} from '@sinergi/core';
import { type Actor, type AppDeps, inTransaction, type RequestMeta } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { errors } from '../../platform/errors.js';
import { assertSeesMeeting, canManageMeeting, canUpdateAction } from './meeting.policy.js';
import { presentAction, presentMeeting } from './meeting.presenter.js';
import * as repo from './meeting.repository.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher'>;
type ReadDeps = Pick<AppDeps, 'db' | 'clock' | 'cipher'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

/** "Today" in the task force's calendar, for due dates. */
export async function todayFor(deps: Pick<AppDeps, 'db' | 'clock'>, taskForceId: string) {
  const timeZone = await repo.timeZoneOf(deps.db, taskForceId);
  return { timeZone, today: calendarDateIn(deps.clock.now(), timeZone) };
}

/** The meeting if the caller's task force holds it; 404 otherwise. */
export async function meetingFor(deps: Pick<AppDeps, 'db' | 'cipher'>, actor: Actor, id: string) {
  const row = await repo.findMeeting(deps.db, deps.cipher, id);
  if (!row) throw errors.notFound();
  assertSeesMeeting(actor, row);
  return row;
}

/** Checks references: member agencies, the task force's own RAD activities and case numbers. */
async function validateMeeting(db: Db, taskForceId: string, input: MeetingInput) {
  const fields: Record<string, string> = {};
  const agencyIds = [
    ...input.invitedAgencyIds,
    ...input.attendees.flatMap((a) => (a.agencyId ? [a.agencyId] : [])),
  ];
  const members = new Set((await repo.memberAgencies(db, taskForceId, agencyIds)).map((a) => a.id));
  input.invitedAgencyIds.forEach((id, i) => {
    if (!members.has(id)) fields[`invitedAgencyIds.${i}`] = 'agency_not_member';
  });
  input.attendees.forEach((a, i) => {
    if (a.agencyId && !members.has(a.agencyId)) fields[`attendees.${i}.agencyId`] = 'agency_not_member';
  });
  const activityIds = input.agenda.flatMap((a) => (a.activityId ? [a.activityId] : []));
  const activities = new Set((await repo.knownActivities(db, taskForceId, activityIds)).map((a) => a.id));
  const caseNumbers = input.agenda.flatMap((a) => (a.caseNumber ? [a.caseNumber] : []));
  const cases = new Set(
    (await repo.knownCaseNumbers(db, taskForceId, caseNumbers)).map((c) => c.case_number),
  );
  input.agenda.forEach((a, i) => {
    if (a.activityId && !activities.has(a.activityId)) fields[`agenda.${i}.activityId`] = 'activity_unknown';
    if (a.caseNumber && !cases.has(a.caseNumber)) fields[`agenda.${i}.caseNumber`] = 'case_number_unknown';
  });
  if (Object.keys(fields).length) throw errors.validation(fields);
}

function columns(input: MeetingInput) {
  return {
    type: input.type,
    title: input.title,
    starts_at: new Date(input.startsAt).toISOString(),
    ends_at: input.endsAt ? new Date(input.endsAt).toISOString() : null,
    place: input.place,
    online_link: input.onlineLink,
    chair: input.chair,
    minute_taker: input.minuteTaker,
    invited_agency_ids: JSON.stringify(input.invitedAgencyIds),
    invited_people: input.invitedPeople,
    agenda: JSON.stringify(input.agenda),
    attendees: JSON.stringify(input.attendees),
    minutes: input.minutes,
    decisions: JSON.stringify(input.decisions),
  };
}

export async function listMeetings(deps: ReadDeps, actor: Actor): Promise<MeetingSummary[]> {
  if (!actor.taskForceId) return [];
  const { today } = await todayFor(deps, actor.taskForceId);
  const rows = await repo.listMeetings(deps.db, deps.cipher, actor.taskForceId, today, 200);
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    title: r.title,
    startsAt: r.starts_at,
    place: r.place,
    onlineLink: r.online_link,
    actionsOpen: Number(r.open_n ?? 0),
    actionsOverdue: Number(r.overdue_n ?? 0),
  }));
}

export async function getMeeting(deps: ReadDeps, actor: Actor, id: string): Promise<Meeting> {
  const m = await meetingFor(deps, actor, id);
  const { timeZone, today } = await todayFor(deps, m.task_force_id);
  const actions = await repo.actionsOfMeeting(deps.db, deps.cipher, id);
  const attendeeAgencies = (JSON.parse(m.attendees) as { agencyId: string | null }[]).flatMap((a) =>
    a.agencyId ? [a.agencyId] : [],
  );
  const names = new Map(
    (await repo.memberAgencies(deps.db, m.task_force_id, attendeeAgencies)).map((a) => [a.id, a.short_name]),
  );
  return presentMeeting(actor, m, { timeZone, actions, agencyNames: names, today });
}

export async function createMeeting(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  input: MeetingInput,
): Promise<Meeting> {
  const tf = actor.taskForceId;
  if (!tf || !actor.permissions.has('meeting.manage')) throw errors.forbidden();
  await validateMeeting(deps.db, tf, input);
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await repo.insertMeeting(trx, deps.cipher, {
      id,
      task_force_id: tf,
      ...columns(input),
      created_by: actor.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await audit({
      action: 'meeting.created',
      entityType: 'meeting',
      entityId: id,
      details: { type: input.type },
    });
  });
  return getMeeting(deps, actor, id);
}

/** Replaces a meeting's record (agenda, attendance, minutes, decisions); carries the version read. */
export async function updateMeeting(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  id: string,
  input: MeetingInput,
  version: number,
): Promise<Meeting> {
  const m = await meetingFor(deps, actor, id);
  if (!canManageMeeting(actor, m)) throw errors.forbidden();
  await validateMeeting(deps.db, m.task_force_id, input);
  const changed = await inTransaction(deps, actor, meta, async (trx, audit) => {
    const ok = await repo.updateMeeting(trx, deps.cipher, id, version, {
      ...columns(input),
      updated_at: deps.clock.now().toISOString(),
    });
    if (!ok) return false;
    // The audit trail is clear text kept for good: it says what changed, never the texts themselves.
    const before = { startsAt: m.starts_at, attendees: JSON.parse(m.attendees).length };
    await audit({
      action: 'meeting.updated',
      entityType: 'meeting',
      entityId: id,
      details: {
        version: version + 1,
        before,
        after: { startsAt: input.startsAt, attendees: input.attendees.length },
        placeChanged: input.place !== m.place,
      },
    });
    return true;
  });
  if (!changed) throw errors.versionConflict(await getMeeting(deps, actor, id));
  return getMeeting(deps, actor, id);
}

export async function addAction(deps: Deps, actor: Actor, meta: Meta, meetingId: string, input: ActionInput) {
  const m = await meetingFor(deps, actor, meetingId);
  if (!canManageMeeting(actor, m)) throw errors.forbidden();
  const fields: Record<string, string> = {};
  if (!(await repo.memberAgencies(deps.db, m.task_force_id, [input.ownerAgencyId])).length)
    fields.ownerAgencyId = 'agency_not_member';
  if (input.activityId && !(await repo.knownActivities(deps.db, m.task_force_id, [input.activityId])).length)
    fields.activityId = 'activity_unknown';
  if (Object.keys(fields).length) throw errors.validation(fields);
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await repo.insertAction(trx, deps.cipher, {
      id,
      meeting_id: meetingId,
      task_force_id: m.task_force_id,
      description: input.description,
      owner_agency_id: input.ownerAgencyId,
      due_date: input.dueDate,
      activity_id: input.activityId,
      status: 'open',
      status_note: '',
      closed_at: null,
      closed_by: null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await audit({
      action: 'meeting.action_created',
      entityType: 'meeting_action',
      entityId: id,
      details: { meetingId, ownerAgencyId: input.ownerAgencyId, dueDate: input.dueDate },
    });
  });
  const { today } = await todayFor(deps, m.task_force_id);
  return presentAction(actor, (await repo.findAction(deps.db, deps.cipher, meetingId, id))!, today);
}

/** Marks an action done or dropped (with a note), or reopens it: the secretariat or the owner agency. */
export async function changeActionStatus(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  meetingId: string,
  actionId: string,
  input: ActionStatusInput,
) {
  const m = await meetingFor(deps, actor, meetingId);
  const action = await repo.findAction(deps.db, deps.cipher, meetingId, actionId);
  if (!action) throw errors.notFound();
  if (!canUpdateAction(actor, action)) throw errors.forbidden();
  const { today } = await todayFor(deps, m.task_force_id);
  if (action.version !== input.version) throw errors.versionConflict(presentAction(actor, action, today));
  const now = deps.clock.now().toISOString();
  const closing = input.status !== 'open';
  const ok = await inTransaction(deps, actor, meta, async (trx, audit) => {
    const done = await repo.updateAction(trx, deps.cipher, actionId, input.version, {
      status: input.status,
      status_note: input.note,
      closed_at: closing ? now : null,
      closed_by: closing ? actor.userId : null,
      updated_at: now,
    });
    if (!done) return false;
    await audit({
      action: 'meeting.action_status_changed',
      entityType: 'meeting_action',
      entityId: actionId,
      details: { meetingId, from: action.status, to: input.status },
    });
    return true;
  });
  const fresh = (await repo.findAction(deps.db, deps.cipher, meetingId, actionId))!;
  if (!ok) throw errors.versionConflict(presentAction(actor, fresh, today));
  return presentAction(actor, fresh, today);
}

/** Open actions the caller's agency owns, for "My work". */
export async function agencyOpenActions(deps: ReadDeps, actor: Actor) {
  if (!actor.taskForceId) return [];
  const { today } = await todayFor(deps, actor.taskForceId);
  const rows = await repo.openActions(deps.db, deps.cipher, actor.taskForceId, {
    ownerAgencyId: actor.agencyId,
    limit: 100,
  });
  return rows.map((r) => presentAction(actor, r, today));
}
