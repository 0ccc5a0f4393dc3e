import { randomUUID } from 'node:crypto';
import type {
  ReportFormat,
  ReportJob,
  ReportRecommendationsInput,
  ReportStep,
  YearlyReportInfo,
} from '@sinergi/core';
import type { Selectable } from 'kysely';
import { type Actor, type AppDeps, inTransaction, type RequestMeta } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import type { ReportJobTable } from './reports.tables.js';
import './reports.tables.js';
import { canEditRecommendations, canGenerate } from './reports.policy.js';
import { buildYearlyReport } from './yearly-report.content.js';
import { gatherYearlyReport } from './yearly-report.data.js';
import { yearlyReportDocx } from './yearly-report.docx.js';
import { yearlyReportPdf } from './yearly-report.pdf.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'config' | 'reference' | 'cipher'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

/** Files are kept a day, long enough to download both and send them on. */
const KEEP_MS = 24 * 3_600_000;
/** A job that has not moved for this long died with its server instance. */
const STALE_MS = 10 * 60_000;

function taskForceOf(actor: Actor): string {
  if (!actor.taskForceId) throw errors.notFound();
  return actor.taskForceId;
}

function present(row: Omit<Selectable<ReportJobTable>, 'docx_b64' | 'pdf_b64'>, now: Date): ReportJob {
  const stale =
    (row.status === 'running' || row.status === 'queued') &&
    now.getTime() - Date.parse(row.updated_at) > STALE_MS;
  return {
    id: row.id,
    year: Number(row.year),
    status: stale ? 'failed' : row.status,
    percent: Number(row.percent),
    step: row.step,
    docxBytes: row.docx_bytes === null ? null : Number(row.docx_bytes),
    pdfBytes: row.pdf_bytes === null ? null : Number(row.pdf_bytes),
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    expiresAt: row.expires_at,
  };
}

const JOB_COLUMNS = [
  'id',
  'task_force_id',
  'year',
  'created_by',
  'status',
  'percent',
  'step',
  'error',
  'docx_bytes',
  'pdf_bytes',
  'created_at',
  'updated_at',
  'finished_at',
  'expires_at',
] as const;

async function removeExpired(deps: Deps): Promise<void> {
  await deps.db.deleteFrom('report_jobs').where('expires_at', '<', deps.clock.now().toISOString()).execute();
}

async function evaluationRow(deps: Deps, tf: string, year: number) {
  return deps.db
    .selectFrom('year_evaluations')
    .select(['version', 'recommendations', 'updated_at'])
    .where('task_force_id', '=', tf)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** What the report page needs: the recommendations, the latest generation and what the caller may do. */
export async function yearlyReportInfo(deps: Deps, actor: Actor, year: number): Promise<YearlyReportInfo> {
  const tf = taskForceOf(actor);
  if (!canGenerate(actor)) throw errors.forbidden();
  await removeExpired(deps);
  const [evaluation, latest] = await Promise.all([
    evaluationRow(deps, tf, year),
    deps.db
      .selectFrom('report_jobs')
      .select(JOB_COLUMNS)
      .where('task_force_id', '=', tf)
      .where('year', '=', year)
      .orderBy('created_at', 'desc')
      .executeTakeFirst(),
  ]);
  return {
    year,
    recommendations: evaluation?.recommendations ?? '',
    version: evaluation?.version ?? 0,
    updatedAt: evaluation?.updated_at ?? null,
    latestJob: latest ? present(latest, deps.clock.now()) : null,
    can: { generate: true, editRecommendations: canEditRecommendations(actor) },
  };
}

/**
 * Saves the secretariat's recommendations for the year. They live with the year-end evaluation
 * (one text, one version, whichever page edits it), so a stale edit from either page gets 409.
 */
export async function saveRecommendations(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  year: number,
  input: ReportRecommendationsInput,
): Promise<YearlyReportInfo> {
  const tf = taskForceOf(actor);
  if (!canEditRecommendations(actor)) throw errors.forbidden();
  const current = await evaluationRow(deps, tf, year);
  if ((current?.version ?? 0) !== input.version)
    throw errors.versionConflict(await yearlyReportInfo(deps, actor, year));
  const now = deps.clock.now().toISOString();
  const saved = await inTransaction(deps, actor, meta, async (trx, audit) => {
    const changed = current
      ? await trx
          .updateTable('year_evaluations')
          .set({
            recommendations: input.recommendations,
            version: current.version + 1,
            updated_by: actor.userId,
            updated_at: now,
          })
          .where('task_force_id', '=', tf)
          .where('year', '=', year)
          .where('version', '=', current.version)
          .executeTakeFirst()
          .then((r) => Number(r.numUpdatedRows))
      : await trx
          .insertInto('year_evaluations')
          .values({
            task_force_id: tf,
            year,
            version: 1,
            achievements: '',
            obstacles: '',
            interventions: '',
            recommendations: input.recommendations,
            updated_by: actor.userId,
            updated_at: now,
          })
          .onConflict((oc) => oc.columns(['task_force_id', 'year']).doNothing())
          .executeTakeFirst()
          .then((r) => Number(r.numInsertedOrUpdatedRows ?? 0));
    if (changed !== 1) return false;
    await audit({
      action: 'report.recommendations_saved',
      entityType: 'task_force',
      entityId: tf,
      details: { year },
    });
    return true;
  });
  if (!saved) throw errors.versionConflict(await yearlyReportInfo(deps, actor, year));
  return yearlyReportInfo(deps, actor, year);
}

/** Jobs running in this process, so tests and shutdown can wait for them. */
const running = new Map<string, Promise<void>>();

/** Waits for the generations this process is running (tests, orderly shutdown). */
export async function settleReportJobs(): Promise<void> {
  await Promise.allSettled([...running.values()]);
}

/**
 * Starts generating the yearly report of the actor's task force; answers at once with the job,
 * whose progress any server instance can then report.
 */
export async function startYearlyReport(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  year: number,
): Promise<ReportJob> {
  const tf = taskForceOf(actor);
  if (!canGenerate(actor)) throw errors.forbidden();
  await removeExpired(deps);
  const now = deps.clock.now();
  // A generation of the same year still under way is the answer: no second one for a second click.
  const underway = await deps.db
    .selectFrom('report_jobs')
    .select(JOB_COLUMNS)
    .where('task_force_id', '=', tf)
    .where('year', '=', year)
    .where('status', 'in', ['queued', 'running'])
    .where('updated_at', '>', new Date(now.getTime() - STALE_MS).toISOString())
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (underway) return present(underway, now);
  const id = randomUUID();
  const row = {
    id,
    task_force_id: tf,
    year,
    created_by: actor.userId,
    status: 'queued' as const,
    percent: 0,
    step: 'queued' as const,
    error: null,
    docx_b64: null,
    pdf_b64: null,
    docx_bytes: null,
    pdf_bytes: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    finished_at: null,
    expires_at: new Date(now.getTime() + KEEP_MS).toISOString(),
  };
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx.insertInto('report_jobs').values(row).execute();
    await audit({
      action: 'report.generation_started',
      entityType: 'report',
      entityId: id,
      details: { year },
    });
  });
  const work = runJob(deps, actor, meta, id, year)
    .catch(async (err: unknown) => {
      await deps.db
        .updateTable('report_jobs')
        .set({
          status: 'failed',
          error: err instanceof Error ? err.message.slice(0, 500) : 'internal',
          updated_at: deps.clock.now().toISOString(),
          finished_at: deps.clock.now().toISOString(),
        })
        .where('id', '=', id)
        .execute()
        .catch(() => undefined);
    })
    .finally(() => running.delete(id));
  running.set(id, work);
  return present(row, now);
}

async function runJob(deps: Deps, actor: Actor, meta: Meta, id: string, year: number): Promise<void> {
  const progress = async (step: ReportStep, percent: number) => {
    await deps.db
      .updateTable('report_jobs')
      .set({ status: 'running', step, percent, updated_at: deps.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
  };
  const started = Date.now();
  const data = await gatherYearlyReport(deps, actor, meta, year, progress);
  const blocks = buildYearlyReport(data);
  const title = `Laporan Tahunan ${data.taskForce.name} ${year}`;
  await progress('docx', 70);
  const docx = await yearlyReportDocx(blocks, title);
  await progress('pdf', 85);
  const pdf = await yearlyReportPdf(blocks, title);
  const finished = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .updateTable('report_jobs')
      .set({
        status: 'done',
        step: 'done',
        percent: 100,
        docx_b64: docx.toString('base64'),
        pdf_b64: pdf.toString('base64'),
        docx_bytes: docx.length,
        pdf_bytes: pdf.length,
        updated_at: finished,
        finished_at: finished,
      })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'report.generated',
      entityType: 'report',
      entityId: id,
      details: {
        year,
        cases: data.headline.cases[0],
        victims: data.headline.victims[0],
        milliseconds: Date.now() - started,
      },
    });
  });
}

async function jobOf(deps: Deps, actor: Actor, id: string) {
  const tf = taskForceOf(actor);
  if (!canGenerate(actor)) throw errors.forbidden();
  const row = await deps.db
    .selectFrom('report_jobs')
    .select(JOB_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  // Another task force's generation does not exist for the caller.
  if (!row || row.task_force_id !== tf || row.expires_at < deps.clock.now().toISOString())
    throw errors.notFound();
  return row;
}

/** A generation's status and progress. */
export async function getReportJob(deps: Deps, actor: Actor, id: string): Promise<ReportJob> {
  return present(await jobOf(deps, actor, id), deps.clock.now());
}

/** The generated file in one format; audited. */
export async function downloadReport(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  id: string,
  format: ReportFormat,
): Promise<{ file: Buffer; year: number; taskForceName: string }> {
  const job = present(await jobOf(deps, actor, id), deps.clock.now());
  if (job.status === 'failed') throw errors.conflict({ _: 'report_failed' });
  if (job.status !== 'done') throw errors.conflict({ _: 'report_not_ready' });
  const stored = await deps.db
    .selectFrom('report_jobs')
    .innerJoin('task_forces', 'task_forces.id', 'report_jobs.task_force_id')
    .select(['report_jobs.docx_b64', 'report_jobs.pdf_b64', 'task_forces.name'])
    .where('report_jobs.id', '=', id)
    .executeTakeFirstOrThrow();
  const b64 = format === 'docx' ? stored.docx_b64 : stored.pdf_b64;
  if (!b64) throw errors.conflict({ _: 'report_not_ready' });
  await inTransaction(deps, actor, meta, (_trx, audit) =>
    audit({
      action: 'report.downloaded',
      entityType: 'report',
      entityId: id,
      details: { year: job.year, format },
    }),
  );
  return { file: Buffer.from(b64, 'base64'), year: job.year, taskForceName: stored.name };
}
