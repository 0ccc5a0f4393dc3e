/**
 * Text written to a spreadsheet cell must never run as a formula when the file is opened: a value
 * starting with `=`, `+`, `-`, `@` (or a tab or carriage return, which some programs skip before
 * reading one) is prefixed with an apostrophe, which spreadsheet programs show as text. A value
 * already starting with an apostrophe gets one more, so that reading back is exact.
 */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
}

/** Reverses `spreadsheetText` when reading back a file this system wrote. */
export function fromSpreadsheetText(value: string): string {
  return /^'[=+\-@\t\r']/.test(value) ? value.slice(1) : value;
}
