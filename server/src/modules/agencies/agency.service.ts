import { randomUUID } from 'node:crypto';
import type { Agency, AgencyCreate, AgencyPatch } from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { AgencyRow } from '../../platform/db/schema.js';
import { errors } from '../../platform/errors.js';
import { sameTaskForce } from '../../platform/tenancy.js';
import { type AgencyFilter, agencyRepository as repo, shortNameKey } from './agency.repository.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'reference'>;

export function presentAgency(deps: Pick<AppDeps, 'reference'>, row: AgencyRow): Agency {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    htcdsType: row.htcds_type as Agency['htcdsType'],
    sector: row.sector as Agency['sector'],
    regionCode: row.region_code,
    regionName: deps.reference.region(row.region_code)?.name ?? null,
    taskForceId: row.task_force_id,
    active: row.active === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function checkReferences(
  deps: Deps,
  input: { regionCode?: string; taskForceId?: string | null },
): Promise<void> {
  const fields: Record<string, string> = {};
  if (input.regionCode !== undefined && !deps.reference.region(input.regionCode))
    fields.regionCode = 'region_unknown';
  if (input.taskForceId) {
    const tf = await deps.db
      .selectFrom('task_forces')
      .select('id')
      .where('id', '=', input.taskForceId)
      .executeTakeFirst();
    if (!tf) fields.taskForceId = 'task_force_unknown';
  }
  if (Object.keys(fields).length) throw errors.validation(fields);
}

export async function listAgencies(deps: Deps, filter: AgencyFilter) {
  const { rows, total } = await repo.list(deps.db, filter);
  return {
    items: rows.map((r) => presentAgency(deps, r)),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

export async function getAgency(deps: Deps, id: string): Promise<Agency> {
  const row = await repo.byId(deps.db, id);
  if (!row) throw errors.notFound();
  return presentAgency(deps, row);
}

/**
 * An administrator places agencies only in its own task force: without a task force named, the
 * agency joins the administrator's; another task force is unknown, like one that does not exist.
 */
function ownTaskForce(
  actor: Pick<Actor, 'taskForceId'>,
  taskForceId: string | null | undefined,
): string | null {
  if (taskForceId === undefined) return actor.taskForceId;
  if (!sameTaskForce(actor.taskForceId, taskForceId))
    throw errors.validation({ taskForceId: 'task_force_unknown' });
  return taskForceId;
}

/**
 * Creates an agency: an administrator (the route checks the permission) in its own task force, or
 * the command line and the seeding (`actor` null) anywhere.
 */
export async function createAgency(
  deps: Deps,
  actor: Pick<Actor, 'userId' | 'agencyId' | 'taskForceId'> | null,
  meta: Pick<RequestMeta, 'requestId' | 'ip'>,
  given: AgencyCreate,
): Promise<Agency> {
  const input = actor ? { ...given, taskForceId: ownTaskForce(actor, given.taskForceId) } : given;
  await checkReferences(deps, input);
  const now = deps.clock.now().toISOString();
  const id = randomUUID();
  return inTransaction(
    deps,
    { userId: actor?.userId ?? null, agencyId: actor?.agencyId ?? null },
    meta,
    async (trx, audit) => {
      if (await repo.byShortName(trx, input.shortName))
        throw errors.conflict({ shortName: 'short_name_taken' });
      await repo.insert(trx, {
        id,
        task_force_id: input.taskForceId ?? null,
        name: input.name,
        short_name: input.shortName,
        short_name_key: shortNameKey(input.shortName),
        htcds_type: input.htcdsType,
        sector: input.sector,
        region_code: input.regionCode,
        active: input.active === false ? 0 : 1,
        version: 1,
        created_at: now,
        updated_at: now,
      });
      await audit({
        action: 'agency.created',
        entityType: 'agency',
        entityId: id,
        details: { shortName: input.shortName },
      });
      return presentAgency(deps, (await repo.byId(trx, id))!);
    },
  );
}

export async function updateAgency(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  patch: AgencyPatch,
): Promise<Agency> {
  // An agency stays in the administrator's task force: it cannot be handed to another one.
  if (patch.taskForceId !== undefined) ownTaskForce(actor, patch.taskForceId);
  await checkReferences(deps, patch);
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const current = await repo.byId(trx, id);
    // Another task force's agency is not the administrator's to change: not found.
    if (!current || !sameTaskForce(actor.taskForceId, current.task_force_id)) throw errors.notFound();
    if (current.version !== patch.version) throw errors.versionConflict(presentAgency(deps, current));
    if (patch.shortName !== undefined) {
      const other = await repo.byShortName(trx, patch.shortName);
      if (other && other.id !== id) throw errors.conflict({ shortName: 'short_name_taken' });
    }
    const changes = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.shortName !== undefined && {
        short_name: patch.shortName,
        short_name_key: shortNameKey(patch.shortName),
      }),
      ...(patch.htcdsType !== undefined && { htcds_type: patch.htcdsType }),
      ...(patch.sector !== undefined && { sector: patch.sector }),
      ...(patch.regionCode !== undefined && { region_code: patch.regionCode }),
      ...(patch.taskForceId !== undefined && { task_force_id: patch.taskForceId }),
      ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
      updated_at: deps.clock.now().toISOString(),
    };
    if (!(await repo.update(trx, id, patch.version, changes))) {
      throw errors.versionConflict(presentAgency(deps, (await repo.byId(trx, id))!));
    }
    const changed = Object.keys(patch).filter((k) => k !== 'version');
    await audit({
      action: 'agency.updated',
      entityType: 'agency',
      entityId: id,
      details: { fields: changed },
    });
    return presentAgency(deps, (await repo.byId(trx, id))!);
  });
}
