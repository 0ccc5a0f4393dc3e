import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBandOf, CTDC_AGE_BANDS, SIMFONI_AGE_BANDS } from './age-bands.js';
import { breakdownQuerySchema, statsFilterSchema } from './indicators.js';
import { localMonthOf, resolvePeriod } from './period.js';
import { isSmallCount, suppressTable } from './suppression.js';

describe('small-cell suppression', () => {
  it('hides 1 and 2 at the default threshold and shows 0 and 3', () => {
    const t = suppressTable([[0, 1, 2, 3]], 3, { withTotals: false });
    expect(t.cells).toEqual([[0, null, null, 3]]);
    expect(t.grandTotal).toBeNull();
  });

  it('hides a second cell so the hidden one cannot be recovered from the total', () => {
    // Row total 17 shown; 2 alone hidden would be 17 - 5 - 10. The 5 is hidden with it.
    const t = suppressTable([[2, 5, 10]]);
    expect(t.cells).toEqual([[null, null, 10]]);
    expect(t.rowTotals).toEqual([17]);
    // in a one-row table each column total repeats its cell, so it is hidden with it
    expect(t.columnTotals).toEqual([null, null, 10]);
    expect(t.primary).toBe(2);
    expect(t.secondary).toBe(2);
    expect(t.masked.cells).toEqual([[false, true, false]]);
  });

  it('masks across rows and columns of a two-way table', () => {
    const t = suppressTable([
      [1, 8, 9],
      [7, 6, 12],
      [9, 9, 9],
    ]);
    // the 1 is hidden; its row and its column each need a second hidden cell
    expect(t.cells[0]![0]).toBeNull();
    expect(t.cells[0]!.filter((c) => c === null).length).toBeGreaterThanOrEqual(2);
    expect(t.cells.map((r) => r[0]).filter((c) => c === null).length).toBeGreaterThanOrEqual(2);
  });

  it('hides the total when no other cell of the line can mask', () => {
    const t = suppressTable([[2, 0]]);
    expect(t.cells).toEqual([[null, 0]]);
    expect(t.rowTotals).toEqual([null]);
  });

  it('takes the threshold as configured', () => {
    expect(suppressTable([[4, 5, 20]], 5).cells).toEqual([[null, null, 20]]);
    expect(isSmallCount(4, 5)).toBe(true);
    expect(isSmallCount(0, 5)).toBe(false);
  });

  const table = fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
    .chain(([r, c]) =>
      fc.array(fc.array(fc.nat({ max: 12 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
    );

  it('never leaves exactly one hidden value in a row, column or total line', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 2, max: 6 }), (counts, threshold) => {
        const t = suppressTable(counts, threshold);
        const hidden = (v: number | null) => (v === null ? 1 : 0);
        const lines: (number | null)[][] = [
          ...t.cells.map((r, i) => [...r, t.rowTotals[i]!]),
          ...counts[0]!.map((_, j) => [...t.cells.map((r) => r[j]!), t.columnTotals[j]!]),
          [...t.rowTotals, t.grandTotal],
          [...t.columnTotals, t.grandTotal],
        ];
        for (const line of lines) expect(line.reduce<number>((a, v) => a + hidden(v), 0)).not.toBe(1);
      }),
    );
  });

  it('hides every small count, never a zero, and shows every other value unchanged', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 2, max: 6 }), (counts, threshold) => {
        const t = suppressTable(counts, threshold);
        counts.forEach((row, i) => {
          row.forEach((v, j) => {
            const out = t.cells[i]![j];
            if (isSmallCount(v, threshold)) expect(out).toBeNull();
            if (v === 0) expect(out).toBe(0);
            if (out !== null) expect(out).toBe(v);
            // a masking cell is hidden although it is not small
            if (t.masked.cells[i]![j]) expect(out === null && !isSmallCount(v, threshold)).toBe(true);
          });
        });
        expect(t.primary + t.secondary).toBe(
          [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.grandTotal].filter((v) => v === null)
            .length,
        );
      }),
    );
  });
});

describe('age bands', () => {
  it('places ages in the SIMFONI and CTDC bands', () => {
    expect(ageBandOf(5, SIMFONI_AGE_BANDS)).toBe('0-5');
    expect(ageBandOf(17, SIMFONI_AGE_BANDS)).toBe('13-17');
    expect(ageBandOf(18, SIMFONI_AGE_BANDS)).toBe('18-24');
    expect(ageBandOf(72, SIMFONI_AGE_BANDS)).toBe('60+');
    expect(ageBandOf(8, CTDC_AGE_BANDS)).toBe('0-8');
    expect(ageBandOf(29, CTDC_AGE_BANDS)).toBe('27-29');
    expect(ageBandOf(48, CTDC_AGE_BANDS)).toBe('48+');
    expect(ageBandOf(null, CTDC_AGE_BANDS)).toBeNull();
  });

  it('puts every age from 0 to 120 in exactly one band of each list', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), (age) => {
        for (const list of [SIMFONI_AGE_BANDS, CTDC_AGE_BANDS]) {
          const matches = list.filter((b) => age >= b.min && (b.max === null || age <= b.max));
          expect(matches).toHaveLength(1);
        }
      }),
    );
  });
});

describe('periods and filters', () => {
  it('resolves a year, a quarter, a month and a range in WITA', () => {
    expect(resolvePeriod({ year: 2025 })).toEqual({
      from: '2024-12-31T16:00:00.000Z',
      to: '2025-12-31T16:00:00.000Z',
    });
    expect(resolvePeriod({ year: 2025, quarter: 4 }).from).toBe('2025-09-30T16:00:00.000Z');
    expect(resolvePeriod({ year: 2025, month: 2 })).toEqual({
      from: '2025-01-31T16:00:00.000Z',
      to: '2025-02-28T16:00:00.000Z',
    });
    expect(resolvePeriod({ from: '2025-03-01', to: '2025-03-31' })).toEqual({
      from: '2025-02-28T16:00:00.000Z',
      to: '2025-03-31T16:00:00.000Z',
    });
    expect(localMonthOf('2025-01-31T17:00:00.000Z')).toBe('2025-02');
  });

  it('refuses mixed or incomplete periods and dimensions an indicator does not have', () => {
    expect(statsFilterSchema.safeParse({ quarter: 2 }).success).toBe(false);
    expect(statsFilterSchema.safeParse({ year: 2025, from: '2025-01-01' }).success).toBe(false);
    expect(statsFilterSchema.safeParse({ from: '2025-02-01', to: '2025-01-01' }).success).toBe(false);
    expect(breakdownQuerySchema.safeParse({ indicator: 'cases', dimension: 'sex' }).success).toBe(false);
    expect(
      breakdownQuerySchema.safeParse({ indicator: 'victims', dimension: 'sex', series: 'sex' }).success,
    ).toBe(false);
    expect(
      breakdownQuerySchema.safeParse({
        indicator: 'victims',
        dimension: 'destination_country',
        series: 'sex',
      }).success,
    ).toBe(true);
  });
});
