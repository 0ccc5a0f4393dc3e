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
  const zone = ZONE_ABBREVIATIONS[timeZone] ?? timeZone;
  return lang === 'en' ? `${hh}:${mm} ${zone}` : `${hh}.${mm} ${zone}`;
}

export function formatDateTime(iso: string | Date, lang: string, timeZone: string): string {
  return `${formatDate(iso, lang, timeZone)} ${formatTime(iso, lang, timeZone)}`;
}

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(locale(lang === 'en' ? 'en' : 'id')).format(n);
}

export function formatRupiah(n: number): string {
  return `Rp ${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(n)}`;
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
