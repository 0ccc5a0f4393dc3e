import type { TaskForceSummary } from '@sinergi/core';
import type { AppDeps } from '../../platform/context.js';
import type { TaskForceTable } from '../../platform/db/schema.js';
import { errors } from '../../platform/errors.js';

export function presentTaskForce(row: TaskForceTable): TaskForceSummary {
  return {
    id: row.id,
    name: row.name,
    level: row.level,
    regionCode: row.region_code,
    timeZone: row.time_zone,
  };
}

export async function listTaskForces(deps: Pick<AppDeps, 'db'>): Promise<TaskForceSummary[]> {
  const rows = await deps.db.selectFrom('task_forces').selectAll().orderBy('name').execute();
  return rows.map(presentTaskForce);
}

export async function getTaskForce(deps: Pick<AppDeps, 'db'>, id: string): Promise<TaskForceSummary> {
  const row = await deps.db.selectFrom('task_forces').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.notFound();
  return presentTaskForce(row);
}
