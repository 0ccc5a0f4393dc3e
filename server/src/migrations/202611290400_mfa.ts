import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * Two-step verification (TOTP): the user's secret (encrypted), the secret being set up, the last
 * time step used (a code works once), hashed single-use recovery codes, and the session's state
 * between the password and the second step.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').addColumn('mfa_secret_enc', 'text').execute();
  await db.schema.alterTable('users').addColumn('mfa_pending_secret_enc', 'text').execute();
  await db.schema.alterTable('users').addColumn('mfa_enabled_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('mfa_last_step', 'integer').execute();
  await db.schema
    .createTable('mfa_recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('mfa_recovery_codes_user_idx')
    .on('mfa_recovery_codes')
    .column('user_id')
    .execute();
  // 'none': signed in; 'verify': a code is still due; 'enrol': the role requires setting it up first.
  await db.schema
    .alterTable('sessions')
    .addColumn('mfa_state', 'text', (c) => c.notNull().defaultTo('none'))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('mfa_state').execute();
  await db.schema.dropTable('mfa_recovery_codes').execute();
  for (const c of ['mfa_last_step', 'mfa_enabled_at', 'mfa_pending_secret_enc', 'mfa_secret_enc'])
    await db.schema.alterTable('users').dropColumn(c).execute();
}
