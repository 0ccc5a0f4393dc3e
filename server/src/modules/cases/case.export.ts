import {
  CASE_STAGE_LABELS,
  CASE_TYPE_LABELS,
  type CaseListQuery,
  DEADLINE_STATUS_LABELS,
  EXPLOITATION_TYPE_LABELS,
  type Language,
  labelOf,
  RISK_LABELS,
} from '@sinergi/core';
import ExcelJS from 'exceljs';
import type { Actor, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { listCases } from './case-list.service.js';

export const EXPORT_MAX_ROWS = 5000;

const HEADERS = {
  id: [
    'Nomor kasus',
    'Jenis',
    'Tahap',
    'Risiko',
    'Tanggal laporan',
    'Tanggal kejadian',
    'Instansi penanggung jawab',
    'Jumlah korban',
    'Korban anak',
    'Inisial korban',
    'Kecamatan asal',
    'Negara tujuan',
    'Jenis eksploitasi',
    'Respons pertama',
    'Batas respons pertama',
  ],
  en: [
    'Case number',
    'Type',
    'Stage',
    'Risk',
    'Report date',
    'Incident date',
    'Lead agency',
    'Victims',
    'Child victims',
    'Victim initials',
    'Origin district',
    'Destination country',
    'Exploitation',
    'First response',
    'First response due',
  ],
};

/**
 * The case list as filtered, as an XLSX workbook with the fields the caller may see (initials only
 * for the case team). Audited as an export of identifying data when initials are included.
 */
export async function exportCases(
  deps: Parameters<typeof listCases>[0],
  actor: Actor,
  meta: RequestMeta,
  query: CaseListQuery,
): Promise<{ buffer: Buffer; rows: number; truncated: boolean }> {
  const lang: Language = meta.lang;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sinergi';
  const sheet = workbook.addWorksheet(lang === 'id' ? 'Kasus' : 'Cases');
  sheet.addRow(HEADERS[lang]).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  let page = 1;
  let rows = 0;
  let total = 0;
  let identifying = false;
  while (rows < EXPORT_MAX_ROWS) {
    const res = await listCases(
      deps,
      actor,
      { ...meta, requestId: meta.requestId },
      { ...query, q: query.q, page, pageSize: 200 },
    );
    total = res.total;
    for (const c of res.items) {
      if (rows >= EXPORT_MAX_ROWS) break;
      if (c.victimInitials?.length) identifying = true;
      sheet.addRow([
        c.caseNumber,
        labelOf(CASE_TYPE_LABELS, c.caseType, lang),
        labelOf(CASE_STAGE_LABELS, c.stage, lang),
        labelOf(RISK_LABELS, c.risk, lang),
        new Date(c.reportedAt),
        c.incidentDate ?? '',
        c.leadAgency.shortName,
        c.victimCount,
        c.childVictimCount,
        (c.victimInitials ?? []).join(', '),
        c.originDistrict?.name ?? '',
        c.destinationCountry
          ? (deps.reference.country(c.destinationCountry)?.[lang === 'id' ? 'nameId' : 'nameEn'] ??
            c.destinationCountry)
          : '',
        c.exploitationTypes.map((t) => labelOf(EXPLOITATION_TYPE_LABELS, t, lang)).join(', '),
        labelOf(DEADLINE_STATUS_LABELS, c.firstResponse.status, lang),
        new Date(c.firstResponse.dueAt),
      ]);
      rows++;
    }
    if (res.items.length < 200) break;
    page++;
  }
  sheet.getColumn(5).numFmt = 'dd/mm/yyyy hh:mm';
  sheet.getColumn(15).numFmt = 'dd/mm/yyyy hh:mm';
  sheet.columns.forEach((col) => {
    col.width = 18;
  });
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await inTransaction(deps, actor, meta, (_t, audit) =>
    audit({
      action: 'case.export',
      details: {
        format: 'xlsx',
        rows,
        identifying,
        filters: Object.keys(query).filter((k) => k !== 'page' && k !== 'pageSize' && k !== 'sort'),
      },
    }),
  );
  return { buffer, rows, truncated: total > rows };
}
