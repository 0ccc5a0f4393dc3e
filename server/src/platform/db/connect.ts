import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
} from 'kysely';
import pg from 'pg';
import { SESSION_TABLES, SESSION_WRITES_KEPT } from '../auth/session-cache.js';
import { secureDataFiles } from './file-modes.js';
import { preparedPool } from './prepared-pool.js';
import { attachReadWorkers, defaultReadWorkers, startReadWorkers } from './read-workers.js';
import type { Database } from './schema.js';
import { cachedStatements } from './statement-cache.js';
import { createWriteWatch, registerWriteWatch, watchDialect } from './write-watch.js';

/** Every connection reports writes to the tables of the session check, which it may then keep. */
const sessionWriteWatch = () => createWriteWatch(SESSION_TABLES, SESSION_WRITES_KEPT);

export type Db = Kysely<Database>;
export type DbKind = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string;
  sqliteFile?: string;
  dataDir?: string;
  /** SQLite's `synchronous`: FULL (default) syncs every commit, NORMAL may lose the last ones in a power cut. */
  sqliteSynchronous?: 'FULL' | 'NORMAL';
  /** SQLite reader threads for heavy reads (`readRows`); by default one per core beyond the first, at most two. */
  readWorkers?: number;
}

/** Opens the database the configuration names: PostgreSQL when a URL is given, otherwise SQLite. */
export function connectDatabase(opts: ConnectOptions): DbHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    const watch = sessionWriteWatch();
    const db = new Kysely<Database>({
      dialect: watchDialect(new PostgresDialect({ pool: preparedPool(pool) }), watch),
    });
    registerWriteWatch(db, watch);
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (!opts.sqliteFile) throw new Error('No database configured');
  if (opts.dataDir) secureDataFiles(opts.dataDir, opts.sqliteFile);
  const database = new SQLite(opts.sqliteFile);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // A system of record: an acknowledged write survives a power cut (WAL synced at each commit).
  database.pragma(`synchronous = ${opts.sqliteSynchronous ?? 'FULL'}`);
  // Case rows are wide: a 64 MiB page cache and memory-mapped reads keep lists off the disk.
  database.pragma('cache_size = -65536');
  database.pragma('mmap_size = 268435456');
  database.pragma('temp_store = MEMORY');
  const watch = sessionWriteWatch();
  const db = new Kysely<Database>({
    dialect: watchDialect(new ImmediateSqliteDialect({ database: cachedStatements(database) }), watch),
  });
  registerWriteWatch(db, watch);
  // An in-memory database exists only on this connection: a thread would open an empty one.
  const readerCount = database.memory ? 0 : (opts.readWorkers ?? defaultReadWorkers());
  const readers = startReadWorkers(opts.sqliteFile, readerCount);
  if (readers) attachReadWorkers(db, readers);
  return {
    db,
    kind: 'sqlite',
    close: async () => {
      await readers?.close();
      await db.destroy();
    },
  };
}

/**
 * A connection for reading a large export page by page. On SQLite it is a second, read-only
 * connection to the same file without memory-mapped reads and with a 16 MiB page cache, so
 * reading 100,000 cases does not fill the main connection's 256 MiB map and 64 MiB cache (both
 * count as the server's resident memory); pages come from the operating system's file cache
 * instead. On PostgreSQL the pool is already that. Close it when the export ends.
 */
export async function openBulkReader(db: Db, kind: DbKind): Promise<{ db: Db; close(): Promise<void> }> {
  if (kind !== 'sqlite') return { db, close: async () => {} };
  const { rows } = await sql<{
    file: string;
  }>`select file from pragma_database_list where name = 'main'`.execute(db);
  const file = rows[0]?.file;
  if (!file) return { db, close: async () => {} };
  const database = new SQLite(file, { readonly: true, fileMustExist: true });
  database.pragma('busy_timeout = 5000');
  database.pragma('cache_size = -16384');
  database.pragma('mmap_size = 0');
  const reader = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db: reader, close: () => reader.destroy() };
}

/**
 * Transactions that take SQLite's write lock at BEGIN. A transaction that reads first and writes
 * later fails at once with "database is locked" when another process (the CLI rotating keys or
 * running retention beside the server) committed in between; taking the lock first makes it wait
 * (busy_timeout) instead. In one process Kysely runs one transaction at a time anyway.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #settings: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(settings: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(settings);
    this.#settings = settings;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#settings);
  }
}

/** Whether the database answers a trivial query. */
export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** PostgreSQL returns counts and sums as strings; every count goes through here. */
export function toNumber(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}
