import { type Config, loadConfig } from './config.js';
import { systemClock } from './platform/clock.js';
import type { AppDeps } from './platform/context.js';
import { loadFieldCipher } from './platform/crypto.js';
import { connectDatabase } from './platform/db/connect.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { ReferenceData } from './platform/reference.js';

/** Opens the configured database and migrates it; what `serve` and every CLI command start from. */
export async function openRuntime(
  config: Config = loadConfig(),
  options: { migrate?: boolean } = {},
): Promise<AppDeps & { close(): Promise<void>; applied: string[] }> {
  const handle = connectDatabase({
    databaseUrl: config.DATABASE_URL,
    sqliteFile: config.sqliteFile,
    dataDir: config.dataDir,
  });
  let applied: string[] = [];
  let cipher: ReturnType<typeof loadFieldCipher>;
  try {
    cipher = loadFieldCipher({ dataKey: config.SINERGI_ENCRYPTION_KEY, dataDir: config.dataDir });
    if (options.migrate !== false) applied = await migrateToLatest(handle.db);
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
