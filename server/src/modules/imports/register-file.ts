import ExcelJS from 'exceljs';

export interface RegisterTable {
  columns: string[];
  /** Each data row with its line number in the file (the header is line 1 when it comes first). */
  rows: { line: number; cells: string[] }[];
}

export class UnreadableFile extends Error {}

/** Text of a spreadsheet cell: dates as YYYY-MM-DD, numbers without exponent, formulas by result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
  }
  return '';
}

/** The first sheet of an XLSX file: the first non-empty row is the header. */
export async function readXlsx(data: Buffer): Promise<RegisterTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile();
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new UnreadableFile();
  const all: { line: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    all.push({ line: row.number, cells: values.slice(1).map(cellText) });
  });
  return toTable(all);
}

/** RFC 4180 CSV with `,` or `;` (whichever the header uses more), quotes and line breaks inside quotes. */
export function readCsv(data: Buffer): RegisterTable {
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) throw new UnreadableFile();
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return toTable(rows.map((cells, i) => ({ line: i + 1, cells })));
}

function toTable(all: { line: number; cells: string[] }[]): RegisterTable {
  const nonEmpty = all.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = nonEmpty[0]?.cells;
  if (!header) return { columns: [], rows: [] };
  // Unnamed or repeated headers get a position so each column can be told apart.
  const seen = new Set<string>();
  const columns = header.map((h, i) => {
    let name = h.trim() || `Kolom ${i + 1}`;
    if (seen.has(name)) name = `${name} (${i + 1})`;
    seen.add(name);
    return name;
  });
  return {
    columns,
    rows: nonEmpty
      .slice(1)
      .map((r) => ({ line: r.line, cells: columns.map((_, i) => (r.cells[i] ?? '').trim()) })),
  };
}
