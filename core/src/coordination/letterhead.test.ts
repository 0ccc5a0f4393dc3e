import { describe, expect, it } from 'vitest';
import { formatLetterNumber, letterNumberPatternSchema, romanMonth } from './letterhead.js';

describe('letter numbers', () => {
  it('fills the sequence, the month in Roman numerals and the year', () => {
    expect(formatLetterNumber('{seq}/GT-TPPO/{roman_month}/{year}', 7, 2026, 11)).toBe('7/GT-TPPO/XI/2026');
    expect(formatLetterNumber('000.8.3.3/{seq3}/OR/{month}/{year}', 15, 2027, 2)).toBe(
      '000.8.3.3/015/OR/02/2027',
    );
    expect(romanMonth(4)).toBe('IV');
    expect(romanMonth(12)).toBe('XII');
  });

  it('refuses a pattern without a sequence or with an unknown token', () => {
    expect(letterNumberPatternSchema.safeParse('GT-TPPO/{year}').error?.issues[0]?.message).toBe(
      'letter_pattern_needs_seq',
    );
    expect(letterNumberPatternSchema.safeParse('{seq}/{tahun}').error?.issues[0]?.message).toBe(
      'letter_pattern_unknown_token',
    );
    expect(letterNumberPatternSchema.safeParse('{seq}/GT/{year}').success).toBe(true);
  });
});
