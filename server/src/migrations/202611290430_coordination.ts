import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

// Copied, not imported: a migration must not change when the product's defaults do.
const SUB_TASK_FORCES = [
  'Pencegahan dan Partisipasi Anak',
  'Rehabilitasi Kesehatan',
  'Rehabilitasi Sosial, Pemulangan dan Reintegrasi Sosial',
  'Pengembangan Norma Hukum',
  'Penegakan Hukum',
  'Koordinasi dan Kerja Sama',
];

/** Task-force membership: decrees, sub-task forces, member agencies' positions, focal persons. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('taskforce_decrees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('replaces_id', 'text', (c) => c.references('taskforce_decrees.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('taskforce_decrees_tf_idx')
    .on('taskforce_decrees')
    .columns(['task_force_id', 'signed_on'])
    .execute();

  await db.schema
    .createTable('sub_task_forces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lead_agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sub_task_forces_tf_idx')
    .on('sub_task_forces')
    .columns(['task_force_id', 'position'])
    .execute();

  await db.schema
    .createTable('taskforce_members')
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('position', 'text', (c) => c.notNull())
    // JSON array of sub-task force ids
    .addColumn('sub_task_force_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('taskforce_members_pk', ['task_force_id', 'agency_id'])
    .execute();

  await db.schema
    .createTable('focal_persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('focal_persons_agency_idx')
    .on('focal_persons')
    .columns(['task_force_id', 'agency_id'])
    .execute();

  // Task forces that exist already start with the usual sub-task forces.
  const now = new Date().toISOString();
  const existing = await db.selectFrom('task_forces').select('id').execute();
  for (const tf of existing) {
    await db
      .insertInto('sub_task_forces')
      .values(
        SUB_TASK_FORCES.map((name, i) => ({
          id: randomUUID(),
          task_force_id: tf.id,
          name,
          lead_agency_id: null,
          position: i + 1,
          version: 1,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['focal_persons', 'taskforce_members', 'sub_task_forces', 'taskforce_decrees']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
