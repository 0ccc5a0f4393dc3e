import { PassThrough, type Readable } from 'node:stream';
import { csvLine, neutraliseCell } from '@sinergi/core';
import { writeXlsx } from './xlsx-writer.js';

export type CellValue = string | number | null | undefined;
export type RowSource = Iterable<CellValue[]> | AsyncIterable<CellValue[]>;

/** One sheet of a workbook: a header row, then rows produced as the writer asks for them. */
export interface SheetSpec {
  name: string;
  columns: readonly string[];
  rows: () => RowSource;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

function cell(v: CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' ? v : (neutraliseCell(v) as string);
}

/**
 * Streams an XLSX workbook: rows are written and released as they come, so memory stays flat
 * however many there are. Text that a spreadsheet would run as a formula is neutralised.
 */
export function xlsxStream(sheets: readonly SheetSpec[], onError: (err: unknown) => void): Readable {
  const stream = writeXlsx(
    sheets.map((spec) => ({
      name: spec.name,
      rows: (async function* () {
        yield [...spec.columns];
        for await (const row of spec.rows()) yield row.map(cell);
      })(),
    })),
  );
  stream.on('error', onError);
  return stream;
}

/** Streams one table as CSV (UTF-8 with a byte-order mark so spreadsheet programs read it right). */
export function csvStream(
  columns: readonly string[],
  rows: () => RowSource,
  onError: (err: unknown) => void,
  commentLines: readonly string[] = [],
): Readable {
  const out = new PassThrough();
  (async () => {
    out.write('\uFEFF');
    for (const c of commentLines) out.write(`# ${c.replace(/[\r\n]+/g, ' ')}\n`);
    out.write(`${csvLine(columns)}\n`);
    let buffer = '';
    for await (const row of rows()) {
      buffer += `${csvLine(row)}\n`;
      if (buffer.length > 64_000) {
        if (!out.write(buffer)) await new Promise((r) => out.once('drain', r));
        buffer = '';
      }
    }
    out.end(buffer);
  })().catch((err) => {
    onError(err);
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return out;
}
