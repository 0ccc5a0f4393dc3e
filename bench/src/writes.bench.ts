// The cost of SQLite's durability setting on writes: the built server, demo data, clients that
// each open a case (an audited write) and wait for the answer before the next, first with
// synchronous=FULL (the default: every commit synced) and then NORMAL (the opt-in), alternating.
// Usage: npm run build && npm run bench:writes -w @sinergi/bench
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startProcess, stopProcess } from './processes.js';

const PASSWORD = 'Bangku-Taman-Hijau-48';
const durationMs = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const PORT = 3930;
const base = `http://127.0.0.1:${PORT}`;

interface Figures {
  setting: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  failed: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

async function measure(setting: 'FULL' | 'NORMAL'): Promise<Figures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-writes-'));
  const server = await startProcess(
    ['server/bin/sinergi.js', 'serve', '--demo'],
    {
      DATA_DIR: dataDir,
      PORT: String(PORT),
      SINERGI_DEMO_PASSWORD: PASSWORD,
      SQLITE_SYNCHRONOUS: setting,
      LOG_LEVEL: 'warn',
      API_RATE_LIMIT: '100000000',
      LOGIN_RATE_LIMIT: '1000',
    },
    `${base}/api/ready`,
  );
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'manajer.uptdppa', password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
    const latencies: number[] = [];
    let failed = 0;
    const started = performance.now();
    const deadline = started + durationMs;
    const client = async (n: number) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/v1/cases`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            caseType: 'tppo',
            reportedAt: '2026-11-27T02:00:00.000Z',
            channel: 'walk_in',
            reportingParty: 'victim',
            risk: 'medium',
            narrative: `Uji tulis klien ${n} nomor ${i}`,
          }),
        });
        await res.arrayBuffer();
        if (res.status === 201) latencies.push(performance.now() - t0);
        else failed++;
      }
    };
    await Promise.all(Array.from({ length: connections }, (_, n) => client(n)));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      setting,
      requests: latencies.length,
      perSecond: Math.round(latencies.length / seconds),
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      failed,
    };
  } finally {
    await stopProcess(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(
    `Case creation (POST /api/v1/cases), ${connections} clients, ${durationMs / 1000} s per run, SQLite`,
  );
  const rows: Figures[] = [];
  for (let r = 0; r < rounds; r++) {
    rows.push(await measure('FULL'));
    rows.push(await measure('NORMAL'));
  }
  console.log('| synchronous | cases created | per second | p50 ms | p95 ms | p99 ms | failed |');
  console.log('|---|---|---|---|---|---|---|');
  for (const f of rows)
    console.log(
      `| ${f.setting} | ${f.requests} | ${f.perSecond} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.failed} |`,
    );
  const mean = (s: string) => {
    const xs = rows.filter((f) => f.setting === s).map((f) => f.perSecond);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  console.log(`FULL / NORMAL throughput: ${Math.round((mean('FULL') / mean('NORMAL')) * 100)}%`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
