import { sql } from 'kysely';
import type { FieldCipher } from '../crypto.js';
import { getSetting, setSetting } from '../settings.js';
import type { Db, DbKind } from './connect.js';
import { JSON_FREE_TEXTS, mergeFreeTexts, splitFreeTexts } from './json-free-texts.js';

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

/**
 * The columns migration 202612081300 renamed to `_enc`: what a recruitment alert says. The same
 * migration gave `cases.profile` and `cases.migrant` a `_texts_enc` column each
 * (JSON_FREE_TEXTS): their free texts written before it are moved there at start.
 */
export const SEALED_ALERT_TEXTS: Record<string, readonly string[]> = {
  recruitment_alerts: ['description_enc', 'place_note_enc', 'status_note_enc'],
};

/** Recorded once the alerts and the case JSON texts are sealed (a deployment may have done the first round already). */
export const CASE_TEXTS_SETTING = 'case_texts_sealed';

/** A field ciphertext as FieldCipher.encrypt makes it (12-byte IV, 16-byte tag, base64url). */
const CIPHERTEXT = /^v1\.[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/;

export function isFieldCiphertext(value: string): boolean {
  return CIPHERTEXT.test(value);
}

const BATCH = 500;

/** Encrypts the clear values of `columns` in place; answers how many, and adds each table changed to `touched`. */
async function sealColumns(
  db: Db,
  cipher: FieldCipher,
  tables: Record<string, readonly string[]>,
  touched: Set<string>,
): Promise<number> {
  let sealed = 0;
  for (const [table, columns] of Object.entries(tables)) {
    let after = '';
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
      sealed += updates.reduce((n, u) => n + u.sets.length, 0);
      touched.add(table);
    }
  }
  return sealed;
}

/**
 * Moves the free texts still inside a JSON column (rows written before migration 202612081300)
 * into its `_texts_enc` column, merged with any texts already there; the JSON keeps the codes.
 * Only rows whose JSON names one of the text keys are read. Answers how many columns were sealed.
 */
async function sealJsonTexts(db: Db, cipher: FieldCipher, touched: Set<string>): Promise<number> {
  let sealed = 0;
  for (const { table, column, textsColumn, paths } of JSON_FREE_TEXTS) {
    const keys = [...new Set(paths.map((p) => p[p.length - 1]!))];
    const mentions = sql.join(
      keys.map((k) => sql`${sql.ref(column)} like ${`%"${k}"%`}`),
      sql` or `,
    );
    let after = '';
    for (;;) {
      const rows = (
        await sql<{ id: string; json: string; texts: string | null }>`select id, ${sql.ref(column)} as json,
          ${sql.ref(textsColumn)} as texts from ${sql.table(table)}
          where id > ${after} and (${mentions}) order by id limit ${BATCH}`.execute(db)
      ).rows;
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      const updates = rows.flatMap((row) => {
        // Texts found in the JSON are laid over any already sealed (they are the later writing).
        const inline = JSON.parse(row.json) as unknown;
        const { texts: found } = splitFreeTexts(inline, paths);
        if (found === null) return [];
        const whole =
          row.texts === null ? inline : mergeFreeTexts(inline, JSON.parse(cipher.decrypt(row.texts)));
        const { clear, texts } = splitFreeTexts(whole, paths);
        return [
          {
            id: row.id,
            from: row.json,
            json: JSON.stringify(clear),
            texts: cipher.encrypt(JSON.stringify(texts)),
          },
        ];
      });
      if (updates.length === 0) continue;
      await db.transaction().execute(async (trx) => {
        for (const u of updates)
          await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${u.json}, ${sql.ref(textsColumn)} = ${u.texts}
            where id = ${u.id} and ${sql.ref(column)} = ${u.from}`.execute(trx);
      });
      sealed += updates.length;
      touched.add(table);
    }
  }
  return sealed;
}

/** One round of sealing: the columns a migration made `_enc`, done once and recorded in a setting. */
const ROUNDS: {
  setting: string;
  seal: (db: Db, cipher: FieldCipher, touched: Set<string>) => Promise<number>;
}[] = [
  {
    setting: SEALED_SETTING,
    seal: (db, cipher, touched) => sealColumns(db, cipher, SEALED_FREE_TEXTS, touched),
  },
  {
    setting: CASE_TEXTS_SETTING,
    seal: async (db, cipher, touched) =>
      (await sealColumns(db, cipher, SEALED_ALERT_TEXTS, touched)) +
      (await sealJsonTexts(db, cipher, touched)),
  },
];

/**
 * Encrypts, in place, every value of the sealed columns still in clear (rows written before the
 * migrations), and moves the free texts still inside the case JSON columns into their encrypted
 * columns, in short batches, then makes sure the clear text does not linger: on SQLite the
 * rewrite runs with secure_delete (freed space is zeroed) and the WAL is checkpointed and truncated;
 * on PostgreSQL the tables are rewritten by VACUUM FULL so old row versions leave the table files.
 * Runs at every start; after a round's first complete pass its setting makes it a single read. A
 * row is rewritten only if its value is unchanged since it was read, so a concurrent edit is never
 * undone. Answers how many values were encrypted.
 */
export async function sealFreeTexts(db: Db, kind: DbKind, cipher: FieldCipher): Promise<number> {
  const due: typeof ROUNDS = [];
  for (const round of ROUNDS)
    if (!(await getSetting(db, round.setting).catch(() => undefined))) due.push(round);
  if (due.length === 0) return 0;
  let sealed = 0;
  const touched = new Set<string>();
  const sqlite = kind === 'sqlite';
  if (sqlite) await sql`pragma secure_delete = on`.execute(db);
  try {
    for (const round of due) sealed += await round.seal(db, cipher, touched);
    if (!sqlite) for (const table of touched) await sql`vacuum full ${sql.table(table)}`.execute(db);
    if (sqlite && sealed > 0) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  } finally {
    if (sqlite) await sql`pragma secure_delete = off`.execute(db);
  }
  for (const round of due) await setSetting(db, round.setting, new Date().toISOString(), new Date());
  return sealed;
}
