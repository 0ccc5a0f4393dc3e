import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * The last free texts about people kept in clear. A case's profile and migrant-worker JSON keep
 * their codes in clear (statistics and exports read them in SQL) and get a `_texts_enc` column
 * each for their free texts (event descriptions; consulate reference, place and cause of death,
 * flight, onward transport, who paid). A recruitment alert's description and notes are renamed to
 * `_enc`. Existing values are still clear text until the server moves and encrypts them at its next
 * start (sealFreeTexts in platform/db/sealed-free-texts.ts): a migration does not hold the data key.
 */
const RENAMED: [table: string, from: string][] = [
  ['recruitment_alerts', 'description'],
  ['recruitment_alerts', 'place_note'],
  ['recruitment_alerts', 'status_note'],
];

const TEXT_COLUMNS: [json: string, texts: string][] = [
  ['profile', 'profile_texts_enc'],
  ['migrant', 'migrant_texts_enc'],
];

/**
 * Going down keeps the encrypted texts inside the JSON under this key (the older version ignores
 * unknown keys), and going up again moves them back out, so a round trip loses nothing.
 */
const KEPT = 'textsEnc';

export async function up(db: AnyDb): Promise<void> {
  for (const [, texts] of TEXT_COLUMNS)
    await db.schema.alterTable('cases').addColumn(texts, 'text').execute();
  for (const [table, from] of RENAMED)
    await db.schema.alterTable(table).renameColumn(from, `${from}_enc`).execute();
  for (const [json, texts] of TEXT_COLUMNS) {
    const rows = await db
      .selectFrom('cases')
      .select(['id', json])
      .where(json, 'like', `%"${KEPT}"%`)
      .execute();
    for (const row of rows) {
      const value = JSON.parse(row[json]) as Record<string, unknown>;
      const kept = value[KEPT];
      if (typeof kept !== 'string') continue;
      delete value[KEPT];
      await db
        .updateTable('cases')
        .set({ [json]: JSON.stringify(value), [texts]: kept })
        .where('id', '=', row.id)
        .execute();
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const [json, texts] of TEXT_COLUMNS) {
    const rows = await db
      .selectFrom('cases')
      .select(['id', json, texts])
      .where(texts, 'is not', null)
      .execute();
    for (const row of rows) {
      const value = JSON.parse(row[json]) as Record<string, unknown>;
      await db
        .updateTable('cases')
        .set({ [json]: JSON.stringify({ ...value, [KEPT]: row[texts] }) })
        .where('id', '=', row.id)
        .execute();
    }
  }
  for (const [, texts] of TEXT_COLUMNS) await db.schema.alterTable('cases').dropColumn(texts).execute();
  // The alert texts stay encrypted: going down needs the server to decrypt them first, which it does not.
  for (const [table, from] of RENAMED)
    await db.schema.alterTable(table).renameColumn(`${from}_enc`, from).execute();
}
