import { type CpuPerRequest, cpuPerRequest, sampleCpu } from './cpu.js';
import { KeepAliveClient } from './http-client.js';

export interface LoadFigures {
  name: string;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Latency by kind of request, when the run was given a `kindOf`. */
  byKind?: { kind: string; requests: number; p50: number; p95: number; p99: number }[];
  /** CPU time per request of the server, PostgreSQL and the load generator (Linux), when given `serverPid`. */
  cpu?: CpuPerRequest;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)]! * 100) / 100;
}

/**
 * Closed-loop load: `connections` clients on keep-alive sockets, each sending its next request
 * when the previous answer is read, for `durationMs`. Latencies in milliseconds, measured exactly.
 * Each client is a bare HTTP/1.1 socket (`http-client.ts`), so the load generator takes as little
 * of the machine's CPU from the server as it can.
 */
export async function runLoad(
  name: string,
  url: string | (() => string),
  opts: {
    connections?: number;
    durationMs?: number;
    headers?: Record<string, string>;
    /** Names the kind of a request from its URL, for latency by kind. */
    kindOf?: (url: string) => string;
    /** The server's process, to report CPU time per request. */
    serverPid?: number;
  } = {},
): Promise<LoadFigures> {
  const connections = opts.connections ?? 16;
  const durationMs = opts.durationMs ?? 10_000;
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  let errors = 0;
  let non2xx = 0;
  const cpuBefore = sampleCpu(opts.serverPid);
  const started = performance.now();
  const deadline = started + durationMs;
  const next = typeof url === 'string' ? () => url : url;

  const one = async (client: KeepAliveClient) => {
    const t0 = performance.now();
    const target = next();
    const u = new URL(target);
    let status: number;
    try {
      status = await client.get(`${u.pathname}${u.search}`);
    } catch {
      errors++;
      return;
    }
    const ms = performance.now() - t0;
    latencies.push(ms);
    if (opts.kindOf) {
      const kind = opts.kindOf(target);
      const list = byKind.get(kind) ?? [];
      list.push(ms);
      byKind.set(kind, list);
    }
    if (status < 200 || status >= 300) non2xx++;
  };

  const first = new URL(next());
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new KeepAliveClient(first.hostname, Number(first.port || 80), opts.headers);
      try {
        while (performance.now() < deadline) await one(client);
      } finally {
        client.close();
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuPerRequest(cpuBefore, sampleCpu(opts.serverPid), latencies.length);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    name,
    requests: sorted.length,
    requestsPerSecond: Math.round(sorted.length / elapsed),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors,
    non2xx,
    ...(cpu && { cpu }),
    ...(opts.kindOf && {
      byKind: [...byKind].map(([kind, list]) => {
        const s = list.sort((a, b) => a - b);
        return {
          kind,
          requests: s.length,
          p50: percentile(s, 50),
          p95: percentile(s, 95),
          p99: percentile(s, 99),
        };
      }),
    }),
  };
}

export function printTable(title: string, rows: LoadFigures[]): void {
  console.log(`\n${title}\n`);
  console.log('| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.requests} | ${r.requestsPerSecond} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.non2xx} |`,
    );
  }
  const withCpu = rows.filter((r) => r.cpu);
  if (withCpu.length) {
    console.log('\n| run | CPU ms per request: server | PostgreSQL | load generator |');
    console.log('|---|---:|---:|---:|');
    for (const r of withCpu)
      console.log(`| ${r.name} | ${r.cpu!.server} | ${r.cpu!.postgres} | ${r.cpu!.loadGenerator} |`);
  }
  const kinds = rows.filter((r) => r.byKind);
  if (kinds.length === 0) return;
  console.log('\n| run | kind of request | requests | p50 ms | p95 ms | p99 ms |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const r of kinds)
    for (const k of r.byKind!)
      console.log(`| ${r.name} | ${k.kind} | ${k.requests} | ${k.p50} | ${k.p95} | ${k.p99} |`);
}
