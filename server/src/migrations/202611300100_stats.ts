import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * Monthly counts per task force for the dashboards (one row per task force, local month, unit,
 * dimension and value), and the task forces whose counts are stale. Database triggers mark a task
 * force stale whenever one of its cases or people is written, whatever code writes it; the
 * statistics service recounts a stale task force from its records before it reads the counts.
 */
export async function up(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('stats_monthly')
    .addColumn('task_force_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_monthly_pk', ['task_force_id', 'unit', 'dimension', 'month', 'key'])
    .execute();
  // The national roll-up reads one dimension of every task force for a range of months.
  await db.schema
    .createIndex('stats_monthly_dimension_idx')
    .on('stats_monthly')
    .columns(['unit', 'dimension', 'month', 'key', 'task_force_id', 'n'])
    .execute();
  await db.schema
    .createTable('stats_dirty')
    .addColumn('task_force_id', 'text', (c) => c.primaryKey())
    .execute();
  await sql`insert into stats_dirty (task_force_id) select id from task_forces`.execute(db);

  if (postgres) {
    await sql
      .raw(`
        create function stats_mark_dirty() returns trigger language plpgsql as $$
        begin
          if tg_op <> 'INSERT' then
            insert into stats_dirty (task_force_id) values (old.task_force_id) on conflict do nothing;
          end if;
          if tg_op <> 'DELETE' then
            insert into stats_dirty (task_force_id) values (new.task_force_id) on conflict do nothing;
          end if;
          return null;
        end $$;
        create trigger cases_stats_dirty after insert or update or delete on cases
          for each row execute function stats_mark_dirty();
        create trigger persons_stats_dirty after insert or update or delete on persons
          for each row execute function stats_mark_dirty();
      `)
      .execute(db);
    return;
  }
  for (const table of ['cases', 'persons']) {
    await sql
      .raw(`create trigger ${table}_stats_dirty_insert after insert on ${table}
        begin insert or ignore into stats_dirty (task_force_id) values (new.task_force_id); end`)
      .execute(db);
    await sql
      .raw(`create trigger ${table}_stats_dirty_update after update on ${table}
        begin
          insert or ignore into stats_dirty (task_force_id) values (old.task_force_id);
          insert or ignore into stats_dirty (task_force_id) values (new.task_force_id);
        end`)
      .execute(db);
    await sql
      .raw(`create trigger ${table}_stats_dirty_delete after delete on ${table}
        begin insert or ignore into stats_dirty (task_force_id) values (old.task_force_id); end`)
      .execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql
      .raw(`
        drop trigger cases_stats_dirty on cases; drop trigger persons_stats_dirty on persons;
        drop function stats_mark_dirty();
      `)
      .execute(db);
  } else {
    for (const table of ['cases', 'persons'])
      for (const op of ['insert', 'update', 'delete'])
        await sql.raw(`drop trigger ${table}_stats_dirty_${op}`).execute(db);
  }
  await db.schema.dropTable('stats_dirty').execute();
  await db.schema.dropTable('stats_monthly').execute();
}
