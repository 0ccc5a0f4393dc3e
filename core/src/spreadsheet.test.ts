import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromSpreadsheetText, spreadsheetText } from './spreadsheet.js';

describe('spreadsheet text', () => {
  it('keeps formulas and their lookalikes from running', () => {
    for (const v of ['=HYPERLINK("http://x","klik")', '+62812', '-1+1', '@SUM(A1)', '\t=1'])
      expect(spreadsheetText(v).startsWith("'")).toBe(true);
    expect(spreadsheetText('Sosialisasi di desa')).toBe('Sosialisasi di desa');
  });

  it('reads back exactly what was written', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((x) => `'${x}`),
          fc.string().map((x) => `'=${x}`),
        ),
        (s) => {
          const written = spreadsheetText(s);
          expect(/^[=+\-@\t\r]/.test(written)).toBe(false);
          expect(fromSpreadsheetText(written)).toBe(s);
        },
      ),
    );
  });
});
