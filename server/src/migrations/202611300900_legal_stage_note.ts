import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * A legal stage's free note may name the victim or a witness, so it is encrypted at rest like the
 * other free texts. Notes written before this column existed sit in clear inside `details`; the
 * server moves them here at start (it needs the data key, which a migration does not have).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('legal_stages').addColumn('note_enc', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('legal_stages').dropColumn('note_enc').execute();
}
