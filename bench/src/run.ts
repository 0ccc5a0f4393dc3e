// Benchmarks of the foundation through HTTP: the built server against a bare node:http baseline.
// Usage: npm run bench (builds first). Prints a table to paste into docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type LoadFigures, printTable, runLoad } from './load.js';
import { startProcess, stopProcess } from './processes.js';

const PASSWORD = 'Bench-Lingko-Kopi-2026';
const durationMs = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-'));
  const env = {
    DATA_DIR: dataDir,
    PORT: '3900',
    SINERGI_DEMO_PASSWORD: PASSWORD,
    LOG_LEVEL: 'warn',
    API_RATE_LIMIT: '100000000',
    LOGIN_RATE_LIMIT: '1000',
  };
  const server = await startProcess(
    ['server/bin/sinergi.js', 'serve', '--demo'],
    env,
    'http://127.0.0.1:3900/api/ready',
  );
  const rows: LoadFigures[] = [];
  try {
    const login = await fetch('http://127.0.0.1:3900/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'koordinator.dp3a', password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const headers = { cookie };
    const opts = { connections, durationMs, headers };
    rows.push(
      await runLoad('GET /api/health (no session)', 'http://127.0.0.1:3900/api/health', {
        connections,
        durationMs,
      }),
    );
    rows.push(await runLoad('GET /api/v1/auth/me', 'http://127.0.0.1:3900/api/v1/auth/me', opts));
    rows.push(
      await runLoad(
        'GET /api/v1/agencies?pageSize=25',
        'http://127.0.0.1:3900/api/v1/agencies?pageSize=25',
        opts,
      ),
    );
    rows.push(
      await runLoad(
        'GET /api/v1/regions?parent=53.10',
        'http://127.0.0.1:3900/api/v1/regions?parent=53.10',
        opts,
      ),
    );
  } finally {
    await stopProcess(server);
  }
  const baseline = await startProcess(
    ['--import', 'tsx', 'bench/src/baseline-agencies.ts'],
    { DATA_DIR: dataDir, PORT: '3901' },
    'http://127.0.0.1:3901/ready',
  );
  try {
    rows.push(
      await runLoad('baseline: node:http + SQL, agency list', 'http://127.0.0.1:3901/agencies', {
        connections,
        durationMs,
      }),
    );
  } finally {
    await stopProcess(baseline);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  printTable(
    `Sinergi foundation benchmark: SQLite, ${connections} connections, ${durationMs / 1000} s each, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
    rows,
  );
  const app = rows.find((r) => r.name.startsWith('GET /api/v1/agencies'))!;
  const base = rows.at(-1)!;
  console.log(
    `\nAgency list: ${Math.round((app.requestsPerSecond / base.requestsPerSecond) * 100)}% of the baseline's throughput; p95 ${app.p95} ms.`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
