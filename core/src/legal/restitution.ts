/** Restitution arithmetic and its clocks (domain §2: UU 21/2007 art. 50, PP 43/2017). Money is whole rupiah. */
import {
  type DeadlineRule,
  type DeadlineRuleKey,
  type DeadlineSettings,
  dueAt,
  effectiveRules,
} from '../services/deadline-rules.js';

/**
 * The limits of the legal track. The two restitution clocks come from the task force's deadline
 * rules (`restitution_payment`, `child_restitution_requirements`, with its holidays); the defaults
 * are the domain's [verify].
 */
export interface LegalLimits {
  /** Time to pay restitution after the verdict is served. */
  restitutionPayment: Pick<DeadlineRule, 'amount' | 'unit'>;
  /** Time to complete a child victim's restitution requirements after being told what is missing. */
  childRestitutionRequirements: Pick<DeadlineRule, 'amount' | 'unit'>;
  /** The task force's holidays (yyyy-mm-dd), skipped by working-day rules. */
  holidays: readonly string[];
  /** A track with no stage change for this many days is stalled. */
  stalledDays: number;
}

/** The legal limits of a task force, from its deadline settings. */
export function legalLimitsFrom(settings: Pick<DeadlineSettings, 'rules' | 'holidays'>): LegalLimits {
  const rules = effectiveRules(settings.rules);
  const rule = (key: DeadlineRuleKey) => rules.find((r) => r.key === key)!;
  return {
    restitutionPayment: rule('restitution_payment'),
    childRestitutionRequirements: rule('child_restitution_requirements'),
    holidays: settings.holidays.map((h) => h.date),
    stalledDays: 60,
  };
}

export const DEFAULT_LEGAL_LIMITS: LegalLimits = legalLimitsFrom({ rules: [], holidays: [] });

/** The date (yyyy-mm-dd) a rule counted from a date falls due: the end of that local day. */
export function dueDateFrom(
  startDate: string,
  rule: Pick<DeadlineRule, 'amount' | 'unit'>,
  holidays: readonly string[],
): string {
  // Dates carry no zone: count them as UTC days, which is exactly calendar arithmetic.
  return dueAt(new Date(`${startDate}T00:00:00Z`), rule, 'UTC', holidays)
    .toISOString()
    .slice(0, 10);
}

/** Adds calendar days to a date (YYYY-MM-DD); the result is a date too. */
export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Paid so far: the sum of the payments. */
export function restitutionPaid(payments: readonly { amount: number }[]): number {
  return payments.reduce((sum, p) => sum + p.amount, 0);
}

/** Still owed: granted minus paid, never below zero (an overpayment owes nothing back here). */
export function restitutionOwed(granted: number | null, payments: readonly { amount: number }[]): number {
  if (granted === null) return 0;
  return Math.max(0, granted - restitutionPaid(payments));
}

export const RESTITUTION_STATUSES = [
  'requested',
  'calculated',
  'in_indictment',
  'granted',
  'partially_paid',
  'paid',
  'unpaid_detention',
] as const;
export type RestitutionStatus = (typeof RESTITUTION_STATUSES)[number];

export interface RestitutionFacts {
  lpskAmount: number | null;
  indictmentAmount: number | null;
  grantedAmount: number | null;
  replacedByDetention: boolean;
  payments: readonly { amount: number }[];
}

/** Where a restitution claim stands, from what has been recorded. */
export function restitutionStatus(r: RestitutionFacts): RestitutionStatus {
  if (r.grantedAmount !== null) {
    const paid = restitutionPaid(r.payments);
    if (paid > 0 && restitutionOwed(r.grantedAmount, r.payments) === 0) return 'paid';
    if (r.replacedByDetention) return 'unpaid_detention';
    return paid > 0 ? 'partially_paid' : 'granted';
  }
  if (r.indictmentAmount !== null) return 'in_indictment';
  if (r.lpskAmount !== null) return 'calculated';
  return 'requested';
}

/** When payment is due: the task force's rule counted from the day the verdict was served. */
export function restitutionPaymentDue(servedOn: string | null, limits: LegalLimits): string | null {
  return servedOn ? dueDateFrom(servedOn, limits.restitutionPayment, limits.holidays) : null;
}

/**
 * Overdue: granted, something still owed and the due date passed. Replacement by detention does
 * not clear it: the victim is still unpaid, and the list says so.
 */
export function restitutionOverdue(
  r: RestitutionFacts & { servedOn: string | null },
  today: string,
  limits: LegalLimits,
): boolean {
  const due = restitutionPaymentDue(r.servedOn, limits);
  return due !== null && restitutionOwed(r.grantedAmount, r.payments) > 0 && today > due;
}

/** When a child victim's applicant must have completed the restitution requirements (PP 43/2017). */
export function childRequirementsDue(noticeOn: string | null, limits: LegalLimits): string | null {
  return noticeOn ? dueDateFrom(noticeOn, limits.childRestitutionRequirements, limits.holidays) : null;
}

/** Overdue: the applicant was told what is missing, has not completed it, and the time passed. */
export function childRequirementsOverdue(
  r: { noticeOn: string | null; completedOn: string | null },
  today: string,
  limits: LegalLimits,
): boolean {
  const due = childRequirementsDue(r.noticeOn, limits);
  return due !== null && r.completedOn === null && today > due;
}
