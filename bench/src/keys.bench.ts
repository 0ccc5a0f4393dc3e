// Key rotation at scale: generates BENCH_CASES cases (default 20,000) with their people on SQLite
// (or PostgreSQL with BENCH_DATABASE_URL), then times `keys rotate` re-encrypting all of it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/src/config.js';
import { seedDemo } from '../../server/src/modules/demo/demo.seed.js';
import { keyringOptions } from '../../server/src/platform/keys/key-state.js';
import { rotateKeys } from '../../server/src/platform/keys/rotate.js';
import { openRuntime } from '../../server/src/runtime.js';
import { addCaseManagers, demoCaseHome, generateCases } from './generate-cases.js';

const CASES = Number(process.env.BENCH_CASES ?? 20_000);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-keys-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...(process.env.BENCH_DATABASE_URL && { DATABASE_URL: process.env.BENCH_DATABASE_URL }),
  });
  const rt = await openRuntime(config);
  try {
    if ((await seedDemo(rt, 'Bench-Lingko-Kopi-2026')).status !== 'seeded') throw new Error('could not seed');
    const { tf, agency } = await demoCaseHome(rt.db);
    const gen = await generateCases(rt.db, rt.cipher, rt.reference, {
      cases: CASES,
      taskForceId: tf.id,
      leadAgencyId: agency.id,
      teamUserIds: await addCaseManagers(rt.db, agency.id, 5),
    });
    console.log(`${gen.cases} cases and ${gen.persons} people generated (${rt.dbKind})`);
    const started = Date.now();
    const outcome = await rotateKeys(rt, { keyring: keyringOptions(config), batchSize: 200, waitSeconds: 0 });
    const seconds = (Date.now() - started) / 1000;
    if (outcome.status !== 'done') throw new Error(`rotation ended with ${outcome.status}`);
    const state = await rt.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'keys.rotation_finished')
      .executeTakeFirstOrThrow();
    const { records } = JSON.parse(state.details ?? '{}') as { records: number };
    console.log(
      `rotation: ${records} records re-encrypted in ${seconds.toFixed(1)} s (${Math.round(records / seconds)} records/s)`,
    );
  } finally {
    await rt.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
