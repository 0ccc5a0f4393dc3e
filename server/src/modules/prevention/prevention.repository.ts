import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type {
  PreventionActivityTable,
  RecruitmentAlertTable,
  WatchGroupTable,
} from '../../platform/db/schema.js';

/** The only place with SQL for prevention work. */

export function taskForceRegion(db: Db, taskForceId: string) {
  return db
    .selectFrom('task_forces')
    .select('region_code')
    .where('id', '=', taskForceId)
    .executeTakeFirstOrThrow()
    .then((r) => r.region_code);
}

export function listActivities(db: Db, taskForceId: string, filter: { villageCode?: string; year?: number }) {
  let q = db
    .selectFrom('prevention_activities as p')
    .innerJoin('agencies as g', 'g.id', 'p.agency_id')
    .leftJoin('plan_activities as a', 'a.id', 'p.activity_id')
    .selectAll('p')
    .select(['g.short_name', 'a.title as activity_title'])
    .where('p.task_force_id', '=', taskForceId)
    .where('p.deleted_at', 'is', null);
  if (filter.villageCode) q = q.where('p.village_code', '=', filter.villageCode);
  if (filter.year)
    q = q.where('p.held_on', '>=', `${filter.year}-01-01`).where('p.held_on', '<=', `${filter.year}-12-31`);
  return q.orderBy('p.held_on', 'desc').orderBy('p.created_at', 'desc').limit(500).execute();
}

export function insertActivity(db: Db, row: Insertable<PreventionActivityTable>) {
  return db.insertInto('prevention_activities').values(row).execute();
}

export function knownActivity(db: Db, taskForceId: string, activityId: string) {
  return db
    .selectFrom('plan_activities as a')
    .innerJoin('plans as p', 'p.id', 'a.plan_id')
    .select('a.id')
    .where('p.task_force_id', '=', taskForceId)
    .where('a.id', '=', activityId)
    .executeTakeFirst();
}

function watchGroupQuery(db: Db) {
  return db
    .selectFrom('watch_groups as w')
    .innerJoin('users as u', 'u.id', 'w.created_by')
    .selectAll('w')
    .select('u.agency_id as recorder_agency_id')
    .where('w.deleted_at', 'is', null);
}

export function listWatchGroups(db: Db, taskForceId: string) {
  return watchGroupQuery(db)
    .where('w.task_force_id', '=', taskForceId)
    .orderBy('w.village_code')
    .orderBy('w.name')
    .limit(1000)
    .execute();
}

export function findWatchGroup(db: Db, id: string) {
  return watchGroupQuery(db).where('w.id', '=', id).executeTakeFirst();
}

export function findActivity(db: Db, id: string) {
  return db
    .selectFrom('prevention_activities as p')
    .innerJoin('agencies as g', 'g.id', 'p.agency_id')
    .leftJoin('plan_activities as a', 'a.id', 'p.activity_id')
    .selectAll('p')
    .select(['g.short_name', 'a.title as activity_title'])
    .where('p.id', '=', id)
    .where('p.deleted_at', 'is', null)
    .executeTakeFirst();
}

type Versioned = 'prevention_activities' | 'watch_groups' | 'recruitment_alerts';

/** Updates a row if it still has the version read; false when someone changed it first. */
export async function updateVersioned<T extends Versioned>(
  db: Db,
  table: T,
  id: string,
  version: number,
  row: Updateable<PreventionActivityTable> | Updateable<WatchGroupTable> | Updateable<RecruitmentAlertTable>,
) {
  const res = await db
    .updateTable(table as Versioned)
    // biome-ignore lint/suspicious/noExplicitAny: the three tables share the columns being set
    .set({ ...(row as any), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function insertWatchGroup(db: Db, row: Insertable<WatchGroupTable>) {
  return db.insertInto('watch_groups').values(row).execute();
}

function alertQuery(db: Db) {
  return db
    .selectFrom('recruitment_alerts as r')
    .innerJoin('agencies as g', 'g.id', 'r.agency_id')
    .selectAll('r')
    .select('g.short_name');
}

export function listAlerts(db: Db, taskForceId: string, status?: string) {
  let q = alertQuery(db).where('r.task_force_id', '=', taskForceId).where('r.deleted_at', 'is', null);
  if (status) q = q.where('r.status', '=', status as RecruitmentAlertTable['status']);
  return q.orderBy('r.seen_on', 'desc').orderBy('r.created_at', 'desc').limit(500).execute();
}

export function findAlert(db: Db, id: string) {
  return alertQuery(db).where('r.id', '=', id).where('r.deleted_at', 'is', null).executeTakeFirst();
}

export function insertAlert(db: Db, row: Insertable<RecruitmentAlertTable>) {
  return db.insertInto('recruitment_alerts').values(row).execute();
}

export async function updateAlert(
  db: Db,
  id: string,
  version: number,
  row: Updateable<RecruitmentAlertTable>,
) {
  const res = await db
    .updateTable('recruitment_alerts')
    .set({ ...row, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function caseNumberExists(db: Db, taskForceId: string, caseNumber: string) {
  return db
    .selectFrom('cases')
    .select('id')
    .where('task_force_id', '=', taskForceId)
    .where('case_number', '=', caseNumber)
    .executeTakeFirst();
}
