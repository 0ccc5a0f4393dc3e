import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * On PostgreSQL, appending audit events to the hash chain becomes one statement: the function
 * takes the chain's lock (held to the end of the caller's transaction), reads the last hash, and
 * inserts the events in order, each hashed over the canonical text the server sends (everything
 * but the previous hash, which only the database knows under the lock) followed by the previous
 * hash. It replaces three round trips per event (lock, last hash, insert) and lets a group of read
 * records be committed in one. The hash is the same sha-256 the server computes when it verifies
 * the chain. SQLite runs in process and keeps doing it in the server.
 */
export async function up(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    create function audit_append(events jsonb) returns void language plpgsql as $$
    declare
      prev text;
      e jsonb;
      h text;
    begin
      perform pg_advisory_xact_lock(738210551);
      -- A statement after the lock: it sees every event committed by the lock's previous holder.
      select hash into prev from audit_events order by seq desc limit 1;
      prev := coalesce(prev, repeat('0', 64));
      for e in select value from jsonb_array_elements(events) with ordinality order by ordinality loop
        h := encode(sha256(convert_to((e->>'canonical_head') || '"' || prev || '"]', 'UTF8')), 'hex');
        insert into audit_events (id, occurred_at, actor_user_id, actor_agency_id, action, entity_type,
          entity_id, request_id, ip, outcome, details, prev_hash, hash)
        values (e->>'id', e->>'occurred_at', e->>'actor_user_id', e->>'actor_agency_id', e->>'action',
          e->>'entity_type', e->>'entity_id', e->>'request_id', e->>'ip', e->>'outcome', e->>'details',
          prev, h);
        prev := h;
      end loop;
    end; $$`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop function if exists audit_append(jsonb)`.execute(db);
}
