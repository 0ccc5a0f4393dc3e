import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../src/platform/db/connect.js';
import { MAX_PREPARED_PER_CONNECTION, preparedPool } from '../src/platform/db/prepared-pool.js';
import { attachReadWorkers, readRows, startReadWorkers } from '../src/platform/db/read-workers.js';
import type { Database } from '../src/platform/db/schema.js';
import { cachedStatements } from '../src/platform/db/statement-cache.js';
import { createTestDatabase } from './support.js';

describe('prepared statements on PostgreSQL', () => {
  let cleanup: () => Promise<void>;
  let url: string;
  let db: Kysely<Database>;
  const pid = async () =>
    Number((await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid);

  beforeAll(async () => {
    const made = await createTestDatabase('postgres');
    await made.handle.close();
    cleanup = made.cleanup;
    url = made.databaseUrl!;
    // One connection, so every statement meets the same server process.
    db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: preparedPool(new pg.Pool({ connectionString: url, max: 1 })) }),
    });
  });
  afterAll(async () => {
    await db.destroy();
    await cleanup();
  });

  it('prepares a statement with parameters once per connection and reuses it', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await sql<{ n: number }>`select ${i}::int + 1 as n`.execute(db);
      expect(r.rows[0]!.n).toBe(i + 1);
    }
    const prepared = await sql<{
      name: string;
      statement: string;
    }>`select name, statement from pg_prepared_statements`.execute(db);
    const mine = prepared.rows.filter((r) => r.statement.includes('::int + 1 as n'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.name).toMatch(/^s_[0-9a-f]{40}$/);
  });

  it('answers again when a migration changed the columns under a prepared statement', async () => {
    await sql`create table widened (a int)`.execute(db);
    await sql`insert into widened values (7)`.execute(db);
    const read = () => sql<Record<string, unknown>>`select * from widened where a = ${7}`.execute(db);
    expect((await read()).rows).toEqual([{ a: 7 }]);
    await sql`alter table widened add column b int default 8`.execute(db);
    expect((await read()).rows).toEqual([{ a: 7, b: 8 }]);
    expect((await read()).rows).toEqual([{ a: 7, b: 8 }]);
  });

  it('renews a connection that holds too many prepared statements', async () => {
    const first = await pid();
    for (let i = 0; i <= MAX_PREPARED_PER_CONNECTION; i++)
      await sql`select ${i}::int + ${sql.raw(String(i))} as n`.execute(db);
    const second = await pid();
    expect(second).not.toBe(first);
    // The fresh connection keeps its statements again.
    await sql`select ${1}::int + 100000 as n`.execute(db);
    expect(await pid()).toBe(second);
  });
});

describe('kept statements on SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-stmt-'));
  const raw = new SQLite(path.join(dir, 'x.sqlite'));
  const kept = cachedStatements(raw, 2);
  afterAll(() => {
    kept.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reuses a statement, and prepares afresh while the kept one is still being read', () => {
    raw.exec('create table t (a int); insert into t values (1), (2), (3);');
    const text = 'select a from t where a >= ? order by a';
    const s1 = kept.prepare(text);
    expect(kept.prepare(text)).toBe(s1);
    const reading = s1.iterate([1]) as IterableIterator<{ a: number }>;
    expect(reading.next().value).toEqual({ a: 1 });
    const s2 = kept.prepare(text);
    expect(s2).not.toBe(s1);
    expect(s2.all([2])).toEqual([{ a: 2 }, { a: 3 }]);
    expect([...reading]).toEqual([{ a: 2 }, { a: 3 }]);
    expect(kept.prepare(text)).toBe(s1);
  });

  it('keeps at most its size, dropping the least recently used', () => {
    const one = kept.prepare('select 1');
    const two = kept.prepare('select 2');
    expect(kept.prepare('select 1')).toBe(one);
    kept.prepare('select 3');
    // 'select 2' was the least recently used and is gone; 'select 1' stays.
    expect(kept.prepare('select 1')).toBe(one);
    expect(kept.prepare('select 2')).not.toBe(two);
  });
});

describe('reader threads on SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-readers-'));
  const handle = connectDatabase({ sqliteFile: path.join(dir, 'r.sqlite'), readWorkers: 1 });
  const db = handle.db;
  beforeAll(async () => {
    await sql`create table t (a integer primary key, b blob, c text)`.execute(db);
  });
  afterAll(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const rowsOf = (from = 0) =>
    db
      .selectFrom(sql`t`.as('t'))
      .select([sql<number>`a`.as('a'), sql<Buffer>`b`.as('b'), sql<string>`c`.as('c')])
      .where(sql`a`, '>=', from)
      .orderBy(sql`a`);

  it('reads what the main connection committed just before, blobs as Buffers', async () => {
    await sql`insert into t (a, b, c) values (1, ${Buffer.from([1, 2, 250])}, 'satu')`.execute(db);
    const first = await readRows(db, rowsOf());
    expect(first).toEqual([{ a: 1, b: Buffer.from([1, 2, 250]), c: 'satu' }]);
    expect(Buffer.isBuffer(first[0]!.b)).toBe(true);
    await sql`insert into t (a, b, c) values (2, null, ${'dua'})`.execute(db);
    expect(await readRows(db, rowsOf(2))).toEqual([{ a: 2, b: null, c: 'dua' }]);
  });

  it('runs on its own read-only connection: a statement that writes is refused there', async () => {
    const write = sql`insert into t (a, c) values (3, 'tiga') returning a`;
    await expect(readRows(db, { compile: () => write.compile(db) })).rejects.toThrow(/readonly|read-only/i);
    const left = await sql<{ n: number }>`select count(*) as n from t where a = 3`.execute(db);
    expect(left.rows[0]!.n).toBe(0);
  });

  it('passes an error in the SQL on as it is, without running it again elsewhere', async () => {
    await expect(
      readRows(db, { compile: () => sql`select * from missing_table`.compile(db) }),
    ).rejects.toMatchObject({
      code: 'SQLITE_ERROR',
      message: expect.stringMatching(/no such table/),
    });
  });

  it('answers on the main connection when the threads cannot run, and gives them up after three stops', async () => {
    const broken = connectDatabase({ sqliteFile: path.join(dir, 'b.sqlite'), readWorkers: 0 });
    try {
      await sql`create table t (a integer primary key, b blob, c text)`.execute(broken.db);
      await sql`insert into t (a, c) values (5, 'lima')`.execute(broken.db);
      // Threads pointed at a file that does not exist stop as they start.
      const threads = startReadWorkers(path.join(dir, 'missing', 'x.sqlite'), 1)!;
      attachReadWorkers(broken.db, threads);
      const q = broken.db.selectFrom(sql`t`.as('t')).select(sql<string>`c`.as('c'));
      for (let i = 0; i < 4; i++) expect(await readRows(broken.db, q)).toEqual([{ c: 'lima' }]);
      expect(threads.usable).toBe(false);
      await threads.close();
    } finally {
      await broken.close();
    }
  });
});

describe('reader threads on an in-memory SQLite database', () => {
  it('starts none: reads run on the one connection that holds the data, with no thread failing', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error & { code?: string }) => warnings.push(w.code ?? w.message);
    process.on('warning', onWarning);
    const handle = connectDatabase({ sqliteFile: ':memory:', readWorkers: 1 });
    try {
      await sql`create table m (a integer)`.execute(handle.db);
      await sql`insert into m (a) values (7)`.execute(handle.db);
      for (let i = 0; i < 4; i++) {
        const rows = await readRows(handle.db, {
          compile: () => sql<{ a: number }>`select a from m`.compile(handle.db),
        });
        expect(rows).toEqual([{ a: 7 }]);
      }
      await new Promise((r) => setImmediate(r));
      expect(warnings).not.toContain('SINERGI_READ_THREADS');
    } finally {
      process.off('warning', onWarning);
      await handle.close();
    }
  });
});
