import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';

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

/** The task force's letterhead (kop surat) as its settings hold it. */
export interface PdfLetterhead {
  /** Government, then the task force or office, in capitals as printed. */
  lines: string[];
  /** Address and contact lines under them. */
  address: string[];
  /** A PNG or JPEG data URL, printed at the left. */
  logo: string | null;
}

/** The letterhead at the top of every letter: logo, the centred lines, a rule under them. */
export function kopSurat(head: PdfLetterhead): Content[] {
  const text: Content = {
    stack: [
      ...head.lines.map((l, i) => ({ text: l, style: 'kop', fontSize: i === 0 ? 12 : 13 })),
      ...head.address.map((l) => ({ text: l, alignment: 'center' as const, fontSize: 9 })),
    ],
  };
  return [
    head.logo
      ? {
          columns: [{ image: head.logo, fit: [56, 56], width: 60 }, text, { text: '', width: 60 }],
          columnGap: 6,
        }
      : text,
    { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 515, y2: 4, lineWidth: 1.5 }], margin: [0, 0, 0, 10] },
  ];
}
