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
