/** Restitution arithmetic and its clocks (domain §2: UU 21/2007 art. 50, PP 43/2017). Money is whole rupiah. */

/** The limits, configurable per task force; these are the domain's defaults [verify]. */
export interface LegalLimits {
  /** Days to pay restitution after the verdict is served. */
  restitutionPaymentDays: number;
  /** Days to complete a child victim's restitution requirements. */
  childRestitutionRequirementDays: number;
  /** A track with no stage change for this many days is stalled. */
  stalledDays: number;
}

export const DEFAULT_LEGAL_LIMITS: LegalLimits = {
  restitutionPaymentDays: 14,
  childRestitutionRequirementDays: 3,
  stalledDays: 60,
};

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

/** When payment is due: the set number of days after the verdict was served. */
export function restitutionPaymentDue(servedOn: string | null, limits: LegalLimits): string | null {
  return servedOn ? addCalendarDays(servedOn, limits.restitutionPaymentDays) : null;
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
