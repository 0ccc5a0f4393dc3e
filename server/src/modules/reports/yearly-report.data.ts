import {
  type Breakdown,
  type BreakdownQuery,
  type Dashboard,
  MEMBER_POSITIONS,
  type MemberPosition,
  type ReportStep,
  resolvePeriod,
  type StatDimension,
  TARGET_GROUPS,
  type YearEvaluation,
} from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { getPlanTree } from '../plans/plan.service.js';
import { yearEvaluationOf } from '../plans/work-programme.service.js';
import { breakdown, dashboard, zoneOffsetMinutes } from '../stats/stats.service.js';
import { valueLabel } from '../stats/stats.xlsx.js';
import { getMembership } from '../taskforces/membership.service.js';
import {
  ALERT_CHANNEL_LABELS,
  ALERT_STATUS_LABELS,
  POSITION_LABELS,
  TARGET_GROUP_LABELS,
} from './report-labels.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'config' | 'reference' | 'cipher'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

/** A released count: null when hidden under the small-cell rule (shown as "< threshold"). */
export type Count = number | null;

export interface Row {
  label: string;
  value: Count;
  /** Hidden although not small itself: it would let a small count be computed from the total. */
  masked?: boolean;
}

/** Everything the yearly report says, gathered once and rendered to DOCX and PDF. */
export interface YearlyReportData {
  year: number;
  taskForce: { name: string; region: string | null; level: 'national' | 'province' | 'regency' };
  /** Local date of generation, e.g. "29 November 2026". */
  generatedOn: string;
  threshold: number;
  /** Figures of this year and the year before (null where hidden). */
  headline: {
    cases: [Count, Count];
    victims: [Count, Count];
    childVictims: [Count, Count];
    deportees: [Count, Count];
    bodiesReturned: [Count, Count];
  };
  composition: {
    decree: { number: string; title: string; signedOn: string } | null;
    leaders: { position: string; agency: string }[];
    subTaskForces: { name: string; lead: string | null; members: number }[];
    members: { agency: string; position: string }[];
  };
  cases: {
    byMonth: Row[];
    byType: Row[];
    victimsBySex: Row[];
    victimsByAge: Row[];
    byOrigin: Row[];
    byCountry: Row[];
    byExploitation: Row[];
  };
  services: {
    byStage: { label: string; needed: Count; delivered: Count }[];
    byStatus: Row[];
    referrals: Dashboard['referrals'];
    firstResponseOnTimePercent: number | null;
    serviceDeadlinesMetPercent: number | null;
    medianDaysToFirstService: number | null;
  };
  law: {
    funnel: Row[];
    restitution: { granted: number; paid: number };
    previousRestitution: { granted: number; paid: number };
  };
  migrants: { deporteesBySex: Row[]; bodiesByCountry: Row[]; byDeparture: Row[] };
  prevention: {
    activities: number;
    previousReach: number;
    participants: { adultMale: number; adultFemale: number; childMale: number; childFemale: number };
    villages: number;
    byTargetGroup: { label: string; activities: number; participants: number }[];
    watchGroups: { total: number; formedThisYear: number; members: number };
    alerts: { total: number; byStatus: Row[]; byChannel: Row[] };
    meetings: { held: number; actionsDone: number; actionsOpen: number };
  };
  plan: {
    title: string | null;
    overallPercent: number | null;
    subTaskForces: {
      name: string;
      percent: number | null;
      activities: number;
      behind: number;
      notReported: number;
    }[];
    activities: YearEvaluation['activities'];
  };
  evaluation: Pick<YearEvaluation, 'achievements' | 'obstacles' | 'interventions' | 'recommendations'>;
}

/** Progress of the gathering: the step under way and the share of the whole generation (0-100). */
export type OnStep = (step: ReportStep, percent: number) => Promise<void>;

/**
 * The actor as the report sees it: without exact counts. The report leaves the system for the
 * regent, so every count follows the leadership audience's small-cell rule, whoever generates it.
 */
function leadershipView(actor: Actor): Actor {
  const permissions = new Set(actor.permissions);
  permissions.delete('stats.exact');
  return { ...actor, permissions };
}

function rows(deps: Deps, b: Breakdown, column = 0): Row[] {
  return b.rowKeys.map((key, i) => ({
    label: valueLabel(deps.reference, b, b.dimension as StatDimension, key, 'id'),
    value: b.cells[i]?.[column] ?? null,
    masked: b.masked?.cells[i]?.[column] ?? false,
  }));
}

const monthName = new Intl.DateTimeFormat('id-ID', { month: 'long', timeZone: 'UTC' });

/** Gathers every section's figures for the actor's task force and the year. */
export async function gatherYearlyReport(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  year: number,
  onStep: OnStep,
): Promise<YearlyReportData> {
  const tfId = actor.taskForceId!;
  const view = leadershipView(actor);
  const db = deps.db;
  const tf = await db
    .selectFrom('task_forces')
    .select(['name', 'level', 'region_code', 'time_zone'])
    .where('id', '=', tfId)
    .executeTakeFirstOrThrow();
  const offset = zoneOffsetMinutes(tf.time_zone);
  const period = resolvePeriod({ year }, offset);
  const table = (q: Omit<BreakdownQuery, 'year'>) => breakdown(deps, view, meta, { ...q, year }, null);

  await onStep('composition', 5);
  const membership = await getMembership(deps, actor, tfId);
  const agencyName = new Map(membership.members.map((m) => [m.agencyId, m.agencyShortName || m.agencyName]));
  const decree = membership.decrees.find((d) => d.inForce) ?? null;
  const leaders = MEMBER_POSITIONS.filter((p) => p !== 'member').flatMap((p) =>
    membership.members
      .filter((m) => m.position === p)
      .map((m) => ({ position: POSITION_LABELS[p], agency: m.agencyName })),
  );
  const composition: YearlyReportData['composition'] = {
    decree: decree && { number: decree.number, title: decree.title, signedOn: decree.signedOn },
    leaders,
    subTaskForces: membership.subTaskForces.map((s) => ({
      name: s.name,
      lead: s.leadAgencyId ? (agencyName.get(s.leadAgencyId) ?? null) : null,
      members: membership.members.filter((m) => m.subTaskForceIds.includes(s.id)).length,
    })),
    members: membership.members.map((m) => ({
      agency: m.agencyName,
      position: POSITION_LABELS[m.position as MemberPosition],
    })),
  };

  await onStep('cases', 15);
  const [now, before] = [
    await dashboard(deps, view, meta, { year }, false),
    await dashboard(deps, view, meta, { year: year - 1 }, false),
  ];
  const pair = (
    k: 'cases' | 'victims' | 'childVictims' | 'deportees' | 'bodiesReturned',
  ): [number | null, number | null] => [now[k], before[k]];
  const cases: YearlyReportData['cases'] = {
    // Every month of the year, a month without cases as zero.
    byMonth: Array.from({ length: 12 }, (_, i) => {
      const month = `${year}-${String(i + 1).padStart(2, '0')}`;
      const found = now.trend.find((t) => t.month === month);
      return { label: monthName.format(new Date(`${month}-01T00:00:00Z`)), value: found ? found.cases : 0 };
    }),
    byType: rows(deps, await table({ indicator: 'cases', dimension: 'case_type' })),
    victimsBySex: rows(deps, await table({ indicator: 'victims', dimension: 'sex' })),
    victimsByAge: rows(deps, await table({ indicator: 'victims', dimension: 'age_group' })),
    byOrigin: rows(deps, await table({ indicator: 'victims', dimension: 'origin_district' })),
    byCountry: rows(deps, await table({ indicator: 'victims', dimension: 'destination_country' })),
    byExploitation: rows(deps, await table({ indicator: 'victims', dimension: 'exploitation_type' })),
  };

  await onStep('services', 30);
  const delivery = await table({
    indicator: 'service_delivery',
    dimension: 'sop_stage',
    series: 'need_or_delivery',
  });
  const col = (k: string) => delivery.columnKeys.indexOf(k);
  const services: YearlyReportData['services'] = {
    byStage: delivery.rowKeys.map((key, i) => ({
      label: valueLabel(deps.reference, delivery, 'sop_stage', key, 'id'),
      needed: col('needed') < 0 ? 0 : (delivery.cells[i]?.[col('needed')] ?? null),
      delivered: col('delivered') < 0 ? 0 : (delivery.cells[i]?.[col('delivered')] ?? null),
    })),
    byStatus: rows(deps, await table({ indicator: 'services', dimension: 'service_status' })),
    referrals: now.referrals,
    firstResponseOnTimePercent: now.firstResponseOnTimePercent,
    serviceDeadlinesMetPercent: now.serviceDeadlinesMetPercent,
    medianDaysToFirstService: now.medianDaysToFirstService,
  };

  await onStep('law_enforcement', 40);
  const law: YearlyReportData['law'] = {
    funnel: rows(deps, await table({ indicator: 'legal_funnel', dimension: 'legal_stage' })),
    restitution: now.restitution,
    previousRestitution: before.restitution,
  };

  await onStep('migrant_workers', 50);
  const migrants: YearlyReportData['migrants'] = {
    deporteesBySex: rows(deps, await table({ indicator: 'deportees', dimension: 'sex' })),
    bodiesByCountry: rows(
      deps,
      await table({ indicator: 'bodies_returned', dimension: 'destination_country' }),
    ),
    byDeparture: rows(deps, await table({ indicator: 'victims', dimension: 'departure' })),
  };

  await onStep('prevention', 55);
  const prevention = await preventionFigures(deps, tfId, year, period);
  const earlier = await preventionFigures(deps, tfId, year - 1, resolvePeriod({ year: year - 1 }, offset));
  prevention.previousReach = Object.values(earlier.participants).reduce((a, b) => a + b, 0);

  await onStep('plan', 60);
  const evaluation = await yearEvaluationOf(deps, actor, year);
  const planRow = await db
    .selectFrom('plans')
    .select(['id', 'title'])
    .where('task_force_id', '=', tfId)
    .where('start_year', '<=', year)
    .where('end_year', '>=', year)
    .orderBy('created_at')
    .executeTakeFirst();
  const tree = planRow ? await getPlanTree(deps, actor, planRow.id, year) : null;
  const reported = evaluation.activities.filter((a) => a.realised !== null && a.target > 0);
  const plan: YearlyReportData['plan'] = {
    title: planRow?.title ?? null,
    overallPercent: reported.length
      ? Math.round(
          reported.reduce((s, a) => s + Math.min(100, ((a.realised ?? 0) / a.target) * 100), 0) /
            reported.length,
        )
      : null,
    subTaskForces: (tree?.subTaskForces ?? []).map((s) => ({
      name: s.name ?? 'Tanpa sub gugus tugas',
      percent: s.achievementPercent,
      activities: s.activities,
      behind: s.behind,
      notReported: s.notReported,
    })),
    activities: evaluation.activities,
  };

  return {
    year,
    taskForce: {
      name: tf.name,
      region: tf.region_code ? (deps.reference.region(tf.region_code)?.name ?? null) : null,
      level: tf.level,
    },
    generatedOn: new Intl.DateTimeFormat('id-ID', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: tf.time_zone,
    }).format(deps.clock.now()),
    threshold: deps.config.STATS_SMALL_CELL_THRESHOLD,
    headline: {
      cases: pair('cases'),
      victims: pair('victims'),
      childVictims: pair('childVictims'),
      deportees: pair('deportees'),
      bodiesReturned: pair('bodiesReturned'),
    },
    composition,
    cases,
    services,
    law,
    migrants,
    prevention,
    plan,
    evaluation: {
      achievements: evaluation.achievements,
      obstacles: evaluation.obstacles,
      interventions: evaluation.interventions,
      recommendations: evaluation.recommendations,
    },
  };
}

/**
 * Outreach, watch groups, recruitment alerts and coordination meetings of the year. These count
 * participants and activities, never victims, so no small-cell rule applies.
 */
async function preventionFigures(
  deps: Deps,
  tfId: string,
  year: number,
  period: { from: string | null; to: string | null },
): Promise<YearlyReportData['prevention']> {
  const db = deps.db;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const [activities, groups, alerts, meetings, actions] = await Promise.all([
    db
      .selectFrom('prevention_activities')
      .select(['village_code', 'target_group', 'adult_male', 'adult_female', 'child_male', 'child_female'])
      .where('task_force_id', '=', tfId)
      .where('deleted_at', 'is', null)
      .where('held_on', '>=', first)
      .where('held_on', '<=', last)
      .execute(),
    db
      .selectFrom('watch_groups')
      .select(['formed_on', 'members_count'])
      .where('task_force_id', '=', tfId)
      .where('deleted_at', 'is', null)
      .where('formed_on', '<=', last)
      .execute(),
    db
      .selectFrom('recruitment_alerts')
      .select(['status', 'channel'])
      .where('task_force_id', '=', tfId)
      .where('deleted_at', 'is', null)
      .where('seen_on', '>=', first)
      .where('seen_on', '<=', last)
      .execute(),
    db
      .selectFrom('meetings')
      .select('id')
      .where('task_force_id', '=', tfId)
      .where('starts_at', '>=', period.from!)
      .where('starts_at', '<', period.to!)
      .execute(),
    db
      .selectFrom('meeting_actions')
      .innerJoin('meetings', 'meetings.id', 'meeting_actions.meeting_id')
      .select('meeting_actions.status')
      .where('meetings.task_force_id', '=', tfId)
      .where('meetings.starts_at', '>=', period.from!)
      .where('meetings.starts_at', '<', period.to!)
      .execute(),
  ]);
  const sum = (a: (typeof activities)[number]) =>
    Number(a.adult_male) + Number(a.adult_female) + Number(a.child_male) + Number(a.child_female);
  const countBy = <T>(items: T[], key: (t: T) => string, labels: Record<string, string>): Row[] => {
    const m = new Map<string, number>();
    for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
    return [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => ({ label: labels[k] ?? k, value: n }));
  };
  return {
    activities: activities.length,
    previousReach: 0,
    participants: {
      adultMale: activities.reduce((s, a) => s + Number(a.adult_male), 0),
      adultFemale: activities.reduce((s, a) => s + Number(a.adult_female), 0),
      childMale: activities.reduce((s, a) => s + Number(a.child_male), 0),
      childFemale: activities.reduce((s, a) => s + Number(a.child_female), 0),
    },
    villages: new Set(activities.map((a) => a.village_code)).size,
    byTargetGroup: TARGET_GROUPS.map((g) => {
      const mine = activities.filter((a) => a.target_group === g);
      return {
        label: TARGET_GROUP_LABELS[g] ?? g,
        activities: mine.length,
        participants: mine.reduce((s, a) => s + sum(a), 0),
      };
    }).filter((g) => g.activities > 0),
    watchGroups: {
      total: groups.length,
      formedThisYear: groups.filter((g) => g.formed_on >= first).length,
      members: groups.reduce((s, g) => s + Number(g.members_count), 0),
    },
    alerts: {
      total: alerts.length,
      byStatus: countBy(alerts, (a) => a.status, ALERT_STATUS_LABELS),
      byChannel: countBy(alerts, (a) => a.channel, ALERT_CHANNEL_LABELS),
    },
    meetings: {
      held: meetings.length,
      actionsDone: actions.filter((a) => a.status === 'done').length,
      actionsOpen: actions.filter((a) => a.status === 'open').length,
    },
  };
}
