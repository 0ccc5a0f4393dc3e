import { z } from 'zod';

/** How long a closed case keeps identifying data unless the task force sets otherwise. */
export const DEFAULT_RETENTION_YEARS = 10;

/** A task force's retention rule: closed cases keep identifying data this many years. */
export const retentionRuleSchema = z.object({
  closedCaseYears: z.coerce.number().int().min(1).max(50),
  version: z.number().int().min(0),
});
export type RetentionRuleInput = z.infer<typeof retentionRuleSchema>;

export const retentionCountsSchema = z.object({
  cases: z.number().int(),
  persons: z.number().int(),
  documents: z.number().int(),
  /** Records deleted with a reason whose waiting period ended, removed for good. */
  purged: z.number().int(),
});
export type RetentionCounts = z.infer<typeof retentionCountsSchema>;

export const retentionViewSchema = z.object({
  taskForceId: z.string(),
  closedCaseYears: z.number().int(),
  version: z.number().int(),
  /** Closed cases whose identifying data the next run would replace. */
  dueNow: z.number().int(),
  /** Closed cases already handled by the retention job. */
  applied: z.number().int(),
  lastRun: z.object({ at: z.string() }).merge(retentionCountsSchema).nullable(),
  updatedAt: z.string().nullable(),
  /** Days a record deleted with a reason waits, hidden, before it is purged (deployment setting). */
  deletedPurgeDays: z.number().int(),
});
export type RetentionView = z.infer<typeof retentionViewSchema>;
