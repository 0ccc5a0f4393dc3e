import type { FieldCipher } from '../../platform/crypto.js';
import type { Db } from '../../platform/db/connect.js';

/** Rows per pass: a large database is sealed in short transactions. */
const BATCH = 500;

/**
 * Moves legal-stage notes written before they were encrypted (clear text inside `details`) into
 * `note_enc`. Runs at every start and finds nothing once done; safe to run on several instances
 * at once because each row is rewritten from its own current value.
 */
export async function sealLegacyStageNotes(db: Db, cipher: FieldCipher): Promise<number> {
  let sealed = 0;
  for (;;) {
    const rows = await db
      .selectFrom('legal_stages')
      .select(['id', 'details', 'note_enc'])
      .where('details', 'like', '%"note"%')
      .limit(BATCH)
      .execute();
    const legacy = rows.filter((r) => typeof (JSON.parse(r.details) as { note?: unknown }).note === 'string');
    if (!legacy.length) return sealed;
    await db.transaction().execute(async (trx) => {
      for (const r of legacy) {
        const { note, ...rest } = JSON.parse(r.details) as { note: string } & Record<string, unknown>;
        await trx
          .updateTable('legal_stages')
          .set({ details: JSON.stringify(rest), note_enc: r.note_enc ?? cipher.encrypt(note) })
          .where('id', '=', r.id)
          .execute();
      }
    });
    sealed += legacy.length;
  }
}

/** Clears a case's legal-stage free texts (notes, stop reasons), which may name the people in it. */
export async function clearLegalStageTexts(trx: Db, caseId: string): Promise<void> {
  const rows = await trx
    .selectFrom('legal_stages')
    .select(['id', 'details'])
    .where('case_id', '=', caseId)
    .where('details', 'like', '%"note"%')
    .execute();
  for (const r of rows) {
    const { note: _note, ...rest } = JSON.parse(r.details) as Record<string, unknown>;
    await trx
      .updateTable('legal_stages')
      .set({ details: JSON.stringify(rest) })
      .where('id', '=', r.id)
      .execute();
  }
  await trx
    .updateTable('legal_stages')
    .set({ note_enc: null, reason_enc: null })
    .where('case_id', '=', caseId)
    .execute();
}
