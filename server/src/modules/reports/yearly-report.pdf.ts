import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { PDF_STYLES, renderPdf } from '../../platform/pdf.js';
import type { Block } from './yearly-report.content.js';

const BAR_WIDTH = 200;
const BAR_COLOR = '#2f6f9f';
const HEADER_FILL = '#e8eef4';
/** Counts, hidden counts, percentages and money read right-aligned. */
const NUMERIC = /^(< ?\d|\d|-( |$)|Rp )/;

function headerRow(cells: string[]): TableCell[] {
  return cells.map((text) => ({ text, bold: true, fillColor: HEADER_FILL }));
}

function blockContent(b: Block): Content[] {
  switch (b.kind) {
    case 'cover':
      return [
        { text: '', margin: [0, 120, 0, 0] },
        { text: b.title, fontSize: 26, bold: true, alignment: 'center' },
        { text: b.subtitle, fontSize: 13, alignment: 'center', margin: [40, 12, 40, 0] },
        {
          text: b.taskForce.toUpperCase(),
          fontSize: 16,
          bold: true,
          alignment: 'center',
          margin: [0, 40, 0, 0],
        },
        { text: `TAHUN ${b.year}`, fontSize: 22, bold: true, alignment: 'center', margin: [0, 16, 0, 0] },
        {
          canvas: [{ type: 'line', x1: 130, y1: 0, x2: 385, y2: 0, lineWidth: 1.5 }],
          margin: [0, 30, 0, 30],
        },
        { text: b.note, alignment: 'center', italics: true },
        { text: '', pageBreak: 'after' },
      ];
    case 'heading':
      return [
        b.level === 1
          ? { text: b.text, fontSize: 13, bold: true, margin: [0, 14, 0, 6] }
          : { text: b.text, bold: true, margin: [0, 8, 0, 4] },
      ];
    case 'paragraph':
      // a paragraph is never split over two pages
      return [{ stack: [{ text: b.text, alignment: 'justify' }], unbreakable: true, margin: [0, 0, 0, 6] }];
    case 'note':
      return [{ text: b.text, italics: true, color: '#444444', margin: [0, 0, 0, 6] }];
    case 'bullets':
      return [{ ul: b.items, margin: [0, 0, 0, 6] }];
    case 'signature':
      return [
        {
          stack: b.lines.map((l) => ({ text: l || ' ' })),
          margin: [280, 24, 0, 0],
          alignment: 'center',
          unbreakable: true,
        },
      ];
    case 'table':
      return [
        {
          table: {
            headerRows: 1,
            keepWithHeaderRows: 1,
            widths: b.header.map((_, i) => (i === 0 ? '*' : 'auto')),
            body: [
              headerRow(b.header),
              ...b.rows.map((r) =>
                r.map(
                  (text, i): TableCell => (i > 0 && NUMERIC.test(text) ? { text, alignment: 'right' } : text),
                ),
              ),
            ],
          },
          fontSize: 9,
          margin: [0, 0, 0, 8],
        },
      ];
    case 'bars': {
      const max = Math.max(1, ...b.rows.map((r) => r.value ?? 0));
      return [
        {
          table: {
            headerRows: 1,
            keepWithHeaderRows: 1,
            widths: ['*', 50, BAR_WIDTH],
            body: [
              headerRow([b.header[0], b.header[1], '']),
              ...b.rows.map((r): TableCell[] => [
                r.label,
                { text: r.text, alignment: 'right' },
                r.value
                  ? {
                      canvas: [
                        {
                          type: 'rect',
                          x: 0,
                          y: 2,
                          w: Math.max(2, (r.value / max) * (BAR_WIDTH - 8)),
                          h: 8,
                          color: BAR_COLOR,
                        },
                      ],
                    }
                  : '',
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
          fontSize: 9,
          margin: [0, 0, 0, 8],
        },
      ];
    }
  }
}

/** A heading never ends a page: it is kept with the text or short table it introduces. */
function keepHeadingsWithText(blocks: Block[]): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    const short =
      next &&
      (['paragraph', 'note', 'bullets'].includes(next.kind) ||
        ((next.kind === 'table' || next.kind === 'bars') && next.rows.length <= 15));
    if (b.kind === 'heading' && short) {
      out.push({ stack: [...blockContent(b), ...blockContent(next)], unbreakable: true });
      i++;
    } else out.push(...blockContent(b));
  }
  return out;
}

/** The yearly report as a PDF (A4, cover page, page numbers), drawn from the same blocks as the DOCX. */
export function yearlyReportPdf(blocks: Block[], title: string): Promise<Buffer> {
  return renderPdf({
    info: { title },
    styles: PDF_STYLES,
    // the cover carries no page number
    footer: (page, pages) =>
      page === 1 ? '' : { text: `Halaman ${page} dari ${pages}`, alignment: 'center', fontSize: 8 },
    content: keepHeadingsWithText(blocks),
    // a heading never ends a page: it moves to the next one with what it introduces
    pageBreakBefore: (node, q) =>
      node.headlineLevel !== undefined && q.getFollowingNodesOnPage().length === 0,
  });
}
