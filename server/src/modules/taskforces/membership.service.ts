import { randomUUID } from 'node:crypto';
import {
  DEFAULT_SUB_TASK_FORCES,
  type Decree,
  type DecreeInput,
  decreesInForce,
  type FocalPerson,
  type MemberPosition,
  type Membership,
  type SubTaskForce,
} from '@sinergi/core';
import type { Selectable } from 'kysely';
import { type Actor, type AppDeps, inTransaction, type RequestMeta } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { FocalPersonTable } from '../../platform/db/schema.js';
import { errors } from '../../platform/errors.js';
import { currentRows, presentAttachments } from '../attachments/attachment.service.js';
import { assertManagesTaskForce, assertSeesTaskForce, seesContacts } from './membership.policy.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

/** Adds the usual sub-task forces to a new task force (inside its creating transaction). */
export async function seedSubTaskForces(trx: Db, taskForceId: string, now: string): Promise<void> {
  await trx
    .insertInto('sub_task_forces')
    .values(
      DEFAULT_SUB_TASK_FORCES.map((s, i) => ({
        id: randomUUID(),
        task_force_id: taskForceId,
        name: s.id,
        lead_agency_id: null,
        position: i + 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

function presentFocal(row: Selectable<FocalPersonTable>, contacts: boolean): FocalPerson {
  return {
    id: row.id,
    agencyId: row.agency_id,
    name: row.name,
    position: row.position,
    phone: contacts ? row.phone : null,
    email: contacts ? row.email : null,
    active: row.active === 1,
    version: row.version,
  };
}

/** Decrees (with the one in force), sub-task forces and member agencies with focal persons. */
export async function getMembership(
  deps: Pick<AppDeps, 'db' | 'cipher'>,
  actor: Actor,
  taskForceId: string,
): Promise<Membership> {
  assertSeesTaskForce(actor, taskForceId);
  const tf = await deps.db
    .selectFrom('task_forces')
    .select('id')
    .where('id', '=', taskForceId)
    .executeTakeFirst();
  if (!tf) throw errors.notFound();
  const [decreeRows, subRows, agencies, memberRows, focalRows] = await Promise.all([
    deps.db
      .selectFrom('taskforce_decrees')
      .selectAll()
      .where('task_force_id', '=', taskForceId)
      .orderBy('signed_on', 'desc')
      .execute(),
    deps.db
      .selectFrom('sub_task_forces')
      .selectAll()
      .where('task_force_id', '=', taskForceId)
      .orderBy('position')
      .execute(),
    deps.db
      .selectFrom('agencies')
      .select(['id', 'name', 'short_name'])
      .where('task_force_id', '=', taskForceId)
      .where('active', '=', 1)
      .orderBy('name')
      .execute(),
    deps.db.selectFrom('taskforce_members').selectAll().where('task_force_id', '=', taskForceId).execute(),
    deps.db
      .selectFrom('focal_persons')
      .selectAll()
      .where('task_force_id', '=', taskForceId)
      .orderBy('name')
      .execute(),
  ]);
  const decrees = decreeRows.map((d) => ({ id: d.id, replacesId: d.replaces_id, row: d }));
  const files = await presentAttachments(
    deps,
    await currentRows(
      deps.db,
      'decree',
      decreeRows.map((d) => d.id),
    ),
  );
  const inForce = decreesInForce(decrees);
  const contacts = seesContacts(actor);
  const membersByAgency = new Map(memberRows.map((m) => [m.agency_id, m]));
  return {
    taskForceId,
    decrees: decrees.map(
      ({ row }): Decree => ({
        id: row.id,
        number: row.number,
        title: row.title,
        signedOn: row.signed_on,
        replacesId: row.replaces_id,
        replacedById: decreeRows.find((o) => o.replaces_id === row.id)?.id ?? null,
        inForce: inForce.has(row.id),
        file: files.get(row.id)?.at(-1) ?? null,
        version: row.version,
      }),
    ),
    subTaskForces: subRows.map(
      (s): SubTaskForce => ({
        id: s.id,
        name: s.name,
        leadAgencyId: s.lead_agency_id,
        position: s.position,
        version: s.version,
      }),
    ),
    members: agencies.map((a) => {
      const m = membersByAgency.get(a.id);
      return {
        agencyId: a.id,
        agencyName: a.name,
        agencyShortName: a.short_name,
        position: (m?.position ?? 'member') as MemberPosition,
        subTaskForceIds: m ? (JSON.parse(m.sub_task_force_ids) as string[]) : [],
        focalPersons: focalRows.filter((f) => f.agency_id === a.id).map((f) => presentFocal(f, contacts)),
        version: m?.version ?? 0,
      };
    }),
    can: { manage: actor.taskForceId === taskForceId && actor.permissions.has('taskforce.manage') },
  };
}

async function decreeOf(db: Db, taskForceId: string, id: string) {
  return db
    .selectFrom('taskforce_decrees')
    .selectAll()
    .where('id', '=', id)
    .where('task_force_id', '=', taskForceId)
    .executeTakeFirst();
}

async function checkReplaces(db: Db, taskForceId: string, replacesId: string | null, selfId: string | null) {
  if (!replacesId) return;
  if (replacesId === selfId || !(await decreeOf(db, taskForceId, replacesId)))
    throw errors.validation({ replacesId: 'decree_unknown' });
  let q = db.selectFrom('taskforce_decrees').select('id').where('replaces_id', '=', replacesId);
  if (selfId) q = q.where('id', '!=', selfId);
  if (await q.executeTakeFirst()) throw errors.validation({ replacesId: 'decree_already_replaced' });
}

/** Records a decree forming or changing the task force. */
export async function createDecree(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  taskForceId: string,
  input: DecreeInput,
) {
  assertManagesTaskForce(actor, taskForceId);
  await checkReplaces(deps.db, taskForceId, input.replacesId, null);
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .insertInto('taskforce_decrees')
      .values({
        id,
        task_force_id: taskForceId,
        number: input.number,
        title: input.title,
        signed_on: input.signedOn,
        replaces_id: input.replacesId,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit({
      action: 'taskforce.decree_created',
      entityType: 'taskforce_decree',
      entityId: id,
      details: { taskForceId },
    });
  });
  return findDecree(deps, actor, taskForceId, id);
}

async function findDecree(
  deps: Pick<AppDeps, 'db' | 'cipher'>,
  actor: Actor,
  taskForceId: string,
  id: string,
): Promise<Decree> {
  const m = await getMembership(deps, actor, taskForceId);
  const d = m.decrees.find((x) => x.id === id);
  if (!d) throw errors.notFound();
  return d;
}

/** Corrects a decree; carries the version read. */
export async function updateDecree(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  taskForceId: string,
  id: string,
  input: Partial<DecreeInput> & { version: number },
) {
  assertManagesTaskForce(actor, taskForceId);
  const row = await decreeOf(deps.db, taskForceId, id);
  if (!row) throw errors.notFound();
  if (row.version !== input.version)
    throw errors.versionConflict(await findDecree(deps, actor, taskForceId, id));
  if (input.replacesId !== undefined) await checkReplaces(deps.db, taskForceId, input.replacesId, id);
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    const res = await trx
      .updateTable('taskforce_decrees')
      .set({
        ...(input.number !== undefined && { number: input.number }),
        ...(input.title !== undefined && { title: input.title }),
        ...(input.signedOn !== undefined && { signed_on: input.signedOn }),
        ...(input.replacesId !== undefined && { replaces_id: input.replacesId }),
        version: row.version + 1,
        updated_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw errors.versionConflict(null);
    await audit({
      action: 'taskforce.decree_changed',
      entityType: 'taskforce_decree',
      entityId: id,
      details: { fields: Object.keys(input).filter((k) => k !== 'version') },
    });
  });
  return findDecree(deps, actor, taskForceId, id);
}
