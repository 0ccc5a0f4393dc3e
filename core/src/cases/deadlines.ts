import type { RiskLevel } from './enums.js';

/** First-response limits per risk level (domain §2, all configurable per task force). */
export interface ResponseLimits {
  highHours: number;
  mediumHours: number;
  lowWorkingDays: number;
}

export const DEFAULT_RESPONSE_LIMITS: ResponseLimits = { highHours: 1, mediumHours: 6, lowWorkingDays: 1 };

function localParts(date: Date, timeZone: string): { weekday: number } {
  const name = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone }).format(date);
  return { weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(name) };
}

/** Adds working days (Monday to Friday in the task force's zone), keeping the time of day. */
export function addWorkingDays(start: Date, days: number, timeZone: string): Date {
  let d = new Date(start);
  let left = days;
  while (left > 0) {
    d = new Date(d.getTime() + 86_400_000);
    const { weekday } = localParts(d, timeZone);
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return d;
}

/** When the first response to a complaint is due, counted from the report. */
export function firstResponseDue(
  reportedAt: Date,
  risk: RiskLevel,
  limits: ResponseLimits,
  timeZone: string,
): Date {
  if (risk === 'high') return new Date(reportedAt.getTime() + limits.highHours * 3_600_000);
  if (risk === 'medium') return new Date(reportedAt.getTime() + limits.mediumHours * 3_600_000);
  return addWorkingDays(reportedAt, limits.lowWorkingDays, timeZone);
}

export type DeadlineState =
  | { status: 'met'; lateByMs: number }
  | { status: 'due'; dueInMs: number }
  | { status: 'overdue'; overdueByMs: number };

/** Whether a deadline was met, is still due, or is overdue at `now`. */
export function deadlineState(due: Date, doneAt: Date | null, now: Date): DeadlineState {
  if (doneAt) return { status: 'met', lateByMs: Math.max(0, doneAt.getTime() - due.getTime()) };
  const diff = due.getTime() - now.getTime();
  return diff >= 0 ? { status: 'due', dueInMs: diff } : { status: 'overdue', overdueByMs: -diff };
}

/** "terlambat 3 hari" / "3 days overdue", "jatuh tempo dalam 5 jam" / "due in 5 hours". */
export function describeDuration(ms: number, lang: 'id' | 'en'): string {
  const minutes = Math.round(ms / 60_000);
  const [n, unitId, unitEn] =
    minutes < 60
      ? [Math.max(1, minutes), 'menit', 'minute']
      : minutes < 48 * 60
        ? [Math.round(minutes / 60), 'jam', 'hour']
        : [Math.round(minutes / 1440), 'hari', 'day'];
  return lang === 'id' ? `${n} ${unitId}` : `${n} ${unitEn}${n === 1 ? '' : 's'}`;
}

export function describeDeadline(state: DeadlineState, lang: 'id' | 'en'): string {
  if (state.status === 'overdue') {
    return lang === 'id'
      ? `terlambat ${describeDuration(state.overdueByMs, lang)}`
      : `${describeDuration(state.overdueByMs, lang)} overdue`;
  }
  if (state.status === 'due') {
    return lang === 'id'
      ? `jatuh tempo dalam ${describeDuration(state.dueInMs, lang)}`
      : `due in ${describeDuration(state.dueInMs, lang)}`;
  }
  if (state.lateByMs > 0) {
    return lang === 'id'
      ? `dipenuhi, terlambat ${describeDuration(state.lateByMs, lang)}`
      : `met, ${describeDuration(state.lateByMs, lang)} late`;
  }
  return lang === 'id' ? 'dipenuhi tepat waktu' : 'met on time';
}
