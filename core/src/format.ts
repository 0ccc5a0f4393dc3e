/** Display formats the offices expect: `28 November 2026`, `14.30 WITA`, `Rp 18.195.850`. */

const ZONE_ABBREVIATIONS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

function locale(lang: string): string {
  return lang === 'en' ? 'en-GB' : 'id-ID';
}

/**
 * The name the offices use for a time zone: WIB, WITA or WIT for Indonesia's three zones, the IANA
 * name for any other.
 */
export function zoneLabel(timeZone: string): string {
  return ZONE_ABBREVIATIONS[timeZone] ?? timeZone;
}

export function formatDate(iso: string | Date, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(iso));
}

export function formatTime(iso: string | Date, lang: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('id-ID', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(new Date(iso));
  const hh = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const mm = parts.find((p) => p.type === 'minute')?.value ?? '00';
  const zone = zoneLabel(timeZone);
  return lang === 'en' ? `${hh}:${mm} ${zone}` : `${hh}.${mm} ${zone}`;
}

export function formatDateTime(iso: string | Date, lang: string, timeZone: string): string {
  return `${formatDate(iso, lang, timeZone)} ${formatTime(iso, lang, timeZone)}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale(lang)}:${maximumFractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { maximumFractionDigits });
    numberFormats.set(key, f);
  }
  return f;
}

/**
 * A figure in the reader's language: `1.234,5` in Indonesian, `1,234.5` in English. Every figure
 * the interface shows goes through here, so decimal marks never mix on one page.
 */
export function formatNumber(n: number, lang: string, maximumFractionDigits = 1): string {
  return numberFormat(lang, maximumFractionDigits).format(n);
}

/** A percentage already on the 0-100 scale: `52,4%` in Indonesian, `52.4%` in English. */
export function formatPercent(value: number, lang: string, maximumFractionDigits = 1): string {
  return `${formatNumber(value, lang, maximumFractionDigits)}%`;
}

/** Rupiah without cents: `Rp 18.195.850` (`Rp 18,195,850` in the English interface). */
export function formatRupiah(n: number, lang = 'id'): string {
  return `Rp ${formatNumber(n, lang, 0)}`;
}

/** Parts of a date (and time) a person typed or pasted; null where absent. */
export interface TypedDateParts {
  day: number | null;
  month: number | null;
  year: number | null;
  hours: number | null;
  minutes: number | null;
}

/**
 * Reads a date the way the offices write it, day first: `28/11/2026`, `28-11-2026`, `28.11.2026`,
 * optionally followed by `14.30` or `14:30`; an ISO `2026-11-28` (with `T14:30`) is read too.
 * All parts are null when the text is not such a date.
 */
export function parseTypedDate(text: string): TypedDateParts {
  const none: TypedDateParts = { day: null, month: null, year: null, hours: null, minutes: null };
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2})[:.](\d{2}))?/.exec(value);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ ,T]+(\d{1,2})[:.](\d{2}))?$/.exec(value);
  const parts = iso
    ? { y: iso[1], m: iso[2], d: iso[3], h: iso[4], mi: iso[5] }
    : dayFirst
      ? { y: dayFirst[3], m: dayFirst[2], d: dayFirst[1], h: dayFirst[4], mi: dayFirst[5] }
      : null;
  if (!parts) return none;
  const day = Number(parts.d);
  const month = Number(parts.m);
  const year = Number(parts.y);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return none;
  const hours = parts.h === undefined ? null : Number(parts.h);
  const minutes = parts.mi === undefined ? null : Number(parts.mi);
  if (hours !== null && (hours > 23 || (minutes ?? 0) > 59)) return none;
  return { day, month, year, hours, minutes };
}

/**
 * Date formatters by time zone, made once: building an `Intl.DateTimeFormat` costs far more than
 * using one, and lists ask for the same few zones on every request.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
function formatIn(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  make: () => Intl.DateTimeFormat,
) {
  let f = cache.get(timeZone);
  if (!f) {
    f = make();
    // Zones come from settings, but an unbounded map is never right.
    if (cache.size > 100) cache.clear();
    cache.set(timeZone, f);
  }
  return f;
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in a time zone: "today" for a task force. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  const parts = formatIn(
    dayFormats,
    timeZone,
    () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }),
  ).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The instant a calendar day (`YYYY-MM-DD`) starts in a time zone (Indonesian zones have no daylight saving). */
export function startOfDayIn(day: string, timeZone: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  const name =
    formatIn(
      offsetFormats,
      timeZone,
      () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }),
    )
      .formatToParts(utcMidnight)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const offsetMinutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new Date(utcMidnight.getTime() - offsetMinutes * 60_000);
}
