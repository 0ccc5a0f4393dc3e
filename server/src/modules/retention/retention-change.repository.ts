import type { Db } from '../../platform/db/connect.js';
import type { PendingSettingChangeTable } from './retention.tables.js';
import './retention.tables.js';

/** The retention period's key among settings that wait before they take effect. */
export const RETENTION_SETTING = 'retention.closed_case_years';

export type ChangeRow = PendingSettingChangeTable & {
  proposer_name: string;
  resolver_name: string | null;
};

function changes(db: Db) {
  return db
    .selectFrom('pending_setting_changes as c')
    .innerJoin('users as p', 'p.id', 'c.proposed_by')
    .leftJoin('users as r', 'r.id', 'c.resolved_by')
    .selectAll('c')
    .select(['p.display_name as proposer_name', 'r.display_name as resolver_name'])
    .where('c.setting', '=', RETENTION_SETTING);
}

/** One change of the task force's retention period (undefined when it is another task force's). */
export function findChange(db: Db, taskForceId: string, id: string): Promise<ChangeRow | undefined> {
  return changes(db).where('c.id', '=', id).where('c.task_force_id', '=', taskForceId).executeTakeFirst();
}

export function pendingChange(db: Db, taskForceId: string): Promise<ChangeRow | undefined> {
  return changes(db)
    .where('c.task_force_id', '=', taskForceId)
    .where('c.status', '=', 'pending')
    .executeTakeFirst();
}

/** The task force's changes, newest first (the pending one, then the history). */
export function listChanges(db: Db, taskForceId: string, onlyPending: boolean): Promise<ChangeRow[]> {
  let q = changes(db).where('c.task_force_id', '=', taskForceId);
  if (onlyPending) q = q.where('c.status', '=', 'pending');
  return q.orderBy('c.proposed_at', 'desc').orderBy('c.id').limit(50).execute();
}

/** Pending changes of every task force whose grace period has ended. */
export function changesDue(db: Db, nowIso: string) {
  return db
    .selectFrom('pending_setting_changes')
    .selectAll()
    .where('setting', '=', RETENTION_SETTING)
    .where('status', '=', 'pending')
    .where('effective_at', '<=', nowIso)
    .orderBy('effective_at')
    .execute();
}

export async function insertChange(
  db: Db,
  row: Omit<PendingSettingChangeTable, 'status' | 'resolution' | 'resolved_by' | 'resolved_at' | 'setting'>,
) {
  await db
    .insertInto('pending_setting_changes')
    .values({
      ...row,
      setting: RETENTION_SETTING,
      status: 'pending',
      resolution: null,
      resolved_by: null,
      resolved_at: null,
    })
    .execute();
}

/** Ends a pending change; false when it was no longer pending (someone else got there first). */
export async function resolveChange(
  db: Db,
  id: string,
  status: 'applied' | 'cancelled',
  resolution: 'grace_period' | 'confirmed' | 'cancelled',
  userId: string | null,
  nowIso: string,
): Promise<boolean> {
  const r = await db
    .updateTable('pending_setting_changes')
    .set({ status, resolution, resolved_by: userId, resolved_at: nowIso })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Case numbers of the given cases, in order. */
export async function caseNumbers(db: Db, caseIds: string[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom('cases')
    .select('case_number')
    .where('id', 'in', caseIds)
    .orderBy('case_number')
    .execute();
  return rows.map((r) => r.case_number);
}
