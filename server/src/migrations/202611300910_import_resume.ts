import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * An import writes a heartbeat with every batch, so a run whose server died can be told from one
 * still going and be resumed. Imported cases are found by case id (statistics leave them out of
 * the first-response timing), hence the index.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('import_jobs').addColumn('heartbeat_at', 'text').execute();
  await db.schema.createIndex('import_keys_case_idx').on('import_keys').column('case_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('import_keys_case_idx').execute();
  await db.schema.alterTable('import_jobs').dropColumn('heartbeat_at').execute();
}
