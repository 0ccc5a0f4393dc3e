import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';

/**
 * Watches the statements this process sends for writes to some tables, so that what is kept in
 * memory from those tables (the session check, `session-cache.ts`) is never used once it may be
 * stale. `generation` changes when such a write is sent and again when it is committed or rolled
 * back; `pending` counts the transactions that made such a write and have not ended yet. A reader
 * may keep what it read only if the generation did not move while it read and nothing is pending.
 *
 * The test is on the statement's text, so it sees every way of writing (query builder or raw SQL);
 * a statement it takes for a write by mistake only costs a fresh read.
 */
export interface WriteWatch {
  generation: number;
  pending: number;
  /** Whether a statement writes to a watched table (and is not one of the exempt statements). */
  writes(sqlText: string): boolean;
}

export function createWriteWatch(tables: readonly string[], exempt: readonly RegExp[] = []): WriteWatch {
  const names = tables.map((t) => t.replace(/[^a-z0-9_]/gi, '')).join('|');
  const write = new RegExp(
    `\\b(?:update|insert\\s+into|delete\\s+from|truncate(?:\\s+table)?|replace\\s+into)\\s+(?:"?\\w+"?\\.)?"?(?:${names})"?(?![\\w"])`,
    'i',
  );
  // The texts come from the code, so few: each is tested once.
  const seen = new Map<string, boolean>();
  return {
    generation: 0,
    pending: 0,
    writes: (text) => {
      let w = seen.get(text);
      if (w === undefined) {
        w = write.test(text) && !exempt.some((e) => e.test(text.trim()));
        if (seen.size >= 2000) seen.clear();
        seen.set(text, w);
      }
      return w;
    },
  };
}

const watches = new WeakMap<object, WriteWatch>();

/** Ties a watch to the Kysely instance whose driver reports to it. */
export function registerWriteWatch(db: object, watch: WriteWatch): void {
  watches.set(db, watch);
}

/** The watch of a database opened by `connectDatabase`; none for others (nothing is then kept). */
export function writeWatchOf(db: object): WriteWatch | undefined {
  return watches.get(db);
}

interface Tracked {
  inner: DatabaseConnection;
  inTransaction: boolean;
  /** A watched write was sent in the open transaction. */
  dirty: boolean;
}

/** A dialect whose driver reports writes to the watched tables to `watch`. */
export function watchDialect(inner: Dialect, watch: WriteWatch): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new WatchedDriver(inner.createDriver(), watch),
    createIntrospector: (db) => inner.createIntrospector(db),
    createQueryCompiler: () => inner.createQueryCompiler(),
  };
}

class WatchedDriver implements Driver {
  readonly #inner: Driver;
  readonly #watch: WriteWatch;
  readonly #wrappers = new WeakMap<DatabaseConnection, DatabaseConnection>();
  readonly #tracked = new WeakMap<DatabaseConnection, Tracked>();

  constructor(inner: Driver, watch: WriteWatch) {
    this.#inner = inner;
    this.#watch = watch;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const conn = await this.#inner.acquireConnection();
    let wrapper = this.#wrappers.get(conn);
    if (!wrapper) {
      const t: Tracked = { inner: conn, inTransaction: false, dirty: false };
      const watch = this.#watch;
      wrapper = {
        async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
          if (!watch.writes(query.sql)) return conn.executeQuery<R>(query);
          watch.generation++;
          if (t.inTransaction) {
            // Seen by others only at commit: until then nothing is kept.
            if (!t.dirty) {
              t.dirty = true;
              watch.pending++;
            }
            return conn.executeQuery<R>(query);
          }
          // On its own the statement commits when it returns: bump again after it.
          try {
            return await conn.executeQuery<R>(query);
          } finally {
            watch.generation++;
          }
        },
        streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
          return conn.streamQuery<R>(query, chunkSize);
        },
      };
      this.#wrappers.set(conn, wrapper);
      this.#tracked.set(wrapper, t);
    }
    return wrapper;
  }

  #track(connection: DatabaseConnection): Tracked {
    const t = this.#tracked.get(connection);
    if (!t) throw new Error('connection not acquired through this driver');
    return t;
  }

  /** The transaction ended (committed or not): what it wrote is now what others read. */
  #ended(t: Tracked): void {
    t.inTransaction = false;
    if (!t.dirty) return;
    t.dirty = false;
    this.#watch.pending--;
    this.#watch.generation++;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const t = this.#track(connection);
    // The inner driver gets its own connection object: it may call private methods on it (the
    // PostgreSQL driver marks a connection whose rollback failed, so the pool drops it).
    await this.#inner.beginTransaction(t.inner, settings);
    t.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const t = this.#track(connection);
    try {
      await this.#inner.commitTransaction(t.inner);
    } finally {
      this.#ended(t);
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const t = this.#track(connection);
    try {
      await this.#inner.rollbackTransaction(t.inner);
    } finally {
      this.#ended(t);
    }
  }

  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    if (!this.#inner.savepoint) throw new Error('savepoints are not supported by this database');
    await this.#inner.savepoint(this.#track(connection).inner, name, compileQuery);
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    if (!this.#inner.rollbackToSavepoint) throw new Error('savepoints are not supported by this database');
    await this.#inner.rollbackToSavepoint(this.#track(connection).inner, name, compileQuery);
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    if (!this.#inner.releaseSavepoint) throw new Error('savepoints are not supported by this database');
    await this.#inner.releaseSavepoint(this.#track(connection).inner, name, compileQuery);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    const t = this.#track(connection);
    // A connection given back inside a transaction (it failed mid-way): count it as ended.
    if (t.inTransaction) this.#ended(t);
    return this.#inner.releaseConnection(t.inner);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}
