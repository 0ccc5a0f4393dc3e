import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * A document may belong to a service (a medical report, a shelter's intake form): the providing
 * agency attaches and reads it through the service, without seeing the rest of the case's files.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('documents')
    .addColumn('service_id', 'text', (c) => c.references('services.id'))
    .execute();
  await db.schema.createIndex('documents_service_idx').on('documents').column('service_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('documents_service_idx').execute();
  await db.schema.alterTable('documents').dropColumn('service_id').execute();
}
