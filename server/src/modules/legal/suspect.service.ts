import { randomUUID } from 'node:crypto';
import type { SuspectCreate, SuspectPatch, SuspectView } from '@sinergi/core';
import type { Actor } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { caseEvent } from '../cases/case.service.js';
import { todayIn } from '../taskforces/taskforce.service.js';
import { loadLegalForWork } from './legal.policy.js';
import { presentSuspect } from './legal.presenter.js';
import type { Deps, Meta } from './legal-track.service.js';

function checkDates(
  today: string,
  input: { statusOn?: string; birthDate?: string | null; detention?: { from: string } | null },
) {
  const fields: Record<string, string> = {};
  if (input.statusOn && input.statusOn > today) fields.statusOn = 'date_in_future';
  if (input.birthDate && input.birthDate > today) fields.birthDate = 'date_in_future';
  if (input.detention && input.detention.from > today) fields['detention.from'] = 'date_in_future';
  if (Object.keys(fields).length) throw errors.validation(fields);
}

/** Records a suspect; the identity is encrypted at rest and searchable only through keyed hashes. */
export async function createSuspect(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  input: SuspectCreate,
): Promise<SuspectView> {
  const { row, access } = await loadLegalForWork(deps.db, actor, caseId);
  checkDates(await todayIn(deps, row.task_force_id), input);
  if (input.nationality && !deps.reference.country(input.nationality))
    throw errors.validation({ nationality: 'country_unknown' });
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const now = deps.clock.now().toISOString();
    const id = randomUUID();
    await trx
      .insertInto('legal_suspects')
      .values({
        id,
        case_id: caseId,
        task_force_id: row.task_force_id,
        kind: input.kind,
        full_name_enc: deps.cipher.encryptNullable(input.fullName ?? null),
        name_hash: input.fullName ? deps.cipher.blindIndex(input.fullName, 'name') : null,
        nik_enc: deps.cipher.encryptNullable(input.nik ?? null),
        nik_hash: input.nik ? deps.cipher.blindIndex(input.nik, 'nik') : null,
        birth_date_enc: deps.cipher.encryptNullable(input.birthDate ?? null),
        address_enc: deps.cipher.encryptNullable(input.address ?? null),
        sex: input.sex ?? null,
        nationality: input.nationality ?? null,
        company_name: input.kind === 'corporation' ? (input.companyName ?? null) : null,
        role_in_process: input.roleInProcess,
        relation_to_victims: input.relationToVictims ?? null,
        status: input.status,
        status_history: JSON.stringify([{ status: input.status, on: input.statusOn }]),
        detentions: JSON.stringify(
          input.detention ? [{ ...input.detention, until: input.detention.until ?? null }] : [],
        ),
        version: 1,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await caseEvent(trx, deps, actor, caseId, 'legal_suspect_added', {
      kind: input.kind,
      status: input.status,
    });
    await audit({
      action: 'legal.suspect_created',
      entityType: 'case',
      entityId: caseId,
      details: { suspectId: id },
    });
    const created = (await trx
      .selectFrom('legal_suspects')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst())!;
    return presentSuspect(deps, created, access.viewIdentity);
  });
}

/** Changes a suspect's legal status (appended to the history) or detention; carries the version read. */
export async function updateSuspect(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  suspectId: string,
  input: SuspectPatch,
): Promise<SuspectView> {
  const { row, access } = await loadLegalForWork(deps.db, actor, caseId);
  checkDates(await todayIn(deps, row.task_force_id), input);
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const s = await trx
      .selectFrom('legal_suspects')
      .selectAll()
      .where('id', '=', suspectId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!s) throw errors.notFound();
    if (s.version !== input.version) {
      await audit({
        action: 'legal.suspects_read',
        entityType: 'case',
        entityId: caseId,
        details: { suspectId: s.id },
      });
      throw errors.versionConflict(presentSuspect(deps, s, access.viewIdentity));
    }
    const history = JSON.parse(s.status_history) as { status: string; on: string }[];
    if (input.status && input.status !== s.status)
      history.push({ status: input.status, on: input.statusOn! });
    const detentions = JSON.parse(s.detentions) as { from: string; until: string | null; place: string }[];
    if (input.detention) {
      // The same start date edits that detention (e.g. its end); another date adds one.
      const same = detentions.findIndex((d) => d.from === input.detention!.from);
      const d = { ...input.detention, until: input.detention.until ?? null };
      if (same >= 0) detentions[same] = d;
      else detentions.push(d);
    }
    await trx
      .updateTable('legal_suspects')
      .set({
        status: input.status ?? s.status,
        status_history: JSON.stringify(history),
        detentions: JSON.stringify(detentions),
        ...(input.roleInProcess && { role_in_process: input.roleInProcess }),
        ...(input.relationToVictims !== undefined && { relation_to_victims: input.relationToVictims }),
        version: s.version + 1,
        updated_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', suspectId)
      .execute();
    if (input.status && input.status !== s.status)
      await caseEvent(trx, deps, actor, caseId, 'legal_suspect_status', { status: input.status });
    await audit({
      action: 'legal.suspect_updated',
      entityType: 'case',
      entityId: caseId,
      details: { suspectId, fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    const updated = (await trx
      .selectFrom('legal_suspects')
      .selectAll()
      .where('id', '=', suspectId)
      .executeTakeFirst())!;
    return presentSuspect(deps, updated, access.viewIdentity);
  });
}
