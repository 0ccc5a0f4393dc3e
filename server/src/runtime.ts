import { type Config, loadConfig } from './config.js';
import { sealLegacyStageNotes } from './modules/legal/stage-note.js';
import { systemClock } from './platform/clock.js';
import type { AppDeps } from './platform/context.js';
import type { FieldCipher } from './platform/crypto.js';
import { connectDatabase } from './platform/db/connect.js';
import { secureDataFiles } from './platform/db/file-modes.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { sealFreeTexts } from './platform/db/sealed-free-texts.js';
import { openCipher } from './platform/keys/key-state.js';
import { ReferenceData } from './platform/reference.js';

/** Opens the configured database and migrates it; what `serve` and every CLI command start from. */
export async function openRuntime(
  config: Config = loadConfig(),
  options: { migrate?: boolean } = {},
): Promise<AppDeps & { close(): Promise<void>; applied: string[] }> {
  // PostgreSQL deployments keep their keys and backups there too.
  secureDataFiles(config.dataDir);
  const handle = connectDatabase({
    databaseUrl: config.DATABASE_URL,
    sqliteFile: config.sqliteFile,
    dataDir: config.dataDir,
    readWorkers: config.SQLITE_READ_THREADS,
    sqliteSynchronous: config.SQLITE_SYNCHRONOUS,
  });
  let applied: string[] = [];
  let cipher: FieldCipher;
  try {
    if (options.migrate !== false) applied = await migrateToLatest(handle.db);
    ({ cipher } = await openCipher(handle.db, config, () => new Date()));
    if (options.migrate !== false) {
      await sealLegacyStageNotes(handle.db, cipher);
      await sealFreeTexts(handle.db, handle.kind, cipher);
    }
  } catch (err) {
    await handle.close();
    throw err;
  }
  return {
    db: handle.db,
    dbKind: handle.kind,
    config,
    clock: systemClock,
    reference: new ReferenceData(),
    cipher,
    close: handle.close,
    applied,
  };
}
