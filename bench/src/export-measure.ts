// One measurement of the exports on an already generated database, in a fresh process so its
// resident memory is not inflated by the generation. Prints one JSON line per export.
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { permissionsFor } from '@sinergi/core';
import { loadConfig } from '../../server/src/config.js';
import { ctdcExport, ctdcValues } from '../../server/src/modules/exports/ctdc.service.js';
import { htcdsExport } from '../../server/src/modules/exports/htcds.service.js';
import { csvStream, xlsxStream } from '../../server/src/modules/exports/tabular.js';
import { openRuntime } from '../../server/src/runtime.js';

const rt = await openRuntime(loadConfig());
const coordinator = await rt.db
  .selectFrom('users')
  .innerJoin('agencies', 'agencies.id', 'users.agency_id')
  .select(['users.id', 'users.agency_id', 'agencies.task_force_id'])
  .where('users.username', '=', 'koordinator.dp3a')
  .executeTakeFirstOrThrow();
const actor = {
  userId: coordinator.id,
  username: 'koordinator.dp3a',
  agencyId: coordinator.agency_id,
  taskForceId: coordinator.task_force_id,
  roles: ['coordinator' as const],
  permissions: permissionsFor(['coordinator']),
  sessionId: 'bench',
};
const meta = { requestId: 'bench', ip: null, userAgent: null, lang: 'id' as const };
const period = { from: '2019-01-01', to: '2026-12-31' };
const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

/** Anonymous resident memory (Linux): the process's own allocations, without file pages that
 * SQLite maps into memory (mmap_size), which the kernel can drop at any time. */
function rssAnon(): number {
  try {
    const m = /RssAnon:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Drains a stream, counting bytes, while sampling the resident set size. */
async function measure(
  name: string,
  run: () => Promise<NodeJS.ReadableStream>,
  extra: () => Record<string, unknown>,
) {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  const anonBefore = rssAnon();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = before;
  let anonPeak = anonBefore;
  let heapPeak = heapBefore;
  const sample = () => {
    const u = process.memoryUsage();
    peak = Math.max(peak, u.rss);
    heapPeak = Math.max(heapPeak, u.heapUsed);
    anonPeak = Math.max(anonPeak, rssAnon());
  };
  const timer = setInterval(sample, 20);
  const started = performance.now();
  let bytes = 0;
  const stream = await run();
  await pipeline(
    stream,
    new Writable({
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  sample();
  console.log(
    JSON.stringify({
      name,
      seconds: Math.round(seconds * 100) / 100,
      bytesMb: mb(bytes),
      rssBeforeMb: mb(before),
      rssGrowthMb: mb(peak - before),
      anonRssGrowthMb: mb(anonPeak - anonBefore),
      heapGrowthMb: mb(heapPeak - heapBefore),
      ...extra(),
    }),
  );
}

const which = process.argv[2] ?? 'ctdc';
let ctdc: Awaited<ReturnType<typeof ctdcExport>> | null = null;
if (which === 'ctdc')
  await measure(
    'CTDC data set, CSV',
    async () => {
      ctdc = await ctdcExport(rt, actor, meta, { ...period, k: 11, format: 'csv' });
      const { columns, rows } = ctdc;
      return csvStream(
        columns,
        () => ctdcValues(columns, rows),
        (e) => console.error(e),
      );
    },
    () => ({
      victims: ctdc?.summary.inputRows,
      released: ctdc?.summary.releasedRows,
      suppressed: ctdc?.summary.suppressedRows,
      generalisations: ctdc?.summary.generalisations,
    }),
  );
let counts: Record<string, number> = {};
if (which === 'htcds')
  await measure(
    'HTCDS XLSX (cases, persons, perpetrators, events), streaming',
    async () => {
      const r = await htcdsExport(rt, actor, meta, { ...period, format: 'xlsx', table: 'cases' });
      counts = r.counts;
      return xlsxStream(
        r.tables.map((t) => ({ name: t.table, columns: t.columns, rows: t.rows })),
        (e) => console.error(e),
      );
    },
    () => counts,
  );
await rt.close();
