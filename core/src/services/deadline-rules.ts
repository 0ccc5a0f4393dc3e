import { z } from 'zod';

/**
 * Deadline rules of a task force (domain §2, all configurable): how long after a trigger something
 * is due, counted in hours, calendar days or working days. Days are counted in the task force's
 * time zone and a day-based deadline falls at the end of its local day (23.59.59), so "7 days"
 * never depends on the hour the request was entered. First-response limits per risk stay in the
 * task force settings of the cases module.
 */
export const DEADLINE_RULE_KEYS = [
  'referral_response',
  'rehabilitation_start',
  'child_restitution_requirements',
  'restitution_payment',
  'service_completion',
  'conference_action',
] as const;
export type DeadlineRuleKey = (typeof DEADLINE_RULE_KEYS)[number];

export const DEADLINE_UNITS = ['hours', 'calendar_days', 'working_days'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

export const deadlineRuleSchema = z.object({
  key: z.enum(DEADLINE_RULE_KEYS),
  amount: z.number().int().min(0).max(3650),
  unit: z.enum(DEADLINE_UNITS),
});
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_format');

export const deadlineSettingsSchema = z.object({
  rules: z.array(deadlineRuleSchema).max(DEADLINE_RULE_KEYS.length),
  holidays: z.array(z.object({ date: isoDate, name: z.string().trim().min(1).max(120) })).max(200),
  /** Follow-up visits after reintegration starts, in months. */
  followUpMonths: z.array(z.number().int().min(1).max(60)).min(1).max(12),
});
export type DeadlineSettings = z.infer<typeof deadlineSettingsSchema>;

/** Seeded from domain §2. */
export const DEFAULT_DEADLINE_RULES: readonly DeadlineRule[] = [
  { key: 'referral_response', amount: 2, unit: 'working_days' },
  { key: 'rehabilitation_start', amount: 7, unit: 'calendar_days' },
  { key: 'child_restitution_requirements', amount: 3, unit: 'calendar_days' },
  { key: 'restitution_payment', amount: 14, unit: 'calendar_days' },
  { key: 'service_completion', amount: 30, unit: 'calendar_days' },
  { key: 'conference_action', amount: 14, unit: 'calendar_days' },
];
export const DEFAULT_FOLLOW_UP_MONTHS = [1, 3, 6, 12];

/** The stored rules completed with the defaults for keys never set. */
export function effectiveRules(stored: readonly DeadlineRule[]): DeadlineRule[] {
  return DEFAULT_DEADLINE_RULES.map((d) => stored.find((s) => s.key === d.key) ?? d);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The local calendar date (yyyy-mm-dd) and weekday of an instant in a time zone. */
export function localDay(at: Date, timeZone: string): { date: string; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, weekday: WEEKDAYS.indexOf(get('weekday')) };
}

/** Offset of the zone from UTC at an instant, in milliseconds. */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The last millisecond of a local calendar date in the zone. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d + 1) - 1;
  // Two passes settle the offset even on a day the zone changes it.
  let guess = naive - zoneOffsetMs(new Date(naive), timeZone);
  guess = naive - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** The calendar date `days` after `date` (yyyy-mm-dd arithmetic, month and year ends included). */
export function addCalendarDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** Whether a local date is a working day: Monday to Friday and not one of the holidays. */
export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const w = weekdayOf(date);
  return w !== 0 && w !== 6 && !holidays.has(date);
}

/**
 * When something triggered at `start` is due under `rule`. Working days skip weekends and the task
 * force's holidays; zero working days means the end of the same working day (or of the next
 * working day when the trigger falls on a day off).
 */
export function dueAt(
  start: Date,
  rule: Pick<DeadlineRule, 'amount' | 'unit'>,
  timeZone: string,
  holidays: readonly string[] = [],
): Date {
  if (rule.unit === 'hours') return new Date(start.getTime() + rule.amount * 3_600_000);
  const startDay = localDay(start, timeZone).date;
  if (rule.unit === 'calendar_days') return endOfLocalDay(addCalendarDate(startDay, rule.amount), timeZone);
  const off = new Set(holidays);
  let day = startDay;
  let left = rule.amount;
  if (left === 0) {
    while (!isWorkingDay(day, off)) day = addCalendarDate(day, 1);
    return endOfLocalDay(day, timeZone);
  }
  while (left > 0) {
    day = addCalendarDate(day, 1);
    if (isWorkingDay(day, off)) left--;
  }
  return endOfLocalDay(day, timeZone);
}

/** The due date of a rule by key, from a task force's settings. */
export function dueByRule(
  key: DeadlineRuleKey,
  start: Date,
  settings: Pick<DeadlineSettings, 'rules' | 'holidays'>,
  timeZone: string,
): Date {
  const rule = effectiveRules(settings.rules).find((r) => r.key === key)!;
  return dueAt(
    start,
    rule,
    timeZone,
    settings.holidays.map((h) => h.date),
  );
}

/** Follow-up visit dates (local yyyy-mm-dd) after a start date, month ends clamped (31 Jan + 1 = 28/29 Feb). */
export function followUpDates(startDate: string, months: readonly number[]): string[] {
  const [y, m, d] = startDate.split('-').map(Number) as [number, number, number];
  return months.map((n) => {
    const target = new Date(Date.UTC(y, m - 1 + n, 1));
    const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(d, last));
    return target.toISOString().slice(0, 10);
  });
}
