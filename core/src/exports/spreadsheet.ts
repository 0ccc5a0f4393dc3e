/**
 * Cell values that start with =, +, - or @ (or a tab or carriage return) are read as formulas by
 * spreadsheet programs: a name typed as `=HYPERLINK(...)` would run when the export is opened. Such
 * text gets a leading apostrophe. Plain numbers ("-99", "-1.5") are not formulas and stay as they are.
 */
export function neutraliseCell<T>(value: T): T | string {
  if (typeof value !== 'string' || value.length === 0) return value;
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV line (RFC 4180 quoting), every value neutralised first. */
export function csvLine(values: readonly unknown[]): string {
  return values
    .map((v) => {
      const cell =
        v === null || v === undefined ? '' : String(neutraliseCell(typeof v === 'string' ? v : String(v)));
      return /[",\r\n;]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
    })
    .join(',');
}
