import { randomUUID } from 'node:crypto';
import {
  type ActivityInput,
  achievementPercent,
  achievementStatus,
  groupAchievement,
  type Plan,
  type PlanInput,
  type PlanTree,
  periodOfMonth,
  periodsPerYear,
  subTaskForceAchievement,
} from '@sinergi/core';
import type { Selectable } from 'kysely';
import { type Actor, type AppDeps, inTransaction, type RequestMeta } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { PlanTable } from '../../platform/db/schema.js';
import { errors } from '../../platform/errors.js';
import { assertSeesPlan, canManagePlan, canReport } from './plan.policy.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

export function presentPlan(row: Selectable<PlanTable>): Plan {
  return {
    id: row.id,
    title: row.title,
    startYear: row.start_year,
    endYear: row.end_year,
    periodKind: row.period_kind,
    decreeId: row.decree_id,
    version: row.version,
  };
}

/** The plan if the actor's task force owns it; 404 otherwise. */
export async function planFor(db: Db, actor: Actor, id: string) {
  const row = await db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.notFound();
  assertSeesPlan(actor, row);
  return row;
}

export async function listPlans(deps: Pick<AppDeps, 'db'>, actor: Actor): Promise<Plan[]> {
  if (!actor.taskForceId) return [];
  const rows = await deps.db
    .selectFrom('plans')
    .selectAll()
    .where('task_force_id', '=', actor.taskForceId)
    .orderBy('start_year', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(presentPlan);
}

export async function createPlan(deps: Deps, actor: Actor, meta: Meta, input: PlanInput): Promise<Plan> {
  if (!actor.taskForceId || !actor.permissions.has('taskforce.manage')) throw errors.forbidden();
  const tf = actor.taskForceId;
  if (input.decreeId) {
    const d = await deps.db
      .selectFrom('taskforce_decrees')
      .select('id')
      .where('id', '=', input.decreeId)
      .where('task_force_id', '=', tf)
      .executeTakeFirst();
    if (!d) throw errors.validation({ decreeId: 'decree_unknown' });
  }
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .insertInto('plans')
      .values({
        id,
        task_force_id: tf,
        title: input.title,
        start_year: input.startYear,
        end_year: input.endYear,
        period_kind: input.periodKind,
        decree_id: input.decreeId,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit({ action: 'plan.created', entityType: 'plan', entityId: id });
  });
  return presentPlan(await planFor(deps.db, actor, id));
}

export async function createProgramme(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  planId: string,
  input: { title: string; subTaskForceId: string | null; horizon: 'short_term' | 'long_term' },
) {
  const plan = await planFor(deps.db, actor, planId);
  if (!canManagePlan(actor, plan)) throw errors.forbidden();
  if (input.subTaskForceId) {
    const s = await deps.db
      .selectFrom('sub_task_forces')
      .select('id')
      .where('id', '=', input.subTaskForceId)
      .where('task_force_id', '=', plan.task_force_id)
      .executeTakeFirst();
    if (!s) throw errors.validation({ subTaskForceId: 'sub_task_force_unknown' });
  }
  const id = randomUUID();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    const last = await trx
      .selectFrom('plan_programmes')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    await trx
      .insertInto('plan_programmes')
      .values({
        id,
        plan_id: planId,
        title: input.title,
        sub_task_force_id: input.subTaskForceId,
        horizon: input.horizon,
        position: Number(last?.p ?? 0) + 1,
        version: 1,
      })
      .execute();
    await audit({
      action: 'plan.programme_created',
      entityType: 'plan_programme',
      entityId: id,
      details: { planId },
    });
  });
  return { id, title: input.title, subTaskForceId: input.subTaskForceId, horizon: input.horizon };
}

/** Checks an activity against its plan: years inside the period, members only, known programme. */
export async function validateActivity(
  db: Db,
  plan: Selectable<PlanTable>,
  input: ActivityInput,
): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  const inPlan = (y: number) => y >= plan.start_year && y <= plan.end_year;
  input.targets.forEach((t, i) => {
    if (!inPlan(t.year)) fields[`targets.${i}.year`] = 'year_outside_plan';
  });
  input.budgets.forEach((b, i) => {
    if (!inPlan(b.year)) fields[`budgets.${i}.year`] = 'year_outside_plan';
  });
  const programme = await db
    .selectFrom('plan_programmes')
    .select('id')
    .where('id', '=', input.programmeId)
    .where('plan_id', '=', plan.id)
    .executeTakeFirst();
  if (!programme) fields.programmeId = 'programme_unknown';
  const members = new Set(
    (
      await db.selectFrom('agencies').select('id').where('task_force_id', '=', plan.task_force_id).execute()
    ).map((a) => a.id),
  );
  if (!members.has(input.responsibleAgencyId)) fields.responsibleAgencyId = 'agency_not_member';
  input.supportingAgencyIds.forEach((a, i) => {
    if (!members.has(a)) fields[`supportingAgencyIds.${i}`] = 'agency_not_member';
  });
  return fields;
}

export async function createActivity(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  planId: string,
  input: ActivityInput,
) {
  const plan = await planFor(deps.db, actor, planId);
  if (!canManagePlan(actor, plan)) throw errors.forbidden();
  const fields = await validateActivity(deps.db, plan, input);
  if (Object.keys(fields).length) throw errors.validation(fields);
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await insertActivity(trx, planId, id, input, now);
    await audit({
      action: 'plan.activity_created',
      entityType: 'plan_activity',
      entityId: id,
      details: { planId },
    });
  });
  const tree = await getPlanTree(deps, actor, planId, undefined);
  return tree.programmes.flatMap((p) => p.activities).find((a) => a.id === id)!;
}

/** Writes one activity row (also used by the import). */
export async function insertActivity(trx: Db, planId: string, id: string, input: ActivityInput, now: string) {
  const last = await trx
    .selectFrom('plan_activities')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  await trx
    .insertInto('plan_activities')
    .values({
      id,
      plan_id: planId,
      programme_id: input.programmeId,
      title: input.title,
      indicator: input.indicator,
      unit: input.unit,
      baseline: input.baseline,
      targets: JSON.stringify(input.targets),
      responsible_agency_id: input.responsibleAgencyId,
      supporting_agency_ids: JSON.stringify(input.supportingAgencyIds),
      budgets: JSON.stringify(input.budgets),
      position: Number(last?.p ?? 0) + 1,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/**
 * The plan tree for a year, each activity with its latest realised value (the newest revision
 * of the newest period reported) and its status against the share of the year elapsed.
 */
export async function getPlanTree(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  planId: string,
  year: number | undefined,
): Promise<PlanTree> {
  const plan = await planFor(deps.db, actor, planId);
  const tz = (
    await deps.db
      .selectFrom('task_forces')
      .select('time_zone')
      .where('id', '=', plan.task_force_id)
      .executeTakeFirstOrThrow()
  ).time_zone;
  const local = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(deps.clock.now());
  const nowYear = Number(local.find((p) => p.type === 'year')?.value);
  const nowMonth = Number(local.find((p) => p.type === 'month')?.value);
  const y = year ?? Math.min(Math.max(nowYear, plan.start_year), plan.end_year);
  const perYear = periodsPerYear(plan.period_kind);
  // Periods finished (or under way) in the year asked for.
  const periodsElapsed = y < nowYear ? perYear : y > nowYear ? 0 : periodOfMonth(plan.period_kind, nowMonth);
  const [programmes, activities, reports] = await Promise.all([
    deps.db
      .selectFrom('plan_programmes')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute(),
    deps.db
      .selectFrom('plan_activities')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute(),
    deps.db
      .selectFrom('progress_reports')
      .select(['activity_id', 'period', 'revision', 'realised'])
      .where('plan_id', '=', planId)
      .where('year', '=', y)
      .execute(),
  ]);
  const latest = new Map<string, { period: number; revision: number; realised: number }>();
  for (const r of reports) {
    const cur = latest.get(r.activity_id);
    if (!cur || r.period > cur.period || (r.period === cur.period && r.revision > cur.revision))
      latest.set(r.activity_id, { period: r.period, revision: r.revision, realised: Number(r.realised) });
  }
  const manage = canManagePlan(actor, plan);
  const subs = await deps.db
    .selectFrom('sub_task_forces')
    .select(['id', 'name'])
    .where('task_force_id', '=', plan.task_force_id)
    .execute();
  const tree = programmes.map((p) => {
    const acts = activities
      .filter((a) => a.programme_id === p.id)
      .map((a) => {
        const targets = JSON.parse(a.targets) as { year: number; value: number }[];
        const target = targets.find((t) => t.year === y)?.value ?? 0;
        const realised = latest.get(a.id)?.realised ?? null;
        return {
          id: a.id,
          programmeId: a.programme_id,
          title: a.title,
          indicator: a.indicator,
          unit: a.unit,
          baseline: Number(a.baseline),
          targets,
          responsibleAgencyId: a.responsible_agency_id,
          supportingAgencyIds: JSON.parse(a.supporting_agency_ids) as string[],
          budgets: JSON.parse(a.budgets),
          realised,
          achievementPercent: realised === null ? null : achievementPercent(realised, target),
          status: achievementStatus({ realised, target, periodsElapsed, periodsPerYear: perYear }),
          can: { report: canReport(actor, a) },
          version: a.version,
        };
      });
    return {
      id: p.id,
      title: p.title,
      subTaskForceId: p.sub_task_force_id,
      horizon: p.horizon,
      achievementPercent: groupAchievement(
        acts.flatMap((a) => (a.achievementPercent === null ? [] : [a.achievementPercent])),
      ),
      activities: acts,
    };
  });
  return {
    ...presentPlan(plan),
    year: y,
    periodsElapsed,
    can: { manage },
    programmes: tree,
    subTaskForces: subTaskForceAchievement(tree, new Map(subs.map((s) => [s.id, s.name]))),
  };
}
