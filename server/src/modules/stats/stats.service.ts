import {
  type Breakdown,
  type BreakdownQuery,
  type Dashboard,
  isPercentIndicator,
  isSmallCount,
  MULTI_VALUED_DIMENSIONS,
  type ReleasedCount,
  resolveDays,
  resolvePeriod,
  STAT_INDICATORS,
  type StatDimension,
  type StatsFilter,
  suppressTable,
} from '@sinergi/core';
import { recordRead } from '../../platform/audit-reads.js';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { errors } from '../../platform/errors.js';
import { AGGREGATED, RESPONSE, readAggregate, refreshStale } from './stats.aggregate.js';
import { keysOf, orderKeys } from './stats.keys.js';
import { type StatsScope, statsScope, visibleTaskForces } from './stats.policy.js';
import * as repo from './stats.repository.js';
import { meanAchievement, type WorkFact, workFacts, workLabels } from './stats.work.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'config' | 'reference'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

/** One counted group: the dimension values it falls under and how many records it holds. */
type Fact = WorkFact;

const TOTAL_COLUMN = 'total';

/** Minutes east of UTC of an IANA zone (Indonesian zones keep no daylight saving). */
export function zoneOffsetMinutes(zone: string): number {
  const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

interface Resolved {
  scope: StatsScope;
  where: repo.StatsWhere;
  offset: number;
  period: { from: string | null; to: string | null };
  /** Today in the caller's zone, `YYYY-MM-DD`. */
  today: string;
  /** Months the pre-aggregated counts can answer for, or null when the filter needs the records. */
  months: { fromMonth: string | null; toMonth: string | null; allTaskForces: boolean } | null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The month range of a whole-month period without a kecamatan filter (what the monthly counts hold). */
function monthRange(filter: StatsFilter): { fromMonth: string | null; toMonth: string | null } | null {
  if (filter.from || filter.to || filter.originDistrict) return null;
  if (filter.year === undefined) return { fromMonth: null, toMonth: null };
  const y = filter.year;
  if (filter.month !== undefined)
    return { fromMonth: `${y}-${pad2(filter.month)}`, toMonth: `${y}-${pad2(filter.month)}` };
  if (filter.quarter !== undefined) {
    const first = (filter.quarter - 1) * 3 + 1;
    return { fromMonth: `${y}-${pad2(first)}`, toMonth: `${y}-${pad2(first + 2)}` };
  }
  return { fromMonth: `${y}-01`, toMonth: `${y}-12` };
}

async function offsetOf(db: Db, taskForceId: string): Promise<number> {
  const row = await db
    .selectFrom('task_forces')
    .select('time_zone')
    .where('id', '=', taskForceId)
    .executeTakeFirst();
  return zoneOffsetMinutes(row?.time_zone ?? 'Asia/Makassar');
}

/** Brings the monthly counts of the task forces in scope up to date with their records. */
async function freshAggregate(db: Db, r: Resolved) {
  await refreshStale(db, r.months!.allTaskForces ? null : r.scope.taskForceIds, (id) => offsetOf(db, id));
  return { taskForceIds: r.scope.taskForceIds, ...r.months! };
}

/** The scope and period of a request; 404 when the task force asked for is not visible. */
async function resolve(db: Db, actor: Actor, filter: StatsFilter, now: Date): Promise<Resolved> {
  const nodes = await repo.taskForceNodes(db);
  const scope = statsScope(actor, nodes, filter.taskForceId);
  if (!scope) throw errors.notFound();
  const range = monthRange(filter);
  const zone = await db
    .selectFrom('task_forces')
    .select('time_zone')
    .where('id', '=', actor.taskForceId!)
    .executeTakeFirst();
  const offset = zoneOffsetMinutes(zone?.time_zone ?? 'Asia/Makassar');
  const period = resolvePeriod(filter, offset);
  return {
    scope,
    offset,
    period,
    today: new Date(now.getTime() + offset * 60_000).toISOString().slice(0, 10),
    months: range && { ...range, allTaskForces: scope.taskForceIds.length === nodes.length },
    where: { taskForceIds: scope.taskForceIds, ...period, originDistrict: filter.originDistrict },
  };
}

function rawFacts(rows: repo.RawCount[], a: StatDimension, b: StatDimension | null, offset: number): Fact[] {
  return rows.map((r) => ({
    values: { [a]: keysOf(a, r.a, offset), ...(b && { [b]: keysOf(b, r.b, offset) }) },
    n: r.n,
  }));
}

const VERDICTS = new Set(['putusan', 'banding', 'kasasi']);
const FUNNEL_OF: Record<string, string> = {
  laporan_polisi: 'laporan_polisi',
  penyidikan: 'penyidikan',
  p21: 'p21',
};

/** Cases or victims by an aggregated dimension (and optionally by month or year) from the monthly counts. */
async function aggregateFacts(db: Db, q: BreakdownQuery, r: Resolved): Promise<Fact[] | null> {
  if (!r.months || (q.indicator !== 'cases' && q.indicator !== 'victims')) return null;
  const unit = q.indicator === 'cases' ? 'case' : 'victim';
  const timeDims: StatDimension[] = ['month', 'year'];
  const a = q.dimension;
  const b = q.series ?? null;
  const aTime = timeDims.includes(a);
  if (b && !timeDims.includes(b)) return null;
  if (b && aTime) return null;
  if (!aTime && !AGGREGATED[unit].includes(a)) return null;
  const w = await freshAggregate(db, r);
  const asTime = (d: StatDimension, month: string) => (d === 'year' ? month.slice(0, 4) : month);
  if (aTime) {
    const rows = await readAggregate(db, w, unit, 'total', true);
    return rows.map((x) => ({ values: { [a]: [asTime(a, x.month!)] }, n: x.n }));
  }
  const rows = await readAggregate(db, w, unit, a, b !== null);
  return rows.map((x) => ({ values: { [a]: [x.key], ...(b && { [b]: [asTime(b, x.month!)] }) }, n: x.n }));
}

async function factsFor(db: Db, q: BreakdownQuery, r: Resolved): Promise<Fact[]> {
  const days = resolveDays(q);
  const worked = await workFacts(db, q.indicator, {
    taskForceIds: r.scope.taskForceIds,
    ...days,
    districtCode: q.originDistrict,
    year: q.year,
    today: r.today,
  });
  if (worked) return worked;
  const aggregated = await aggregateFacts(db, q, r);
  if (aggregated) return aggregated;
  const a = q.dimension;
  const b = q.series ?? null;
  const w = r.where;
  switch (q.indicator) {
    case 'cases':
      return rawFacts(await repo.countCases(db, w, a, b), a, b, r.offset);
    case 'victims':
      return rawFacts(await repo.countVictims(db, w, a, b), a, b, r.offset);
    case 'deportees':
      return rawFacts(await repo.countVictims(db, w, a, b, ['pmi_deportee']), a, b, r.offset);
    case 'bodies_returned':
      return rawFacts(await repo.countVictims(db, w, a, b, ['pmi_deceased']), a, b, r.offset);
    case 'services':
      return rawFacts(await repo.countServices(db, w, a, b), a, b, r.offset);
    case 'referrals':
      return rawFacts(await repo.countReferrals(db, w, a, b), a, b, r.offset);
    case 'service_delivery': {
      const { needs, delivered } = await repo.serviceNeedsAndDeliveries(db, w);
      return [
        ...needs.map((x) => ({
          values: {
            sop_stage: keysOf('sop_stage', x.a, r.offset),
            need_or_delivery: ['needed'],
            task_force: [String(x.b)],
          },
          n: x.n,
        })),
        ...delivered.map((x) => ({
          values: { sop_stage: [String(x.a)], need_or_delivery: ['delivered'], task_force: [String(x.b)] },
          n: x.n,
        })),
      ];
    }
    case 'legal_funnel': {
      const perCase = new Map<string, { tf: string; steps: Set<string> }>();
      for (const row of await repo.legalStagesReached(db, w)) {
        const entry = perCase.get(row.case_id) ?? { tf: row.task_force_id, steps: new Set<string>() };
        const step = FUNNEL_OF[row.stage];
        if (step) entry.steps.add(step);
        if (VERDICTS.has(row.stage)) {
          entry.steps.add('putusan');
          if (verdictOutcome(row.details) === 'guilty') entry.steps.add('conviction');
        }
        perCase.set(row.case_id, entry);
      }
      return [...perCase.values()]
        .filter((e) => e.steps.size > 0)
        .map((e) => ({ values: { legal_stage: [...e.steps], task_force: [e.tf] }, n: 1 }));
    }
    default:
      return [];
  }
}

function verdictOutcome(details: string): string | null {
  try {
    const d = JSON.parse(details) as { verdict?: { outcome?: string } };
    return d.verdict?.outcome ?? null;
  } catch {
    return null;
  }
}

function exactTable(counts: number[][]) {
  const rowTotals = counts.map((r) => r.reduce((x, y) => x + y, 0));
  const columnTotals = (counts[0] ?? []).map((_, j) => counts.reduce((x, r) => x + r[j]!, 0));
  return { cells: counts, rowTotals, columnTotals, grandTotal: rowTotals.reduce((x, y) => x + y, 0) };
}

/** The table of one indicator broken down by a dimension (and optionally a series), protected as the caller requires. */
export async function breakdown(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  q: BreakdownQuery,
  /** null: the caller audits once for a whole document (the yearly report). */
  action: 'stats.read' | 'stats.exported' | null = 'stats.read',
): Promise<Breakdown> {
  const r = await resolve(deps.db, actor, q, deps.clock.now());
  const facts = await factsFor(deps.db, q, r);
  const series = q.series ?? null;
  const percent = isPercentIndicator(q.indicator);
  const distinct = q.indicator === 'villages_reached';
  // a cell adds up n, or collects the distinct villages, or the activities' percentages
  const grid = new Map<string, Map<string, { n: number; set: Set<string>; percents: (number | null)[] }>>();
  const rowSets = new Map<string, Set<string>>();
  const colSets = new Map<string, Set<string>>();
  const rowSums = new Map<string, number>();
  const colSums = new Map<string, number>();
  const allDistinct = new Set<string>();
  const add = (sums: Map<string, number>, sets: Map<string, Set<string>>, k: string, f: Fact) => {
    if (f.distinct === undefined) sums.set(k, (sums.get(k) ?? 0) + f.n);
    else {
      const set = sets.get(k) ?? new Set<string>();
      set.add(f.distinct);
      sets.set(k, set);
      sums.set(k, set.size);
    }
  };
  for (const f of facts) {
    for (const rk of f.values[q.dimension] ?? []) {
      for (const ck of series ? (f.values[series] ?? []) : [TOTAL_COLUMN]) {
        const row = grid.get(rk) ?? new Map();
        const cell = row.get(ck) ?? { n: 0, set: new Set<string>(), percents: [] };
        cell.n += f.n;
        if (f.distinct !== undefined) {
          cell.set.add(f.distinct);
          allDistinct.add(f.distinct);
        }
        if (f.percent !== undefined) cell.percents.push(f.percent);
        row.set(ck, cell);
        grid.set(rk, row);
        add(rowSums, rowSets, rk, f);
        add(colSums, colSets, ck, f);
      }
    }
  }
  // head counts of prevention activities are recorded for men and women only
  const keysFor = (d: StatDimension, sums: Map<string, number>) =>
    q.indicator === 'prevention_participants' && d === 'sex' ? ['Male', 'Female'] : orderKeys(d, sums);
  const rowKeys = keysFor(q.dimension, rowSums);
  const columnKeys = series ? keysFor(series, colSums) : [TOTAL_COLUMN];
  const cellOf = (rk: string, ck: string) => grid.get(rk)?.get(ck);
  const multiValued =
    percent ||
    distinct ||
    q.indicator === 'service_delivery' ||
    MULTI_VALUED_DIMENSIONS.includes(q.dimension) ||
    (series !== null && MULTI_VALUED_DIMENSIONS.includes(series));
  const threshold = deps.config.STATS_SMALL_CELL_THRESHOLD;
  let table: {
    cells: (number | null)[][];
    rowTotals: (number | null)[];
    columnTotals: (number | null)[];
    grandTotal: number | null;
    masked?: Breakdown['masked'];
  };
  if (percent) {
    // achievement of agencies' work: not a count of people, so shown as it is (see decisions)
    const cells = rowKeys.map((rk) =>
      columnKeys.map((ck) => meanAchievement(cellOf(rk, ck)?.percents ?? [])),
    );
    table = { cells, rowTotals: [], columnTotals: [], grandTotal: null };
  } else {
    const counts = rowKeys.map((rk) =>
      columnKeys.map((ck) => {
        const c = cellOf(rk, ck);
        return distinct ? (c?.set.size ?? 0) : (c?.n ?? 0);
      }),
    );
    table = r.scope.exact
      ? exactTable(counts)
      : suppressTable(counts, threshold, { withTotals: !multiValued });
  }
  const noTotals = <T>(v: T): T | null => (multiValued ? null : v);
  const labels: Record<string, string> = {};
  for (const [d, keys] of [
    [q.dimension, rowKeys],
    [series, columnKeys],
  ] as const) {
    if (d === 'task_force') Object.assign(labels, await repo.taskForceNames(deps.db, keys));
    if (d === 'origin_district' || d === 'destination_province')
      for (const k of keys) {
        const region = deps.reference.region(k);
        if (region) labels[k] = region.name;
      }
    if (d)
      Object.assign(
        labels,
        await workLabels(deps.db, d, keys, (c) => deps.reference.region(c), r.scope.taskForceIds.length > 1),
      );
  }
  if (action)
    await recordRead(deps, actor, meta, {
      action,
      details: {
        indicator: q.indicator,
        dimension: q.dimension,
        series,
        taskForces: r.scope.taskForceIds.length,
        exact: r.scope.exact,
      },
    });
  return {
    indicator: q.indicator,
    unit: STAT_INDICATORS[q.indicator].unit,
    dimension: q.dimension,
    series,
    period: r.period,
    exact: r.scope.exact,
    threshold,
    rollUp: r.scope.rollUp,
    taskForceCount: r.scope.taskForceIds.length,
    multiValued,
    rowKeys,
    columnKeys,
    cells: table.cells,
    rowTotals: multiValued ? rowKeys.map(() => null) : table.rowTotals,
    columnTotals: multiValued ? columnKeys.map(() => null) : table.columnTotals,
    // distinct villages overall: not a sum of the cells, so it reveals nothing by subtraction
    grandTotal: distinct
      ? !r.scope.exact && isSmallCount(allDistinct.size, threshold)
        ? null
        : allDistinct.size
      : noTotals(table.grandTotal),
    masked: table.masked ?? null,
    labels,
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The headline figures of the leadership and secretariat dashboards. */
export async function dashboard(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  filter: StatsFilter,
  /** false: the caller audits once for a whole document (the yearly report). */
  audited = true,
): Promise<Dashboard> {
  const r = await resolve(deps.db, actor, filter, deps.clock.now());
  const db = deps.db;
  const threshold = deps.config.STATS_SMALL_CELL_THRESHOLD;
  const exact = r.scope.exact;
  const one = (n: number): ReleasedCount => (!exact && isSmallCount(n, threshold) ? null : n);
  const byMonth = async (rows: Promise<repo.RawCount[]>) => {
    const m = new Map<string, number>();
    for (const f of rawFacts(await rows, 'month', null, r.offset)) {
      const k = f.values.month![0]!;
      m.set(k, (m.get(k) ?? 0) + f.n);
    }
    return m;
  };
  const total = (facts: Fact[]) => facts.reduce((sum, f) => sum + f.n, 0);
  let caseMonths: Map<string, number>;
  let victimMonths: Map<string, number>;
  let child: number;
  let deportees: number;
  let bodies: number;
  let responses: { due: number; onTime: number };
  const now = deps.clock.now().toISOString();
  if (r.months) {
    const w = await freshAggregate(db, r);
    const months = async (unit: 'case' | 'victim') =>
      new Map((await readAggregate(db, w, unit, 'total', true)).map((x) => [x.month!, x.n]));
    const byKey = async (unit: 'case' | 'victim', d: StatDimension | typeof RESPONSE) =>
      new Map((await readAggregate(db, w, unit, d, false)).map((x) => [x.key, x.n]));
    // independent reads of the monthly counts, side by side for a roll-up
    const [cm, vm, ages, types, answered, openDue] = await repo.gather(
      r.scope.taskForceIds.length > 1,
      () => months('case'),
      () => months('victim'),
      () => byKey('victim', 'age_group'),
      () => byKey('victim', 'case_type'),
      () => byKey('case', RESPONSE),
      // only the unanswered cases depend on the time of asking: read them from the records
      () => repo.countOpenResponsesDue(db, r.where, now),
    );
    caseMonths = cm;
    victimMonths = vm;
    child = ages.get('child') ?? 0;
    deportees = types.get('pmi_deportee') ?? 0;
    bodies = types.get('pmi_deceased') ?? 0;
    const onTime = answered.get('on_time') ?? 0;
    responses = { due: onTime + (answered.get('late') ?? 0) + openDue, onTime };
  } else {
    caseMonths = await byMonth(repo.countCases(db, r.where, 'month', null));
    victimMonths = await byMonth(repo.countVictims(db, r.where, 'month', null));
    const victimsBy = async (d: StatDimension, types?: string[]) =>
      rawFacts(await repo.countVictims(db, r.where, d, null, types), d, null, r.offset);
    child = (await victimsBy('age_group'))
      .filter((f) => f.values.age_group![0] === 'child')
      .reduce((sum, f) => sum + f.n, 0);
    deportees = total(await victimsBy('sex', ['pmi_deportee']));
    bodies = total(await victimsBy('sex', ['pmi_deceased']));
    responses = await repo.responseCounts(db, r.where, now);
  }
  const months = [...new Set([...caseMonths.keys(), ...victimMonths.keys()])].sort();
  const protect = (counts: number[][]) =>
    exact ? exactTable(counts) : suppressTable(counts, threshold, { withTotals: true });
  const caseTable = protect(months.map((m) => [caseMonths.get(m) ?? 0]));
  const victimTable = protect(months.map((m) => [victimMonths.get(m) ?? 0]));
  const parallel = r.scope.taskForceIds.length > 1;
  const [referralRows, facts] = await repo.gather(
    parallel,
    () => repo.countReferrals(db, r.where, 'referral_status', null),
    () => repo.dashboardFacts(db, r.where, parallel),
  );
  const referrals = new Map<string, number>();
  for (const f of rawFacts(referralRows, 'referral_status', null, r.offset))
    referrals.set(f.values.referral_status![0]!, (referrals.get(f.values.referral_status![0]!) ?? 0) + f.n);
  const statuses = ['pending', 'accepted', 'declined', 'completed', 'revoked'];
  const referralTable = protect(statuses.map((s) => [referrals.get(s) ?? 0]));
  const at = (s: string) => referralTable.cells[statuses.indexOf(s)]?.[0] ?? null;
  const serviceDue = facts.serviceDeadlines.filter((x) => x.done !== null || x.due < now);
  const serviceMet = serviceDue.filter((x) => x.done !== null && x.done <= x.due).length;
  const enough = (n: number) => exact || n >= threshold;
  const day = 86_400_000;
  const accepted = at('accepted');
  const completed = at('completed');
  if (audited)
    await recordRead(deps, actor, meta, {
      action: 'stats.read',
      details: { indicator: 'dashboard', taskForces: r.scope.taskForceIds.length, exact },
    });
  return {
    period: r.period,
    exact,
    threshold,
    rollUp: r.scope.rollUp,
    taskForceCount: r.scope.taskForceIds.length,
    cases: caseTable.grandTotal,
    victims: victimTable.grandTotal,
    childVictims: one(child),
    deportees: one(deportees),
    bodiesReturned: one(bodies),
    firstResponseOnTimePercent:
      responses.due && enough(responses.due)
        ? Math.round((responses.onTime / responses.due) * 1000) / 10
        : null,
    serviceDeadlinesMetPercent:
      serviceDue.length && enough(serviceDue.length)
        ? Math.round((serviceMet / serviceDue.length) * 1000) / 10
        : null,
    medianDaysToFirstService: enough(facts.firstServices.length)
      ? median(
          facts.firstServices.map((x) =>
            Math.max(0, Math.floor((Date.parse(x.first) - Date.parse(x.reported)) / day)),
          ),
        )
      : null,
    referrals: {
      sent: referralTable.grandTotal,
      // an accepted referral that has since been completed was accepted too
      accepted: accepted === null || completed === null ? null : accepted + completed,
      declined: at('declined'),
      pending: at('pending'),
    },
    medianReferralResponseHours: enough(facts.referralAnswers.length)
      ? median(
          facts.referralAnswers.map(
            (x) => Math.round(((Date.parse(x.answered) - Date.parse(x.sent)) / 3_600_000) * 10) / 10,
          ),
        )
      : null,
    restitution: { granted: facts.granted, paid: facts.paid },
    trend: months.map((month, i) => ({
      month,
      cases: caseTable.cells[i]?.[0] ?? null,
      victims: victimTable.cells[i]?.[0] ?? null,
    })),
  };
}

/**
 * The task forces a caller may narrow the statistics to: their own and those below it (a
 * province's regencies, every one for a national task force). Names and levels only.
 */
export async function pickableTaskForces(deps: Pick<AppDeps, 'db'>, actor: Actor) {
  if (!actor.taskForceId) return [];
  const nodes = await repo.taskForceNodes(deps.db);
  const ids = visibleTaskForces(actor.taskForceId, nodes);
  const names = await repo.taskForceNames(deps.db, ids);
  const levelOrder = { national: 0, province: 1, regency: 2 } as const;
  return nodes
    .filter((n) => ids.includes(n.id))
    .map((n) => ({
      id: n.id,
      name: names[n.id] ?? '',
      level: n.level,
      parentId: n.parent_id,
      own: n.id === actor.taskForceId,
    }))
    .sort(
      (a, b) =>
        Number(b.own) - Number(a.own) ||
        levelOrder[a.level] - levelOrder[b.level] ||
        a.name.localeCompare(b.name, 'id'),
    );
}
