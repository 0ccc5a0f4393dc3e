import { writeWatchOf } from '../db/write-watch.js';

/**
 * The tables the session check reads: a write to any of them (a session revoked or its second step
 * passed, a user disabled or given other roles, an agency disabled) makes every kept check stale.
 */
export const SESSION_TABLES = ['sessions', 'users', 'user_roles', 'agencies'] as const;

/**
 * Writes that cannot make a kept check wrong: a new session (nothing kept for it yet) and the
 * once-a-minute activity stamp, which `touchSession` copies into the kept row itself.
 */
export const SESSION_WRITES_KEPT = [
  /^insert into "sessions" /,
  /^update "sessions" set "last_seen_at" = (?:\$1|\?) where "id" = (?:\$2|\?)$/,
];

/** At most this many sessions kept; the oldest go first. */
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  rows: T[];
  at: number;
  generation: number;
}

const caches = new WeakMap<object, Map<string, Entry<unknown>>>();

function cacheOf<T>(db: object): Map<string, Entry<T>> {
  let c = caches.get(db);
  if (!c) {
    c = new Map();
    caches.set(db, c);
  }
  return c as Map<string, Entry<T>>;
}

/**
 * The rows of a session check, read at most once every `ttlMs` per session and process: a busy
 * screen asks the API several things at once, and each request used to cost the database one more
 * statement. A kept check is used only while no write to the session tables has been sent since it
 * was read (the database's write watch, `write-watch.ts`), so in this process a logout, a revoked
 * session or a disabled account takes effect at the next request. Another process (the command
 * line) changing them is seen within `ttlMs`. `ttlMs` 0 reads every time.
 */
export async function keptSessionRows<T>(
  db: object,
  key: string,
  ttlMs: number,
  nowMs: number,
  read: () => Promise<T[]>,
): Promise<T[]> {
  const watch = writeWatchOf(db);
  if (!watch || ttlMs <= 0) return read();
  const cache = cacheOf<T>(db);
  const hit = cache.get(key);
  const age = hit ? nowMs - hit.at : -1;
  // A clock that went back makes the age negative: read again rather than keep it longer.
  if (hit && watch.pending === 0 && hit.generation === watch.generation && age >= 0 && age < ttlMs) {
    return hit.rows;
  }
  const generation = watch.generation;
  const rows = await read();
  cache.delete(key);
  // Kept only if no watched write was sent or committed while it read, and only an existing session.
  if (rows.length > 0 && watch.pending === 0 && watch.generation === generation) {
    if (cache.size >= MAX_ENTRIES) {
      for (const [k, e] of cache) {
        if (cache.size < MAX_ENTRIES && nowMs - e.at < ttlMs) break;
        cache.delete(k);
      }
    }
    cache.set(key, { rows, at: nowMs, generation });
  }
  return rows;
}

/** Applies a change this process made to a kept session's rows (the activity stamp). */
export function updateKeptSession<T>(db: object, key: string, change: (row: T) => void): void {
  const hit = caches.get(db)?.get(key) as Entry<T> | undefined;
  if (hit) for (const row of hit.rows) change(row);
}
