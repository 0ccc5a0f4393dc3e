import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block } from './yearly-report.content.js';

const BAR_CHARS = 40;
const BAR_FILL = '2F6F9F';
const HEADER_FILL = 'E8EEF4';

function cell(text: string, opts: { header?: boolean; right?: boolean } = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: opts.header ?? false, size: 20 })],
      }),
    ],
    ...(opts.header && { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } }),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

function table(header: string[], rows: TableCell[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, { header: true })) }),
      ...rows.map((r) => new TableRow({ children: r })),
    ],
  });
}

/** A bar drawn as a shaded run of non-breaking spaces: it edits and prints like text in any word processor. */
function bar(value: number | null, max: number): TableCell {
  const n = value ? Math.max(1, Math.round((value / max) * BAR_CHARS)) : 0;
  return new TableCell({
    children: [
      new Paragraph({
        children: n
          ? [
              new TextRun({
                text: '\u00A0'.repeat(n),
                size: 16,
                shading: { type: ShadingType.CLEAR, fill: BAR_FILL, color: 'auto' },
              }),
            ]
          : [],
      }),
    ],
    width: { size: 45, type: WidthType.PERCENTAGE },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

const spaced = { after: 120 };

function blockChildren(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'cover':
      return [
        new Paragraph({ spacing: { before: 2400 }, children: [] }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: b.title, bold: true, size: 52 })],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 240 },
          children: [new TextRun({ text: b.subtitle, size: 26 })],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 800 },
          children: [new TextRun({ text: b.taskForce.toUpperCase(), bold: true, size: 32 })],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 320, after: 1200 },
          children: [new TextRun({ text: `TAHUN ${b.year}`, bold: true, size: 44 })],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: b.note, italics: true })],
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          keepNext: true,
          // the first chapter starts after the cover
          pageBreakBefore: b.text.startsWith('I. '),
          spacing: { before: b.level === 1 ? 360 : 200, after: 120 },
          children: [new TextRun({ text: b.text })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: spaced,
          children: [new TextRun(b.text)],
        }),
      ];
    case 'note':
      return [
        new Paragraph({
          spacing: spaced,
          children: [new TextRun({ text: b.text, italics: true, color: '444444' })],
        }),
      ];
    case 'signature':
      return b.lines.map(
        (l, i) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            indent: { left: 5000 },
            keepNext: i < b.lines.length - 1,
            spacing: i === 0 ? { before: 480 } : undefined,
            children: [new TextRun(l)],
          }),
      );
    case 'bullets':
      return b.items.map((text) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] }));
    case 'table':
      return [
        table(
          b.header,
          b.rows.map((r) =>
            r.map((text, i) => cell(text, { right: i > 0 && /^(< ?\d|\d|-( |$)|Rp )/.test(text) })),
          ),
        ),
        new Paragraph({ spacing: spaced, children: [] }),
      ];
    case 'bars': {
      const max = Math.max(1, ...b.rows.map((r) => r.value ?? 0));
      return [
        table(
          [b.header[0], b.header[1], ''],
          b.rows.map((r) => [cell(r.label), cell(r.text, { right: true }), bar(r.value, max)]),
        ),
        new Paragraph({ spacing: spaced, children: [] }),
      ];
    }
  }
}

/** The yearly report as an editable DOCX (cover, headings, tables with bars, page numbers). */
export function yearlyReportDocx(blocks: Block[], title: string): Promise<Buffer> {
  const doc = new Document({
    creator: 'Sinergi',
    title,
    styles: {
      default: { document: { run: { font: 'Arial', size: 22 } } },
      paragraphStyles: [
        {
          id: 'Heading1',
          name: 'Heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { bold: true, size: 28, color: '1F3B57' },
        },
        {
          id: 'Heading2',
          name: 'Heading 2',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { bold: true, size: 23 },
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { margin: { top: 1134, bottom: 1134, left: 1418, right: 1134 } },
        },
        footers: {
          first: new Footer({ children: [] }),
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['Halaman ', PageNumber.CURRENT, ' dari ', PageNumber.TOTAL_PAGES],
                    size: 16,
                  }),
                ],
              }),
            ],
          }),
        },
        children: blocks.flatMap(blockChildren),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
