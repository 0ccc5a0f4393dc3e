/** Rules about people in a case that server and web share. */

/**
 * A NIK (Indonesian identity number) has 16 digits: region (6), birth date DDMMYY with 40 added to
 * the day for women (6), and a serial (4). Checks the shape and the date part only.
 */
export function isPlausibleNik(nik: string): boolean {
  if (!/^\d{16}$/.test(nik)) return false;
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  if (day > 40) day -= 40;
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** Whole years between a birth date and another date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

/**
 * The age at the incident: from the birth date when known, otherwise from an estimated age given at
 * the report (shifted back by the years between incident and report).
 */
export function ageAtIncident(input: {
  birthDate?: string | null;
  estimatedAge?: number | null;
  incidentDate?: string | null;
  reportDate: string;
}): number | null {
  const on = input.incidentDate ?? input.reportDate;
  if (input.birthDate) return ageOn(input.birthDate, on);
  if (input.estimatedAge !== null && input.estimatedAge !== undefined) {
    const yearsBetween = Number(input.reportDate.slice(0, 4)) - Number(on.slice(0, 4));
    return Math.max(0, input.estimatedAge - Math.max(0, yearsBetween));
  }
  return null;
}

/** Under 18 at the incident (UU 21/2007, UU 35/2014). Unknown age is not treated as a child. */
export function isChildAt(age: number | null): boolean {
  return age !== null && age < 18;
}

/** SIMFONI age bands. */
export function simfoniAgeBand(age: number | null): string {
  if (age === null) return 'unknown';
  if (age <= 5) return '0-5';
  if (age <= 12) return '6-12';
  if (age <= 17) return '13-17';
  if (age <= 24) return '18-24';
  if (age <= 44) return '25-44';
  if (age <= 59) return '45-59';
  return '60+';
}

/** Initials for lists shown outside the case team ("Maria Goreti Jelahu" -> "M.G.J."). */
export function initials(fullName: string): string {
  return fullName
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0]!.toUpperCase()}.`)
    .join('');
}

/** E.164 phone: + and 8-15 digits; Indonesian numbers written 08... become +628... */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s().-]/g, '');
  const e164 = digits.startsWith('+')
    ? digits
    : digits.startsWith('0')
      ? `+62${digits.slice(1)}`
      : digits.startsWith('62')
        ? `+${digits}`
        : null;
  return e164 && /^\+[1-9]\d{7,14}$/.test(e164) ? e164 : null;
}
