import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Config } from '../../config.js';
import type { Db, DbKind } from '../db/connect.js';
import { MIGRATION_NAMES } from '../db/migrate.js';
import { keyringOptions } from '../keys/key-state.js';
import { keyringJson, loadKeyring, searchKeyOf } from '../keys/keyring.js';
import { type ArchiveFile, BackupError, readArchive, sha256File, writeArchive } from './archive.js';

export const BACKUP_FORMAT = 1;
export const BACKUP_SUFFIX = '.sinergi-backup';

export interface BackupManifest {
  format: number;
  createdAt: string;
  database: DbKind;
  migrations: string[];
  /** Rows per table at the moment of the backup. */
  counts: Record<string, number>;
  files: { path: string; size: number; sha256: string }[];
}

function walk(dir: string, prefix: string): { path: string; source: string }[] {
  if (!fs.existsSync(dir)) return [];
  const out: { path: string; source: string }[] = [];
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, `${prefix}${entry.name}/`));
    else if (entry.isFile()) out.push({ path: `${prefix}${entry.name}`, source: full });
  }
  return out;
}

function sqliteCounts(file: string): { counts: Record<string, number>; migrations: string[] } {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all() as { name: string }[];
    const counts: Record<string, number> = {};
    for (const t of tables)
      counts[t.name] = (db.prepare(`select count(*) as n from "${t.name}"`).get() as { n: number }).n;
    const migrations = (
      db.prepare('select name from kysely_migration order by name').all() as { name: string }[]
    ).map((r) => r.name);
    return { counts, migrations };
  } finally {
    db.close();
  }
}

async function postgresCounts(db: Db): Promise<{ counts: Record<string, number>; migrations: string[] }> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const t of tables.rows) {
    const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(t.table_name)}`.execute(db);
    counts[t.table_name] = Number(r.rows[0]?.n ?? 0);
  }
  const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return { counts, migrations: migrations.rows.map((r) => r.name) };
}

/**
 * A consistent backup while the server runs: on SQLite the online backup API copies the database
 * page by page into a snapshot; the documents and the data key go with it. On PostgreSQL the
 * database is dumped with `pg_dump` (admin guide) and this file holds the documents and the key.
 * Everything is encrypted with the passphrase.
 */
export async function createBackup(
  config: Config,
  db: Db,
  kind: DbKind,
  opts: { out: string; passphrase: string; now?: Date; onProgress?: (done: number, total: number) => void },
): Promise<BackupManifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-backup-'));
  try {
    const entries: { path: string; source: string }[] = [];
    let counts: Record<string, number>;
    let migrations: string[];
    if (kind === 'sqlite') {
      const snapshot = path.join(work, 'sinergi.sqlite');
      const source = new SQLite(config.sqliteFile, { readonly: true, fileMustExist: true });
      try {
        await source.backup(snapshot);
      } finally {
        source.close();
      }
      ({ counts, migrations } = sqliteCounts(snapshot));
      entries.push({ path: 'sinergi.sqlite', source: snapshot });
    } else {
      ({ counts, migrations } = await postgresCounts(db));
    }
    entries.push(...walk(path.join(config.dataDir, 'documents'), 'documents/'));
    const keys = walk(path.join(config.dataDir, 'keys'), 'keys/');
    if (config.SINERGI_ENCRYPTION_KEY && !keys.some((k) => k.path === 'keys/data.key')) {
      // The key came from the environment: the backup carries it, so a restore can read the data.
      const keyFile = path.join(work, 'data.key');
      fs.writeFileSync(keyFile, `${config.SINERGI_ENCRYPTION_KEY}\n`, { mode: 0o600 });
      keys.push({ path: 'keys/data.key', source: keyFile });
    } else if (
      (config.SINERGI_ENCRYPTION_KEYS || config.SINERGI_KEY_COMMAND) &&
      !keys.some((k) => k.path === 'keys/keyring.json')
    ) {
      // Keys from the environment or a secrets manager: the backup carries every one of them (a
      // rotation may be half done), as the keyring file a restored deployment starts from.
      const ring = loadKeyring(keyringOptions(config));
      const ringFile = path.join(work, 'keyring.json');
      fs.writeFileSync(ringFile, keyringJson(ring.keys, ring.newest, searchKeyOf(ring)), { mode: 0o600 });
      keys.push({ path: 'keys/keyring.json', source: ringFile });
    }
    entries.push(...keys);
    const files: ArchiveFile[] = [];
    for (const e of entries) {
      files.push({ ...e, size: fs.statSync(e.source).size, sha256: await sha256File(e.source) });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: (opts.now ?? new Date()).toISOString(),
      database: kind,
      migrations,
      counts,
      files: files.map(({ path: p, size, sha256 }) => ({ path: p, size, sha256 })),
    };
    await writeArchive(opts.out, opts.passphrase, manifest, files, opts.onProgress);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Restores a backup into an empty (or missing) data folder. Refuses a wrong passphrase, an altered
 * file, a checksum or row-count mismatch, and a backup made by a newer version of Sinergi.
 */
export async function restoreBackup(
  file: string,
  passphrase: string,
  dataDir: string,
): Promise<BackupManifest> {
  const target = path.resolve(dataDir);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0)
    throw new BackupError(`${target} is not empty: restore into an empty data folder.`);
  const staging = `${target}.restoring-${randomBytes(4).toString('hex')}`;
  fs.mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    const manifest = (await readArchive(file, passphrase, staging)) as unknown as BackupManifest;
    if (manifest.format !== BACKUP_FORMAT)
      throw new BackupError(
        `Backup format ${manifest.format} is not supported (this version reads ${BACKUP_FORMAT}).`,
      );
    const unknown = manifest.migrations.filter((m) => !MIGRATION_NAMES.includes(m));
    if (unknown.length)
      throw new BackupError(
        `The backup was made by a newer version of Sinergi (schema ${unknown.join(', ')}); install that version first.`,
      );
    for (const f of manifest.files) {
      const restored = path.join(staging, f.path);
      if (!fs.existsSync(restored) || (await sha256File(restored)) !== f.sha256)
        throw new BackupError(`Checksum mismatch for ${f.path}: the backup is damaged.`);
    }
    if (manifest.database === 'sqlite') {
      const { counts } = sqliteCounts(path.join(staging, 'sinergi.sqlite'));
      for (const [table, n] of Object.entries(manifest.counts))
        if (counts[table] !== n)
          throw new BackupError(`Row count mismatch in ${table}: the backup is damaged.`);
    }
    if (fs.existsSync(target)) fs.rmdirSync(target);
    fs.renameSync(staging, target);
    return manifest;
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

/** Backups in `dir` from oldest to newest. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(BACKUP_SUFFIX))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Removes all but the newest `keep` backups of `dir`; answers the removed files. */
export function pruneBackups(dir: string, keep: number): string[] {
  const all = listBackups(dir);
  const removed = all.slice(0, Math.max(0, all.length - keep));
  for (const f of removed) fs.rmSync(f, { force: true });
  return removed;
}

export function backupFileName(now: Date): string {
  return `sinergi-${now.toISOString().replace(/[:.]/g, '-')}${BACKUP_SUFFIX}`;
}
