import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackup, listBackups, pruneBackups, restoreBackup } from '../src/platform/backup/backup.js';
import { createTestEnv, type TestEnv } from './support.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const PASSPHRASE = 'Kunci-Cadangan-Ruteng-2026';

async function sinergi(env: Record<string, string>, args: string[]) {
  try {
    const r = await run(
      process.execPath,
      ['--conditions=sinergi-source', '--import', 'tsx', 'server/src/main.ts', ...args],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, LOG_LEVEL: 'silent' },
      },
    );
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

/** Every row of every table, in a stable order: what must come back identical. */
function dumpTables(file: string): Record<string, unknown[]> {
  const db = new SQLite(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map((t) => [t.name, db.prepare(`select * from "${t.name}" order by rowid`).all()]),
    );
  } finally {
    db.close();
  }
}

describe('backup and restore on sqlite (the command)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-backup-test-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('backs up a running deployment, survives its destruction, restores every table, document and the key', async () => {
    const dataDir = path.join(tmp, 'data');
    const base = { DATA_DIR: dataDir, SINERGI_BACKUP_PASSPHRASE: PASSPHRASE };
    const seeded = await sinergi({ ...base, SINERGI_DEMO_PASSWORD: 'Demo-Lingko-Sawah-2026' }, [
      'seed',
      '--demo',
    ]);
    expect(seeded.code, seeded.out).toBe(0);
    const doc = path.join(dataDir, 'documents', 'ab', 'abcdef.bin');
    fs.mkdirSync(path.dirname(doc), { recursive: true });
    fs.writeFileSync(doc, Buffer.from('dokumen terenkripsi'));
    const before = dumpTables(path.join(dataDir, 'sinergi.sqlite'));
    expect(before.cases!.length).toBe(60);
    const key = fs.readFileSync(path.join(dataDir, 'keys', 'data.key'));

    const out = path.join(tmp, 'cadangan.sinergi-backup');
    const backup = await sinergi(base, ['backup', '--out', out]);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/Backup written to .*: \d+ files, \d+ tables/);
    expect(backup.out).toMatch(/100%/);
    // Encrypted: no name, no key, no SQLite header in the file.
    const bytes = fs.readFileSync(out);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(key.subarray(0, 20))).toBe(false);
    expect(bytes.includes(Buffer.from('Manggarai'))).toBe(false);

    fs.rmSync(dataDir, { recursive: true, force: true });
    const wrong = await sinergi({ ...base, SINERGI_BACKUP_PASSPHRASE: 'bukan-kunci-yang-benar' }, [
      'restore',
      out,
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/wrong passphrase/);
    expect(fs.existsSync(dataDir)).toBe(false);

    const restored = await sinergi(base, ['restore', out]);
    expect(restored.code, restored.out).toBe(0);
    expect(dumpTables(path.join(dataDir, 'sinergi.sqlite'))).toEqual(before);
    expect(fs.readFileSync(doc, 'utf8')).toBe('dokumen terenkripsi');
    expect(fs.readFileSync(path.join(dataDir, 'keys', 'data.key')).equals(key)).toBe(true);
    // The restored deployment starts with its key and its audit trail is intact.
    const verify = await sinergi(base, ['audit', 'verify']);
    expect(verify.code, verify.out).toBe(0);
    expect(verify.out).toMatch(/Audit trail intact/);

    const again = await sinergi(base, ['restore', out]);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/not empty/);
  }, 180_000);

  it('refuses an altered backup, and a backup of a newer schema', async () => {
    const env = await createTestEnv('sqlite');
    try {
      const out = path.join(tmp, 'ubah.sinergi-backup');
      await createBackup(env.deps.config, env.deps.db, 'sqlite', { out, passphrase: PASSPHRASE });
      const bytes = fs.readFileSync(out);
      bytes[bytes.length - 40]! ^= 0xff;
      const altered = path.join(tmp, 'altered.sinergi-backup');
      fs.writeFileSync(altered, bytes);
      await expect(restoreBackup(altered, PASSPHRASE, path.join(tmp, 'r1'))).rejects.toThrow(/altered/);
      expect(fs.existsSync(path.join(tmp, 'r1'))).toBe(false);

      await env.deps.db
        .insertInto('kysely_migration' as never)
        .values({ name: '209912310000_future', timestamp: new Date().toISOString() } as never)
        .execute();
      const newer = path.join(tmp, 'newer.sinergi-backup');
      await createBackup(env.deps.config, env.deps.db, 'sqlite', { out: newer, passphrase: PASSPHRASE });
      await expect(restoreBackup(newer, PASSPHRASE, path.join(tmp, 'r2'))).rejects.toThrow(/newer version/);
    } finally {
      await env.close();
    }
  }, 120_000);

  it('keeps the newest N backups of a folder', () => {
    const dir = path.join(tmp, 'jadwal');
    fs.mkdirSync(dir);
    for (const d of ['01', '02', '03', '04'])
      fs.writeFileSync(path.join(dir, `sinergi-2026-11-${d}.sinergi-backup`), d);
    expect(pruneBackups(dir, 2).map((f) => path.basename(f))).toEqual([
      'sinergi-2026-11-01.sinergi-backup',
      'sinergi-2026-11-02.sinergi-backup',
    ]);
    expect(listBackups(dir).map((f) => path.basename(f))).toEqual([
      'sinergi-2026-11-03.sinergi-backup',
      'sinergi-2026-11-04.sinergi-backup',
    ]);
  });
});

describe('backup on postgres', () => {
  let env: TestEnv | undefined;
  afterAll(async () => env?.close());

  it('counts every table and carries the documents and the key (the database itself goes through pg_dump)', async () => {
    env = await createTestEnv('postgres', { SINERGI_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') });
    const doc = path.join(env.dataDir, 'documents', 'cd', 'cdef.bin');
    fs.mkdirSync(path.dirname(doc), { recursive: true });
    fs.writeFileSync(doc, 'isi dokumen');
    const out = path.join(env.dataDir, '..', `pg-${Date.now()}.sinergi-backup`);
    const manifest = await createBackup(env.deps.config, env.deps.db, 'postgres', {
      out,
      passphrase: PASSPHRASE,
    });
    expect(manifest.database).toBe('postgres');
    expect(manifest.counts).toMatchObject({ users: 0, audit_events: expect.any(Number), cases: 0 });
    expect(manifest.files.map((f) => f.path).sort()).toEqual(['documents/cd/cdef.bin', 'keys/data.key']);
    const target = path.join(env.dataDir, '..', `pg-restore-${Date.now()}`);
    await restoreBackup(out, PASSPHRASE, target);
    expect(fs.readFileSync(path.join(target, 'documents', 'cd', 'cdef.bin'), 'utf8')).toBe('isi dokumen');
    expect(fs.readFileSync(path.join(target, 'keys', 'data.key'), 'utf8').trim()).toBe(
      Buffer.alloc(32, 7).toString('base64'),
    );
    fs.rmSync(target, { recursive: true, force: true });
    fs.rmSync(out, { force: true });
  });
});
