import { randomUUID } from 'node:crypto';
import {
  type FocalPerson,
  type Member,
  type MemberPosition,
  SINGLE_POSITIONS,
  type SubTaskForce,
} from '@sinergi/core';
import { type Actor, type AppDeps, inTransaction, type RequestMeta } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { errors } from '../../platform/errors.js';
import { assertManagesTaskForce } from './membership.policy.js';
import { getMembership } from './membership.service.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

async function isMember(db: Db, taskForceId: string, agencyId: string): Promise<boolean> {
  const row = await db
    .selectFrom('agencies')
    .select('id')
    .where('id', '=', agencyId)
    .where('task_force_id', '=', taskForceId)
    .executeTakeFirst();
  return !!row;
}

async function subTaskForce(
  deps: Pick<AppDeps, 'db' | 'cipher'>,
  actor: Actor,
  taskForceId: string,
  id: string,
): Promise<SubTaskForce> {
  const found = (await getMembership(deps, actor, taskForceId)).subTaskForces.find((s) => s.id === id);
  if (!found) throw errors.notFound();
  return found;
}

/** Adds a sub-task force at the end of the list. */
export async function createSubTaskForce(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  taskForceId: string,
  input: { name: string; leadAgencyId: string | null },
): Promise<SubTaskForce> {
  assertManagesTaskForce(actor, taskForceId);
  if (input.leadAgencyId && !(await isMember(deps.db, taskForceId, input.leadAgencyId)))
    throw errors.validation({ leadAgencyId: 'agency_not_member' });
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    const last = await trx
      .selectFrom('sub_task_forces')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('task_force_id', '=', taskForceId)
      .executeTakeFirst();
    await trx
      .insertInto('sub_task_forces')
      .values({
        id,
        task_force_id: taskForceId,
        name: input.name,
        lead_agency_id: input.leadAgencyId,
        position: Number(last?.p ?? 0) + 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit({
      action: 'taskforce.sub_task_force_created',
      entityType: 'sub_task_force',
      entityId: id,
      details: { taskForceId },
    });
  });
  return subTaskForce(deps, actor, taskForceId, id);
}

/** Renames a sub-task force or changes its lead agency; carries the version read. */
export async function updateSubTaskForce(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  taskForceId: string,
  id: string,
  input: { name?: string; leadAgencyId?: string | null; version: number },
): Promise<SubTaskForce> {
  assertManagesTaskForce(actor, taskForceId);
  const current = await subTaskForce(deps, actor, taskForceId, id);
  if (current.version !== input.version) throw errors.versionConflict(current);
  if (input.leadAgencyId && !(await isMember(deps.db, taskForceId, input.leadAgencyId)))
    throw errors.validation({ leadAgencyId: 'agency_not_member' });
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    const res = await trx
      .updateTable('sub_task_forces')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.leadAgencyId !== undefined && { lead_agency_id: input.leadAgencyId }),
        version: current.version + 1,
        updated_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw errors.versionConflict(current);
    await audit({
      action: 'taskforce.sub_task_force_changed',
      entityType: 'sub_task_force',
      entityId: id,
      details: { fields: Object.keys(input).filter((k) => k !== 'version') },
    });
  });
  return subTaskForce(deps, actor, taskForceId, id);
}

async function member(
  deps: Pick<AppDeps, 'db' | 'cipher'>,
  actor: Actor,
  taskForceId: string,
  agencyId: string,
): Promise<Member> {
  const found = (await getMembership(deps, actor, taskForceId)).members.find((m) => m.agencyId === agencyId);
  if (!found) throw errors.notFound();
  return found;
}

/** Sets an agency's position (chair, vice-chair, secretariat, member) and its sub-task forces. */
export async function updateMember(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  taskForceId: string,
  agencyId: string,
  input: { position: MemberPosition; subTaskForceIds: string[]; version: number },
): Promise<Member> {
  assertManagesTaskForce(actor, taskForceId);
  const membership = await getMembership(deps, actor, taskForceId);
  const current = membership.members.find((m) => m.agencyId === agencyId);
  if (!current) throw errors.notFound();
  if (current.version !== input.version) throw errors.versionConflict(current);
  const fields: Record<string, string> = {};
  const known = new Set(membership.subTaskForces.map((s) => s.id));
  input.subTaskForceIds.forEach((id, i) => {
    if (!known.has(id)) fields[`subTaskForceIds.${i}`] = 'sub_task_force_unknown';
  });
  if (
    SINGLE_POSITIONS.includes(input.position) &&
    membership.members.some((m) => m.agencyId !== agencyId && m.position === input.position)
  )
    fields.position = 'position_taken';
  if (Object.keys(fields).length) throw errors.validation(fields);
  const now = deps.clock.now().toISOString();
  const ids = JSON.stringify([...new Set(input.subTaskForceIds)]);
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    if (current.version === 0) {
      await trx
        .insertInto('taskforce_members')
        .values({
          task_force_id: taskForceId,
          agency_id: agencyId,
          position: input.position,
          sub_task_force_ids: ids,
          version: 1,
          updated_at: now,
        })
        .execute();
    } else {
      const res = await trx
        .updateTable('taskforce_members')
        .set({
          position: input.position,
          sub_task_force_ids: ids,
          version: current.version + 1,
          updated_at: now,
        })
        .where('task_force_id', '=', taskForceId)
        .where('agency_id', '=', agencyId)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw errors.versionConflict(current);
    }
    await audit({
      action: 'taskforce.member_changed',
      entityType: 'agency',
      entityId: agencyId,
      details: { taskForceId, position: input.position },
    });
  });
  return member(deps, actor, taskForceId, agencyId);
}

async function focal(
  deps: Pick<AppDeps, 'db' | 'cipher'>,
  actor: Actor,
  taskForceId: string,
  id: string,
): Promise<FocalPerson> {
  const m = await getMembership(deps, actor, taskForceId);
  const found = m.members.flatMap((x) => x.focalPersons).find((f) => f.id === id);
  if (!found) throw errors.notFound();
  return found;
}

export interface FocalPersonInput {
  name: string;
  position: string;
  phone: string | null;
  email: string | null;
}

/** Names a focal person (an official, not a victim) for a member agency. */
export async function createFocalPerson(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  taskForceId: string,
  agencyId: string,
  input: FocalPersonInput,
): Promise<FocalPerson> {
  assertManagesTaskForce(actor, taskForceId);
  if (!(await isMember(deps.db, taskForceId, agencyId))) throw errors.notFound();
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .insertInto('focal_persons')
      .values({
        id,
        task_force_id: taskForceId,
        agency_id: agencyId,
        name: input.name,
        position: input.position,
        phone: input.phone,
        email: input.email,
        active: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    // The name stays out of the audit details: the trail records who changed what, not contacts.
    await audit({
      action: 'taskforce.focal_person_created',
      entityType: 'focal_person',
      entityId: id,
      details: { agencyId },
    });
  });
  return focal(deps, actor, taskForceId, id);
}

/** Changes or retires a focal person; carries the version read. */
export async function updateFocalPerson(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  taskForceId: string,
  id: string,
  input: Partial<FocalPersonInput> & { active?: boolean; version: number },
): Promise<FocalPerson> {
  assertManagesTaskForce(actor, taskForceId);
  const current = await focal(deps, actor, taskForceId, id);
  if (current.version !== input.version) throw errors.versionConflict(current);
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    const res = await trx
      .updateTable('focal_persons')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.position !== undefined && { position: input.position }),
        ...(input.phone !== undefined && { phone: input.phone }),
        ...(input.email !== undefined && { email: input.email }),
        ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
        version: current.version + 1,
        updated_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw errors.versionConflict(current);
    await audit({
      action: 'taskforce.focal_person_changed',
      entityType: 'focal_person',
      entityId: id,
      details: { fields: Object.keys(input).filter((k) => k !== 'version') },
    });
  });
  return focal(deps, actor, taskForceId, id);
}
