import type { YearEvaluation } from '@sinergi/core';
import type { Content } from 'pdfmake/interfaces.js';
import { kopSurat, PDF_STYLES, type PdfLetterhead, renderPdf } from '../../platform/pdf.js';

const STATUS = {
  on_track: 'Sesuai target',
  at_risk: 'Berisiko',
  behind: 'Tertinggal',
  no_report: 'Belum ada laporan',
};
const SECTIONS = [
  ['achievements', 'Capaian'],
  ['obstacles', 'Kendala'],
  ['interventions', 'Intervensi yang dibutuhkan'],
  ['recommendations', 'Rekomendasi'],
] as const;

/**
 * The year-end evaluation as the secretariat files it: the summary it wrote, then each RAD
 * activity's realisation against its target and status, from the year's progress reports.
 */
export function evaluationPdf(e: YearEvaluation, kop: PdfLetterhead): Promise<Buffer> {
  const summary: Content[] = SECTIONS.flatMap(([key, label]) => [
    { text: label, style: 'section' },
    { text: e[key].trim() || '-' },
  ]);
  const rows = e.activities.map((a, i) => [
    String(i + 1),
    { text: a.title, bold: true },
    a.agency,
    `${a.realised ?? 0} / ${a.target} ${a.unit}`,
    STATUS[a.status],
  ]);
  return renderPdf({
    info: { title: `Evaluasi Akhir Tahun ${e.year}` },
    styles: PDF_STYLES,
    content: [
      ...kopSurat(kop),
      { text: `EVALUASI AKHIR TAHUN ${e.year}`, style: 'title' },
      {
        text: 'Rencana Aksi Daerah Pencegahan dan Penanganan TPPO',
        alignment: 'center',
        margin: [0, 0, 0, 12],
      },
      ...summary,
      { text: 'Capaian kegiatan RAD', style: 'section' },
      rows.length
        ? {
            table: {
              headerRows: 1,
              widths: [18, '*', 80, 80, 70],
              body: [['No', 'Kegiatan', 'Penanggung jawab', 'Realisasi / target', 'Status'], ...rows],
            },
            fontSize: 9,
          }
        : { text: '-' },
    ],
  });
}
