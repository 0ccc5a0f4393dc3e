import { randomUUID } from 'node:crypto';
import {
  calendarDateIn,
  DEFAULT_RESPONSE_LIMITS,
  type ResponseLimits,
  type TaskForceSummary,
} from '@sinergi/core';
import type { Selectable } from 'kysely';
import { type AppDeps, inTransaction } from '../../platform/context.js';
import type { TaskForceTable } from '../../platform/db/schema.js';
import { errors } from '../../platform/errors.js';
import { seedSubTaskForces } from './membership.service.js';

export function presentTaskForce(row: Selectable<TaskForceTable>): TaskForceSummary {
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

export interface TaskForceCreate {
  name: string;
  level: 'national' | 'province' | 'regency';
  regionCode: string | null;
  timeZone: string;
  parentId: string | null;
}

const ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'];
/** Users outside any task force (national administrators) work in Jakarta time. */
const DEFAULT_ZONE = 'Asia/Jakarta';

/** Creates a task force (CLI; the task-force module adds the web screens). */
export async function createTaskForce(
  deps: Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'reference'>,
  meta: { requestId: string; ip: string | null },
  input: TaskForceCreate,
): Promise<TaskForceSummary> {
  const fields: Record<string, string> = {};
  if (input.name.trim().length < 3) fields.name = 'too_short';
  if (input.level !== 'national') {
    const region = input.regionCode ? deps.reference.region(input.regionCode) : undefined;
    if (!region || region.level !== input.level) fields.regionCode = 'region_unknown';
  }
  if (!ZONES.includes(input.timeZone)) fields.timeZone = 'invalid_value';
  if (
    input.parentId &&
    !(await deps.db
      .selectFrom('task_forces')
      .select('id')
      .where('id', '=', input.parentId)
      .executeTakeFirst())
  ) {
    fields.parentId = 'task_force_unknown';
  }
  if (Object.keys(fields).length) throw errors.validation(fields);
  const now = deps.clock.now().toISOString();
  const id = randomUUID();
  return inTransaction(deps, { userId: null, agencyId: null }, meta, async (trx, audit) => {
    await trx
      .insertInto('task_forces')
      .values({
        id,
        name: input.name.trim(),
        level: input.level,
        region_code: input.level === 'national' ? null : input.regionCode,
        parent_id: input.parentId,
        time_zone: input.timeZone,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await seedSubTaskForces(trx, id, now);
    await audit({ action: 'taskforce.created', entityType: 'task_force', entityId: id });
    return presentTaskForce(
      (await trx.selectFrom('task_forces').selectAll().where('id', '=', id).executeTakeFirst())!,
    );
  });
}

export interface TaskForceSettings {
  responseLimits: ResponseLimits;
  caseNumberPrefix: string;
}

/** A task force's settings with defaults for what it has not set. */
export async function taskForceContext(db: Pick<AppDeps, 'db'>['db'], id: string) {
  const row = await db.selectFrom('task_forces').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const raw = JSON.parse(row.settings || '{}') as Partial<TaskForceSettings>;
  const settings: TaskForceSettings = {
    responseLimits: { ...DEFAULT_RESPONSE_LIMITS, ...(raw.responseLimits ?? {}) },
    caseNumberPrefix: raw.caseNumberPrefix ?? 'TPPO',
  };
  return { row, settings };
}

/** Zones by task force: set when a task force is created and never changed, so safe to keep. */
const zones = new Map<string, string>();

/** A task force's time zone; days a user types (birth dates, consent dates, filters) are days there. */
export async function taskForceZone(db: Pick<AppDeps, 'db'>['db'], id: string | null): Promise<string> {
  if (!id) return DEFAULT_ZONE;
  const known = zones.get(id);
  if (known) return known;
  const row = await db.selectFrom('task_forces').select('time_zone').where('id', '=', id).executeTakeFirst();
  if (!row) return DEFAULT_ZONE;
  zones.set(id, row.time_zone);
  return row.time_zone;
}

/** Today's date (`YYYY-MM-DD`) in a task force's time zone. */
export async function todayIn(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  taskForceId: string | null,
): Promise<string> {
  return calendarDateIn(deps.clock.now(), await taskForceZone(deps.db, taskForceId));
}

/**
 * Changes a task force's settings (first-response limits, case-number prefix); audited. Only its
 * own coordinators and administrators (the route checks the role): for anyone else the task force
 * is not found. The change carries the version read; a stale one gets 409 with the current settings.
 */
export async function updateTaskForceSettings(
  deps: Pick<AppDeps, 'db' | 'dbKind' | 'clock'>,
  actor: { userId: string; agencyId: string; taskForceId: string | null },
  meta: { requestId: string; ip: string | null },
  id: string,
  input: { responseLimits?: Partial<ResponseLimits>; caseNumberPrefix?: string; version: number },
): Promise<TaskForceSettings & { version: number }> {
  if (actor.taskForceId !== id) throw errors.notFound();
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const ctx = await taskForceContext(trx, id);
    if (!ctx) throw errors.notFound();
    const stale = () => errors.versionConflict({ ...ctx.settings, version: ctx.row.version });
    if (ctx.row.version !== input.version) throw stale();
    const { version: _read, ...changes } = input;
    const settings: TaskForceSettings = {
      responseLimits: { ...ctx.settings.responseLimits, ...(changes.responseLimits ?? {}) },
      caseNumberPrefix: changes.caseNumberPrefix ?? ctx.settings.caseNumberPrefix,
    };
    const res = await trx
      .updateTable('task_forces')
      .set({
        settings: JSON.stringify(settings),
        updated_at: deps.clock.now().toISOString(),
        version: ctx.row.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw stale();
    await audit({
      action: 'taskforce.settings_changed',
      entityType: 'task_force',
      entityId: id,
      details: { fields: Object.keys(changes) },
    });
    return { ...settings, version: ctx.row.version + 1 };
  });
}
