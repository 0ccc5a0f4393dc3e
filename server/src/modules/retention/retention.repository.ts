import { DEFAULT_RETENTION_YEARS } from '@sinergi/core';
import type { Db } from '../../platform/db/connect.js';
import { toNumber } from '../../platform/db/connect.js';
import './retention.tables.js';

export async function ruleOf(db: Db, taskForceId: string) {
  const row = await db
    .selectFrom('retention_rules')
    .selectAll()
    .where('task_force_id', '=', taskForceId)
    .executeTakeFirst();
  return {
    closedCaseYears: row?.closed_case_years ?? DEFAULT_RETENTION_YEARS,
    version: row?.version ?? 0,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function insertRule(db: Db, taskForceId: string, years: number, userId: string, nowIso: string) {
  await db
    .insertInto('retention_rules')
    .values({
      task_force_id: taskForceId,
      closed_case_years: years,
      version: 1,
      updated_by: userId,
      updated_at: nowIso,
    })
    .execute();
}

export async function updateRule(
  db: Db,
  taskForceId: string,
  years: number,
  version: number,
  userId: string,
  nowIso: string,
): Promise<boolean> {
  const r = await db
    .updateTable('retention_rules')
    .set({ closed_case_years: years, version: version + 1, updated_by: userId, updated_at: nowIso })
    .where('task_force_id', '=', taskForceId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every task force with its rule (the default where none is set). */
export async function allRules(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('task_forces')
    .leftJoin('retention_rules', 'retention_rules.task_force_id', 'task_forces.id')
    .select(['task_forces.id', 'retention_rules.closed_case_years'])
    .execute();
  return new Map(rows.map((r) => [r.id, r.closed_case_years ?? DEFAULT_RETENTION_YEARS]));
}

/**
 * Closed cases not yet handled, with when they were closed: the last stage change (a closed case
 * changes stage only by being reopened), or the last update for a case closed without one.
 */
export async function closedCasesNotRetained(db: Db, taskForceId?: string) {
  let q = db
    .selectFrom('cases')
    .select((eb) => [
      'cases.id',
      'cases.task_force_id',
      'cases.updated_at',
      eb
        .selectFrom('case_events')
        .select((e) => e.fn.max('case_events.at').as('at'))
        .whereRef('case_events.case_id', '=', 'cases.id')
        .where('case_events.kind', '=', 'stage_changed')
        .as('closed_at'),
    ])
    .where('cases.stage', '=', 'closed')
    .where('cases.retention_applied_at', 'is', null);
  if (taskForceId) q = q.where('cases.task_force_id', '=', taskForceId);
  const rows = await q.orderBy('cases.id').execute();
  return rows.map((r) => ({
    id: r.id,
    taskForceId: r.task_force_id,
    closedAt: (r.closed_at as string | null) ?? r.updated_at,
  }));
}

export async function countRetained(db: Db, taskForceId: string): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('task_force_id', '=', taskForceId)
    .where('retention_applied_at', 'is not', null)
    .executeTakeFirst();
  return toNumber(row?.n as number | string | undefined);
}

export async function personCounts(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return { persons: 0, documents: 0 };
  const p = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('case_id', 'in', caseIds)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  const d = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('case_id', 'in', caseIds)
    .executeTakeFirst();
  return {
    persons: toNumber(p?.n as number | string | undefined),
    documents: toNumber(d?.n as number | string | undefined),
  };
}
