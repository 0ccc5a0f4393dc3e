import {
  achievementPercent,
  groupAchievement,
  type StatDimension,
  type StatIndicator,
  UNKNOWN_KEY,
} from '@sinergi/core';
import type { Db } from '../../platform/db/connect.js';
import * as work from './stats.work.repository.js';

/**
 * One counted group of a work indicator. `n` is added up; where `distinct` is set the cell counts
 * distinct values instead (villages reached); where `percent` is set the cell is the mean of the
 * percentages it holds (RAD achievement).
 */
export interface WorkFact {
  values: Partial<Record<StatDimension, string[]>>;
  n: number;
  distinct?: string;
  percent?: number | null;
}

export interface WorkScope extends work.DayScope {
  districtCode?: string;
  /** The year of a RAD achievement. */
  year?: number;
  /** Today in the caller's zone (`YYYY-MM-DD`), for what is overdue. */
  today: string;
}

const timeKeys = (day: string) => ({ month: [day.slice(0, 7)], year: [day.slice(0, 4)] });

async function meetingActionFacts(db: Db, w: WorkScope): Promise<WorkFact[]> {
  return (await work.meetingActionGroups(db, w)).map((r) => ({
    values: {
      action_status: [r.status],
      // overdue: still open after the day it was due
      action_overdue: [r.status === 'open' && r.due_date < w.today ? 'overdue' : 'not_overdue'],
      owner_agency: [r.owner_agency_id],
      task_force: [r.task_force_id],
      ...timeKeys(r.due_date),
    },
    n: r.n,
  }));
}

async function preventionFacts(db: Db, indicator: StatIndicator, w: WorkScope): Promise<WorkFact[]> {
  const rows = await work.preventionGroups(db, w);
  return rows.flatMap((r) => {
    const values = {
      target_group: [r.target_group],
      village: [r.village_code],
      activity_district: [r.village_code.slice(0, 8)],
      task_force: [r.task_force_id],
      month: [r.month],
      year: [r.month.slice(0, 4)],
    };
    if (indicator === 'prevention_activities') return [{ values, n: r.activities }];
    if (indicator === 'villages_reached') return [{ values, n: 1, distinct: r.village_code }];
    return [
      { values: { ...values, sex: ['Male'], age_group: ['adult'] }, n: r.adultMale },
      { values: { ...values, sex: ['Female'], age_group: ['adult'] }, n: r.adultFemale },
      { values: { ...values, sex: ['Male'], age_group: ['child'] }, n: r.childMale },
      { values: { ...values, sex: ['Female'], age_group: ['child'] }, n: r.childFemale },
    ];
  });
}

/**
 * One fact per activity of the RAD in force: its achievement in the year (the newest revision of
 * the newest period reported against the year's target, as on the RAD page), or null when nothing
 * is reported yet.
 */
async function radFacts(db: Db, w: WorkScope): Promise<WorkFact[]> {
  const year = w.year!;
  const { plans, activities, reports } = await work.plansInForce(db, w.taskForceIds, year);
  const latest = new Map<string, { period: number; revision: number; realised: number }>();
  for (const r of reports) {
    const cur = latest.get(r.activity_id);
    if (!cur || r.period > cur.period || (r.period === cur.period && r.revision > cur.revision))
      latest.set(r.activity_id, { period: r.period, revision: r.revision, realised: Number(r.realised) });
  }
  const planOf = new Map(plans.map((p) => [p.id, p]));
  return activities.map((a) => {
    const plan = planOf.get(a.plan_id)!;
    const targets = JSON.parse(a.targets) as { year: number; value: number }[];
    const target = targets.find((t) => t.year === year)?.value ?? 0;
    const realised = latest.get(a.id)?.realised ?? null;
    return {
      values: {
        sub_task_force: [a.sub_task_force_id ?? UNKNOWN_KEY],
        task_force: [plan.task_force_id],
      },
      n: 1,
      percent: realised === null ? null : achievementPercent(realised, target),
    };
  });
}

/** The facts of a work indicator (meetings, prevention, RAD), or null for the case indicators. */
export async function workFacts(db: Db, indicator: StatIndicator, w: WorkScope): Promise<WorkFact[] | null> {
  switch (indicator) {
    case 'meeting_actions':
      return meetingActionFacts(db, w);
    case 'prevention_activities':
    case 'prevention_participants':
    case 'villages_reached':
      return preventionFacts(db, indicator, w);
    case 'rad_achievement':
      return radFacts(db, w);
    default:
      return null;
  }
}

/** Names of the agencies, sub-task forces and villages among a table's keys. */
export async function workLabels(
  db: Db,
  dimension: StatDimension,
  keys: string[],
  region: (code: string) => { name: string } | undefined,
  withTaskForce: boolean,
): Promise<Record<string, string>> {
  const real = keys.filter((k) => k !== UNKNOWN_KEY);
  if (dimension === 'owner_agency') return work.agencyNames(db, real);
  if (dimension === 'sub_task_force') {
    const rows = await work.subTaskForceNames(db, real);
    return Object.fromEntries(
      rows.map((r) => [r.id, withTaskForce ? `${r.name} — ${r.taskForceName}` : r.name]),
    );
  }
  if (dimension === 'village' || dimension === 'activity_district') {
    const out: Record<string, string> = {};
    for (const k of real) {
      const r = region(k);
      if (r) out[k] = r.name;
    }
    return out;
  }
  return {};
}

/** The mean achievement of the activities in a cell, each capped at 100% (the RAD page's rule); null when none reported. */
export function meanAchievement(percents: (number | null)[]): number | null {
  return groupAchievement(percents.filter((p): p is number => p !== null));
}
