import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * Files that belong to the task force rather than to a case (decree scans, evidence of progress
 * reports, the letterhead logo); soft delete of prevention records; the letterhead and the
 * letter numbering of invitations.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('filename_enc', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addColumn('removed_reason_enc', 'text')
    .execute();
  await db.schema
    .createIndex('attachments_owner_idx')
    .on('attachments')
    .columns(['owner_type', 'owner_id'])
    .execute();

  for (const table of ['prevention_activities', 'watch_groups', 'recruitment_alerts']) {
    await db.schema.alterTable(table).addColumn('deleted_at', 'text').execute();
    await db.schema.alterTable(table).addColumn('deleted_reason', 'text').execute();
    await db.schema
      .alterTable(table)
      .addColumn('deleted_by', 'text', (c) => c.references('users.id'))
      .execute();
  }

  await db.schema
    .createTable('letterheads')
    .addColumn('task_force_id', 'text', (c) => c.primaryKey().references('task_forces.id'))
    .addColumn('government_name', 'text', (c) => c.notNull())
    .addColumn('agency_name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('number_pattern', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('letter_sequences')
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_sequences_pk', ['task_force_id', 'year'])
    .execute();
  await db.schema.alterTable('meetings').addColumn('invitation_number', 'text').execute();
  await db.schema.alterTable('meetings').addColumn('invitation_issued_at', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('meetings').dropColumn('invitation_issued_at').execute();
  await db.schema.alterTable('meetings').dropColumn('invitation_number').execute();
  await db.schema.dropTable('letter_sequences').ifExists().execute();
  await db.schema.dropTable('letterheads').ifExists().execute();
  for (const table of ['prevention_activities', 'watch_groups', 'recruitment_alerts']) {
    for (const col of ['deleted_by', 'deleted_reason', 'deleted_at'])
      await db.schema.alterTable(table).dropColumn(col).execute();
  }
  await db.schema.dropTable('attachments').ifExists().execute();
}
