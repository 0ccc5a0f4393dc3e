import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/** Repatriation legs, reintegration plans with follow-up visits, case flags and case conferences. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('repatriation_legs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('from_place', 'text', (c) => c.notNull())
    .addColumn('to_place', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('planned_date', 'text', (c) => c.notNull())
    .addColumn('actual_date', 'text')
    .addColumn('escort_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escort_enc', 'text')
    .addColumn('transport', 'text')
    .addColumn('cost', 'bigint')
    .addColumn('paid_by', 'text')
    .addColumn('handover_document_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('repatriation_legs_case_idx')
    .on('repatriation_legs')
    .columns(['case_id', 'planned_date'])
    .execute();

  await db.schema
    .createTable('reintegration_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('support_type', 'text', (c) => c.notNull())
    .addColumn('provider_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('amount', 'bigint')
    .addColumn('items_enc', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reintegration_plans_case_idx')
    .on('reintegration_plans')
    .column('case_id')
    .execute();

  await db.schema
    .createTable('follow_up_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('reintegration_plans.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('provider_agency_id', 'text', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('visited_on', 'text')
    .addColumn('situation', 'text')
    .addColumn('findings_enc', 'text')
    .addColumn('next_step_enc', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('follow_up_visits_due_idx')
    .on('follow_up_visits')
    .columns(['provider_agency_id', 'visited_on', 'due_date'])
    .execute();
  await db.schema.createIndex('follow_up_visits_plan_idx').on('follow_up_visits').column('plan_id').execute();

  await db.schema
    .createTable('case_flags')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('flag', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_flags_pk', ['case_id', 'flag'])
    .execute();

  await db.schema
    .createTable('case_conferences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('agency_ids', 'text', (c) => c.notNull())
    .addColumn('summary_enc', 'text', (c) => c.notNull())
    .addColumn('decisions_enc', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_conferences_case_idx').on('case_conferences').column('case_id').execute();

  await db.schema
    .createTable('conference_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conference_id', 'text', (c) =>
      c.notNull().references('case_conferences.id').onDelete('cascade'),
    )
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('description_enc', 'text', (c) => c.notNull())
    .addColumn('owner_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('conference_actions_owner_idx')
    .on('conference_actions')
    .columns(['owner_agency_id', 'done_at', 'due_date'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    'conference_actions',
    'case_conferences',
    'case_flags',
    'follow_up_visits',
    'reintegration_plans',
    'repatriation_legs',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
