// The yearly report of a year with 2,000 cases (BENCH_CASES): the figures gathered, the DOCX and
// the PDF, each timed, then the whole generation as a job (target < 10 s). The demo task force is
// seeded, then the cases are generated into 2025 on SQLite (or PostgreSQL with BENCH_DATABASE_URL).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { permissionsFor } from '@sinergi/core';
import { sql } from 'kysely';
import { loadConfig } from '../../server/src/config.js';
import { seedDemo } from '../../server/src/modules/demo/demo.seed.js';
import {
  getReportJob,
  settleReportJobs,
  startYearlyReport,
} from '../../server/src/modules/reports/reports.service.js';
import { buildYearlyReport } from '../../server/src/modules/reports/yearly-report.content.js';
import { gatherYearlyReport } from '../../server/src/modules/reports/yearly-report.data.js';
import { yearlyReportDocx } from '../../server/src/modules/reports/yearly-report.docx.js';
import { yearlyReportPdf } from '../../server/src/modules/reports/yearly-report.pdf.js';
import type { Actor } from '../../server/src/platform/context.js';
import { openRuntime } from '../../server/src/runtime.js';
import { addCaseManagers, demoCaseHome, generateCases } from './generate-cases.js';

const CASES = Number(process.env.BENCH_CASES ?? 2_000);
const YEAR = 2025;

const seconds = (ms: number) => Math.round(ms / 10) / 100;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-report-'));
  const rt = await openRuntime(
    loadConfig({
      DATA_DIR: dataDir,
      SINERGI_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
      ...(process.env.BENCH_DATABASE_URL && { DATABASE_URL: process.env.BENCH_DATABASE_URL }),
    }),
  );
  try {
    if ((await seedDemo(rt, 'Bench-Lingko-Kopi-2026')).status !== 'seeded') throw new Error('could not seed');
    const { tf, agency } = await demoCaseHome(rt.db);
    const gen = await generateCases(rt.db, rt.cipher, rt.reference, {
      cases: CASES,
      taskForceId: tf.id,
      leadAgencyId: agency.id,
      teamUserIds: await addCaseManagers(rt.db, agency.id, 5),
      from: new Date(`${YEAR}-01-01T00:00:00Z`),
      to: new Date(`${YEAR}-12-31T00:00:00Z`),
    });
    await sql.raw('analyze').execute(rt.db);
    const user = await rt.db
      .selectFrom('users')
      .select(['id', 'username', 'agency_id'])
      .where('username', '=', 'koordinator.dp3a')
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      agencyId: user.agency_id,
      taskForceId: tf.id,
      roles: ['coordinator'],
      permissions: permissionsFor(['coordinator']),
      sessionId: 'bench',
    };
    const meta = { requestId: 'bench', ip: null };

    let t = performance.now();
    const data = await gatherYearlyReport(rt, actor, meta, YEAR, async () => undefined);
    const blocks = buildYearlyReport(data);
    const gatherMs = performance.now() - t;
    t = performance.now();
    const docx = await yearlyReportDocx(blocks, 'bench');
    const docxMs = performance.now() - t;
    t = performance.now();
    const pdf = await yearlyReportPdf(blocks, 'bench');
    const pdfMs = performance.now() - t;

    t = performance.now();
    const job = await startYearlyReport(rt, actor, meta, YEAR);
    await settleReportJobs();
    const jobMs = performance.now() - t;
    const done = await getReportJob(rt, actor, job.id);
    if (done.status !== 'done') throw new Error(`the job ended ${done.status}`);

    console.log(
      `\nYearly report ${YEAR}: ${gen.cases} cases, ${gen.persons} people, ${os.cpus().length} cores, Node ${process.version}, ${rt.config.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}, ${new Date().toISOString().slice(0, 10)}`,
    );
    console.log(
      `figures in the report: ${data.headline.cases[0]} cases, ${data.headline.victims[0]} victims`,
    );
    console.log(`gathering the figures: ${seconds(gatherMs)} s`);
    console.log(`DOCX: ${seconds(docxMs)} s (${Math.round(docx.length / 1024)} KiB)`);
    console.log(`PDF: ${seconds(pdfMs)} s (${Math.round(pdf.length / 1024)} KiB)`);
    console.log(
      `whole generation as a job (figures, DOCX, PDF, stored): ${seconds(jobMs)} s (target < 10 s)`,
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
