import type { StatDimension } from '@sinergi/core';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { keysOf } from './stats.keys.js';
import * as repo from './stats.repository.js';
import './stats.tables.js';

/**
 * Pre-aggregated monthly counts, so the national dashboard over a million victims reads tens of
 * thousands of small rows instead of scanning the records. They are a cache of the records:
 * `refreshStale` recounts every task force a trigger marked stale, with the same queries the
 * direct path uses, before any read. The integration tests compare both paths.
 */
export const AGGREGATED: Record<'case' | 'victim', readonly StatDimension[]> = {
  case: ['case_type', 'stage', 'origin_district', 'destination_country', 'departure'],
  victim: [
    'sex',
    'age_group',
    'age_simfoni',
    'age_ctdc',
    'case_type',
    'stage',
    'origin_district',
    'destination_country',
    'departure',
  ],
};

const TOTAL = 'total';
/** Cases by how their first response went (`on_time`, `late`, `open`), for the dashboard's share on time. */
export const RESPONSE = 'response';

/** Recounts one task force's monthly rows from its records. */
async function recount(trx: Db, taskForceId: string, offset: number): Promise<void> {
  await trx.deleteFrom('stats_dirty').where('task_force_id', '=', taskForceId).execute();
  await trx.deleteFrom('stats_monthly').where('task_force_id', '=', taskForceId).execute();
  const where = { taskForceIds: [taskForceId], from: null, to: null };
  const rows = new Map<
    string,
    { month: string; unit: 'case' | 'victim'; dimension: string; key: string; n: number }
  >();
  const add = (month: string, unit: 'case' | 'victim', dimension: string, key: string, n: number) => {
    const id = `${month}|${unit}|${dimension}|${key}`;
    const row = rows.get(id);
    if (row) row.n += n;
    else rows.set(id, { month, unit, dimension, key, n });
  };
  for (const unit of ['case', 'victim'] as const) {
    const count = unit === 'case' ? repo.countCases : repo.countVictims;
    for (const r of await count(trx, where, 'month', null))
      add(keysOf('month', r.a, offset)[0]!, unit, TOTAL, TOTAL, r.n);
    if (unit === 'case')
      for (const r of await repo.countResponses(trx, where))
        add(keysOf('month', r.b, offset)[0]!, unit, RESPONSE, String(r.a), r.n);
    for (const d of AGGREGATED[unit]) {
      for (const r of await count(trx, where, d, 'month')) {
        const month = keysOf('month', r.b, offset)[0]!;
        for (const k of keysOf(d, r.a, offset)) add(month, unit, d, k, r.n);
      }
    }
  }
  const values = [...rows.values()].map((r) => ({ task_force_id: taskForceId, ...r }));
  for (let i = 0; i < values.length; i += 500)
    await trx
      .insertInto('stats_monthly')
      .values(values.slice(i, i + 500))
      .execute();
}

/** Recounts the stale task forces among those given (all stale ones when `ids` is null). */
export async function refreshStale(
  db: Db,
  ids: string[] | null,
  offsetOf: (taskForceId: string) => Promise<number>,
): Promise<number> {
  let q = db.selectFrom('stats_dirty').select('task_force_id');
  if (ids) q = q.where('task_force_id', 'in', ids.length ? ids : ['-']);
  const stale = (await q.execute()).map((r) => r.task_force_id);
  for (const id of stale) {
    const offset = await offsetOf(id);
    await db.transaction().execute((trx) => recount(trx, id, offset));
  }
  return stale.length;
}

/**
 * One dimension's counts per key (and month when asked), summed over the task forces and months.
 * With every task force in scope the filter on them is left out, so the index is read in order.
 */
export async function readAggregate(
  db: Db,
  w: { taskForceIds: string[]; allTaskForces: boolean; fromMonth: string | null; toMonth: string | null },
  unit: 'case' | 'victim',
  dimension: StatDimension | typeof TOTAL | typeof RESPONSE,
  byMonth: boolean,
): Promise<{ key: string; month: string | null; n: number }[]> {
  if (w.taskForceIds.length === 0) return [];
  const parts = [sql`unit = ${unit}`, sql`dimension = ${dimension}`];
  if (w.fromMonth) parts.push(sql`month >= ${w.fromMonth}`);
  if (w.toMonth) parts.push(sql`month <= ${w.toMonth}`);
  if (!w.allTaskForces) parts.push(sql`task_force_id in (${sql.join(w.taskForceIds)})`);
  const month = byMonth ? sql`month` : sql`null`;
  const { rows } = await sql<{ key: string; month: string | null; n: unknown }>`
    select key, ${month} as month, sum(n) as n from stats_monthly
    where ${sql.join(parts, sql` and `)} group by 1, 2`.execute(db);
  return rows.map((r) => ({ key: r.key, month: r.month, n: Number(r.n) }));
}
