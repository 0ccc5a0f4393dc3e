import { randomUUID } from 'node:crypto';
import type { Conference, ConferenceCreate } from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { caseAccess } from '../cases/case.policy.js';
import { caseEvent } from '../cases/case.service.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

async function access(deps: Deps, actor: Actor, caseId: string) {
  const c = await deps.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  const a = c ? await caseAccess(deps.db, actor, c) : null;
  if (!c || !a) throw errors.notFound();
  return a;
}

/** The case conferences (pembahasan kasus) with their actions; text only for the case team. */
export async function conferencesOf(
  deps: Deps,
  actor: Actor,
  caseId: string,
): Promise<{ items: Conference[] }> {
  const full = (await access(deps, actor, caseId)) === 'full';
  const rows = await deps.db
    .selectFrom('case_conferences')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('held_on', 'desc')
    .execute();
  const actions = await deps.db
    .selectFrom('conference_actions')
    .innerJoin('agencies', 'agencies.id', 'conference_actions.owner_agency_id')
    .selectAll('conference_actions')
    .select('agencies.short_name')
    .where('conference_actions.case_id', '=', caseId)
    .orderBy('conference_actions.due_date')
    .execute();
  const agencies = await deps.db.selectFrom('agencies').select(['id', 'short_name']).execute();
  const today = deps.clock.now().toISOString().slice(0, 10);
  return {
    items: rows.map((r) => ({
      id: r.id,
      heldOn: r.held_on,
      agencies: r.agency_ids
        .split(',')
        .filter(Boolean)
        .map((id) => agencies.find((a) => a.id === id)?.short_name ?? id),
      summary: full ? deps.cipher.decrypt(r.summary_enc) : null,
      decisions: full ? deps.cipher.decryptNullable(r.decisions_enc) : null,
      actions: actions
        .filter((a) => a.conference_id === r.id)
        .map((a) => ({
          id: a.id,
          description:
            full || a.owner_agency_id === actor.agencyId ? deps.cipher.decrypt(a.description_enc) : null,
          ownerAgencyId: a.owner_agency_id,
          ownerAgency: a.short_name,
          dueDate: a.due_date,
          doneAt: a.done_at,
          overdue: !a.done_at && a.due_date < today,
          version: a.version,
        })),
    })),
  };
}

/** Records a multi-agency case conference and its actions (owner agency and due date); audited. */
export async function recordConference(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  input: ConferenceCreate,
) {
  const a = await access(deps, actor, caseId);
  const may = a === 'full' || actor.permissions.has('meeting.manage');
  if (!may || !actor.permissions.has('case.read')) throw errors.forbidden();
  const agencyIds = [...new Set([...input.agencyIds, ...input.actions.map((x) => x.ownerAgencyId)])];
  const found = await deps.db.selectFrom('agencies').select('id').where('id', 'in', agencyIds).execute();
  if (found.length !== agencyIds.length) throw errors.validation({ agencyIds: 'agency_unknown' });
  if (input.heldOn > deps.clock.now().toISOString().slice(0, 10))
    throw errors.validation({ heldOn: 'date_in_future' });
  const id = randomUUID();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .insertInto('case_conferences')
      .values({
        id,
        case_id: caseId,
        held_on: input.heldOn,
        agency_ids: [...new Set(input.agencyIds)].join(','),
        summary_enc: deps.cipher.encrypt(input.summary),
        decisions_enc: deps.cipher.encryptNullable(input.decisions ?? null),
        created_by: actor.userId,
        created_at: deps.clock.now().toISOString(),
      })
      .execute();
    for (const x of input.actions) {
      await trx
        .insertInto('conference_actions')
        .values({
          id: randomUUID(),
          conference_id: id,
          case_id: caseId,
          description_enc: deps.cipher.encrypt(x.description),
          owner_agency_id: x.ownerAgencyId,
          due_date: x.dueDate,
          done_at: null,
          version: 1,
        })
        .execute();
    }
    await caseEvent(trx, deps, actor, caseId, 'conference_recorded', {
      conferenceId: id,
      agencies: input.agencyIds.length,
      actions: input.actions.length,
    });
    await audit({
      action: 'conference.recorded',
      entityType: 'case',
      entityId: caseId,
      details: { conferenceId: id },
    });
  });
  return conferencesOf(deps, actor, caseId);
}

/** Marks an action done: its owner agency or the case team. */
export async function completeAction(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  actionId: string,
  version: number,
) {
  const x = await deps.db
    .selectFrom('conference_actions')
    .selectAll()
    .where('id', '=', actionId)
    .executeTakeFirst();
  if (!x) throw errors.notFound();
  const c = (await deps.db.selectFrom('cases').selectAll().where('id', '=', x.case_id).executeTakeFirst())!;
  const a = await caseAccess(deps.db, actor, c);
  const owner = x.owner_agency_id === actor.agencyId;
  if (!a && !owner) throw errors.notFound();
  if (a !== 'full' && !owner) throw errors.forbidden();
  if (x.done_at) throw errors.conflict();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    const res = await trx
      .updateTable('conference_actions')
      .set({ done_at: deps.clock.now().toISOString(), version: version + 1 })
      .where('id', '=', actionId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw errors.conflict();
    await caseEvent(trx, deps, actor, x.case_id, 'conference_action_done', { actionId });
    await audit({
      action: 'conference.action_done',
      entityType: 'case',
      entityId: x.case_id,
      details: { actionId },
    });
  });
  return { ok: true };
}
