import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * Security alerts raised from the audit trail, for administrators to acknowledge; erasure of a
 * person's identifying data (when and why, the reason encrypted); retention rules per task force
 * and the mark on a closed case whose identifying data the retention job replaced.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('retention_rules')
    .addColumn('task_force_id', 'text', (c) => c.primaryKey().references('task_forces.id'))
    .addColumn('closed_case_years', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('cases').addColumn('retention_applied_at', 'text').execute();
  await db.schema.alterTable('persons').addColumn('erased_at', 'text').execute();
  await db.schema.alterTable('persons').addColumn('erasure_reason_enc', 'text').execute();
  await db.schema
    .createTable('security_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('subject_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('subject_ip', 'text')
    .addColumn('audit_seq', 'bigint', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text', (c) => c.references('users.id'))
    .addColumn('acknowledge_note', 'text')
    .execute();
  await db.schema
    .createIndex('security_alerts_open_idx')
    .on('security_alerts')
    .columns(['acknowledged_at', 'detected_at'])
    .execute();
  await db.schema
    .createIndex('security_alerts_subject_idx')
    .on('security_alerts')
    .columns(['kind', 'subject_user_id', 'subject_ip', 'window_end'])
    .execute();
  // Identifying reads are counted per user and hour.
  await db.schema
    .createIndex('audit_events_actor_time_idx')
    .on('audit_events')
    .columns(['actor_user_id', 'occurred_at'])
    .execute();
  await db.schema.createIndex('audit_events_ip_idx').on('audit_events').columns(['ip', 'action']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('audit_events_ip_idx').execute();
  await db.schema.dropIndex('audit_events_actor_time_idx').execute();
  await db.schema.dropTable('security_alerts').execute();
  await db.schema.alterTable('persons').dropColumn('erasure_reason_enc').execute();
  await db.schema.alterTable('persons').dropColumn('erased_at').execute();
  await db.schema.alterTable('cases').dropColumn('retention_applied_at').execute();
  await db.schema.dropTable('retention_rules').execute();
}
