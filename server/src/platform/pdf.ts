import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

/**
 * PDFs are drawn with the PDF standard fonts only: nothing is read from files or the network while
 * a document is built (pdfmake's access policies refuse everything else).
 */
const HELVETICA = {
  normal: 'Helvetica',
  bold: 'Helvetica-Bold',
  italics: 'Helvetica-Oblique',
  bolditalics: 'Helvetica-BoldOblique',
};
const STANDARD_FONTS = new Set<string>(Object.values(HELVETICA));
pdfmake.setFonts({ Helvetica: HELVETICA });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));

/** Letter styles shared by the task force's documents. */
export const PDF_STYLES = {
  kop: { bold: true, fontSize: 12, alignment: 'center' as const },
  title: {
    bold: true,
    fontSize: 13,
    alignment: 'center' as const,
    margin: [0, 4, 0, 2] as [number, number, number, number],
  },
  section: { bold: true, margin: [0, 10, 0, 4] as [number, number, number, number] },
};

/** An A4 document in the house style (Helvetica, page numbers at the foot). */
export function renderPdf(doc: Omit<TDocumentDefinitions, 'pageSize' | 'defaultStyle'>): Promise<Buffer> {
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      pageMargins: [40, 40, 40, 48],
      footer: (page, pages) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 8 }),
      ...doc,
      defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2 },
    })
    .getBuffer();
}
