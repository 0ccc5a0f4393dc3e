import type { Actor, AppDeps } from '../../platform/context.js';

type Deps = Pick<AppDeps, 'db'>;

/** Cases handed to the actor's police or prosecution office that have no police report yet. */
export async function legalAssignedTo(deps: Deps, actor: Actor) {
  if (!actor.permissions.has('legal.manage')) return [];
  const rows = await deps.db
    .selectFrom('legal_tracks')
    .innerJoin('cases', 'cases.id', 'legal_tracks.case_id')
    .select(['legal_tracks.case_id', 'cases.case_number', 'legal_tracks.updated_at'])
    .where('legal_tracks.stage', 'is', null)
    .where('cases.stage', '!=', 'closed')
    .where((eb) =>
      eb.or([
        eb('legal_tracks.police_agency_id', '=', actor.agencyId),
        eb('legal_tracks.prosecution_agency_id', '=', actor.agencyId),
      ]),
    )
    .orderBy('legal_tracks.updated_at', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({ caseId: r.case_id, caseNumber: r.case_number, assignedAt: r.updated_at }));
}

/** The reporting period (quarter or semester, 1-based) a calendar date falls in. */
export function periodOf(date: string, kind: 'quarter' | 'semester'): { year: number; period: number } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { year, period: kind === 'quarter' ? Math.ceil(month / 3) : month <= 6 ? 1 : 2 };
}

function previousPeriod(p: { year: number; period: number }, kind: 'quarter' | 'semester') {
  const last = kind === 'quarter' ? 4 : 2;
  return p.period > 1 ? { year: p.year, period: p.period - 1 } : { year: p.year - 1, period: last };
}

/**
 * RAD progress reports the actor's agency owes: for each activity it is responsible for in a plan
 * of its task force running this year, the report of the current period (due at its end) and of
 * the period before (overdue) when none was filed.
 */
export async function radReportsDue(deps: Deps, actor: Actor, today: string) {
  if (!actor.permissions.has('plan.report') || !actor.taskForceId) return [];
  const year = Number(today.slice(0, 4));
  const activities = await deps.db
    .selectFrom('plan_activities')
    .innerJoin('plans', 'plans.id', 'plan_activities.plan_id')
    .select([
      'plan_activities.id',
      'plan_activities.plan_id',
      'plan_activities.title',
      'plans.period_kind',
      'plans.start_year',
      'plans.end_year',
    ])
    .where('plans.task_force_id', '=', actor.taskForceId)
    .where('plan_activities.responsible_agency_id', '=', actor.agencyId)
    .where('plans.start_year', '<=', year)
    .where('plans.end_year', '>=', year)
    .orderBy('plan_activities.position')
    .limit(200)
    .execute();
  if (activities.length === 0) return [];
  const filed = await deps.db
    .selectFrom('progress_reports')
    .select(['activity_id', 'year', 'period'])
    .where(
      'activity_id',
      'in',
      activities.map((a) => a.id),
    )
    .where('year', '>=', year - 1)
    .execute();
  const has = new Set(filed.map((f) => `${f.activity_id}:${f.year}:${f.period}`));
  const due: {
    planId: string;
    activityId: string;
    activityTitle: string;
    year: number;
    period: number;
    overdue: boolean;
  }[] = [];
  for (const a of activities) {
    const current = periodOf(today, a.period_kind);
    const before = previousPeriod(current, a.period_kind);
    for (const [p, overdue] of [
      [before, true],
      [current, false],
    ] as const) {
      if (p.year < a.start_year || has.has(`${a.id}:${p.year}:${p.period}`)) continue;
      due.push({
        planId: a.plan_id,
        activityId: a.id,
        activityTitle: a.title,
        year: p.year,
        period: p.period,
        overdue,
      });
    }
  }
  return due;
}
