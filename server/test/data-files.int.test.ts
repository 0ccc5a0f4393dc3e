import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openRuntime } from '../src/runtime.js';
import { createTestDatabase, DB_KINDS } from './support.js';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

/** A data folder someone made 0755 and a database file left 0644 by a loose umask. */
function looseDataDir(withSqliteFile: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-files-'));
  fs.chmodSync(dir, 0o755);
  if (withSqliteFile) {
    fs.writeFileSync(path.join(dir, 'sinergi.sqlite'), '');
    fs.chmodSync(path.join(dir, 'sinergi.sqlite'), 0o644);
  }
  return dir;
}

describe.each(DB_KINDS)('data folder and database files on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('makes the data folder 0700 and the SQLite files 0600 whatever existed before', async () => {
    const dataDir = looseDataDir(kind === 'sqlite');
    const db = kind === 'postgres' ? await createTestDatabase(kind) : null;
    await db?.handle.close();
    cleanups.push(async () => {
      await db?.cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    const runtime = await openRuntime(
      loadConfig({
        DATA_DIR: dataDir,
        ...(db && 'databaseUrl' in db ? { DATABASE_URL: db.databaseUrl } : {}),
      }),
    );
    try {
      expect(mode(dataDir)).toBe(0o700);
      if (kind === 'sqlite') {
        const file = path.join(dataDir, 'sinergi.sqlite');
        await sql`insert into settings (key, value, updated_at) values ('uji.mode', '1', '2026-12-08T00:00:00Z')`.execute(
          runtime.db,
        );
        for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
        // Every commit synced (FULL = 2): an acknowledged write survives a power cut.
        const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(runtime.db);
        expect(rows[0]?.synchronous).toBe(2);
      }
    } finally {
      await runtime.close();
    }
  });
});

describe('SQLite durability setting', () => {
  const cleanups: (() => void)[] = [];
  afterAll(() => {
    for (const c of cleanups) c();
  });

  it('keeps NORMAL as an opt-in for those who accept the risk', async () => {
    const dataDir = looseDataDir(false);
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'NORMAL' }));
    try {
      const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(runtime.db);
      expect(rows[0]?.synchronous).toBe(1);
      expect(mode(path.join(dataDir, 'sinergi.sqlite'))).toBe(0o600);
    } finally {
      await runtime.close();
    }
  });
});
