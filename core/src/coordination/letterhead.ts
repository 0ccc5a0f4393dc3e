import { z } from 'zod';

/**
 * The task force's letterhead (kop surat) and the numbering of its invitation letters. Offices
 * number letters with a pattern of their own (Permendagri 83/2022 classification codes, a unit
 * code, the month in Roman numerals, the year), so the pattern is a setting, not code.
 */

export const LETTER_NUMBER_TOKENS = ['{seq}', '{seq3}', '{roman_month}', '{month}', '{year}'] as const;
export const DEFAULT_LETTER_PATTERN = '{seq}/GT-TPPO/{roman_month}/{year}';

const line = (max: number) => z.string().trim().max(max);

export const letterNumberPatternSchema = z
  .string()
  .trim()
  .min(5)
  .max(120)
  .refine((p) => p.includes('{seq}') || p.includes('{seq3}'), { message: 'letter_pattern_needs_seq' })
  .refine(
    (p) =>
      (p.match(/\{[^}]*\}/g) ?? []).every((t) => (LETTER_NUMBER_TOKENS as readonly string[]).includes(t)),
    { message: 'letter_pattern_unknown_token' },
  );

export const letterheadInputSchema = z.object({
  /** First line, e.g. "PEMERINTAH KABUPATEN MANGGARAI". */
  governmentName: line(160).min(3),
  /** Second line, e.g. "GUGUS TUGAS PP TPPO" or the secretariat's office. */
  agencyName: line(160).min(3),
  address: line(300),
  /** Phone, email, website in one line. */
  contact: line(300),
  numberPattern: letterNumberPatternSchema,
  /** 0 when nothing was saved yet. */
  version: z.number().int().min(0),
});
export type LetterheadInput = z.infer<typeof letterheadInputSchema>;

export const letterheadSchema = letterheadInputSchema.extend({
  logo: z
    .object({ id: z.string(), filename: z.string(), mime: z.string(), size: z.number().int() })
    .nullable(),
  /** An example of the next number, with the pattern as saved. */
  example: z.string(),
  can: z.object({ manage: z.boolean() }),
});
export type Letterhead = z.infer<typeof letterheadSchema>;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** Roman numeral of a month (1-12), as Indonesian letter numbers write it. */
export function romanMonth(month: number): string {
  const r = ROMAN[month - 1];
  if (!r) throw new RangeError(`month ${month}`);
  return r;
}

/** Fills a letter-number pattern: `{seq}/GT-TPPO/{roman_month}/{year}` -> `7/GT-TPPO/XI/2026`. */
export function formatLetterNumber(pattern: string, seq: number, year: number, month: number): string {
  return pattern
    .replaceAll('{seq3}', String(seq).padStart(3, '0'))
    .replaceAll('{seq}', String(seq))
    .replaceAll('{roman_month}', romanMonth(month))
    .replaceAll('{month}', String(month).padStart(2, '0'))
    .replaceAll('{year}', String(year));
}
