import type { StatsFilter } from './indicators.js';

/** A half-open period [from, to) as UTC instants, or open ends. */
export interface ResolvedPeriod {
  from: string | null;
  to: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Midnight of a calendar day in a zone `offsetMinutes` east of UTC, as a UTC ISO instant. */
function localMidnight(year: number, month: number, day: number, offsetMinutes: number): string {
  return new Date(Date.UTC(year, month - 1, day) - offsetMinutes * 60_000).toISOString();
}

/**
 * The period a filter names, in the task force's local calendar (WITA for NTT: +480 minutes):
 * a year, a quarter or a month of a year, or a custom range of days (both ends included).
 */
export function resolvePeriod(filter: StatsFilter, offsetMinutes = 480): ResolvedPeriod {
  if (filter.year !== undefined) {
    const y = filter.year;
    if (filter.month !== undefined) {
      const m = filter.month;
      return {
        from: localMidnight(y, m, 1, offsetMinutes),
        to: m === 12 ? localMidnight(y + 1, 1, 1, offsetMinutes) : localMidnight(y, m + 1, 1, offsetMinutes),
      };
    }
    if (filter.quarter !== undefined) {
      const m = (filter.quarter - 1) * 3 + 1;
      return {
        from: localMidnight(y, m, 1, offsetMinutes),
        to: m === 10 ? localMidnight(y + 1, 1, 1, offsetMinutes) : localMidnight(y, m + 3, 1, offsetMinutes),
      };
    }
    return { from: localMidnight(y, 1, 1, offsetMinutes), to: localMidnight(y + 1, 1, 1, offsetMinutes) };
  }
  const day = (iso: string, plus: number) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d + plus));
    return localMidnight(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), 0 + offsetMinutes);
  };
  return {
    from: filter.from ? day(filter.from, 0) : null,
    to: filter.to ? day(filter.to, 1) : null,
  };
}

/** The local calendar month (`2026-03`) of a UTC instant. */
export function localMonthOf(isoInstant: string, offsetMinutes = 480): string {
  const t = new Date(new Date(isoInstant).getTime() + offsetMinutes * 60_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
}

/**
 * The local calendar days a filter names, for records dated by day (an activity held on, an
 * action due on): `from` included, `to` excluded, `YYYY-MM-DD`; open ends are null.
 */
export function resolveDays(filter: StatsFilter): { from: string | null; to: string | null } {
  const day = (y: number, m: number, d = 1) => `${y}-${pad(m)}-${pad(d)}`;
  if (filter.year !== undefined) {
    const y = filter.year;
    if (filter.month !== undefined)
      return {
        from: day(y, filter.month),
        to: filter.month === 12 ? day(y + 1, 1) : day(y, filter.month + 1),
      };
    if (filter.quarter !== undefined) {
      const m = (filter.quarter - 1) * 3 + 1;
      return { from: day(y, m), to: m === 10 ? day(y + 1, 1) : day(y, m + 3) };
    }
    return { from: day(y, 1), to: day(y + 1, 1) };
  }
  const next = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  };
  return { from: filter.from ?? null, to: filter.to ? next(filter.to) : null };
}
