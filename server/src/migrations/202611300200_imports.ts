import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * Import of legacy registers: saved column mappings, import jobs (the uploaded rows encrypted,
 * progress and the report of rejected rows), and the import keys already taken, so a row is never
 * imported twice into the same task force.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('import_mappings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('import_mappings_name_uq')
    .unique()
    .on('import_mappings')
    .columns(['task_force_id', 'name'])
    .execute();

  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    // uploaded -> validated -> running -> done | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('columns', 'text', (c) => c.notNull())
    .addColumn('rows_enc', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text')
    .addColumn('total_rows', 'integer', (c) => c.notNull())
    .addColumn('valid_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped_rows', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON list of rejected rows with their reasons; the row's values are not repeated there.
    .addColumn('report', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('validated_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('import_jobs_tf_idx')
    .on('import_jobs')
    .columns(['task_force_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('import_keys')
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    // keyed hash of the normalised key: register numbers can carry names
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('job_id', 'text', (c) => c.notNull().references('import_jobs.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_keys_pk', ['task_force_id', 'key_hash'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['import_keys', 'import_jobs', 'import_mappings'])
    await db.schema.dropTable(t).ifExists().execute();
}
