import { z } from 'zod';
import { queryInt } from '../query.js';

/**
 * The statistics catalogue: what can be counted and by which dimensions. Labels live in the web's
 * i18n files (`stats.indicator.*`, `stats.dimension.*`). Every dimension is a non-identifying
 * attribute of a record; none is derived from names, NIK, birth dates or addresses below kecamatan.
 */
export const STAT_DIMENSIONS = [
  'case_type',
  'stage',
  'sex',
  'age_group',
  'age_simfoni',
  'age_ctdc',
  'origin_district',
  'destination_country',
  'destination_province',
  'exploitation_type',
  'labour_sector',
  'recruitment_method',
  'recruitment_platform',
  'departure',
  'month',
  'year',
  'sop_stage',
  'service_status',
  'need_or_delivery',
  'referral_status',
  'legal_stage',
  'task_force',
  'action_status',
  'action_overdue',
  'owner_agency',
  'target_group',
  'village',
  'activity_district',
  'sub_task_force',
] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

/** Dimensions under which one record may count more than once, so their cells do not add up. */
export const MULTI_VALUED_DIMENSIONS: readonly StatDimension[] = [
  'exploitation_type',
  'labour_sector',
  'recruitment_method',
  'recruitment_platform',
  'legal_stage',
];

/** Indicators over work records (meetings, prevention, the RAD) rather than cases: no kecamatan-of-origin filter. */
export const WORK_INDICATORS = [
  'meeting_actions',
  'prevention_activities',
  'prevention_participants',
  'villages_reached',
  'rad_achievement',
] as const;

/** Indicators the kecamatan filter does not apply to (prevention filters by the kecamatan of the village instead). */
export const NO_DISTRICT_FILTER: readonly string[] = ['meeting_actions', 'rad_achievement'];

const CASE_DIMENSIONS = [
  'case_type',
  'stage',
  'origin_district',
  'destination_country',
  'destination_province',
  'exploitation_type',
  'departure',
  'month',
  'year',
  'task_force',
] as const satisfies readonly StatDimension[];

export const STAT_INDICATORS = {
  /** Cases reported in the period. */
  cases: { unit: 'case', dimensions: CASE_DIMENSIONS },
  /** Victims in the cases reported in the period (counted separately from cases). */
  victims: {
    unit: 'victim',
    dimensions: [
      ...CASE_DIMENSIONS,
      'sex',
      'age_group',
      'age_simfoni',
      'age_ctdc',
      'labour_sector',
      'recruitment_method',
      'recruitment_platform',
    ],
  },
  /** Migrant workers returned through deportation (victims of deportee cases). */
  deportees: {
    unit: 'victim',
    dimensions: ['sex', 'age_group', 'origin_district', 'month', 'year', 'task_force'],
  },
  /** Bodies of migrant workers returned (victims of deceased-repatriation cases). */
  bodies_returned: {
    unit: 'victim',
    dimensions: ['sex', 'origin_district', 'destination_country', 'departure', 'month', 'year', 'task_force'],
  },
  /** Services needed (victims with a need per SOP stage) against services delivered (completed). */
  service_delivery: { unit: 'service', dimensions: ['sop_stage', 'need_or_delivery', 'task_force'] },
  /** Services requested in the period, by SOP stage and status. */
  services: { unit: 'service', dimensions: ['sop_stage', 'service_status', 'month', 'task_force'] },
  /** Referrals sent in the period, by their status. */
  referrals: { unit: 'referral', dimensions: ['referral_status', 'month', 'task_force'] },
  /** Law-enforcement funnel: cases whose legal track reached each stage. */
  legal_funnel: { unit: 'case', dimensions: ['legal_stage', 'task_force'] },
  /** Follow-up actions of coordination meetings due in the period, by status, overdue and owner agency. */
  meeting_actions: {
    unit: 'action',
    dimensions: ['action_status', 'action_overdue', 'owner_agency', 'month', 'year', 'task_force'],
  },
  /** Prevention activities (outreach, KIE) held in the period. */
  prevention_activities: {
    unit: 'activity',
    dimensions: ['target_group', 'activity_district', 'village', 'month', 'year', 'task_force'],
  },
  /** People reached by prevention activities held in the period (the head counts the activities record). */
  prevention_participants: {
    unit: 'participant',
    dimensions: [
      'sex',
      'age_group',
      'target_group',
      'activity_district',
      'village',
      'month',
      'year',
      'task_force',
    ],
  },
  /** Distinct villages with at least one prevention activity in the period. */
  villages_reached: {
    unit: 'village',
    dimensions: ['activity_district', 'target_group', 'month', 'year', 'task_force'],
  },
  /** Achievement (%) of the RAD in force in a year, per sub-task force: a percentage, not a count. */
  rad_achievement: { unit: 'percent', dimensions: ['sub_task_force', 'task_force'] },
} as const satisfies Record<string, { unit: string; dimensions: readonly StatDimension[] }>;

export type StatIndicator = keyof typeof STAT_INDICATORS;
export const STAT_INDICATOR_IDS = Object.keys(STAT_INDICATORS) as [StatIndicator, ...StatIndicator[]];

/** Whether an indicator's cells are percentages (not summed, not small-cell suppressed) rather than counts. */
export function isPercentIndicator(indicator: StatIndicator): boolean {
  return STAT_INDICATORS[indicator].unit === 'percent';
}

export function dimensionsOf(indicator: StatIndicator): readonly StatDimension[] {
  return STAT_INDICATORS[indicator].dimensions;
}

export function isDimensionAllowed(indicator: StatIndicator, dimension: StatDimension): boolean {
  return dimensionsOf(indicator).includes(dimension);
}

/** Stages of the funnel, in order; a conviction is a verdict stage recorded with a guilty outcome. */
export const LEGAL_FUNNEL_STEPS = ['laporan_polisi', 'penyidikan', 'p21', 'putusan', 'conviction'] as const;

/** The key of records whose value is not recorded. */
export const UNKNOWN_KEY = '_unknown';

const isoDate = z.iso.date({ message: 'date_format' });

const filterShape = {
  year: queryInt({ min: 2000, max: 2100, minMessage: 'year_range', maxMessage: 'year_range' }).optional(),
  quarter: queryInt({ min: 1, max: 4, minMessage: 'quarter_range', maxMessage: 'quarter_range' }).optional(),
  month: queryInt({ min: 1, max: 12, minMessage: 'month_range', maxMessage: 'month_range' }).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  taskForceId: z.string().uuid('task_force_unknown').optional(),
  originDistrict: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}$/, 'district_code_format')
    .optional(),
};

type FilterInput = Partial<{ [K in keyof typeof filterShape]: z.infer<(typeof filterShape)[K]> }>;

function checkPeriod(v: FilterInput, ctx: z.RefinementCtx) {
  const hasRange = v.from !== undefined || v.to !== undefined;
  if (hasRange && v.year !== undefined)
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'period_mixed' });
  if ((v.quarter !== undefined || v.month !== undefined) && v.year === undefined)
    ctx.addIssue({ code: 'custom', path: ['year'], message: 'year_required' });
  if (v.quarter !== undefined && v.month !== undefined)
    ctx.addIssue({ code: 'custom', path: ['month'], message: 'period_mixed' });
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'range_order' });
}

/** The filters every statistic takes: a period (year, quarter, month or a range of days), a task force, a kecamatan of origin. */
export const statsFilterSchema = z.object(filterShape).superRefine(checkPeriod);
export type StatsFilter = z.infer<typeof statsFilterSchema>;

export const breakdownQuerySchema = z
  .object({
    indicator: z.enum(STAT_INDICATOR_IDS, { message: 'indicator_unknown' }),
    dimension: z.enum(STAT_DIMENSIONS, { message: 'dimension_unknown' }),
    series: z.enum(STAT_DIMENSIONS, { message: 'dimension_unknown' }).optional(),
    ...filterShape,
  })
  .superRefine((v, ctx) => {
    checkPeriod(v, ctx);
    if (!isDimensionAllowed(v.indicator, v.dimension))
      ctx.addIssue({ code: 'custom', path: ['dimension'], message: 'dimension_not_allowed' });
    if (v.series !== undefined && !isDimensionAllowed(v.indicator, v.series))
      ctx.addIssue({ code: 'custom', path: ['series'], message: 'dimension_not_allowed' });
    if (v.series !== undefined && v.series === v.dimension)
      ctx.addIssue({ code: 'custom', path: ['series'], message: 'series_same_as_dimension' });
    if (v.originDistrict !== undefined && NO_DISTRICT_FILTER.includes(v.indicator))
      ctx.addIssue({ code: 'custom', path: ['originDistrict'], message: 'district_not_applicable' });
    if (
      v.indicator === 'rad_achievement' &&
      (v.year === undefined || v.quarter !== undefined || v.month !== undefined)
    )
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'year_only' });
  });
export type BreakdownQuery = z.infer<typeof breakdownQuerySchema>;

const released = z.number().int().nullable();

/** A breakdown as released: counts are null where hidden (shown as "< threshold"). */
export const breakdownSchema = z.object({
  indicator: z.enum(STAT_INDICATOR_IDS),
  /** What a cell is: a count (`case`, `victim`, `action` ...) or `percent` (null then means nothing reported). */
  unit: z.string(),
  dimension: z.enum(STAT_DIMENSIONS),
  series: z.enum(STAT_DIMENSIONS).nullable(),
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  /** Exact counts (coordinator of the task force) or small-cell protected ones. */
  exact: z.boolean(),
  threshold: z.number().int(),
  /** The view covers more than the caller's own task force (province or national roll-up). */
  rollUp: z.boolean(),
  taskForceCount: z.number().int(),
  multiValued: z.boolean(),
  rowKeys: z.array(z.string()),
  columnKeys: z.array(z.string()),
  /** Whole counts, or percentages with one decimal for a percent indicator. */
  cells: z.array(z.array(z.number().nullable())),
  rowTotals: z.array(released),
  columnTotals: z.array(released),
  grandTotal: released,
  /** Hidden values that are not small themselves but protect a small one; absent for exact counts. */
  masked: z
    .object({
      cells: z.array(z.array(z.boolean())),
      rowTotals: z.array(z.boolean()),
      columnTotals: z.array(z.boolean()),
      grandTotal: z.boolean(),
    })
    .nullable(),
  /** Names of task forces and regions among the keys (no other names are ever returned). */
  labels: z.record(z.string(), z.string()),
});
export type Breakdown = z.infer<typeof breakdownSchema>;

/** The headline figures of the dashboards. */
export const dashboardSchema = z.object({
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  exact: z.boolean(),
  threshold: z.number().int(),
  rollUp: z.boolean(),
  taskForceCount: z.number().int(),
  cases: released,
  victims: released,
  childVictims: released,
  deportees: released,
  bodiesReturned: released,
  /** Share (0-100) of cases whose first response came within its deadline; null when none is due. */
  firstResponseOnTimePercent: z.number().nullable(),
  /** Share (0-100) of service deadlines met (completed by the due time) among those completed or past due. */
  serviceDeadlinesMetPercent: z.number().nullable(),
  /** Median whole days from report to the first service requested; null when no service yet. */
  medianDaysToFirstService: z.number().nullable(),
  referrals: z.object({ sent: released, accepted: released, declined: released, pending: released }),
  medianReferralResponseHours: z.number().nullable(),
  restitution: z.object({ granted: z.number(), paid: z.number() }),
  /** Victims per month of the period, for the trend line. */
  trend: z.array(z.object({ month: z.string(), cases: released, victims: released })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
