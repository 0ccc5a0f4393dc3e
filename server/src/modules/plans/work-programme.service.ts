import { randomUUID } from 'node:crypto';
import type { WorkProgramme, WorkProgrammeInput, YearEvaluation, YearEvaluationInput } from '@sinergi/core';
import { type Actor, type AppDeps, inTransaction, type RequestMeta } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { letterheadForPdf } from '../taskforces/letterhead.service.js';
import { evaluationPdf } from './evaluation.pdf.js';
import { getPlanTree, planFor } from './plan.service.js';
import './work-programme.tables.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

function taskForceOf(actor: Actor): string {
  if (!actor.taskForceId) throw errors.notFound();
  return actor.taskForceId;
}

const manages = (actor: Actor) => actor.permissions.has('taskforce.manage');

async function agencyNames(deps: Pick<AppDeps, 'db'>, taskForceId: string) {
  const rows = await deps.db
    .selectFrom('agencies')
    .select(['id', 'short_name'])
    .where('task_force_id', '=', taskForceId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.short_name]));
}

/** The work programme of the actor's task force for a year (empty when none was set). */
export async function workProgrammeOf(deps: Deps, actor: Actor, year: number): Promise<WorkProgramme> {
  const tf = taskForceOf(actor);
  const programme = await deps.db
    .selectFrom('work_programmes')
    .selectAll()
    .where('task_force_id', '=', tf)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!programme)
    return { year, planId: null, version: 0, items: [], totalBudget: 0, can: { manage: manages(actor) } };
  const [items, names] = await Promise.all([
    deps.db
      .selectFrom('work_programme_items')
      .innerJoin('plan_activities', 'plan_activities.id', 'work_programme_items.activity_id')
      .innerJoin('plan_programmes', 'plan_programmes.id', 'plan_activities.programme_id')
      .select([
        'work_programme_items.activity_id',
        'work_programme_items.months',
        'work_programme_items.responsible_agency_id',
        'work_programme_items.budget',
        'plan_activities.title',
        'plan_programmes.title as programme_title',
      ])
      .where('work_programme_items.programme_id', '=', programme.id)
      .orderBy('work_programme_items.position')
      .execute(),
    agencyNames(deps, tf),
  ]);
  const view = items.map((i) => ({
    activityId: i.activity_id,
    months: JSON.parse(i.months) as number[],
    responsibleAgencyId: i.responsible_agency_id,
    budget: Number(i.budget),
    activityTitle: i.title,
    programmeTitle: i.programme_title,
    responsibleAgency: names.get(i.responsible_agency_id) ?? '',
  }));
  return {
    year,
    planId: programme.plan_id,
    version: programme.version,
    items: view,
    totalBudget: view.reduce((sum, i) => sum + i.budget, 0),
    can: { manage: manages(actor) },
  };
}

/**
 * Replaces a year's work programme (the secretariat): every activity from the task force's plan
 * covering the year, once, with months, a member agency and a budget not below zero.
 */
export async function saveWorkProgramme(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  year: number,
  input: WorkProgrammeInput,
): Promise<WorkProgramme> {
  const tf = taskForceOf(actor);
  if (!manages(actor)) throw errors.forbidden();
  const plan = await planFor(deps.db, actor, input.planId).catch(() => {
    throw errors.validation({ planId: 'plan_unknown' });
  });
  const fields: Record<string, string> = {};
  if (year < plan.start_year || year > plan.end_year) fields.planId = 'year_outside_plan';
  const [activities, names] = await Promise.all([
    deps.db.selectFrom('plan_activities').select('id').where('plan_id', '=', plan.id).execute(),
    agencyNames(deps, tf),
  ]);
  const inPlan = new Set(activities.map((a) => a.id));
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    if (!inPlan.has(item.activityId)) fields[`items.${i}.activityId`] = 'activity_not_in_plan';
    else if (seen.has(item.activityId)) fields[`items.${i}.activityId`] = 'activity_repeated';
    seen.add(item.activityId);
    if (!names.has(item.responsibleAgencyId)) fields[`items.${i}.responsibleAgencyId`] = 'agency_not_member';
  });
  if (Object.keys(fields).length) throw errors.validation(fields);
  const current = await deps.db
    .selectFrom('work_programmes')
    .selectAll()
    .where('task_force_id', '=', tf)
    .where('year', '=', year)
    .executeTakeFirst();
  if ((current?.version ?? 0) !== input.version)
    throw errors.versionConflict(await workProgrammeOf(deps, actor, year));
  const now = deps.clock.now().toISOString();
  const saved = await inTransaction(deps, actor, meta, async (trx, audit) => {
    let id = current?.id;
    if (!current) {
      id = randomUUID();
      const inserted = await trx
        .insertInto('work_programmes')
        .values({
          id,
          task_force_id: tf,
          year,
          plan_id: plan.id,
          version: 1,
          updated_by: actor.userId,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(['task_force_id', 'year']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
    } else {
      const res = await trx
        .updateTable('work_programmes')
        .set({ plan_id: plan.id, version: current.version + 1, updated_by: actor.userId, updated_at: now })
        .where('id', '=', current.id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return false;
      await trx.deleteFrom('work_programme_items').where('programme_id', '=', current.id).execute();
    }
    for (const [position, item] of input.items.entries())
      await trx
        .insertInto('work_programme_items')
        .values({
          id: randomUUID(),
          programme_id: id!,
          activity_id: item.activityId,
          months: JSON.stringify([...item.months].sort((a, b) => a - b)),
          responsible_agency_id: item.responsibleAgencyId,
          budget: item.budget,
          position,
        })
        .execute();
    await audit({
      action: 'work_programme.saved',
      entityType: 'work_programme',
      entityId: id!,
      details: { year, items: input.items.length },
    });
    return true;
  });
  if (!saved) throw errors.versionConflict(await workProgrammeOf(deps, actor, year));
  return workProgrammeOf(deps, actor, year);
}

/**
 * The year-end evaluation: what each activity of the year's plan reported (achievements,
 * obstacles, interventions asked for, latest realised value against the target) and the summary
 * the secretariat wrote.
 */
export async function yearEvaluationOf(deps: Deps, actor: Actor, year: number): Promise<YearEvaluation> {
  const tf = taskForceOf(actor);
  const [stored, plan, names] = await Promise.all([
    deps.db
      .selectFrom('year_evaluations')
      .selectAll()
      .where('task_force_id', '=', tf)
      .where('year', '=', year)
      .executeTakeFirst(),
    deps.db
      .selectFrom('plans')
      .select('id')
      .where('task_force_id', '=', tf)
      .where('start_year', '<=', year)
      .where('end_year', '>=', year)
      .orderBy('created_at')
      .executeTakeFirst(),
    agencyNames(deps, tf),
  ]);
  const activities: YearEvaluation['activities'] = [];
  if (plan) {
    const tree = await getPlanTree(deps, actor, plan.id, year);
    const reports = await deps.db
      .selectFrom('progress_reports')
      .select([
        'activity_id',
        'period',
        'revision',
        'achievement',
        'obstacles',
        'intervention',
        'intervention_agency_id',
      ])
      .where('plan_id', '=', plan.id)
      .where('year', '=', year)
      .orderBy('period')
      .orderBy('revision')
      .execute();
    // The latest revision of each period speaks for that period.
    const latest = new Map<string, (typeof reports)[number]>();
    for (const r of reports) latest.set(`${r.activity_id}:${r.period}`, r);
    for (const p of tree.programmes)
      for (const a of p.activities) {
        const mine = [...latest.values()].filter((r) => r.activity_id === a.id);
        activities.push({
          activityId: a.id,
          title: a.title,
          programmeTitle: p.title,
          agency: names.get(a.responsibleAgencyId) ?? '',
          unit: a.unit,
          target: a.targets.find((t) => t.year === year)?.value ?? 0,
          realised: a.realised,
          status: a.status,
          achievements: mine.map((r) => r.achievement).filter(Boolean),
          obstacles: mine.map((r) => r.obstacles).filter(Boolean),
          interventions: mine
            .filter((r) => r.intervention)
            .map((r) => ({
              text: r.intervention,
              agency: r.intervention_agency_id ? (names.get(r.intervention_agency_id) ?? null) : null,
            })),
        });
      }
  }
  return {
    year,
    version: stored?.version ?? 0,
    achievements: stored?.achievements ?? '',
    obstacles: stored?.obstacles ?? '',
    interventions: stored?.interventions ?? '',
    recommendations: stored?.recommendations ?? '',
    updatedAt: stored?.updated_at ?? null,
    activities,
    can: { manage: manages(actor) },
  };
}

/** Saves the secretariat's summary of the year; version-checked, audited. */
export async function saveYearEvaluation(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  year: number,
  input: YearEvaluationInput,
): Promise<YearEvaluation> {
  const tf = taskForceOf(actor);
  if (!manages(actor)) throw errors.forbidden();
  const current = await deps.db
    .selectFrom('year_evaluations')
    .select('version')
    .where('task_force_id', '=', tf)
    .where('year', '=', year)
    .executeTakeFirst();
  if ((current?.version ?? 0) !== input.version)
    throw errors.versionConflict(await yearEvaluationOf(deps, actor, year));
  const now = deps.clock.now().toISOString();
  const values = {
    achievements: input.achievements,
    obstacles: input.obstacles,
    interventions: input.interventions,
    recommendations: input.recommendations,
    updated_by: actor.userId,
    updated_at: now,
  };
  const saved = await inTransaction(deps, actor, meta, async (trx, audit) => {
    const res = current
      ? await trx
          .updateTable('year_evaluations')
          .set({ ...values, version: current.version + 1 })
          .where('task_force_id', '=', tf)
          .where('year', '=', year)
          .where('version', '=', current.version)
          .executeTakeFirst()
          .then((r) => Number(r.numUpdatedRows))
      : await trx
          .insertInto('year_evaluations')
          .values({ task_force_id: tf, year, version: 1, ...values })
          .onConflict((oc) => oc.columns(['task_force_id', 'year']).doNothing())
          .executeTakeFirst()
          .then((r) => Number(r.numInsertedOrUpdatedRows ?? 0));
    if (res !== 1) return false;
    await audit({ action: 'evaluation.saved', entityType: 'task_force', entityId: tf, details: { year } });
    return true;
  });
  if (!saved) throw errors.versionConflict(await yearEvaluationOf(deps, actor, year));
  return yearEvaluationOf(deps, actor, year);
}

/** The evaluation as a PDF for the regent and the province; the download is audited. */
export async function yearEvaluationPdf(
  deps: Deps & Pick<AppDeps, 'cipher' | 'config' | 'reference'>,
  actor: Actor,
  meta: Meta,
  year: number,
): Promise<Buffer> {
  const evaluation = await yearEvaluationOf(deps, actor, year);
  const pdf = await evaluationPdf(evaluation, await letterheadForPdf(deps, taskForceOf(actor)));
  await inTransaction(deps, actor, meta, (_trx, audit) =>
    audit({
      action: 'evaluation.pdf_exported',
      entityType: 'task_force',
      entityId: taskForceOf(actor),
      details: { year },
    }),
  );
  return pdf;
}
