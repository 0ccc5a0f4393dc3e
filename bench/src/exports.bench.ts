// Exports at scale: the k-anonymous CTDC data set of 100,000+ victims (target < 10 s) and the
// HTCDS XLSX of 100,000 cases, streamed (target < 15 s, resident memory growing < 100 MB).
// Generates the cases once (BENCH_CASES, default 100,000) on SQLite, or PostgreSQL with
// BENCH_DATABASES=postgres and BENCH_DATABASE_URL, then measures in a fresh process.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { loadConfig } from '../../server/src/config.js';
import { seedDemo } from '../../server/src/modules/demo/demo.seed.js';
import { openRuntime } from '../../server/src/runtime.js';
import { addCaseManagers, demoCaseHome, generateCases } from './generate-cases.js';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const here = path.dirname(fileURLToPath(import.meta.url));

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-exports-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    SINERGI_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    ...(process.env.BENCH_DATABASE_URL && { DATABASE_URL: process.env.BENCH_DATABASE_URL }),
  };
  const rt = await openRuntime(loadConfig(env));
  if ((await seedDemo(rt, 'Bench-Lingko-Kopi-2026')).status !== 'seeded') throw new Error('could not seed');
  const { tf, agency } = await demoCaseHome(rt.db);
  const started = Date.now();
  const gen = await generateCases(rt.db, rt.cipher, rt.reference, {
    cases: CASES,
    taskForceId: tf.id,
    leadAgencyId: agency.id,
    teamUserIds: await addCaseManagers(rt.db, agency.id, 10),
    onProgress: (n) => {
      if (n % 20_000 === 0) console.log(`  ${n} cases written`);
    },
  });
  await sql.raw('analyze').execute(rt.db);
  console.log(
    `${gen.cases} cases and ${gen.persons} people generated in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  await rt.close();
  // Each export in its own fresh process, so one's memory does not hide the other's growth.
  const figures = ['ctdc', 'htcds'].flatMap((which) => {
    const res = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--conditions=sinergi-source',
        '--import',
        'tsx',
        path.join(here, 'export-measure.ts'),
        which,
      ],
      { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (res.status !== 0) throw new Error(`measurement of ${which} failed (${res.status})`);
    return res.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  });
  console.log(
    `\nExports, ${CASES} cases, ${os.cpus().length} cores, Node ${process.version}, ${env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}, ${new Date().toISOString().slice(0, 10)}`,
  );
  for (const f of figures) console.log(JSON.stringify(f));
  const [ctdc, htcds] = figures as { seconds: number; rssGrowthMb: number; anonRssGrowthMb: number }[];
  console.log(`CTDC: ${ctdc?.seconds} s (target < 10 s)`);
  console.log(
    `HTCDS XLSX: ${htcds?.seconds} s (target < 15 s), resident memory growth ${htcds?.rssGrowthMb} MB, of it anonymous (not SQLite's mapped file) ${htcds?.anonRssGrowthMb} MB (target < 100 MB)`,
  );
  if (process.env.BENCH_KEEP_DATA) console.log(`data kept in ${dataDir} (key ${env.SINERGI_ENCRYPTION_KEY})`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
