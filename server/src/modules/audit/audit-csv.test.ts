import { neutraliseCell } from '@sinergi/core';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './audit-csv.js';

describe('audit CSV cells', () => {
  it('neutralises every formula trigger', () => {
    for (const v of ['=1+1', '+62812', '-2+3', '@SUM(A1)', '\tx', '\r=x'])
      expect(neutraliseCell(v)).toBe(`'${v}`);
    expect(neutraliseCell('case.read')).toBe('case.read');
    expect(neutraliseCell('')).toBe('');
  });

  it('quotes commas, quotes and line breaks after neutralising', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
    expect(csvLine(['a', null, '@x'])).toBe("a,,'@x\r\n");
  });
});
