import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * Cases, the people in them, consent, screening, the timeline and documents. Columns ending in
 * `_enc` hold AES-256-GCM ciphertexts; `_hash` columns hold keyed hashes for exact search.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('task_forces')
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();

  await db.schema
    .createTable('case_number_sequences')
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_number_sequences_pk', ['task_force_id', 'year'])
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('case_number', 'text', (c) => c.notNull())
    .addColumn('case_type', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_before_close', 'text')
    .addColumn('closure_reason', 'text')
    .addColumn('risk', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('report_year', 'integer', (c) => c.notNull())
    .addColumn('incident_date', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('reporting_party', 'text', (c) => c.notNull())
    .addColumn('narrative_enc', 'text')
    .addColumn('place_enc', 'text')
    .addColumn('occurrence_region_code', 'text')
    .addColumn('lead_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('origin_district_code', 'text')
    .addColumn('destination_country', 'text')
    .addColumn('destination_region_code', 'text')
    .addColumn('departure', 'text')
    .addColumn('exploitation_types', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bp2mi_category', 'text')
    .addColumn('simfoni_id', 'text')
    .addColumn('profile', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('migrant', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('first_response_due_at', 'text', (c) => c.notNull())
    .addColumn('first_response_at', 'text')
    .addColumn('victim_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('child_victim_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('latest_screening', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cases_number_uq')
    .unique()
    .on('cases')
    .columns(['task_force_id', 'case_number'])
    .execute();
  await db.schema
    .createIndex('cases_tf_reported_idx')
    .on('cases')
    .columns(['task_force_id', 'reported_at', 'id'])
    .execute();
  await db.schema
    .createIndex('cases_lead_agency_idx')
    .on('cases')
    .columns(['lead_agency_id', 'reported_at'])
    .execute();
  await db.schema
    .createIndex('cases_stage_idx')
    .on('cases')
    .columns(['task_force_id', 'stage', 'reported_at', 'id'])
    .execute();
  await db.schema
    .createIndex('cases_type_idx')
    .on('cases')
    .columns(['task_force_id', 'case_type', 'reported_at', 'id'])
    .execute();
  await db.schema
    .createIndex('cases_risk_idx')
    .on('cases')
    .columns(['task_force_id', 'risk', 'reported_at', 'id'])
    .execute();
  await db.schema
    .createIndex('cases_origin_idx')
    .on('cases')
    .columns(['task_force_id', 'origin_district_code'])
    .execute();
  await db.schema
    .createIndex('cases_destination_idx')
    .on('cases')
    .columns(['task_force_id', 'destination_country'])
    .execute();
  await db.schema
    .createIndex('cases_due_idx')
    .on('cases')
    .columns(['task_force_id', 'first_response_at', 'first_response_due_at'])
    .execute();

  await db.schema
    .createTable('case_team')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    // The case's report time, copied so a case manager's list is read in order from one index.
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_team_pk', ['case_id', 'user_id'])
    .execute();
  await db.schema.createIndex('case_team_user_idx').on('case_team').columns(['user_id', 'case_id']).execute();
  await db.schema
    .createIndex('case_team_user_reported_idx')
    .on('case_team')
    .columns(['user_id', 'reported_at', 'case_id'])
    .execute();

  await db.schema
    .createTable('persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('task_force_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('full_name_enc', 'text', (c) => c.notNull())
    .addColumn('alias_enc', 'text')
    .addColumn('nik_enc', 'text')
    .addColumn('nik_hash', 'text')
    .addColumn('name_hash', 'text', (c) => c.notNull())
    .addColumn('name_birth_hash', 'text')
    .addColumn('birth_date_enc', 'text')
    .addColumn('estimated_age', 'integer')
    .addColumn('age_at_incident', 'integer')
    .addColumn('is_child', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text')
    .addColumn('province_code', 'text')
    .addColumn('regency_code', 'text')
    .addColumn('district_code', 'text')
    .addColumn('village_code_enc', 'text')
    .addColumn('street_enc', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('education', 'text')
    .addColumn('occupation', 'text')
    .addColumn('marital_status', 'text')
    .addColumn('disability', 'text')
    .addColumn('religion', 'text')
    .addColumn('guardian_person_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('persons_case_idx').on('persons').column('case_id').execute();
  await db.schema
    .createIndex('persons_nik_idx')
    .on('persons')
    .columns(['task_force_id', 'nik_hash'])
    .execute();
  await db.schema
    .createIndex('persons_name_idx')
    .on('persons')
    .columns(['task_force_id', 'name_hash'])
    .execute();
  await db.schema
    .createIndex('persons_name_birth_idx')
    .on('persons')
    .columns(['task_force_id', 'name_birth_hash'])
    .execute();

  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('sharing_agency_ids', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('given_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_on', 'text')
    .addColumn('withdrawn_by', 'text')
    .execute();
  await db.schema.createIndex('consents_person_idx').on('consents').column('person_id').execute();

  await db.schema
    .createTable('screening_checklists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('screenings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('persons.id'))
    .addColumn('checklist_id', 'text', (c) => c.notNull().references('screening_checklists.id'))
    .addColumn('checked', 'text', (c) => c.notNull())
    .addColumn('is_child', 'integer', (c) => c.notNull())
    .addColumn('computed_result', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('note_enc', 'text')
    .addColumn('screened_by', 'text', (c) => c.notNull())
    .addColumn('screened_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('screenings_case_idx')
    .on('screenings')
    .columns(['case_id', 'screened_at'])
    .execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_agency_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_events_case_idx').on('case_events').columns(['case_id', 'at']).execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('persons.id'))
    .addColumn('filename_enc', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_reason', 'text')
    .execute();
  await db.schema.createIndex('documents_case_idx').on('documents').column('case_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    'documents',
    'case_events',
    'screenings',
    'screening_checklists',
    'consents',
    'persons',
    'case_team',
    'cases',
    'case_number_sequences',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.alterTable('task_forces').dropColumn('settings').execute();
}
