import { calendarDateIn } from '@sinergi/core';
import { useTimeZone } from './session';

/** Minutes the zone is ahead of UTC at that instant ("GMT+08:00" -> 480). */
function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/**
 * The UTC instant at which the calendar day `date` (YYYY-MM-DD) begins in `timeZone`, moved by
 * `addDays`; undefined when `date` is not a date. A date filter means the day where the task force is.
 */
export function startOfZonedDay(date: string, timeZone: string, addDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const utcMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  if (Number.isNaN(utcMidnight)) return undefined;
  const offset = zoneOffsetMinutes(new Date(utcMidnight), timeZone);
  return new Date(utcMidnight - offset * 60_000).toISOString();
}

function zonedParts(instant: Date, timeZone: string): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  return Object.fromEntries(parts.map((part) => [part.type, part.value]));
}

/** The calendar day (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function zonedDate(instant: Date | string, timeZone: string): string {
  return calendarDateIn(new Date(instant), timeZone);
}

/**
 * Today (YYYY-MM-DD) where the task force is, for a form's default and a "not after today" rule:
 * before 08.00 WITA the UTC date is still yesterday.
 */
export function useZonedToday(): string {
  return zonedDate(new Date(), useTimeZone());
}

/** An instant as the value of a `datetime-local` input (YYYY-MM-DDTHH:mm) read in `timeZone`. */
export function zonedDateTimeInput(instant: Date | string, timeZone: string): string {
  const p = zonedParts(new Date(instant), timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * A `datetime-local` value meant in `timeZone` (not the browser's zone) as an ISO instant with
 * offset; undefined when it is not a date and time. Report times are the task force's local time.
 */
export function zonedInputToIso(value: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(asUtc)) return undefined;
  const offset = zoneOffsetMinutes(new Date(asUtc), timeZone);
  return new Date(asUtc - offset * 60_000).toISOString();
}
