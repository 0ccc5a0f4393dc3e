import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * The annual work programme (program kerja tahunan): for a year, the RAD activities chosen with
 * their months, responsible agency and budget; and the year-end evaluation the secretariat edits.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('work_programmes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('work_programmes_tf_year_uq', ['task_force_id', 'year'])
    .execute();
  await db.schema
    .createTable('work_programme_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('work_programmes.id'))
    .addColumn('activity_id', 'text', (c) => c.notNull().references('plan_activities.id'))
    // JSON: months of the year (1-12) the activity runs in
    .addColumn('months', 'text', (c) => c.notNull())
    .addColumn('responsible_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('budget', 'bigint', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('work_programme_items_programme_idx')
    .on('work_programme_items')
    .columns(['programme_id', 'position'])
    .execute();
  await db.schema
    .createTable('year_evaluations')
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('achievements', 'text', (c) => c.notNull())
    .addColumn('obstacles', 'text', (c) => c.notNull())
    .addColumn('interventions', 'text', (c) => c.notNull())
    .addColumn('recommendations', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('year_evaluations_pk', ['task_force_id', 'year'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('year_evaluations').execute();
  await db.schema.dropTable('work_programme_items').execute();
  await db.schema.dropTable('work_programmes').execute();
}
