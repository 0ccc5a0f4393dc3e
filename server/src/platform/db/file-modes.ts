import fs from 'node:fs';

/** The data folder holds the database, its WAL, the keys, backups and documents: owner only. */
export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

/**
 * Makes the data folder 0700 and the SQLite files 0600, whatever existed before: a folder made
 * by hand or by an older version with 0755, a database file created 0644 under a loose umask.
 * The database file is created empty (0600) before SQLite opens it, so it never exists with
 * another mode; SQLite gives its WAL and shared-memory files the database file's mode.
 */
export function secureDataFiles(dataDir: string, sqliteFile?: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  tighten(dataDir, DATA_DIR_MODE);
  if (!sqliteFile) return;
  fs.closeSync(fs.openSync(sqliteFile, 'a', DATA_FILE_MODE));
  for (const file of [sqliteFile, `${sqliteFile}-wal`, `${sqliteFile}-shm`, `${sqliteFile}-journal`]) {
    if (fs.existsSync(file)) tighten(file, DATA_FILE_MODE);
  }
}

function tighten(target: string, mode: number): void {
  if ((fs.statSync(target).mode & 0o777) === mode) return;
  try {
    fs.chmodSync(target, mode);
  } catch (err) {
    throw new Error(
      `Cannot restrict ${target} to mode ${mode.toString(8)} (${err instanceof Error ? err.message : String(err)}); the server must own its data folder.`,
    );
  }
}
