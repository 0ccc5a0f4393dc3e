import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * The monthly counts now also hold cases by how their first response went (for the dashboard's
 * share on time without reading every case): every task force is marked stale so its counts are
 * rebuilt, with the new rows, before the next read.
 */
export async function up(db: AnyDb): Promise<void> {
  await sql`delete from stats_dirty`.execute(db);
  await sql`insert into stats_dirty (task_force_id) select id from task_forces`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`delete from stats_monthly where dimension = 'response'`.execute(db);
}
