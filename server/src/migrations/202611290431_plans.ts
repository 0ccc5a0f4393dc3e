import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/** The regional action plan (RAD): programmes, activities with their indicator, progress reports. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_year', 'integer', (c) => c.notNull())
    .addColumn('end_year', 'integer', (c) => c.notNull())
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('decree_id', 'text', (c) => c.references('taskforce_decrees.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plans_tf_idx').on('plans').columns(['task_force_id', 'start_year']).execute();

  await db.schema
    .createTable('plan_programmes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sub_task_force_id', 'text', (c) => c.references('sub_task_forces.id'))
    .addColumn('horizon', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('plan_programmes_plan_idx')
    .on('plan_programmes')
    .columns(['plan_id', 'position'])
    .execute();

  await db.schema
    .createTable('plan_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('plan_programmes.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('baseline', 'double precision', (c) => c.notNull())
    // JSON: [{ year, value }]
    .addColumn('targets', 'text', (c) => c.notNull())
    .addColumn('responsible_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    // JSON: [agency id]
    .addColumn('supporting_agency_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    // JSON: [{ year, amount, source }]
    .addColumn('budgets', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_activities_plan_idx')
    .on('plan_activities')
    .columns(['plan_id', 'position'])
    .execute();
  await db.schema
    .createIndex('plan_activities_agency_idx')
    .on('plan_activities')
    .columns(['responsible_agency_id', 'plan_id'])
    .execute();

  // Every revision is a row: a correction adds revision n+1 and keeps the earlier ones.
  await db.schema
    .createTable('progress_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('activity_id', 'text', (c) => c.notNull().references('plan_activities.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('realised', 'double precision', (c) => c.notNull())
    .addColumn('budget_spent', 'bigint', (c) => c.notNull())
    .addColumn('achievement', 'text', (c) => c.notNull())
    .addColumn('obstacles', 'text', (c) => c.notNull())
    .addColumn('intervention', 'text', (c) => c.notNull())
    .addColumn('intervention_agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('progress_reports_uq')
    .unique()
    .on('progress_reports')
    .columns(['activity_id', 'year', 'period', 'revision'])
    .execute();
  await db.schema
    .createIndex('progress_reports_plan_idx')
    .on('progress_reports')
    .columns(['plan_id', 'year', 'period'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['progress_reports', 'plan_activities', 'plan_programmes', 'plans']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
