import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * The law-enforcement track: one track row per case (its current stage, for lists), the stages
 * recorded, police reports, suspects (identity encrypted like victims'), restitution per victim
 * with its payments, and LPSK protection. Money is whole rupiah in bigint columns.
 */
export async function up(db: AnyDb): Promise<void> {
  const common = (t: ReturnType<AnyDb['schema']['createTable']>) =>
    t
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'));

  await db.schema
    .createTable('legal_tracks')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
    .addColumn('task_force_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('stage_on', 'text')
    .addColumn('police_agency_id', 'text')
    .addColumn('prosecution_agency_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('legal_tracks_tf_stage_idx')
    .on('legal_tracks')
    .columns(['task_force_id', 'stage', 'stage_on'])
    .execute();

  await common(db.schema.createTable('legal_stages'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('reason_enc', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_agency_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('legal_stages_case_idx')
    .on('legal_stages')
    .columns(['case_id', 'seq'])
    .execute();

  await common(db.schema.createTable('legal_police_reports'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('report_date', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('victim_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('legal_reports_case_idx')
    .on('legal_police_reports')
    .column('case_id')
    .execute();

  await common(db.schema.createTable('legal_suspects'))
    .addColumn('task_force_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('full_name_enc', 'text')
    .addColumn('name_hash', 'text')
    .addColumn('nik_enc', 'text')
    .addColumn('nik_hash', 'text')
    .addColumn('birth_date_enc', 'text')
    .addColumn('address_enc', 'text')
    .addColumn('sex', 'text')
    .addColumn('nationality', 'text')
    .addColumn('company_name', 'text')
    .addColumn('role_in_process', 'text', (c) => c.notNull())
    .addColumn('relation_to_victims', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_history', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('detentions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legal_suspects_case_idx').on('legal_suspects').column('case_id').execute();
  await db.schema
    .createIndex('legal_suspects_nik_idx')
    .on('legal_suspects')
    .columns(['task_force_id', 'nik_hash'])
    .execute();

  await common(db.schema.createTable('legal_restitutions'))
    .addColumn('victim_person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('requested_on', 'text', (c) => c.notNull())
    .addColumn('components', 'text', (c) => c.notNull())
    .addColumn('requested_amount', 'bigint', (c) => c.notNull())
    .addColumn('lpsk_amount', 'bigint')
    .addColumn('lpsk_on', 'text')
    .addColumn('indictment_amount', 'bigint')
    .addColumn('granted_amount', 'bigint')
    .addColumn('served_on', 'text')
    .addColumn('replaced_by_detention', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('detention_months', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('legal_restitutions_case_idx')
    .on('legal_restitutions')
    .column('case_id')
    .execute();

  await db.schema
    .createTable('legal_restitution_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('restitution_id', 'text', (c) =>
      c.notNull().references('legal_restitutions.id').onDelete('cascade'),
    )
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('legal_payments_restitution_idx')
    .on('legal_restitution_payments')
    .column('restitution_id')
    .execute();

  await common(db.schema.createTable('legal_protections'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('applied_on', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('kinds', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('period_from', 'text')
    .addColumn('period_until', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('legal_protections_case_idx')
    .on('legal_protections')
    .column('case_id')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    'legal_protections',
    'legal_restitution_payments',
    'legal_restitutions',
    'legal_suspects',
    'legal_police_reports',
    'legal_stages',
    'legal_tracks',
  ])
    await db.schema.dropTable(t).execute();
}
