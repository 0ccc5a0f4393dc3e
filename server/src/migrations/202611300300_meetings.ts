import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/** Coordination meetings (agenda, attendance, minutes, decisions) and their follow-up actions. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('online_link', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('chair', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('minute_taker', 'text', (c) => c.notNull().defaultTo(''))
    // JSON: [agency id]
    .addColumn('invited_agency_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('invited_people', 'text', (c) => c.notNull().defaultTo(''))
    // JSON: [{ title, activityId, caseNumber, notes }]; cases by number only, never a name
    .addColumn('agenda', 'text', (c) => c.notNull().defaultTo('[]'))
    // JSON: [{ name, position, agencyId, organisation }] (officials present)
    .addColumn('attendees', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
    // JSON: [text]
    .addColumn('decisions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meetings_tf_idx')
    .on('meetings')
    .columns(['task_force_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('meeting_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.references('plan_activities.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('status_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_actions_meeting_idx')
    .on('meeting_actions')
    .columns(['meeting_id', 'due_date'])
    .execute();
  await db.schema
    .createIndex('meeting_actions_owner_idx')
    .on('meeting_actions')
    .columns(['owner_agency_id', 'status', 'due_date'])
    .execute();
  await db.schema
    .createIndex('meeting_actions_tf_idx')
    .on('meeting_actions')
    .columns(['task_force_id', 'status', 'due_date'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['meeting_actions', 'meetings']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
