import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/** Prevention: outreach activities, village community-watch groups, recruitment alerts. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('prevention_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('village_code', 'text', (c) => c.notNull())
    .addColumn('target_group', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('adult_male', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('adult_female', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('child_male', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('child_female', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('activity_id', 'text', (c) => c.references('plan_activities.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('prevention_activities_tf_idx')
    .on('prevention_activities')
    .columns(['task_force_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('watch_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('village_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('formed_on', 'text', (c) => c.notNull())
    .addColumn('members_count', 'integer', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('watch_groups_tf_idx')
    .on('watch_groups')
    .columns(['task_force_id', 'village_code'])
    .execute();

  await db.schema
    .createTable('recruitment_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('village_code', 'text')
    .addColumn('place_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .addColumn('seen_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('reported'))
    .addColumn('status_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('case_number', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recruitment_alerts_tf_idx')
    .on('recruitment_alerts')
    .columns(['task_force_id', 'status', 'seen_on'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['recruitment_alerts', 'watch_groups', 'prevention_activities']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
