import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * Free texts about a person or a meeting that were kept in clear (consent notes, disability,
 * occupation, the SIMFONI number, a meeting's record and its follow-up actions) are encrypted at
 * rest like narratives. Each column is renamed in place to its `_enc` name; the values already
 * there are still clear text until the server encrypts them at its next start, before it serves
 * (sealFreeTexts in platform/db/sealed-free-texts.ts): a migration does not hold the data key.
 * Frozen copy of the list: the sealing module keeps its own.
 */
const RENAMED: [table: string, from: string][] = [
  ['persons', 'occupation'],
  ['persons', 'disability'],
  ['consents', 'note'],
  ['cases', 'simfoni_id'],
  ['meetings', 'title'],
  ['meetings', 'place'],
  ['meetings', 'online_link'],
  ['meetings', 'chair'],
  ['meetings', 'minute_taker'],
  ['meetings', 'invited_people'],
  ['meetings', 'agenda'],
  ['meetings', 'attendees'],
  ['meetings', 'minutes'],
  ['meetings', 'decisions'],
  ['meeting_actions', 'description'],
  ['meeting_actions', 'status_note'],
];

export async function up(db: AnyDb): Promise<void> {
  for (const [table, from] of RENAMED)
    await db.schema.alterTable(table).renameColumn(from, `${from}_enc`).execute();
}

export async function down(db: AnyDb): Promise<void> {
  // The values stay encrypted: going down needs the server to decrypt them first, which it does not.
  for (const [table, from] of RENAMED)
    await db.schema.alterTable(table).renameColumn(`${from}_enc`, from).execute();
}
