import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Prepared statements kept per SQLite connection, least recently used dropped first. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The SQLite connection as Kysely sees it, with its prepared statements kept and reused: Kysely
 * prepares every statement it runs, and preparing (parsing and planning) cost about a tenth of the
 * server's CPU time on the case list. A statement still being iterated is busy and cannot run
 * again, so a busy one is prepared afresh for that call. SQLite re-prepares a kept statement by
 * itself when a migration changed the schema.
 */
export function cachedStatements(database: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(text: string) {
      const hit = cache.get(text);
      if (hit && !hit.busy) {
        // Most recently used last, so the oldest entry is the first in the map.
        cache.delete(text);
        cache.set(text, hit);
        return hit;
      }
      const stmt = database.prepare(text);
      if (!hit) {
        cache.set(text, stmt);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return stmt;
    },
    close() {
      cache.clear();
      database.close();
    },
  };
}
