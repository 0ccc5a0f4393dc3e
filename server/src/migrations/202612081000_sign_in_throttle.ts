import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * Sign-in throttling instead of a hard lock: the time of an account's last failed sign-in (the
 * count is `failed_attempts`, now kept until the next successful sign-in), and what a new session
 * tells its user about the failures since their previous sign-in.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').addColumn('last_failed_login_at', 'text').execute();
  await db.schema
    .createTable('sign_in_notices')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('sign_in_notices').execute();
  await db.schema.alterTable('users').dropColumn('last_failed_login_at').execute();
}
