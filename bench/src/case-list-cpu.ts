// CPU time per case-list request in process: the built app answers through `inject` (no sockets,
// no load generator), so the figure is the app's own work per request (and SQLite's, which runs in
// process), steadier than throughput on a shared machine. Uses the data of the case-list benchmark
// kept in BENCH_KEEP_DIR (run `npm run bench:cases` with it first); BENCH_DATABASE_URL for
// PostgreSQL (its time in the database server is not counted here). BENCH_ROUNDS (default 100) of
// the 22-request mix, 16 at a time, after ten warm-up rounds.
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { openRuntime } from '../../server/src/runtime.js';
import { caseListKind, caseListQueries } from './case-queries.js';

const keepDir = process.env.BENCH_KEEP_DIR;
if (!keepDir)
  throw new Error('BENCH_KEEP_DIR must name the directory the case-list benchmark kept its data in');
const kind = process.env.BENCH_DATABASE_URL ? 'postgres' : 'sqlite';
const dataDir = path.join(keepDir, kind);
const marker = fs.readdirSync(dataDir).find((f) => f.startsWith('prepared-'));
if (!marker) throw new Error(`no generated data in ${dataDir}`);
const prep = JSON.parse(fs.readFileSync(path.join(dataDir, marker), 'utf8')) as {
  niks: string[];
  caseNumbers: string[];
};
const rounds = Number(process.env.BENCH_ROUNDS ?? 100);

const rt = await openRuntime(
  loadConfig({
    DATA_DIR: dataDir,
    SINERGI_ENCRYPTION_KEY: fs.readFileSync(path.join(keepDir, 'key'), 'utf8').trim(),
    LOG_LEVEL: 'warn',
    API_RATE_LIMIT: '100000000',
    ...(process.env.BENCH_DATABASE_URL && { DATABASE_URL: process.env.BENCH_DATABASE_URL }),
  }),
);
const app = await buildApp(rt, { logger: false });
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { username: process.env.BENCH_USER ?? 'manajer.uptdppa', password: 'Bench-Lingko-Kopi-2026' },
});
if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode}`);
const cookie = String(login.headers['set-cookie']).split(';')[0]!;
const queries = caseListQueries(prep.niks, prep.caseNumbers);

async function round(): Promise<void> {
  for (let i = 0; i < queries.length; i += 16) {
    const replies = await Promise.all(
      queries
        .slice(i, i + 16)
        .map((q) => app.inject({ method: 'GET', url: `/api/v1/cases?${q}`, headers: { cookie } })),
    );
    for (const r of replies) if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
  }
}

for (let i = 0; i < 10; i++) await round();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < rounds; i++) await round();
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const n = rounds * queries.length;
console.log(
  `${kind}: ${n} requests (${[...new Set(queries.map((q) => caseListKind(`http://x/?${q}`)))].length} kinds), ` +
    `CPU ${((cpu.user + cpu.system) / n / 1000).toFixed(3)} ms per request ` +
    `(user ${(cpu.user / n / 1000).toFixed(3)}, system ${(cpu.system / n / 1000).toFixed(3)}), ` +
    `wall ${(wall / n).toFixed(3)} ms per request`,
);
await app.close();
await rt.close();
