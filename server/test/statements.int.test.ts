import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PREPARED_PER_CONNECTION, preparedPool } from '../src/platform/db/prepared-pool.js';
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
