import type { StatDimension } from '@sinergi/core';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { TaskForceNode } from './stats.policy.js';

/**
 * The only SQL of the statistics. Queries group by columns of the records that identify no one
 * (case type, stage, sex, age in years, kecamatan, country ...); names, NIK, birth dates,
 * addresses and free text are never selected.
 */

export interface StatsWhere {
  taskForceIds: string[];
  from: string | null;
  to: string | null;
  originDistrict?: string;
}

/** One group of the raw counts: the raw values of up to two grouping columns and the count. */
export interface RawCount {
  a: unknown;
  b: unknown;
  n: number;
}

const AGE = 'coalesce(p.age_at_incident, p.estimated_age)';
// An hour of the UTC report time is enough to place it in a local month or year.
const REPORT_HOUR = 'substr(c.reported_at, 1, 13)';

const CASE_COLUMNS: Partial<Record<StatDimension, string>> = {
  case_type: 'c.case_type',
  stage: 'c.stage',
  origin_district: 'c.origin_district_code',
  // a destination province without a country is inside Indonesia
  destination_country:
    "coalesce(c.destination_country, case when c.destination_region_code is not null then 'ID' end)",
  destination_province: 'c.destination_region_code',
  exploitation_type: 'c.exploitation_types',
  labour_sector: 'c.profile',
  recruitment_method: 'c.profile',
  recruitment_platform: 'c.profile',
  departure: 'c.departure',
  month: REPORT_HOUR,
  year: REPORT_HOUR,
  task_force: 'c.task_force_id',
};

const VICTIM_COLUMNS: Partial<Record<StatDimension, string>> = {
  ...CASE_COLUMNS,
  sex: 'p.sex',
  age_group: 'p.is_child',
  age_simfoni: AGE,
  age_ctdc: AGE,
};

const SERVICE_COLUMNS: Partial<Record<StatDimension, string>> = {
  sop_stage: 's.stage',
  service_status: 's.status',
  month: 'substr(s.requested_at, 1, 13)',
  task_force: 'c.task_force_id',
};

const REFERRAL_COLUMNS: Partial<Record<StatDimension, string>> = {
  referral_status: 'r.status',
  month: 'substr(r.sent_at, 1, 13)',
  task_force: 'r.from_task_force_id',
};

function column(map: Partial<Record<StatDimension, string>>, d: StatDimension | null): RawBuilder<unknown> {
  if (!d) return sql`null`;
  const c = map[d];
  if (!c) throw new Error(`dimension ${d} has no column here`);
  // Only the constant column names above are ever spliced in.
  return sql.raw(c);
}

function inScope(alias: string, w: StatsWhere) {
  const parts = [sql`${sql.ref(`${alias}.task_force_id`)} in (${sql.join(w.taskForceIds)})`];
  if (w.from) parts.push(sql`c.reported_at >= ${w.from}`);
  if (w.to) parts.push(sql`c.reported_at < ${w.to}`);
  if (w.originDistrict) parts.push(sql`c.origin_district_code = ${w.originDistrict}`);
  return sql.join(parts, sql` and `);
}

async function grouped(
  db: Db,
  query: RawBuilder<{ a: unknown; b: unknown; n: unknown }>,
): Promise<RawCount[]> {
  const { rows } = await query.execute(db);
  return rows.map((r) => ({ a: r.a, b: r.b, n: Number(r.n) }));
}

/** Cases reported in the period, grouped. */
export function countCases(
  db: Db,
  w: StatsWhere,
  a: StatDimension,
  b: StatDimension | null,
  caseTypes?: string[],
) {
  if (w.taskForceIds.length === 0) return Promise.resolve([]);
  const types = caseTypes ? sql` and c.case_type in (${sql.join(caseTypes)})` : sql``;
  return grouped(
    db,
    sql<{
      a: unknown;
      b: unknown;
      n: unknown;
    }>`select ${column(CASE_COLUMNS, a)} as a, ${column(CASE_COLUMNS, b)} as b, count(*) as n
      from cases c where ${inScope('c', w)}${types} group by 1, 2`,
  );
}

/**
 * Cases reported in the period by how their first response went (`on_time`, `late`, or `open`
 * when not answered yet; `imported` for cases from a legacy register, answered before Sinergi
 * at a time nobody recorded, which the timing figures leave out) and by report hour, for the
 * monthly counts.
 */
export function countResponses(db: Db, w: StatsWhere) {
  if (w.taskForceIds.length === 0) return Promise.resolve([]);
  return grouped(
    db,
    sql<{ a: unknown; b: unknown; n: unknown }>`select
        case when exists (select 1 from import_keys k where k.case_id = c.id) then 'imported'
          when c.first_response_at is null then 'open'
          when c.first_response_at <= c.first_response_due_at then 'on_time' else 'late' end as a,
        ${sql.raw(REPORT_HOUR)} as b, count(*) as n
      from cases c where ${inScope('c', w)} group by 1, 2`,
  );
}

/** Cases reported in the period still waiting for a first response past its deadline. */
export async function countOpenResponsesDue(db: Db, w: StatsWhere, now: string): Promise<number> {
  if (w.taskForceIds.length === 0) return 0;
  const { rows } = await sql<{ n: unknown }>`select count(*) as n from cases c
      where c.first_response_at is null and c.first_response_due_at < ${now} and ${inScope('c', w)}`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0);
}

/** First responses of the cases reported in the period: how many were due (answered, or past due) and how many on time. */
export async function responseCounts(db: Db, w: StatsWhere, now: string) {
  if (w.taskForceIds.length === 0) return { due: 0, onTime: 0 };
  const { rows } = await sql<{ due: unknown; on_time: unknown }>`select
      sum(case when c.first_response_at is not null or c.first_response_due_at < ${now} then 1 else 0 end) as due,
      sum(case when c.first_response_at is not null and c.first_response_at <= c.first_response_due_at then 1 else 0 end) as on_time
      from cases c where ${inScope('c', w)}
        and not exists (select 1 from import_keys k where k.case_id = c.id)`.execute(db);
  return { due: Number(rows[0]?.due ?? 0), onTime: Number(rows[0]?.on_time ?? 0) };
}

/** Victims of the cases reported in the period, grouped; optionally only some case types. */
export function countVictims(
  db: Db,
  w: StatsWhere,
  a: StatDimension,
  b: StatDimension | null,
  caseTypes?: string[],
) {
  if (w.taskForceIds.length === 0) return Promise.resolve([]);
  const types = caseTypes ? sql` and c.case_type in (${sql.join(caseTypes)})` : sql``;
  return grouped(
    db,
    sql<{
      a: unknown;
      b: unknown;
      n: unknown;
    }>`select ${column(VICTIM_COLUMNS, a)} as a, ${column(VICTIM_COLUMNS, b)} as b, count(*) as n
      from persons p join cases c on c.id = p.case_id
      where p.role = 'victim' and ${inScope('c', w)}${types} group by 1, 2`,
  );
}

/** Services requested for cases reported in the period, grouped. */
export function countServices(db: Db, w: StatsWhere, a: StatDimension, b: StatDimension | null) {
  if (w.taskForceIds.length === 0) return Promise.resolve([]);
  return grouped(
    db,
    sql<{
      a: unknown;
      b: unknown;
      n: unknown;
    }>`select ${column(SERVICE_COLUMNS, a)} as a, ${column(SERVICE_COLUMNS, b)} as b, count(*) as n
      from services s join cases c on c.id = s.case_id
      where ${inScope('c', w)} group by 1, 2`,
  );
}

/** Needed SOP stages (comma lists per victim) and completed services per stage, with their task force. */
export async function serviceNeedsAndDeliveries(db: Db, w: StatsWhere) {
  if (w.taskForceIds.length === 0) return { needs: [], delivered: [] };
  const needs = await grouped(
    db,
    sql<{ a: unknown; b: unknown; n: unknown }>`select n.stages as a, c.task_force_id as b, count(*) as n
      from service_needs n join cases c on c.id = n.case_id
      join persons p on p.id = n.person_id
      where p.role = 'victim' and ${inScope('c', w)} group by 1, 2`,
  );
  const delivered = await grouped(
    db,
    sql<{ a: unknown; b: unknown; n: unknown }>`select s.stage as a, c.task_force_id as b, count(*) as n
      from services s join cases c on c.id = s.case_id
      where s.status = 'completed' and ${inScope('c', w)} group by 1, 2`,
  );
  return { needs, delivered };
}

/** Referrals sent by the task forces in the period, by the time they were sent. */
function referralScope(w: StatsWhere) {
  const parts = [sql`r.from_task_force_id in (${sql.join(w.taskForceIds)})`];
  if (w.from) parts.push(sql`r.sent_at >= ${w.from}`);
  if (w.to) parts.push(sql`r.sent_at < ${w.to}`);
  if (w.originDistrict) parts.push(sql`c.origin_district_code = ${w.originDistrict}`);
  return sql.join(parts, sql` and `);
}

export function countReferrals(db: Db, w: StatsWhere, a: StatDimension, b: StatDimension | null) {
  if (w.taskForceIds.length === 0) return Promise.resolve([]);
  return grouped(
    db,
    sql<{
      a: unknown;
      b: unknown;
      n: unknown;
    }>`select ${column(REFERRAL_COLUMNS, a)} as a, ${column(REFERRAL_COLUMNS, b)} as b, count(*) as n
      from referrals r join cases c on c.id = r.case_id
      where ${referralScope(w)} group by 1, 2`,
  );
}

/** Each legal stage recorded for a case reported in the period, once per case and stage. */
export async function legalStagesReached(db: Db, w: StatsWhere) {
  if (w.taskForceIds.length === 0) return [];
  const { rows } = await sql<{ case_id: string; stage: string; details: string; task_force_id: string }>`
    select distinct ls.case_id, ls.stage, ls.details, c.task_force_id
      from legal_stages ls join cases c on c.id = ls.case_id where ${inScope('c', w)}`.execute(db);
  return rows;
}

/** Timing and money figures of the dashboard, for cases reported in the period. */
export interface DashboardFacts {
  firstServices: { reported: string; first: string }[];
  referralAnswers: { sent: string; answered: string }[];
  serviceDeadlines: { due: string; done: string | null }[];
  granted: number;
  paid: number;
}

/**
 * Runs independent reads side by side when `parallel` (a roll-up: PostgreSQL answers them on
 * separate pool connections), else one after the other (one task force's reads are so small that
 * opening more pool connections would cost more than it saves).
 */
export async function gather<T extends readonly unknown[]>(
  parallel: boolean,
  ...tasks: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  if (parallel) return (await Promise.all(tasks.map((t) => t()))) as unknown as T;
  const out: unknown[] = [];
  for (const t of tasks) out.push(await t());
  return out as unknown as T;
}

export async function dashboardFacts(db: Db, w: StatsWhere, parallel = true): Promise<DashboardFacts> {
  if (w.taskForceIds.length === 0)
    return {
      firstServices: [],
      referralAnswers: [],
      serviceDeadlines: [],
      granted: 0,
      paid: 0,
    };
  const [firstServices, referralAnswers, serviceDeadlines, money] = await gather(
    parallel,
    () =>
      sql<{
        reported: string;
        first: string;
      }>`select c.reported_at as reported, min(s.requested_at) as first
      from cases c join services s on s.case_id = c.id where ${inScope('c', w)} group by c.id, c.reported_at`
        .execute(db)
        .then((r) => r.rows),
    () =>
      sql<{ sent: string; answered: string }>`select r.sent_at as sent, r.responded_at as answered
      from referrals r join cases c on c.id = r.case_id
      where r.responded_at is not null and ${referralScope(w)}`
        .execute(db)
        .then((r) => r.rows),
    () =>
      sql<{ due: string; done: string | null }>`select s.due_at as due, s.completed_at as done
      from services s join cases c on c.id = s.case_id
      where s.due_at is not null and s.status not in ('declined', 'cancelled') and ${inScope('c', w)}`
        .execute(db)
        .then((r) => r.rows),
    () =>
      sql<{ granted: unknown; paid: unknown }>`select
        (select coalesce(sum(rs.granted_amount), 0) from legal_restitutions rs join cases c on c.id = rs.case_id
          where ${inScope('c', w)}) as granted,
        (select coalesce(sum(pay.amount), 0) from legal_restitution_payments pay
          join legal_restitutions rs on rs.id = pay.restitution_id join cases c on c.id = rs.case_id
          where ${inScope('c', w)}) as paid`
        .execute(db)
        .then((r) => r.rows[0]!),
  );
  return {
    firstServices,
    referralAnswers,
    serviceDeadlines,
    granted: Number(money.granted),
    paid: Number(money.paid),
  };
}

export function taskForceNodes(db: Db): Promise<TaskForceNode[]> {
  return db.selectFrom('task_forces').select(['id', 'level', 'parent_id']).execute();
}

export async function taskForceNames(db: Db, ids: string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const rows = await db.selectFrom('task_forces').select(['id', 'name']).where('id', 'in', ids).execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
