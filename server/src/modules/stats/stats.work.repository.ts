import type { Db } from '../../platform/db/connect.js';

/**
 * SQL of the statistics over work records: follow-up actions of meetings, prevention activities
 * and the RAD. Only grouping columns and counts are selected: no description, topic, note,
 * materials or names of people.
 */

export interface DayScope {
  taskForceIds: string[];
  /** Local calendar days, `from` included and `to` excluded. */
  from: string | null;
  to: string | null;
}

/** Follow-up actions due in the period, grouped by task force, status, owner agency and due day. */
export async function meetingActionGroups(db: Db, w: DayScope) {
  if (w.taskForceIds.length === 0) return [];
  let q = db
    .selectFrom('meeting_actions')
    .select((eb) => ['task_force_id', 'status', 'owner_agency_id', 'due_date', eb.fn.countAll().as('n')])
    .where('task_force_id', 'in', w.taskForceIds);
  if (w.from) q = q.where('due_date', '>=', w.from);
  if (w.to) q = q.where('due_date', '<', w.to);
  const rows = await q.groupBy(['task_force_id', 'status', 'owner_agency_id', 'due_date']).execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/**
 * Prevention activities held in the period, grouped by task force, month, village and target
 * group, with the number of activities and the head counts summed.
 */
export async function preventionGroups(db: Db, w: DayScope & { districtCode?: string }) {
  if (w.taskForceIds.length === 0) return [];
  let q = db
    .selectFrom('prevention_activities')
    .select((eb) => [
      'task_force_id',
      'village_code',
      'target_group',
      eb.fn<string>('substr', ['held_on', eb.val(1), eb.val(7)]).as('month'),
      eb.fn.countAll().as('activities'),
      eb.fn.sum('adult_male').as('adult_male'),
      eb.fn.sum('adult_female').as('adult_female'),
      eb.fn.sum('child_male').as('child_male'),
      eb.fn.sum('child_female').as('child_female'),
    ])
    .where('task_force_id', 'in', w.taskForceIds)
    // Records removed with a reason are hidden everywhere, the counts included.
    .where('deleted_at', 'is', null);
  if (w.from) q = q.where('held_on', '>=', w.from);
  if (w.to) q = q.where('held_on', '<', w.to);
  // a village code starts with its kecamatan's code: 53.71.01.1001 lies in 53.71.01
  if (w.districtCode) q = q.where('village_code', 'like', `${w.districtCode}.%`);
  const rows = await q.groupBy(['task_force_id', 'village_code', 'target_group', 'month']).execute();
  return rows.map((r) => ({
    task_force_id: r.task_force_id,
    village_code: r.village_code,
    target_group: r.target_group,
    month: String(r.month),
    activities: Number(r.activities),
    adultMale: Number(r.adult_male ?? 0),
    adultFemale: Number(r.adult_female ?? 0),
    childMale: Number(r.child_male ?? 0),
    childFemale: Number(r.child_female ?? 0),
  }));
}

/**
 * The RAD in force in a year for each task force (the latest-starting plan covering the year),
 * with its activities, their programme's sub-task force and targets, and the reports of the year.
 */
export async function plansInForce(db: Db, taskForceIds: string[], year: number) {
  if (taskForceIds.length === 0) return { plans: [], activities: [], reports: [] };
  const all = await db
    .selectFrom('plans')
    .select(['id', 'task_force_id', 'start_year', 'period_kind'])
    .where('task_force_id', 'in', taskForceIds)
    .where('start_year', '<=', year)
    .where('end_year', '>=', year)
    .execute();
  const byTf = new Map<string, (typeof all)[number]>();
  for (const p of all) {
    const cur = byTf.get(p.task_force_id);
    if (!cur || p.start_year > cur.start_year || (p.start_year === cur.start_year && p.id > cur.id))
      byTf.set(p.task_force_id, p);
  }
  const plans = [...byTf.values()];
  if (plans.length === 0) return { plans, activities: [], reports: [] };
  const planIds = plans.map((p) => p.id);
  const [activities, reports] = await Promise.all([
    db
      .selectFrom('plan_activities as a')
      .innerJoin('plan_programmes as p', 'p.id', 'a.programme_id')
      .select(['a.id', 'a.plan_id', 'a.targets', 'p.sub_task_force_id'])
      .where('a.plan_id', 'in', planIds)
      .execute(),
    db
      .selectFrom('progress_reports')
      .select(['activity_id', 'period', 'revision', 'realised'])
      .where('plan_id', 'in', planIds)
      .where('year', '=', year)
      .execute(),
  ]);
  return { plans, activities, reports };
}

export async function agencyNames(db: Db, ids: string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const rows = await db.selectFrom('agencies').select(['id', 'short_name']).where('id', 'in', ids).execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.short_name]));
}

export async function subTaskForceNames(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('sub_task_forces as s')
    .innerJoin('task_forces as t', 't.id', 's.task_force_id')
    .select(['s.id', 's.name', 't.name as taskForceName'])
    .where('s.id', 'in', ids)
    .execute();
}
