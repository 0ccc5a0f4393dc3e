import type { Insertable, Selectable, Updateable } from 'kysely';
import type { FieldCipher } from '../../platform/crypto.js';
import type { Db } from '../../platform/db/connect.js';
import type { MeetingActionTable, MeetingTable } from '../../platform/db/schema.js';

/**
 * The only place with SQL for meetings and their actions. Every free text of a meeting (title,
 * place, link, chair, minute taker, invited people, agenda, attendance, minutes, decisions) and of
 * an action (description, status note) is encrypted at rest: a case conference's record can name
 * a victim however the form asks it not to. Rows leave this module decrypted, under the plain names.
 */

/** A meeting's free texts, as the service writes and reads them (JSON ones as JSON text). */
export interface MeetingTexts {
  title: string;
  place: string;
  online_link: string;
  chair: string;
  minute_taker: string;
  invited_people: string;
  agenda: string;
  attendees: string;
  minutes: string;
  decisions: string;
}
const MEETING_TEXTS = [
  'title',
  'place',
  'online_link',
  'chair',
  'minute_taker',
  'invited_people',
  'agenda',
  'attendees',
  'minutes',
  'decisions',
] as const satisfies readonly (keyof MeetingTexts)[];

type SealedMeetingColumns = `${keyof MeetingTexts}_enc`;
type StoredMeeting = Selectable<MeetingTable>;
export type MeetingRow = Omit<StoredMeeting, SealedMeetingColumns> & MeetingTexts;
type MeetingWrite = Omit<Insertable<MeetingTable>, SealedMeetingColumns> & MeetingTexts;
type MeetingChange = Omit<Updateable<MeetingTable>, SealedMeetingColumns> & MeetingTexts;

type StoredAction = Selectable<MeetingActionTable>;
export type ActionRow = Omit<StoredAction, 'description_enc' | 'status_note_enc'> & {
  description: string;
  status_note: string;
  owner_short_name: string;
  meeting_title: string;
  meeting_starts_at: string;
};

function sealMeeting(cipher: FieldCipher, texts: MeetingTexts) {
  const out = {} as Record<SealedMeetingColumns, string>;
  for (const k of MEETING_TEXTS) out[`${k}_enc`] = cipher.encrypt(texts[k]);
  return out;
}

function withoutTexts<T extends MeetingTexts>(row: T) {
  const rest: Record<string, unknown> = { ...(row as object) };
  for (const k of MEETING_TEXTS) delete rest[k];
  return rest as Omit<T, keyof MeetingTexts>;
}

/** A stored meeting with its free texts decrypted. */
export function openMeeting(cipher: FieldCipher, row: StoredMeeting): MeetingRow {
  const { title_enc, place_enc, online_link_enc, chair_enc, minute_taker_enc, invited_people_enc, ...rest } =
    row;
  const { agenda_enc, attendees_enc, minutes_enc, decisions_enc, ...plain } = rest;
  return {
    ...plain,
    title: cipher.decrypt(title_enc),
    place: cipher.decrypt(place_enc),
    online_link: cipher.decrypt(online_link_enc),
    chair: cipher.decrypt(chair_enc),
    minute_taker: cipher.decrypt(minute_taker_enc),
    invited_people: cipher.decrypt(invited_people_enc),
    agenda: cipher.decrypt(agenda_enc),
    attendees: cipher.decrypt(attendees_enc),
    minutes: cipher.decrypt(minutes_enc),
    decisions: cipher.decrypt(decisions_enc),
  };
}

function openAction(
  cipher: FieldCipher,
  row: StoredAction & { owner_short_name: string; meeting_title_enc: string; meeting_starts_at: string },
): ActionRow {
  const { description_enc, status_note_enc, meeting_title_enc, ...rest } = row;
  return {
    ...rest,
    description: cipher.decrypt(description_enc),
    status_note: cipher.decrypt(status_note_enc),
    meeting_title: cipher.decrypt(meeting_title_enc),
  };
}

export async function findMeeting(db: Db, cipher: FieldCipher, id: string): Promise<MeetingRow | undefined> {
  const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  return row && openMeeting(cipher, row);
}

export function insertMeeting(db: Db, cipher: FieldCipher, row: MeetingWrite) {
  return db
    .insertInto('meetings')
    .values({ ...withoutTexts(row), ...sealMeeting(cipher, row) })
    .execute();
}

/** Writes the new content if the version is still the one read; false when someone was first. */
export async function updateMeeting(
  db: Db,
  cipher: FieldCipher,
  id: string,
  version: number,
  row: MeetingChange,
) {
  const res = await db
    .updateTable('meetings')
    .set({ ...withoutTexts(row), ...sealMeeting(cipher, row), version: version + 1 })
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
export async function listMeetings(
  db: Db,
  cipher: FieldCipher,
  taskForceId: string,
  today: string,
  limit: number,
) {
  const rows = await db
    .selectFrom('meetings as m')
    .select(['m.id', 'm.type', 'm.title_enc', 'm.starts_at', 'm.place_enc', 'm.online_link_enc'])
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
  return rows.map(({ title_enc, place_enc, online_link_enc, ...r }) => ({
    ...r,
    title: cipher.decrypt(title_enc),
    place: cipher.decrypt(place_enc),
    online_link: cipher.decrypt(online_link_enc),
  }));
}

/** The first meeting at or after an instant (the next one). */
export async function nextMeeting(db: Db, cipher: FieldCipher, taskForceId: string, fromIso: string) {
  const row = await db
    .selectFrom('meetings')
    .selectAll()
    .where('task_force_id', '=', taskForceId)
    .where('starts_at', '>=', fromIso)
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();
  return row && openMeeting(cipher, row);
}

/** The latest meeting strictly before an instant. */
export async function previousMeeting(db: Db, cipher: FieldCipher, taskForceId: string, beforeIso: string) {
  const row = await db
    .selectFrom('meetings')
    .select(['id', 'title_enc', 'starts_at'])
    .where('task_force_id', '=', taskForceId)
    .where('starts_at', '<', beforeIso)
    .orderBy('starts_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { id: row.id, title: cipher.decrypt(row.title_enc), starts_at: row.starts_at };
}

function actionQuery(db: Db) {
  return db
    .selectFrom('meeting_actions as a')
    .innerJoin('agencies as g', 'g.id', 'a.owner_agency_id')
    .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
    .selectAll('a')
    .select([
      'g.short_name as owner_short_name',
      'm.title_enc as meeting_title_enc',
      'm.starts_at as meeting_starts_at',
    ]);
}

export async function actionsOfMeeting(db: Db, cipher: FieldCipher, meetingId: string): Promise<ActionRow[]> {
  const rows = await actionQuery(db)
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.due_date')
    .orderBy('a.created_at')
    .execute();
  return rows.map((r) => openAction(cipher, r));
}

export async function findAction(
  db: Db,
  cipher: FieldCipher,
  meetingId: string,
  actionId: string,
): Promise<ActionRow | undefined> {
  const row = await actionQuery(db)
    .where('a.id', '=', actionId)
    .where('a.meeting_id', '=', meetingId)
    .executeTakeFirst();
  return row && openAction(cipher, row);
}

/** Open actions of a task force, optionally of meetings before an instant, of one agency or due before a day. */
export async function openActions(
  db: Db,
  cipher: FieldCipher,
  taskForceId: string,
  filter: { meetingsBefore?: string; ownerAgencyId?: string; dueBefore?: string; limit?: number },
): Promise<ActionRow[]> {
  let q = actionQuery(db).where('a.task_force_id', '=', taskForceId).where('a.status', '=', 'open');
  if (filter.meetingsBefore) q = q.where('m.starts_at', '<', filter.meetingsBefore);
  if (filter.ownerAgencyId) q = q.where('a.owner_agency_id', '=', filter.ownerAgencyId);
  if (filter.dueBefore) q = q.where('a.due_date', '<', filter.dueBefore);
  const rows = await q
    .orderBy('a.due_date')
    .orderBy('a.created_at')
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map((r) => openAction(cipher, r));
}

type ActionWrite = Omit<Insertable<MeetingActionTable>, 'description_enc' | 'status_note_enc'> & {
  description: string;
  status_note: string;
};

export function insertAction(db: Db, cipher: FieldCipher, row: ActionWrite) {
  const { description, status_note, ...rest } = row;
  return db
    .insertInto('meeting_actions')
    .values({
      ...rest,
      description_enc: cipher.encrypt(description),
      status_note_enc: cipher.encrypt(status_note),
    })
    .execute();
}

export async function updateAction(
  db: Db,
  cipher: FieldCipher,
  id: string,
  version: number,
  row: Omit<Updateable<MeetingActionTable>, 'status_note_enc'> & { status_note: string },
): Promise<boolean> {
  const { status_note, ...rest } = row;
  const res = await db
    .updateTable('meeting_actions')
    .set({ ...rest, status_note_enc: cipher.encrypt(status_note), version: version + 1 })
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
