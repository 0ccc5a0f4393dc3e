import { spreadsheetText } from '../spreadsheet.js';

/**
 * Cell values that start with =, +, - or @ (or a tab or carriage return) are read as formulas by
 * spreadsheet programs: a name typed as `=HYPERLINK(...)` would run when the export is opened. Such
 * text gets a leading apostrophe. Plain numbers ("-99", "-1.5") are not formulas and stay as they are.
 */
export function neutraliseCell<T>(value: T): T | string {
  if (typeof value !== 'string' || value.length === 0) return value;
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  return spreadsheetText(value);
}

/** One CSV line (RFC 4180 quoting), every value neutralised first. */
export function csvLine(values: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) line += ',';
    if (v === null || v === undefined) continue;
    // A number is never a formula, and its text needs no quoting.
    if (typeof v === 'number') {
      line += String(v);
      continue;
    }
    const cell = String(neutraliseCell(String(v)));
    line += /[",\r\n;]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return line;
}
