import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** At most this many prepared statements per connection before the connection is renewed. */
export const MAX_PREPARED_PER_CONNECTION = 300;

interface Tracked {
  client: pg.PoolClient;
  wrapper: PostgresPoolClient;
  names: Set<string>;
  /** Set when the server dropped a plan under us (a migration changed a table): renew on release. */
  stale: boolean;
}

const names = new Map<string, string>();
/** The statement name for a SQL text: stable across connections and processes. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `s_${createHash('sha1').update(text).digest('hex')}`;
    // The texts come from the code, not from users, but keep the memo bounded all the same.
    if (names.size > 5000) names.clear();
    names.set(text, name);
  }
  return name;
}

function planChanged(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    (err as { code?: string }).code === '0A000' &&
    /cached plan must not change result type/.test(String((err as Error).message))
  );
}

/**
 * A pool whose connections run every parameterised statement as a named prepared statement.
 * PostgreSQL then parses each statement once per connection and, after a few runs, keeps a generic
 * plan, so the statements every request sends (the session check, the list's count and page) are
 * not planned again each time: planning was about as much of the database's CPU as executing them.
 *
 * Prepared statements live as long as their connection, so a connection that holds more than
 * MAX_PREPARED_PER_CONNECTION of them is closed on release and the pool opens a fresh one. A
 * statement whose plan the server dropped because a migration changed its table's columns is run
 * once more unprepared, and its connection is renewed.
 */
export function preparedPool(pool: pg.Pool): PostgresPool {
  const tracked = new WeakMap<pg.PoolClient, Tracked>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const known = tracked.get(client);
    if (known) return known.wrapper;
    const t: Tracked = {
      client,
      names: new Set(),
      stale: false,
      wrapper: {
        query: (async (text: string, values?: unknown[]) => {
          // No parameters (BEGIN, COMMIT, DDL) or a cursor: as it is.
          if (typeof text !== 'string' || !values || values.length === 0) return client.query(text, values);
          const name = nameOf(text);
          try {
            const result = await client.query({ name, text, values });
            t.names.add(name);
            return result;
          } catch (err) {
            if (!planChanged(err)) throw err;
            t.stale = true;
            return client.query(text, values);
          }
        }) as unknown as PostgresPoolClient['query'],
        release: () => {
          const renew = t.stale || t.names.size > MAX_PREPARED_PER_CONNECTION;
          if (renew) tracked.delete(client);
          // A truthy argument makes the pool close this connection instead of keeping it.
          client.release(renew || undefined);
        },
      },
    };
    tracked.set(client, t);
    return t.wrapper;
  };
  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}
