import { describe, expect, it } from 'vitest';
import { localizeIssues } from './messages.js';
import { retentionRuleSchema } from './retention.js';

function refusal(value: unknown): string | undefined {
  const r = retentionRuleSchema.safeParse({ closedCaseYears: value, version: 0 }, { reportInput: true });
  return r.success ? undefined : localizeIssues(r.error.issues, 'id').closedCaseYears;
}

describe('the retention period in a request body', () => {
  it('is a whole number of years from 1 to 50, sent as a number: nothing is coerced', () => {
    const whole = 'Isi jumlah tahun dengan bilangan bulat, misalnya 10.';
    for (const value of [true, false, '7', '10', [5], [[1]], {}, 7.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(refusal(value), JSON.stringify(value)).toBe(whole);
    expect(refusal(null)).toBe('Wajib diisi.');
    expect(refusal(undefined)).toBe('Wajib diisi.');
    expect(refusal('')).toBe('Wajib diisi.');
    expect(refusal(0)).toBe('Minimal 1.');
    expect(refusal(51)).toBe('Maksimal 50.');
    for (const years of [1, 7, 50]) {
      expect(refusal(years)).toBeUndefined();
      expect(retentionRuleSchema.parse({ closedCaseYears: years, version: 3 }).closedCaseYears).toBe(years);
    }
  });
});
