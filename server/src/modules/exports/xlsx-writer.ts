import { PassThrough, Readable } from 'node:stream';
import archiver from 'archiver';

/**
 * A minimal streaming XLSX (Office Open XML) writer: each sheet's XML is produced row by row from
 * an async source and read by the zip only as fast as it compresses, so memory stays flat however
 * many rows there are. Strings are inline (no shared-string table to hold in memory); the first
 * row of each sheet is bold and frozen. See docs/decisions.md for why not exceljs's own writer.
 */
export interface XlsxSheet {
  name: string;
  rows: AsyncIterable<readonly (string | number | null)[]> | Iterable<readonly (string | number | null)[]>;
}

// Characters XML 1.0 does not allow, even escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escapeXml(s: string): string {
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A1-style column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const letters: string[] = [];
const col = (i: number) => {
  letters[i] ??= columnName(i);
  return letters[i]!;
};

function cellXml(value: string | number | null, ref: string, style: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${style}><v>${value}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`;
}

async function* sheetXml(sheet: XlsxSheet): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>';
  let n = 0;
  let chunk = '';
  for await (const row of sheet.rows) {
    n++;
    const style = n === 1 ? ' s="1"' : '';
    let xml = `<row r="${n}">`;
    for (let i = 0; i < row.length; i++) xml += cellXml(row[i] ?? null, `${col(i)}${n}`, style);
    chunk += `${xml}</row>`;
    if (chunk.length > 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}</sheetData></worksheet>`;
}

const CONTENT_TYPES = (count: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${Array.from(
    { length: count },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join(
    '',
  )}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

const CORE = (at: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Sinergi</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created></cp:coreProperties>`;

const WORKBOOK = (names: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names
    .map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;

const WORKBOOK_RELS = (count: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Array.from(
    { length: count },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join(
    '',
  )}<Relationship Id="rId${count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`;

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
}

/** Streams the workbook; errors in a row source end the stream with that error. */
export function writeXlsx(sheets: readonly XlsxSheet[], now = new Date()): Readable {
  const out = new PassThrough();
  // Light compression: with the default level most of a large export's time goes to deflate.
  const zip = archiver('zip', { zlib: { level: 1 } });
  zip.on('error', (err) => out.destroy(err));
  zip.on('warning', (err) => out.destroy(err));
  zip.pipe(out);
  zip.append(CONTENT_TYPES(sheets.length), { name: '[Content_Types].xml', date: now });
  zip.append(ROOT_RELS, { name: '_rels/.rels', date: now });
  zip.append(CORE(now.toISOString().replace(/\.\d+Z$/, 'Z')), { name: 'docProps/core.xml', date: now });
  zip.append(WORKBOOK(sheets.map((s) => sheetName(s.name))), { name: 'xl/workbook.xml', date: now });
  zip.append(WORKBOOK_RELS(sheets.length), { name: 'xl/_rels/workbook.xml.rels', date: now });
  zip.append(STYLES, { name: 'xl/styles.xml', date: now });
  sheets.forEach((s, i) => {
    const source = Readable.from(sheetXml(s), { objectMode: false });
    source.on('error', (err) => out.destroy(err));
    zip.append(source, { name: `xl/worksheets/sheet${i + 1}.xml`, date: now });
  });
  void zip.finalize();
  return out;
}
