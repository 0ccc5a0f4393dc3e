import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './connect.js';

/**
 * Read-only SQLite connections in worker threads, for the heavy reads of busy pages (the case
 * list). better-sqlite3 runs a statement on the thread that calls it, so on SQLite every list's SQL
 * took the server's one JavaScript thread, about a third of its time under load, while the second
 * core stood partly idle. A reader thread runs the statement on its own connection to the same file
 * (WAL: readers never block the writer and see every committed change) and hands the rows back;
 * decryption, access decisions and the audit stay on the main thread, and the key never leaves it.
 * PostgreSQL runs statements in its own processes and needs none of this.
 *
 * Threads start on the first read that uses them, so CLI commands never start any. A thread that
 * stops is replaced; its reads run again on the main thread, so none is lost. After three stops the
 * threads are given up and every read runs on the main thread, as without them.
 */
export interface ReadWorkers {
  all(query: CompiledQuery): Promise<Record<string, unknown>[]>;
  /** Whether reads still go to the threads (false once they were given up). */
  readonly usable: boolean;
  close(): Promise<void>;
}

/** Reader threads by default: one per core beyond the first (the main thread's), at most two. */
export function defaultReadWorkers(): number {
  return Math.max(0, Math.min(2, os.availableParallelism() - 1));
}

/** A reader thread stopped (or could not start); the read can run on the main thread instead. */
export class ReaderUnavailable extends Error {}

const MAX_FAILURES = 3;

// The thread's code. Its connection is read-only, with a 32 MiB page cache and no memory-mapped
// reads: SQLite drops a connection's cached pages whenever another connection commits, and with
// memory mapping the next read after a commit took 3-5 ms instead of about 1 ms (remapping).
// Prepared statements are kept (the 500 most recent), as on the main connection.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -32768');
db.pragma('mmap_size = 0');
db.pragma('temp_store = MEMORY');
const kept = new Map();
const asBuffer = (v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);
parentPort.on('message', (m) => {
  try {
    let stmt = kept.get(m.sql);
    if (!stmt || stmt.busy) {
      stmt = db.prepare(m.sql);
      kept.set(m.sql, stmt);
      if (kept.size > 500) kept.delete(kept.keys().next().value);
    }
    if (!stmt.reader) throw Object.assign(new Error('only statements that return rows run on a reader thread'), { code: 'SINERGI_NOT_A_READ' });
    parentPort.postMessage({ id: m.id, rows: stmt.all(m.parameters.map(asBuffer)) });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: { message: String(err && err.message), code: err && err.code } });
  }
});
`;

interface Pending {
  resolve(rows: Record<string, unknown>[]): void;
  reject(err: Error): void;
}

interface Reader {
  worker: Worker;
  pending: Map<number, Pending>;
}

type Reply = { id: number; rows?: Record<string, unknown>[]; error?: { message: string; code?: string } };

/** Reader threads on a SQLite file; `count` 0 means none (`null`: reads stay on the main thread). */
export function startReadWorkers(file: string, count: number): ReadWorkers | null {
  if (count <= 0) return null;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  let nextId = 1;
  let failures = 0;
  let closed = false;
  const readers: Reader[] = [];

  const start = (): Reader => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file } });
    const reader: Reader = { worker, pending: new Map() };
    worker.on('message', (m: Reply) => {
      const p = reader.pending.get(m.id);
      if (!p) return;
      reader.pending.delete(m.id);
      if (reader.pending.size === 0) worker.unref();
      if (m.error) p.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
      else p.resolve(m.rows!.map(withBuffers));
    });
    let gone = false;
    const stop = (why: string) => {
      if (gone) return;
      gone = true;
      const i = readers.indexOf(reader);
      if (i >= 0) readers.splice(i, 1);
      if (!closed && ++failures === MAX_FAILURES)
        process.emitWarning(
          `SQLite reader threads stopped ${MAX_FAILURES} times (last: ${why}); reads run on the server's thread until it restarts`,
          { code: 'SINERGI_READ_THREADS' },
        );
      for (const p of reader.pending.values()) p.reject(new ReaderUnavailable(why));
      reader.pending.clear();
    };
    worker.on('error', (err) => stop(err.message));
    worker.on('exit', (code) => stop(`reader thread stopped (exit code ${code})`));
    // An idle thread does not keep the process alive; one with reads under way does.
    worker.unref();
    return reader;
  };

  return {
    get usable() {
      return !closed && failures < MAX_FAILURES;
    },
    all(query) {
      if (!this.usable) return Promise.reject(new ReaderUnavailable('reader threads are not in use'));
      while (readers.length < count) readers.push(start());
      // The least busy thread takes the statement.
      let reader = readers[0]!;
      for (const r of readers) if (r.pending.size < reader.pending.size) reader = r;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        if (reader.pending.size === 0) reader.worker.ref();
        reader.pending.set(id, { resolve, reject });
        reader.worker.postMessage({ id, sql: query.sql, parameters: query.parameters });
      });
    },
    async close() {
      closed = true;
      const stopping = readers.splice(0).map((r) => r.worker.terminate());
      await Promise.all(stopping);
    },
  };
}

/** Blobs come back from a thread as plain byte arrays; the rest of the server expects Buffers. */
function withBuffers(row: Record<string, unknown>): Record<string, unknown> {
  for (const k in row) {
    const v = row[k];
    if (v instanceof Uint8Array && !Buffer.isBuffer(v))
      row[k] = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  }
  return row;
}

const workersOf = new WeakMap<Db, ReadWorkers>();

/** Ties reader threads to the database handle whose file they read. */
export function attachReadWorkers(db: Db, workers: ReadWorkers): void {
  workersOf.set(db, workers);
}

/**
 * Runs a statement that only reads on a reader thread when the database has them, otherwise (and
 * when the threads are unavailable) on the handle itself, as `execute()` would. A transaction is a
 * different handle and never has reader threads, so reads inside one see its own writes.
 */
export async function readRows<R>(db: Db, query: Compilable<R>): Promise<R[]> {
  const compiled = query.compile();
  const workers = workersOf.get(db);
  if (workers?.usable) {
    try {
      return (await workers.all(compiled)) as R[];
    } catch (err) {
      if (!(err instanceof ReaderUnavailable)) throw err;
    }
  }
  return (await db.executeQuery(compiled)).rows as R[];
}
