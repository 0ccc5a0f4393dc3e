import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/** Emergency ("break-glass") access to a case outside one's own, for a limited time, for review. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('case_access_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    // The reason may name the person in danger: encrypted like the case's story.
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note_enc', 'text')
    .execute();
  await db.schema
    .createIndex('case_access_grants_case_user_idx')
    .on('case_access_grants')
    .columns(['case_id', 'user_id', 'expires_at'])
    .execute();
  await db.schema
    .createIndex('case_access_grants_review_idx')
    .on('case_access_grants')
    .columns(['reviewed_at', 'granted_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('case_access_grants').execute();
}
