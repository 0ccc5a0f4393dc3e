import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * Settings that destroy data (a shorter retention period) do not take effect when saved: they wait
 * here, shown to the secretariat and cancellable, until the grace period ends or a second
 * administrator confirms them. Rows stay after they are resolved, as the history of such changes.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('pending_setting_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    // What is changed, e.g. `retention.closed_case_years`; values are JSON.
    .addColumn('setting', 'text', (c) => c.notNull())
    .addColumn('from_value', 'text', (c) => c.notNull())
    .addColumn('to_value', 'text', (c) => c.notNull())
    // pending | applied | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('effective_at', 'text', (c) => c.notNull())
    // grace_period | confirmed | cancelled
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .addColumn('resolved_at', 'text')
    .execute();
  // At most one pending change per setting of a task force: a second proposal waits for the first.
  await db.schema
    .createIndex('pending_setting_changes_one_pending')
    .unique()
    .on('pending_setting_changes')
    .columns(['task_force_id', 'setting'])
    .where(sql.ref('status'), '=', sql.lit('pending'))
    .execute();
  await db.schema
    .createIndex('pending_setting_changes_due_idx')
    .on('pending_setting_changes')
    .columns(['status', 'effective_at'])
    .execute();
  await db.schema
    .createIndex('pending_setting_changes_tf_idx')
    .on('pending_setting_changes')
    .columns(['task_force_id', 'proposed_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('pending_setting_changes_tf_idx').execute();
  await db.schema.dropIndex('pending_setting_changes_due_idx').execute();
  await db.schema.dropIndex('pending_setting_changes_one_pending').execute();
  await db.schema.dropTable('pending_setting_changes').execute();
}
