import { z } from 'zod';
import { queryInt } from './query.js';

/** How long a closed case keeps identifying data unless the task force sets otherwise. */
export const DEFAULT_RETENTION_YEARS = 10;

/**
 * Days a shorter retention period waits before the daily run may use it (unless a second
 * administrator confirms it earlier): long enough for the secretariat to see it and cancel a mistake.
 */
export const RETENTION_GRACE_DAYS = 7;

/**
 * Whole years, sent as a JSON number. Nothing is coerced: `true`, `"7"`, `[5]` or `7.5` is a client's
 * mistake, and a mistake here replaces victims' identities for good.
 */
const closedCaseYears = z
  // Only the type's own issue: the range checks keep their messages ("Minimal 1.").
  .number({ error: (issue) => (issue.code === 'invalid_type' ? 'retention_years_whole' : undefined) })
  .int({ message: 'retention_years_whole' })
  .min(1)
  .max(50);

/** A task force's retention rule: closed cases keep identifying data this many years. */
export const retentionRuleSchema = z.object({
  closedCaseYears,
  version: z.number().int().min(0),
});
export type RetentionRuleInput = z.infer<typeof retentionRuleSchema>;

/** Years in a query string (a preview only: it changes nothing). */
export const retentionYearsQuerySchema = queryInt({ min: 1, max: 50 });

export const retentionCountsSchema = z.object({
  cases: z.number().int(),
  persons: z.number().int(),
  documents: z.number().int(),
  /** Records deleted with a reason whose waiting period ended, removed for good. */
  purged: z.number().int(),
});
export type RetentionCounts = z.infer<typeof retentionCountsSchema>;

/** What the daily run would replace under a retention period, at the moment it would first use it. */
export const retentionPreviewSchema = z.object({
  closedCaseYears: z.number().int(),
  /** The task force's rule in force now. */
  currentYears: z.number().int(),
  /** Shorter than the rule in force: waits for the grace period or a second administrator. */
  destructive: z.boolean(),
  /** When the daily run would first use it: now, or when the grace period ends. */
  effectiveAt: z.string(),
  /** Closed cases whose identifying data the first run under this period would replace. */
  cases: z.number().int(),
  persons: z.number().int(),
  documents: z.number().int(),
  /** Of those cases, how many the rule in force would replace by then anyway. */
  dueAnyway: z.number().int(),
  /** The cases' numbers, for users who read cases (the secretariat); null for the others. */
  caseNumbers: z.array(z.string()).nullable(),
});
export type RetentionPreview = z.infer<typeof retentionPreviewSchema>;

export const RETENTION_CHANGE_STATUSES = ['pending', 'applied', 'cancelled'] as const;

/** A change of the retention period waiting for its grace period (or done with). */
export const retentionChangeSchema = z.object({
  id: z.string(),
  taskForceId: z.string(),
  fromYears: z.number().int(),
  toYears: z.number().int(),
  status: z.enum(RETENTION_CHANGE_STATUSES),
  proposedAt: z.string(),
  proposedBy: z.object({ id: z.string(), displayName: z.string() }),
  /** When the daily run starts using it, unless cancelled or confirmed earlier. */
  effectiveAt: z.string(),
  resolvedAt: z.string().nullable(),
  /** Who cancelled or confirmed it; null when the daily run applied it after the grace period. */
  resolvedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  resolution: z.enum(['grace_period', 'confirmed', 'cancelled']).nullable(),
  /** What it would replace when it takes effect (pending changes only). */
  impact: retentionPreviewSchema.nullable(),
  abilities: z.object({ cancel: z.boolean(), confirm: z.boolean() }),
});
export type RetentionChange = z.infer<typeof retentionChangeSchema>;

export const retentionChangeListSchema = z.object({ items: z.array(retentionChangeSchema) });
export type RetentionChangeList = z.infer<typeof retentionChangeListSchema>;

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
  /** A shorter DELETED_PURGE_DAYS set by the operator, used only from `effectiveAt` on. */
  deletedPurgeDaysPending: z.object({ days: z.number().int(), effectiveAt: z.string() }).nullable(),
  /** Days a shorter period waits before it takes effect. */
  graceDays: z.number().int(),
  /** A shorter period waiting for its grace period or a second administrator. */
  pending: retentionChangeSchema.nullable(),
});
export type RetentionView = z.infer<typeof retentionViewSchema>;
