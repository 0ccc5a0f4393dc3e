import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { MeetingActionTable, MeetingTable } from '../../platform/db/schema.js';

/** The only place with SQL for meetings and their actions. */

export type MeetingRow = Selectable<MeetingTable>;
export type ActionRow = Selectable<MeetingActionTable> & {
  owner_short_name: string;
  meeting_title: string;
  meeting_starts_at: string;
};

export function findMeeting(db: Db, id: string) {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertMeeting(db: Db, row: Insertable<MeetingTable>) {
  return db.insertInto('meetings').values(row).execute();
}

/** Writes the new content if the version is still the one read; false when someone was first. */
export async function updateMeeting(db: Db, id: string, version: number, row: Updateable<MeetingTable>) {
  const res = await db
    .updateTable('meetings')
    .set({ ...row, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function timeZoneOf(db: Db, taskForceId: string) {
  return db
    .selectFrom('task_forces')
    .select('time_zone')
    .where('id', '=', taskForceId)
    .executeTakeFirstOrThrow()
    .then((r) => r.time_zone);
}

/** Meetings of a task force, newest first, with their open and overdue action counts. */
export function listMeetings(db: Db, taskForceId: string, today: string, limit: number) {
  return db
    .selectFrom('meetings as m')
    .select(['m.id', 'm.type', 'm.title', 'm.starts_at', 'm.place', 'm.online_link'])
    .select((eb) => [
      eb
        .selectFrom('meeting_actions as a')
        .select(eb.fn.countAll().as('n'))
        .whereRef('a.meeting_id', '=', 'm.id')
        .where('a.status', '=', 'open')
        .as('open_n'),
      eb
        .selectFrom('meeting_actions as a')
        .select(eb.fn.countAll().as('n'))
        .whereRef('a.meeting_id', '=', 'm.id')
        .where('a.status', '=', 'open')
        .where('a.due_date', '<', today)
        .as('overdue_n'),
    ])
    .where('m.task_force_id', '=', taskForceId)
    .orderBy('m.starts_at', 'desc')
    .limit(limit)
    .execute();
}

/** The first meeting at or after an instant (the next one). */
export function nextMeeting(db: Db, taskForceId: string, fromIso: string) {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('task_force_id', '=', taskForceId)
    .where('starts_at', '>=', fromIso)
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();
}

/** The latest meeting strictly before an instant. */
export function previousMeeting(db: Db, taskForceId: string, beforeIso: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'title', 'starts_at'])
    .where('task_force_id', '=', taskForceId)
    .where('starts_at', '<', beforeIso)
    .orderBy('starts_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

function actionQuery(db: Db) {
  return db
    .selectFrom('meeting_actions as a')
    .innerJoin('agencies as g', 'g.id', 'a.owner_agency_id')
    .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
    .selectAll('a')
    .select([
      'g.short_name as owner_short_name',
      'm.title as meeting_title',
      'm.starts_at as meeting_starts_at',
    ]);
}

export function actionsOfMeeting(db: Db, meetingId: string): Promise<ActionRow[]> {
  return actionQuery(db)
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.due_date')
    .orderBy('a.created_at')
    .execute();
}

export function findAction(db: Db, meetingId: string, actionId: string): Promise<ActionRow | undefined> {
  return actionQuery(db)
    .where('a.id', '=', actionId)
    .where('a.meeting_id', '=', meetingId)
    .executeTakeFirst();
}

/** Open actions of a task force, optionally of meetings before an instant, of one agency or due before a day. */
export function openActions(
  db: Db,
  taskForceId: string,
  filter: { meetingsBefore?: string; ownerAgencyId?: string; dueBefore?: string; limit?: number },
): Promise<ActionRow[]> {
  let q = actionQuery(db).where('a.task_force_id', '=', taskForceId).where('a.status', '=', 'open');
  if (filter.meetingsBefore) q = q.where('m.starts_at', '<', filter.meetingsBefore);
  if (filter.ownerAgencyId) q = q.where('a.owner_agency_id', '=', filter.ownerAgencyId);
  if (filter.dueBefore) q = q.where('a.due_date', '<', filter.dueBefore);
  return q
    .orderBy('a.due_date')
    .orderBy('a.created_at')
    .limit(filter.limit ?? 200)
    .execute();
}

export function insertAction(db: Db, row: Insertable<MeetingActionTable>) {
  return db.insertInto('meeting_actions').values(row).execute();
}

export async function updateAction(
  db: Db,
  id: string,
  version: number,
  row: Updateable<MeetingActionTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('meeting_actions')
    .set({ ...row, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Agency ids and short names of the task force's members among the given ids. */
export function memberAgencies(db: Db, taskForceId: string, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string; short_name: string }[]);
  return db
    .selectFrom('agencies')
    .select(['id', 'short_name'])
    .where('task_force_id', '=', taskForceId)
    .where('id', 'in', [...ids])
    .execute();
}

/** Activity ids among the given ones that belong to a plan of the task force. */
export function knownActivities(db: Db, taskForceId: string, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string; title: string }[]);
  return db
    .selectFrom('plan_activities as a')
    .innerJoin('plans as p', 'p.id', 'a.plan_id')
    .select(['a.id', 'a.title'])
    .where('p.task_force_id', '=', taskForceId)
    .where('a.id', 'in', [...ids])
    .execute();
}

/** Which of the given case numbers exist in the task force (numbers only: no personal data is read). */
export function knownCaseNumbers(db: Db, taskForceId: string, numbers: readonly string[]) {
  if (!numbers.length) return Promise.resolve([] as { case_number: string }[]);
  return db
    .selectFrom('cases')
    .select('case_number')
    .where('task_force_id', '=', taskForceId)
    .where('case_number', 'in', [...numbers])
    .execute();
}

/**
 * Progress reports filed in a window, the newest revision of each activity and period, with what
 * the agenda pack shows (achievement, obstacles, intervention asked for).
 */
export async function reportsFiledBetween(db: Db, taskForceId: string, fromIso: string, toIso: string) {
  const rows = await db
    .selectFrom('progress_reports as r')
    .innerJoin('plans as p', 'p.id', 'r.plan_id')
    .innerJoin('plan_activities as a', 'a.id', 'r.activity_id')
    .innerJoin('agencies as g', 'g.id', 'r.agency_id')
    .leftJoin('agencies as i', 'i.id', 'r.intervention_agency_id')
    .select([
      'r.activity_id',
      'r.year',
      'r.period',
      'r.revision',
      'r.achievement',
      'r.obstacles',
      'r.intervention',
      'r.created_at',
      'a.title',
      'a.position',
      'p.period_kind',
      'g.short_name',
      'i.short_name as intervention_short_name',
    ])
    .where('p.task_force_id', '=', taskForceId)
    .where('r.created_at', '>', fromIso)
    .where('r.created_at', '<=', toIso)
    .orderBy('g.short_name')
    .orderBy('a.position')
    .orderBy('r.year')
    .orderBy('r.period')
    .orderBy('r.revision', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.activity_id}:${r.year}:${r.period}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
