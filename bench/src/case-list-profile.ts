// Per-statement timings of the case list on a large database, in process (no HTTP): for each
// request of the benchmark mix, the time of the total and of the page on their own and of the one
// statement the app runs (the page joined with its total), for a case manager and the coordinator.
// SQLite by default; BENCH_DATABASE_URL (postgres://...) profiles PostgreSQL instead.
// BENCH_CASES (default 100,000); BENCH_DATA_DIR keeps the generated database between runs
// (generated when missing), so a change to a query can be measured in seconds.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CaseListQuery, caseListQuerySchema } from '@sinergi/core';
import { sql } from 'kysely';
import { loadConfig } from '../../server/src/config.js';
import { visibilityOf } from '../../server/src/modules/cases/case.policy.js';
import { caseRepository } from '../../server/src/modules/cases/case.repository.js';
import { caseSearchFor } from '../../server/src/modules/cases/case-list.service.js';
import { seedDemo } from '../../server/src/modules/demo/demo.seed.js';
import { openRuntime } from '../../server/src/runtime.js';
import { caseListQueries } from './case-queries.js';
import { addCaseManagers, demoCaseHome, generateCases } from './generate-cases.js';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = 7;

async function main() {
  const dataDir = process.env.BENCH_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-profile-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const keyFile = path.join(dataDir, 'profile.key');
  if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, randomBytes(32).toString('base64'));
  const env = {
    DATA_DIR: dataDir,
    SINERGI_ENCRYPTION_KEY: fs.readFileSync(keyFile, 'utf8'),
    LOG_LEVEL: 'warn',
    ...(process.env.BENCH_DATABASE_URL && { DATABASE_URL: process.env.BENCH_DATABASE_URL }),
  };
  const rt = await openRuntime(loadConfig(env));
  const seeded = await seedDemo(rt, 'Profile-Lingko-Kopi-2026');
  const { tf, agency } = await demoCaseHome(rt.db);
  const userRow = (username: string) =>
    rt.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const manager = await userRow('manajer.uptdppa');
  const coordinator = await userRow('koordinator.dp3a');
  if (seeded.status === 'seeded') {
    const started = Date.now();
    await generateCases(rt.db, rt.cipher, rt.reference, {
      cases: CASES,
      taskForceId: tf.id,
      leadAgencyId: agency.id,
      teamUserIds: [manager.id, ...(await addCaseManagers(rt.db, agency.id, 40))],
      onProgress: (n) => {
        if (n % 20_000 === 0) console.log(`  ${n} cases written`);
      },
    });
    await sql.raw('analyze').execute(rt.db);
    console.log(`generated in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const niks = await sampleNiks(rt);
  const numbers = (await rt.db.selectFrom('cases').select('case_number').limit(2000).execute()).map(
    (r) => r.case_number,
  );
  const queries = caseListQueries(niks, numbers);
  const actors = [
    { name: 'manajer.uptdppa', row: manager, roles: ['case_manager'] },
    { name: 'koordinator.dp3a', row: coordinator, roles: ['coordinator'] },
  ];
  for (const a of actors) {
    const actor = { userId: a.row.id, agencyId: a.row.agency_id, taskForceId: tf.id, roles: a.roles };
    const visibility = await visibilityOf(rt.db, actor as never);
    console.log(
      `\n${a.name}\n| request | total | count ms | page ms | one statement ms |\n|---|---:|---:|---:|---:|`,
    );
    let sumCount = 0;
    let sumPage = 0;
    let sumOne = 0;
    for (const q of queries) {
      const f: CaseListQuery = caseListQuerySchema.parse(Object.fromEntries(new URLSearchParams(q)));
      const at = {
        now: new Date().toISOString(),
        timeZone: tf.time_zone,
        search: f.q ? caseSearchFor(rt.cipher, f.q) : undefined,
        reader: { userId: actor.userId, identities: true, dialect: rt.dbKind },
      };
      // The two parts on their own, then the one statement the app runs (page joined with total).
      const { count, page } = caseRepository.listQueries(rt.db, visibility, f, at);
      const { statement } = caseRepository.listStatement(rt.db, visibility, f, at);
      const time = async (run: () => Promise<unknown>) => {
        const ms: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t = performance.now();
          await run();
          ms.push(performance.now() - t);
        }
        return ms.sort((x, y) => x - y)[Math.floor(RUNS / 2)]!;
      };
      const total = (await count.executeTakeFirst()) as { n: number } | undefined;
      const c = await time(() => count.execute());
      const p = await time(() => page.execute());
      const one = await time(() => rt.db.executeQuery(statement.compile()));
      sumCount += c;
      sumPage += p;
      sumOne += one;
      const label = q.startsWith('q=') ? `${q.slice(0, 8)}…` : q || '(default)';
      console.log(`| ${label} | ${total?.n ?? 0} | ${c.toFixed(2)} | ${p.toFixed(2)} | ${one.toFixed(2)} |`);
    }
    const mean = (sum: number) => (sum / queries.length).toFixed(2);
    console.log(
      `mean per request: count ${mean(sumCount)} ms, page ${mean(sumPage)} ms, one statement ${mean(sumOne)} ms`,
    );
  }
  await rt.close();
  if (!process.env.BENCH_DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
}

/** NIKs of generated people: their hashes are what the search looks up, so decrypt a sample. */
async function sampleNiks(rt: Awaited<ReturnType<typeof openRuntime>>): Promise<string[]> {
  const rows = await rt.db
    .selectFrom('persons')
    .select('nik_enc')
    .where('nik_enc', 'is not', null)
    .limit(50)
    .execute();
  return rows.map((r) => rt.cipher.decrypt(r.nik_enc as string));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
