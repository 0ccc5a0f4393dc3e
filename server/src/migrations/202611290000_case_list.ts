import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/** The case columns a list filters and sorts on, copied onto each team row. */
const LIST_COLUMNS = [
  'case_number',
  'case_type',
  'stage',
  'risk',
  'lead_agency_id',
  'origin_district_code',
  'destination_country',
  'exploitation_types',
  'first_response_at',
  'first_response_due_at',
] as const;

/**
 * A case manager's list is read from the team rows alone: each row carries a copy of the case's
 * list columns, kept in step by database triggers (whatever code writes the case), and one
 * covering index (user, report time, case, list columns) answers every filter, sort and count
 * without opening the wide case rows. Only the page's 25 cases are then read.
 */
export async function up(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const column of LIST_COLUMNS) {
    await db.schema.alterTable('case_team').addColumn(column, 'text').execute();
  }
  const assignments = [...LIST_COLUMNS, 'reported_at'].map(
    (c) => `${c} = (select cases.${c} from cases where cases.id = case_team.case_id)`,
  );
  await sql.raw(`update case_team set ${assignments.join(', ')}`).execute(db);
  await db.schema.dropIndex('case_team_user_reported_idx').execute();
  await db.schema
    .createIndex('case_team_list_idx')
    .on('case_team')
    .columns(['user_id', 'reported_at', 'case_id', ...LIST_COLUMNS])
    .execute();

  // Searches by NIK or name look the hash up across whatever the caller may see.
  await db.schema.createIndex('persons_nik_hash_idx').on('persons').column('nik_hash').execute();
  await db.schema.createIndex('persons_name_hash_idx').on('persons').column('name_hash').execute();

  const copied = [...LIST_COLUMNS, 'reported_at'];
  if (postgres) {
    await sql
      .raw(`
        create function case_team_fill() returns trigger language plpgsql as $$
        begin
          select ${copied.map((c) => `c.${c}`).join(', ')}
            into ${copied.map((c) => `new.${c}`).join(', ')}
            from cases c where c.id = new.case_id;
          return new;
        end $$;
        create trigger case_team_fill before insert on case_team
          for each row execute function case_team_fill();
        create function cases_list_sync() returns trigger language plpgsql as $$
        begin
          update case_team set ${copied.map((c) => `${c} = new.${c}`).join(', ')}
            where case_id = new.id;
          return null;
        end $$;
        create trigger cases_list_sync after update of ${copied.join(', ')} on cases
          for each row execute function cases_list_sync();
      `)
      .execute(db);
    return;
  }
  await sql
    .raw(`
      create trigger case_team_fill after insert on case_team
      begin
        update case_team set (${copied.join(', ')}) =
          (select ${copied.join(', ')} from cases where cases.id = new.case_id)
          where case_id = new.case_id and user_id = new.user_id;
      end
    `)
    .execute(db);
  await sql
    .raw(`
      create trigger cases_list_sync after update of ${copied.join(', ')} on cases
      begin
        update case_team set ${copied.map((c) => `${c} = new.${c}`).join(', ')}
          where case_id = new.id;
      end
    `)
    .execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql
      .raw(`
        drop trigger cases_list_sync on cases; drop function cases_list_sync();
        drop trigger case_team_fill on case_team; drop function case_team_fill();
      `)
      .execute(db);
  } else {
    await sql.raw('drop trigger cases_list_sync').execute(db);
    await sql.raw('drop trigger case_team_fill').execute(db);
  }
  await db.schema.dropIndex('persons_name_hash_idx').execute();
  await db.schema.dropIndex('persons_nik_hash_idx').execute();
  await db.schema.dropIndex('case_team_list_idx').execute();
  await db.schema
    .createIndex('case_team_user_reported_idx')
    .on('case_team')
    .columns(['user_id', 'reported_at', 'case_id'])
    .execute();
  for (const column of LIST_COLUMNS) await db.schema.alterTable('case_team').dropColumn(column).execute();
}
