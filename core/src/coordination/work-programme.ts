import { z } from 'zod';

/** One RAD activity in a year's work programme: when it runs, who is responsible, its budget. */
export const workProgrammeItemInputSchema = z.object({
  activityId: z.string().uuid(),
  months: z
    .array(z.number().int().min(1).max(12))
    .min(1)
    .max(12)
    .refine((m) => new Set(m).size === m.length, { message: 'months_repeated' }),
  responsibleAgencyId: z.string().uuid(),
  budget: z.number().int().min(0, { message: 'budget_negative' }),
});
export type WorkProgrammeItemInput = z.infer<typeof workProgrammeItemInputSchema>;

export const workProgrammeInputSchema = z.object({
  /** 0 when the year has no programme yet. */
  version: z.number().int().min(0),
  planId: z.string().uuid(),
  items: z.array(workProgrammeItemInputSchema).max(300),
});
export type WorkProgrammeInput = z.infer<typeof workProgrammeInputSchema>;

export const workProgrammeSchema = z.object({
  year: z.number().int(),
  planId: z.string().nullable(),
  version: z.number().int(),
  items: z.array(
    workProgrammeItemInputSchema.extend({
      activityTitle: z.string(),
      programmeTitle: z.string(),
      responsibleAgency: z.string(),
    }),
  ),
  totalBudget: z.number(),
  can: z.object({ manage: z.boolean() }),
});
export type WorkProgramme = z.infer<typeof workProgrammeSchema>;

const summaryText = z.string().trim().max(20_000);
export const yearEvaluationInputSchema = z.object({
  version: z.number().int().min(0),
  achievements: summaryText,
  obstacles: summaryText,
  interventions: summaryText,
  recommendations: summaryText,
});
export type YearEvaluationInput = z.infer<typeof yearEvaluationInputSchema>;

/** What the year's progress reports say, activity by activity, for the secretariat's summary. */
export const yearEvaluationSchema = yearEvaluationInputSchema.extend({
  year: z.number().int(),
  updatedAt: z.string().nullable(),
  activities: z.array(
    z.object({
      activityId: z.string(),
      title: z.string(),
      programmeTitle: z.string(),
      agency: z.string(),
      unit: z.string(),
      target: z.number(),
      realised: z.number().nullable(),
      status: z.enum(['on_track', 'at_risk', 'behind', 'no_report']),
      achievements: z.array(z.string()),
      obstacles: z.array(z.string()),
      interventions: z.array(z.object({ text: z.string(), agency: z.string().nullable() })),
    }),
  ),
  can: z.object({ manage: z.boolean() }),
});
export type YearEvaluation = z.infer<typeof yearEvaluationSchema>;

/**
 * A first draft of the evaluation from the year's reports: the achievements of the activities
 * reported, the obstacles met, and the interventions asked for (with the agency asked to act).
 * The secretariat edits it; nothing is invented.
 */
export function draftEvaluation(
  activities: YearEvaluation['activities'],
  labels: { target: string; noReport: string },
): Pick<YearEvaluationInput, 'achievements' | 'obstacles' | 'interventions'> {
  const lines = (pick: (a: YearEvaluation['activities'][number]) => string[]) =>
    activities
      .flatMap((a) => {
        const items = pick(a).filter((s) => s.trim() !== '');
        return items.length ? [`- ${a.title} (${a.agency}): ${items.join(' ')}`] : [];
      })
      .join('\n');
  const achievements = activities
    .map((a) =>
      a.realised === null
        ? `- ${a.title} (${a.agency}): ${labels.noReport}`
        : `- ${a.title} (${a.agency}): ${a.realised} ${labels.target} ${a.target} ${a.unit}.${
            a.achievements.length ? ` ${a.achievements.join(' ')}` : ''
          }`,
    )
    .join('\n');
  return {
    achievements,
    obstacles: lines((a) => a.obstacles),
    interventions: lines((a) => a.interventions.map((i) => (i.agency ? `${i.text} [${i.agency}]` : i.text))),
  };
}
