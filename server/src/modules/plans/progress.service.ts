import { randomUUID } from 'node:crypto';
import { type ProgressInput, type ProgressReport, periodsPerYear } from '@sinergi/core';
import type { Selectable } from 'kysely';
import { type Actor, type AppDeps, inTransaction, type RequestMeta } from '../../platform/context.js';
import type { ProgressReportTable } from '../../platform/db/schema.js';
import { errors } from '../../platform/errors.js';
import { carryAttachments, currentRows, presentAttachments } from '../attachments/attachment.service.js';
import { canManagePlan, canReport } from './plan.policy.js';
import { planFor } from './plan.service.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

type ReportRow = Selectable<ProgressReportTable>;

/**
 * Reports with their evidence. Only the latest revision of a period takes new files, and only from
 * the agency that reports the activity; earlier revisions keep the files they had.
 */
export async function presentReports(
  deps: Pick<AppDeps, 'db' | 'cipher'>,
  actor: Actor,
  activity: { responsible_agency_id: string },
  rows: ReportRow[],
): Promise<ProgressReport[]> {
  const evidence = await presentAttachments(
    deps,
    await currentRows(
      deps.db,
      'progress_report',
      rows.map((r) => r.id),
    ),
  );
  const latest = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.year}/${r.period}`;
    latest.set(k, Math.max(latest.get(k) ?? 0, r.revision));
  }
  const reporter = canReport(actor, activity);
  return rows.map((r) =>
    present(r, evidence.get(r.id) ?? [], reporter && latest.get(`${r.year}/${r.period}`) === r.revision),
  );
}

function present(r: ReportRow, evidence: ProgressReport['evidence'], attach: boolean): ProgressReport {
  return {
    id: r.id,
    activityId: r.activity_id,
    agencyId: r.agency_id,
    year: r.year,
    period: r.period,
    realised: Number(r.realised),
    budgetSpent: Number(r.budget_spent),
    achievement: r.achievement,
    obstacles: r.obstacles,
    intervention: r.intervention,
    interventionAgencyId: r.intervention_agency_id,
    version: r.revision,
    createdAt: r.created_at,
    evidence,
    can: { attach },
  };
}

export async function activityFor(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  planId: string,
  activityId: string,
) {
  const plan = await planFor(deps.db, actor, planId);
  const activity = await deps.db
    .selectFrom('plan_activities')
    .selectAll()
    .where('id', '=', activityId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  if (!activity) throw errors.notFound();
  return { plan, activity };
}

async function checkIntervention(deps: Pick<AppDeps, 'db'>, taskForceId: string, agencyId: string | null) {
  if (!agencyId) return;
  const a = await deps.db
    .selectFrom('agencies')
    .select('id')
    .where('id', '=', agencyId)
    .where('task_force_id', '=', taskForceId)
    .executeTakeFirst();
  if (!a) throw errors.validation({ interventionAgencyId: 'agency_not_member' });
}

/** Files an agency's report for one activity and period; a period is reported once. */
export async function fileProgress(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  planId: string,
  activityId: string,
  input: ProgressInput,
) {
  const { plan, activity } = await activityFor(deps, actor, planId, activityId);
  if (!canReport(actor, activity)) throw errors.forbidden();
  const fields: Record<string, string> = {};
  if (input.year < plan.start_year || input.year > plan.end_year) fields.year = 'year_outside_plan';
  if (input.period > periodsPerYear(plan.period_kind)) fields.period = 'period_outside_plan';
  if (Object.keys(fields).length) throw errors.validation(fields);
  await checkIntervention(deps, plan.task_force_id, input.interventionAgencyId);
  const existing = await deps.db
    .selectFrom('progress_reports')
    .select('id')
    .where('activity_id', '=', activityId)
    .where('year', '=', input.year)
    .where('period', '=', input.period)
    .executeTakeFirst();
  if (existing) throw errors.conflict({ period: 'period_already_reported' });
  return writeRevision(deps, actor, meta, activity, plan.id, input, 1, 'plan.progress_reported', null);
}

async function writeRevision(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  activity: { id: string; responsible_agency_id: string },
  planId: string,
  input: ProgressInput,
  revision: number,
  action: 'plan.progress_reported' | 'plan.progress_corrected',
  corrects: string | null,
): Promise<ProgressReport> {
  const activityId = activity.id;
  const id = randomUUID();
  const written = await inTransaction(deps, actor, meta, async (trx, audit) => {
    const inserted = await trx
      .insertInto('progress_reports')
      .values({
        id,
        plan_id: planId,
        activity_id: activityId,
        agency_id: actor.agencyId,
        year: input.year,
        period: input.period,
        revision,
        realised: input.realised,
        budget_spent: input.budgetSpent,
        achievement: input.achievement,
        obstacles: input.obstacles,
        intervention: input.intervention,
        intervention_agency_id: input.interventionAgencyId,
        created_by: actor.userId,
        created_at: deps.clock.now().toISOString(),
      })
      // Two reports of the same period sent at once: the second finds the first and gets 409.
      .onConflict((oc) => oc.columns(['activity_id', 'year', 'period', 'revision']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
    // The correction starts with the evidence of the revision it corrects; that revision keeps its own.
    if (corrects) await carryAttachments(trx, { type: 'progress_report', id: corrects }, id);
    await audit({
      action,
      entityType: 'progress_report',
      entityId: id,
      details: { activityId, year: input.year, period: input.period, revision },
    });
    return true;
  });
  if (!written) throw errors.conflict(revision === 1 ? { period: 'period_already_reported' } : undefined);
  const row = await deps.db
    .selectFrom('progress_reports')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return (await presentReports(deps, actor, activity, [row]))[0]!;
}

/** Corrects a period's report: a new revision; earlier revisions stay as history. */
export async function correctProgress(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  planId: string,
  activityId: string,
  year: number,
  period: number,
  input: Omit<ProgressInput, 'year' | 'period'> & { version: number },
) {
  const { plan, activity } = await activityFor(deps, actor, planId, activityId);
  if (!canReport(actor, activity)) throw errors.forbidden();
  const history = await deps.db
    .selectFrom('progress_reports')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('year', '=', year)
    .where('period', '=', period)
    .orderBy('revision', 'desc')
    .execute();
  const current = history[0];
  if (!current) throw errors.notFound();
  if (current.revision !== input.version)
    throw errors.versionConflict((await presentReports(deps, actor, activity, [current]))[0]);
  await checkIntervention(deps, plan.task_force_id, input.interventionAgencyId);
  const { version: _v, ...rest } = input;
  return writeRevision(
    deps,
    actor,
    meta,
    activity,
    plan.id,
    { ...rest, year, period },
    current.revision + 1,
    'plan.progress_corrected',
    current.id,
  );
}

/** Every revision of an activity's reports, newest first. */
export async function progressHistory(
  deps: Pick<AppDeps, 'db' | 'cipher'>,
  actor: Actor,
  planId: string,
  activityId: string,
) {
  const { activity } = await activityFor(deps, actor, planId, activityId);
  const rows = await deps.db
    .selectFrom('progress_reports')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('year', 'desc')
    .orderBy('period', 'desc')
    .orderBy('revision', 'desc')
    .execute();
  return presentReports(deps, actor, activity, rows);
}

/** Activities with no report for the period, by responsible agency (for the secretariat). */
export async function missingReports(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  planId: string,
  year: number,
  period: number,
) {
  const plan = await planFor(deps.db, actor, planId);
  if (!canManagePlan(actor, plan)) throw errors.forbidden();
  const rows = await deps.db
    .selectFrom('plan_activities as a')
    .innerJoin('agencies as g', 'g.id', 'a.responsible_agency_id')
    .select(['a.id', 'a.title', 'a.responsible_agency_id', 'g.short_name'])
    .where('a.plan_id', '=', planId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('progress_reports as r')
            .select('r.id')
            .whereRef('r.activity_id', '=', 'a.id')
            .where('r.year', '=', year)
            .where('r.period', '=', period),
        ),
      ),
    )
    .orderBy('g.short_name')
    .orderBy('a.position')
    .execute();
  return rows.map((r) => ({
    activityId: r.id,
    title: r.title,
    agencyId: r.responsible_agency_id,
    agencyShortName: r.short_name,
  }));
}
