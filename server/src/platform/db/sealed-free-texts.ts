import { sql } from 'kysely';
import type { FieldCipher } from '../crypto.js';
import { getSetting, setSetting } from '../settings.js';
import type { Db, DbKind } from './connect.js';

/**
 * The columns migration 202612081100 renamed to `_enc`: free texts about a person or a meeting that
 * were kept in clear before. Rows written before it are encrypted by `sealFreeTexts` at start.
 */
export const SEALED_FREE_TEXTS: Record<string, readonly string[]> = {
  persons: ['occupation_enc', 'disability_enc'],
  consents: ['note_enc'],
  cases: ['simfoni_id_enc'],
  meetings: [
    'title_enc',
    'place_enc',
    'online_link_enc',
    'chair_enc',
    'minute_taker_enc',
    'invited_people_enc',
    'agenda_enc',
    'attendees_enc',
    'minutes_enc',
    'decisions_enc',
  ],
  meeting_actions: ['description_enc', 'status_note_enc'],
};

/** Recorded once every row is sealed, so later starts do not scan the tables again. */
export const SEALED_SETTING = 'free_texts_sealed';

/** A field ciphertext as FieldCipher.encrypt makes it (12-byte IV, 16-byte tag, base64url). */
const CIPHERTEXT = /^v1\.[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/;

export function isFieldCiphertext(value: string): boolean {
  return CIPHERTEXT.test(value);
}

const BATCH = 500;

/**
 * Encrypts, in place, every value of the sealed columns still in clear (rows written before the
 * migration), in short batches, then makes sure the clear text does not linger: on SQLite the
 * rewrite runs with secure_delete (freed space is zeroed) and the WAL is checkpointed and truncated;
 * on PostgreSQL the tables are rewritten by VACUUM FULL so old row versions leave the table files.
 * Runs at every start; after the first complete pass a setting makes it a single read. A row is
 * rewritten only if its value is unchanged since it was read, so a concurrent edit is never undone.
 * Answers how many values were encrypted.
 */
export async function sealFreeTexts(db: Db, kind: DbKind, cipher: FieldCipher): Promise<number> {
  if (await getSetting(db, SEALED_SETTING).catch(() => undefined)) return 0;
  let sealed = 0;
  const sqlite = kind === 'sqlite';
  if (sqlite) await sql`pragma secure_delete = on`.execute(db);
  try {
    for (const [table, columns] of Object.entries(SEALED_FREE_TEXTS)) {
      let after = '';
      let sealedHere = 0;
      for (;;) {
        const rows = (
          await sql<Record<string, string | null>>`select id, ${sql.join(
            columns.map((c) => sql.ref(c)),
          )} from ${sql.table(table)} where id > ${after} order by id limit ${BATCH}`.execute(db)
        ).rows;
        if (rows.length === 0) break;
        after = String(rows[rows.length - 1]!.id);
        const updates = rows.flatMap((row) => {
          const sets = columns.flatMap((c) => {
            const value = row[c];
            return typeof value === 'string' && !isFieldCiphertext(value)
              ? [{ column: c, from: value, to: cipher.encrypt(value) }]
              : [];
          });
          return sets.length ? [{ id: row.id, sets }] : [];
        });
        if (updates.length === 0) continue;
        await db.transaction().execute(async (trx) => {
          for (const u of updates) {
            await sql`update ${sql.table(table)} set ${sql.join(
              u.sets.map((s) => sql`${sql.ref(s.column)} = ${s.to}`),
            )} where id = ${u.id} and ${sql.join(
              u.sets.map((s) => sql`${sql.ref(s.column)} = ${s.from}`),
              sql` and `,
            )}`.execute(trx);
          }
        });
        sealedHere += updates.reduce((n, u) => n + u.sets.length, 0);
      }
      if (sealedHere > 0 && !sqlite) await sql`vacuum full ${sql.table(table)}`.execute(db);
      sealed += sealedHere;
    }
    if (sqlite && sealed > 0) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  } finally {
    if (sqlite) await sql`pragma secure_delete = off`.execute(db);
  }
  await setSetting(db, SEALED_SETTING, new Date().toISOString(), new Date());
  return sealed;
}
