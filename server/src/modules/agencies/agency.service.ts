import { randomUUID } from 'node:crypto';
import type { Agency, AgencyCreate, AgencyPatch } from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { AgencyRow } from '../../platform/db/schema.js';
import { errors } from '../../platform/errors.js';
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

/** Creates an agency; the creator is an administrator (checked by the route). */
export async function createAgency(
  deps: Deps,
  actor: Pick<Actor, 'userId' | 'agencyId'> | null,
  meta: Pick<RequestMeta, 'requestId' | 'ip'>,
  input: AgencyCreate,
): Promise<Agency> {
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
  await checkReferences(deps, patch);
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const current = await repo.byId(trx, id);
    if (!current) throw errors.notFound();
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
