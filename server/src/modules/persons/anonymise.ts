import type { AppDeps } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { clearLegalStageTexts } from '../legal/stage-note.js';

/** What replaces an erased name or narrative; the other identifying fields become empty. */
export const ERASED_MARKER = '[DIHAPUS]';

type Deps = Pick<AppDeps, 'cipher'>;

/**
 * Replaces one person's identifying fields and the free texts written about them, keeping the
 * anonymous fields (role, sex, age, child, nationality, district and above, education, occupation,
 * marital status, religion) so the statistics do not change. Disability is free text that can hold
 * health details and no statistic reads it, so it goes with the identity. Documents filed for the
 * person are hidden and their files are answered for the caller to remove after the commit. Runs
 * inside the caller's transaction. See docs/security.md for the field-by-field list.
 */
export async function anonymisePerson(
  trx: Db,
  deps: Deps,
  personId: string,
  nowIso: string,
  reasonEnc: string | null,
): Promise<{ storageKeys: string[] }> {
  const marker = deps.cipher.encrypt(ERASED_MARKER);
  const current = await trx
    .selectFrom('persons')
    .select('version')
    .where('id', '=', personId)
    .executeTakeFirst();
  await trx
    .updateTable('persons')
    .set({
      full_name_enc: marker,
      alias_enc: null,
      nik_enc: null,
      nik_hash: null,
      // A value no search hash can equal, so the erased person is never found by name again.
      name_hash: `erased:${personId}`,
      name_birth_hash: null,
      birth_date_enc: null,
      village_code_enc: null,
      street_enc: null,
      phone_enc: null,
      disability_enc: null,
      erased_at: nowIso,
      erasure_reason_enc: reasonEnc,
      version: (current?.version ?? 0) + 1,
      updated_at: nowIso,
    })
    .where('id', '=', personId)
    .execute();
  await trx.updateTable('consents').set({ note_enc: null }).where('person_id', '=', personId).execute();
  await trx.updateTable('screenings').set({ note_enc: null }).where('person_id', '=', personId).execute();
  await trx.updateTable('service_needs').set({ note_enc: null }).where('person_id', '=', personId).execute();
  await trx
    .updateTable('services')
    .set({ outcome_enc: null, reason_enc: null, notes_enc: null })
    .where('person_id', '=', personId)
    .execute();
  await trx
    .updateTable('repatriation_legs')
    .set({ escort_enc: null })
    .where('person_id', '=', personId)
    .execute();
  const plans = await trx
    .selectFrom('reintegration_plans')
    .select('id')
    .where('person_id', '=', personId)
    .execute();
  if (plans.length) {
    await trx
      .updateTable('reintegration_plans')
      .set({ items_enc: null })
      .where('person_id', '=', personId)
      .execute();
    await trx
      .updateTable('follow_up_visits')
      .set({ findings_enc: null, next_step_enc: null })
      .where(
        'plan_id',
        'in',
        plans.map((p) => p.id),
      )
      .execute();
  }
  const docs = await trx
    .selectFrom('documents')
    .select(['id', 'storage_key'])
    .where('person_id', '=', personId)
    .execute();
  if (docs.length) {
    await trx
      .updateTable('documents')
      .set({ filename_enc: marker, deleted_at: nowIso, deleted_reason: deps.cipher.encrypt(ERASED_MARKER) })
      .where('person_id', '=', personId)
      .execute();
  }
  return { storageKeys: docs.map((d) => d.storage_key) };
}

/**
 * The case's own free texts (story, place, the profile's event descriptions, the migrant-worker
 * texts, legal-stage notes and reasons), which name the people in it. The profile and migrant codes
 * stay for the statistics.
 */
export async function anonymiseCaseNarrative(trx: Db, deps: Deps, caseId: string, nowIso: string) {
  await trx
    .updateTable('cases')
    .set({ narrative_enc: deps.cipher.encrypt(ERASED_MARKER), place_enc: null, updated_at: nowIso })
    .where('id', '=', caseId)
    .where('narrative_enc', 'is not', null)
    .execute();
  await trx
    .updateTable('cases')
    .set({ place_enc: null, profile_texts_enc: null, migrant_texts_enc: null })
    .where('id', '=', caseId)
    .execute();
  await clearLegalStageTexts(trx, caseId);
}

/**
 * Replaces every identifying field of a case (its people, suspects, documents and free texts),
 * keeping the anonymous fields the statistics count. Used by the retention job on closed cases.
 * Answers the counts and the files to remove after the commit.
 */
export async function anonymiseCase(
  trx: Db,
  deps: Deps,
  caseId: string,
  nowIso: string,
): Promise<{ persons: number; documents: number; storageKeys: string[] }> {
  const marker = deps.cipher.encrypt(ERASED_MARKER);
  const persons = await trx
    .selectFrom('persons')
    .select('id')
    .where('case_id', '=', caseId)
    .where('erased_at', 'is', null)
    .execute();
  const storageKeys: string[] = [];
  for (const p of persons)
    storageKeys.push(...(await anonymisePerson(trx, deps, p.id, nowIso, null)).storageKeys);
  await anonymiseCaseNarrative(trx, deps, caseId, nowIso);
  await trx
    .updateTable('legal_suspects')
    .set({
      full_name_enc: marker,
      name_hash: null,
      nik_enc: null,
      nik_hash: null,
      birth_date_enc: null,
      address_enc: null,
      updated_at: nowIso,
    })
    .where('case_id', '=', caseId)
    .execute();
  const docs = await trx
    .selectFrom('documents')
    .select('storage_key')
    .where('case_id', '=', caseId)
    .execute();
  await trx
    .updateTable('documents')
    .set({ filename_enc: marker, deleted_reason: marker })
    .where('case_id', '=', caseId)
    .execute();
  await trx
    .updateTable('documents')
    .set({ deleted_at: nowIso })
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .execute();
  storageKeys.push(...docs.map((d) => d.storage_key));
  await trx
    .updateTable('referrals')
    .set({ details_enc: null, consent_override_enc: null, answer_reason_enc: null, outcome_enc: null })
    .where('case_id', '=', caseId)
    .execute();
  await trx
    .updateTable('case_conferences')
    .set({ summary_enc: marker, decisions_enc: null })
    .where('case_id', '=', caseId)
    .execute();
  await trx
    .updateTable('conference_actions')
    .set({ description_enc: marker })
    .where('case_id', '=', caseId)
    .execute();
  await trx
    .updateTable('case_access_grants')
    .set({ reason_enc: marker, review_note_enc: null })
    .where('case_id', '=', caseId)
    .execute();
  // Stage changes keep their encrypted reason inside the event's details.
  const events = await trx
    .selectFrom('case_events')
    .select(['id', 'details'])
    .where('case_id', '=', caseId)
    .where('details', 'like', '%"reason"%')
    .execute();
  for (const e of events) {
    const details = JSON.parse(e.details) as Record<string, unknown>;
    details.reason = marker;
    await trx
      .updateTable('case_events')
      .set({ details: JSON.stringify(details) })
      .where('id', '=', e.id)
      .execute();
  }
  await trx.updateTable('cases').set({ retention_applied_at: nowIso }).where('id', '=', caseId).execute();
  return {
    persons: persons.length,
    documents: new Set(storageKeys).size,
    storageKeys: [...new Set(storageKeys)],
  };
}
