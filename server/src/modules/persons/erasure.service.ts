import type { PersonView } from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { AppError, errors } from '../../platform/errors.js';
import { caseAbilities } from '../cases/case.policy.js';
import { caseEvent, loadCaseFor } from '../cases/case.service.js';
import { removeDocumentFile } from '../documents/document.service.js';
import { anonymiseCaseNarrative, anonymisePerson } from './anonymise.js';
import { presentPerson } from './person.service.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher' | 'config' | 'reference'>;

/**
 * Erases a person's identifying data on their request, at once: the same replacement the
 * retention job makes, plus the case's narrative (it names the people in it). The reason is kept
 * encrypted with the person; the audit trail records that it happened, never what was erased.
 */
export async function erasePerson(
  deps: Deps,
  actor: Actor,
  meta: Pick<RequestMeta, 'requestId' | 'ip'>,
  caseId: string,
  personId: string,
  input: { reason: string },
): Promise<PersonView> {
  const { row: c, access } = await loadCaseFor(deps, actor, caseId);
  const person = await deps.db
    .selectFrom('persons')
    .select(['id', 'erased_at'])
    .where('id', '=', personId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!person) throw errors.notFound();
  const onTeam = await deps.db
    .selectFrom('case_team')
    .select('user_id')
    .where('case_id', '=', caseId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!caseAbilities(actor, access, c.stage, onTeam !== undefined).erasePerson) throw errors.forbidden();
  if (person.erased_at) throw new AppError(409, 'conflict', { _: 'person_already_erased' });
  const nowIso = deps.clock.now().toISOString();
  const { storageKeys, erased } = await inTransaction(deps, actor, meta, async (trx, audit) => {
    const result = await anonymisePerson(trx, deps, personId, nowIso, deps.cipher.encrypt(input.reason));
    await anonymiseCaseNarrative(trx, deps, caseId, nowIso);
    await trx
      .updateTable('cases')
      .set({ version: c.version + 1, updated_at: nowIso })
      .where('id', '=', caseId)
      .execute();
    await caseEvent(trx, deps, actor, caseId, 'person_erased', { personId });
    await audit({
      action: 'person.erased',
      entityType: 'person',
      entityId: personId,
      details: { caseId, documents: result.storageKeys.length },
    });
    const row = await trx
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    return { storageKeys: result.storageKeys, erased: row };
  });
  // Files go once the database no longer points at them; a crash in between leaves an orphan file
  // that is encrypted and unnamed, never a record pointing at nothing.
  for (const key of storageKeys) await removeDocumentFile(deps, key);
  return presentPerson(deps, erased, true, []);
}
