import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * Integrated services: deadline settings per task force, needs per victim, services, referrals
 * (with the persons they name) and in-app notifications. `_enc` columns hold ciphertexts.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('deadline_settings')
    .addColumn('task_force_id', 'text', (c) => c.primaryKey().references('task_forces.id'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('service_needs')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('persons.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('stages', 'text', (c) => c.notNull())
    .addColumn('note_enc', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_needs_case_idx').on('service_needs').column('case_id').execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('from_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('to_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('from_task_force_id', 'text', (c) => c.notNull())
    .addColumn('to_task_force_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('details_enc', 'text')
    .addColumn('consent_override_enc', 'text')
    .addColumn('consent_override_by', 'text')
    .addColumn('sent_by', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('response_due_at', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('assigned_user_id', 'text')
    .addColumn('answer_reason_enc', 'text')
    .addColumn('outcome_enc', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('referrals_to_idx')
    .on('referrals')
    .columns(['to_agency_id', 'status', 'sent_at'])
    .execute();
  await db.schema
    .createIndex('referrals_from_idx')
    .on('referrals')
    .columns(['from_agency_id', 'status', 'sent_at'])
    .execute();
  await db.schema.createIndex('referrals_case_idx').on('referrals').column('case_id').execute();

  await db.schema
    .createTable('referral_persons')
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('consent_id', 'text')
    .addPrimaryKeyConstraint('referral_persons_pk', ['referral_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('provider_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('referral_id', 'text', (c) => c.references('referrals.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('declined_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('outcome_enc', 'text')
    .addColumn('reason_enc', 'text')
    .addColumn('cost', 'bigint')
    .addColumn('notes_enc', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('services_case_idx').on('services').column('case_id').execute();
  await db.schema
    .createIndex('services_provider_idx')
    .on('services')
    .columns(['provider_agency_id', 'status', 'due_at'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('case_number', 'text')
    .addColumn('referral_id', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('emailed_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'read_at', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_dedupe_uq')
    .unique()
    .on('notifications')
    .columns(['user_id', 'dedupe_key'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    'notifications',
    'services',
    'referral_persons',
    'referrals',
    'service_needs',
    'deadline_settings',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
