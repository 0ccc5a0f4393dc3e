import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../../config.js';
import type { Db, DbKind } from '../db/connect.js';
import { backupFileName, createBackup, pruneBackups } from './backup.js';

const BACKUP_LOCK_KEY = 71_110_002;

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * One scheduled backup into BACKUP_DIR, then pruning to the newest BACKUP_KEEP. With several
 * instances on one PostgreSQL, an advisory lock lets one of them do it; the others skip.
 */
export async function runScheduledBackup(
  config: Config,
  db: Db,
  kind: DbKind,
  log: Log,
): Promise<string | null> {
  if (!config.BACKUP_DIR || !config.SINERGI_BACKUP_PASSPHRASE) return null;
  const run = async () => {
    fs.mkdirSync(config.BACKUP_DIR!, { recursive: true, mode: 0o700 });
    const out = path.join(config.BACKUP_DIR!, backupFileName(new Date()));
    const manifest = await createBackup(config, db, kind, {
      out,
      passphrase: config.SINERGI_BACKUP_PASSPHRASE!,
    });
    const removed = pruneBackups(config.BACKUP_DIR!, config.BACKUP_KEEP);
    log.info(
      { file: out, files: manifest.files.length, removed: removed.length },
      'scheduled backup written',
    );
    return out;
  };
  if (kind === 'sqlite') return run();
  return db.connection().execute(async (conn) => {
    const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${BACKUP_LOCK_KEY}) as ok`.execute(
      conn,
    );
    if (!got.rows[0]?.ok) return null;
    try {
      return await run();
    } finally {
      await sql`select pg_advisory_unlock(${BACKUP_LOCK_KEY})`.execute(conn);
    }
  });
}

/** Starts the schedule (first run a minute after start); answers a function that stops it. */
export function scheduleBackups(config: Config, db: Db, kind: DbKind, log: Log): () => void {
  if (!config.BACKUP_DIR) return () => {};
  const tick = () =>
    void runScheduledBackup(config, db, kind, log).catch((err: unknown) =>
      log.error({ err: err instanceof Error ? err.message : String(err) }, 'scheduled backup failed'),
    );
  const first = setTimeout(tick, 60_000);
  const every = setInterval(tick, config.BACKUP_INTERVAL_HOURS * 3_600_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
