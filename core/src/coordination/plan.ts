import { z } from 'zod';
import { type AchievementStatus, groupAchievement } from './achievement.js';
import { attachmentSchema } from './attachment.js';

export const PERIOD_KINDS = ['quarter', 'semester'] as const;
export const HORIZONS = ['short_term', 'long_term'] as const;
export const BUDGET_SOURCES = ['apbd', 'apbn', 'village_funds', 'donor', 'other'] as const;

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const year = z.number().int().min(2000).max(2100);

export const planInputSchema = z
  .object({
    title: text(3, 300),
    startYear: year,
    endYear: year,
    periodKind: z.enum(PERIOD_KINDS),
    decreeId: z.string().uuid().nullable().default(null),
  })
  .refine((p) => p.endYear >= p.startYear && p.endYear - p.startYear <= 10, {
    message: 'plan_years',
    path: ['endYear'],
  });
export type PlanInput = z.infer<typeof planInputSchema>;

export const programmeInputSchema = z.object({
  title: text(3, 300),
  subTaskForceId: z.string().uuid().nullable().default(null),
  horizon: z.enum(HORIZONS),
});

export const budgetLineSchema = z.object({
  year,
  amount: z.number().int().min(0, { message: 'budget_negative' }),
  source: z.enum(BUDGET_SOURCES),
});

export const activityInputSchema = z.object({
  programmeId: z.string().uuid(),
  title: text(3, 300),
  indicator: text(3, 300),
  unit: text(1, 40),
  baseline: z.number().min(0),
  targets: z
    .array(z.object({ year, value: z.number().min(0) }))
    .min(1)
    .max(20),
  responsibleAgencyId: z.string().uuid(),
  supportingAgencyIds: z.array(z.string().uuid()).max(20).default([]),
  budgets: z.array(budgetLineSchema).max(40).default([]),
});
export type ActivityInput = z.infer<typeof activityInputSchema>;

export const progressInputSchema = z.object({
  year,
  period: z.number().int().min(1).max(4),
  realised: z.number().min(0),
  budgetSpent: z.number().int().min(0, { message: 'budget_negative' }),
  achievement: text(3, 4000),
  obstacles: z.string().trim().max(4000).default(''),
  intervention: z.string().trim().max(4000).default(''),
  interventionAgencyId: z.string().uuid().nullable().default(null),
});
export type ProgressInput = z.infer<typeof progressInputSchema>;
export const progressCorrectionSchema = progressInputSchema
  .omit({ year: true, period: true })
  .extend({ version: z.number().int().min(1) });

export const progressReportSchema = z.object({
  id: z.string(),
  activityId: z.string(),
  agencyId: z.string(),
  year: z.number().int(),
  period: z.number().int(),
  realised: z.number(),
  budgetSpent: z.number(),
  achievement: z.string(),
  obstacles: z.string(),
  intervention: z.string(),
  interventionAgencyId: z.string().nullable(),
  /** The revision: 1 for the first report, +1 for each correction (earlier ones are kept). */
  version: z.number().int(),
  createdAt: z.string(),
  /** Files the agency attached to this revision (photos, attendance lists, PDF). */
  evidence: z.array(attachmentSchema),
  can: z.object({ attach: z.boolean() }),
});
export type ProgressReport = z.infer<typeof progressReportSchema>;

export const activitySchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  title: z.string(),
  indicator: z.string(),
  unit: z.string(),
  baseline: z.number(),
  targets: z.array(z.object({ year: z.number().int(), value: z.number() })),
  responsibleAgencyId: z.string(),
  supportingAgencyIds: z.array(z.string()),
  budgets: z.array(budgetLineSchema),
  /** Latest realised value in the year asked for, its achievement and status. */
  realised: z.number().nullable(),
  achievementPercent: z.number().nullable(),
  status: z.enum(['on_track', 'at_risk', 'behind', 'no_report']),
  can: z.object({ report: z.boolean() }),
  version: z.number().int(),
});
export type PlanActivity = z.infer<typeof activitySchema> & { status: AchievementStatus };

export const programmeSchema = z.object({
  id: z.string(),
  title: z.string(),
  subTaskForceId: z.string().nullable(),
  horizon: z.enum(HORIZONS),
  achievementPercent: z.number().nullable(),
  activities: z.array(activitySchema),
});

export const planSchema = z.object({
  id: z.string(),
  title: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  periodKind: z.enum(PERIOD_KINDS),
  decreeId: z.string().nullable(),
  version: z.number().int(),
});
export type Plan = z.infer<typeof planSchema>;

/** Achievement per sub-task force: the mean of its programmes' activities (each capped at 100%). */
export const subTaskForceAchievementSchema = z.object({
  /** null for programmes without a sub-task force. */
  id: z.string().nullable(),
  name: z.string().nullable(),
  achievementPercent: z.number().nullable(),
  activities: z.number().int(),
  behind: z.number().int(),
  notReported: z.number().int(),
});

export const planTreeSchema = planSchema.extend({
  year: z.number().int(),
  periodsElapsed: z.number().int(),
  programmes: z.array(programmeSchema),
  subTaskForces: z.array(subTaskForceAchievementSchema),
  can: z.object({ manage: z.boolean() }),
});
export type PlanTree = z.infer<typeof planTreeSchema>;

/** Periods per year for a plan's reporting rhythm. */
export function periodsPerYear(kind: (typeof PERIOD_KINDS)[number]): number {
  return kind === 'quarter' ? 4 : 2;
}

/** The period (1-based) a month (1-12) falls in. */
export function periodOfMonth(kind: (typeof PERIOD_KINDS)[number], month: number): number {
  return kind === 'quarter' ? Math.ceil(month / 3) : month <= 6 ? 1 : 2;
}

/** Rolls the programmes of a plan tree up to their sub-task forces, in the order first met. */
export function subTaskForceAchievement(
  programmes: readonly {
    subTaskForceId: string | null;
    activities: readonly { achievementPercent: number | null; status: string }[];
  }[],
  names: ReadonlyMap<string, string>,
): z.infer<typeof subTaskForceAchievementSchema>[] {
  const groups = new Map<string | null, { achievementPercent: number | null; status: string }[]>();
  for (const p of programmes)
    groups.set(p.subTaskForceId, [...(groups.get(p.subTaskForceId) ?? []), ...p.activities]);
  return [...groups.entries()].map(([id, acts]) => {
    const reported = acts.flatMap((a) => (a.achievementPercent === null ? [] : [a.achievementPercent]));
    return {
      id,
      name: id ? (names.get(id) ?? null) : null,
      achievementPercent: groupAchievement(reported),
      activities: acts.length,
      behind: acts.filter((a) => a.status === 'behind').length,
      notReported: acts.filter((a) => a.status === 'no_report').length,
    };
  });
}
