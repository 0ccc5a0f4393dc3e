import {
  type Breakdown,
  CASE_STAGE_LABELS,
  CASE_TYPE_LABELS,
  EXPLOITATION_TYPE_LABELS,
  type Language,
  labelOf,
  type ReleasedCount,
  STAT_DIMENSION_LABELS,
  STAT_INDICATOR_LABELS,
  STAT_VALUE_LABELS,
  type StatDimension,
  spreadsheetText,
} from '@sinergi/core';
import ExcelJS from 'exceljs';
import type { ReferenceData } from '../../platform/reference.js';

/** The label of one dimension value in the language: region and country names, task force names, value lists. */
export function valueLabel(
  reference: Pick<ReferenceData, 'region' | 'country'>,
  b: Pick<Breakdown, 'labels'>,
  dimension: StatDimension,
  key: string,
  lang: Language,
): string {
  if (key === '_unknown' && dimension === 'sub_task_force')
    return lang === 'id' ? 'Tanpa sub gugus tugas' : 'No sub-task force';
  if (key === '_unknown' || key === 'total') return labelOf(STAT_VALUE_LABELS, key, lang);
  switch (dimension) {
    case 'case_type':
      return labelOf(CASE_TYPE_LABELS, key, lang);
    case 'stage':
      return labelOf(CASE_STAGE_LABELS, key, lang);
    case 'exploitation_type':
      return labelOf(EXPLOITATION_TYPE_LABELS, key, lang);
    case 'origin_district':
    case 'destination_province':
      return b.labels[key] ?? reference.region(key)?.name ?? key;
    case 'destination_country': {
      const c = reference.country(key);
      return c ? (lang === 'id' ? c.nameId : c.nameEn) : key;
    }
    case 'task_force':
    case 'owner_agency':
    case 'sub_task_force':
    case 'village':
    case 'activity_district':
      return b.labels[key] ?? key;
    default:
      return labelOf(STAT_VALUE_LABELS, key, lang);
  }
}

/**
 * A breakdown as an XLSX sheet: title, the protection note, the table with its totals. Every text
 * cell passes through formula neutralisation, since labels can come from data entered by users.
 */
export async function breakdownWorkbook(
  reference: Pick<ReferenceData, 'region' | 'country'>,
  b: Breakdown,
  lang: Language,
): Promise<Buffer> {
  const text = (v: string) => spreadsheetText(v);
  const small = `< ${b.threshold}`;
  const percent = b.unit === 'percent';
  const noReport = lang === 'id' ? 'belum ada laporan' : 'no report yet';
  const count = (v: ReleasedCount | number) => (v === null ? (percent ? noReport : small) : v);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sinergi';
  const sheet = workbook.addWorksheet(lang === 'id' ? 'Statistik' : 'Statistics');
  const title = `${STAT_INDICATOR_LABELS[b.indicator][lang]} — ${STAT_DIMENSION_LABELS[b.dimension][lang]}${
    b.series ? ` × ${STAT_DIMENSION_LABELS[b.series][lang]}` : ''
  }`;
  sheet.addRow([text(title)]).font = { bold: true, size: 13 };
  const period = [b.period.from?.slice(0, 10) ?? '…', b.period.to?.slice(0, 10) ?? '…'].join(' – ');
  sheet.addRow([text(lang === 'id' ? `Periode (UTC): ${period}` : `Period (UTC): ${period}`)]);
  if (percent)
    sheet.addRow([
      text(
        lang === 'id'
          ? 'Persen capaian: rata-rata capaian kegiatan (masing-masing paling tinggi 100%) terhadap target tahun ini.'
          : 'Achievement %: the mean achievement of the activities (each at most 100%) against the year’s target.',
      ),
    ]);
  else if (!b.exact)
    sheet.addRow([
      text(
        lang === 'id'
          ? `Angka 1 sampai ${b.threshold - 1} ditampilkan sebagai "${small}"; sel lain dapat ikut disembunyikan agar angka kecil tidak dapat dihitung ulang.`
          : `Counts from 1 to ${b.threshold - 1} are shown as "${small}"; other cells may be hidden too so small counts cannot be worked out.`,
      ),
    ]);
  if (b.multiValued && !percent)
    sheet.addRow([
      text(
        lang === 'id'
          ? 'Satu catatan dapat dihitung di beberapa kategori, jadi tidak ada jumlah.'
          : 'One record can count under several categories, so there are no totals.',
      ),
    ]);
  sheet.addRow([]);
  const header = [
    text(STAT_DIMENSION_LABELS[b.dimension][lang]),
    ...b.columnKeys.map((k) => text(valueLabel(reference, b, b.series ?? b.dimension, k, lang))),
    ...(b.series && !b.multiValued ? [text(labelOf(STAT_VALUE_LABELS, 'total', lang))] : []),
  ];
  sheet.addRow(header).font = { bold: true };
  b.rowKeys.forEach((k, i) => {
    sheet.addRow([
      text(valueLabel(reference, b, b.dimension, k, lang)),
      ...b.cells[i]!.map(count),
      ...(b.series && !b.multiValued ? [count(b.rowTotals[i] ?? null)] : []),
    ]);
  });
  if (!b.multiValued)
    sheet.addRow([
      text(labelOf(STAT_VALUE_LABELS, 'total', lang)),
      ...b.columnTotals.map(count),
      ...(b.series ? [count(b.grandTotal)] : []),
    ]).font = { bold: true };
  sheet.getColumn(1).width = 36;
  for (let c = 2; c <= header.length; c++) sheet.getColumn(c).width = 16;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
