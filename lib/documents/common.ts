import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/** Small builders shared by every document, so the documents read like their outline. */

export const FONT = 'Arial';

export function p(
  text: string,
  opts: {
    bold?: boolean;
    align?: 'left' | 'center' | 'right' | 'justify';
    size?: number;
    italics?: boolean;
    after?: number;
  } = {},
): Paragraph {
  const alignment = {
    left: AlignmentType.LEFT,
    center: AlignmentType.CENTER,
    right: AlignmentType.RIGHT,
    justify: AlignmentType.JUSTIFIED,
  }[opts.align ?? 'left'];
  return new Paragraph({
    alignment,
    spacing: { after: opts.after ?? 120 },
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italics, size: opts.size })],
  });
}

export function h1(text: string, pageBreak = true): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    alignment: AlignmentType.CENTER,
    pageBreakBefore: pageBreak,
    spacing: { after: 240 },
    children: text
      .split('\n')
      .map((line, i) => new TextRun({ text: line, bold: true, size: 28, break: i > 0 ? 1 : undefined })),
  });
}

export function h2(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: 24 })],
  });
}

export function h3(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_3,
    spacing: { before: 200, after: 100 },
    children: [new TextRun({ text, bold: true, size: 22 })],
  });
}

export function bullets(items: string[]): Paragraph[] {
  return items.map((t, i) => p(`${i + 1}. ${t}`, { after: 60 }));
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
/** Borders and margins live on the table, not on each cell: a 300-indicator report has thousands of cells. */
const TABLE_BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};
const TABLE_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };

/** Paragraph style for table text (9 pt), shared by every document. */
export const STYLES = {
  default: { document: { run: { font: FONT, size: 22 } } },
  paragraphStyles: [
    {
      id: 'Tabel',
      name: 'Tabel',
      basedOn: 'Normal',
      run: { size: 18 },
      paragraph: { spacing: { after: 0 } },
    },
  ],
};

export interface Column {
  header: string;
  /** Relative width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

export function cell(
  text: string,
  opts: {
    bold?: boolean;
    shade?: string;
    align?: 'left' | 'center' | 'right';
    span?: number;
    size?: number;
  } = {},
): TableCell {
  const alignment = opts.align && opts.align !== 'left' ? ALIGN[opts.align] : undefined;
  return new TableCell({
    columnSpan: opts.span,
    verticalAlign: VerticalAlign.CENTER,
    shading: opts.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.shade } : undefined,
    children: String(text)
      .split('\n')
      .map(
        (line) =>
          new Paragraph({
            style: 'Tabel',
            alignment,
            children: [
              new TextRun(opts.bold || opts.size ? { text: line, bold: opts.bold, size: opts.size } : line),
            ],
          }),
      ),
  });
}

/** A bordered table with a shaded header row. */
export function table(
  columns: Column[],
  rows: string[][],
  opts: { shadeRows?: (i: number) => string | undefined } = {},
): Table {
  const total = columns.reduce((a, c) => a + c.width, 0);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TABLE_BORDERS,
    margins: TABLE_MARGINS,
    columnWidths: columns.map((c) => Math.round((c.width / total) * 9000)),
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((c) => cell(c.header, { bold: true, shade: 'D9E2F3', align: 'center' })),
      }),
      ...rows.map(
        (r, i) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, j) => cell(v, { align: columns[j]?.align, shade: opts.shadeRows?.(i) })),
          }),
      ),
    ],
  });
}

/** A bordered table from prepared rows (identity tables, the SOP flow). */
export function gridTable(rows: TableRow[], relativeWidths?: number[]): Table {
  const total = relativeWidths?.reduce((a, b) => a + b, 0) ?? 1;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TABLE_BORDERS,
    margins: TABLE_MARGINS,
    columnWidths: relativeWidths?.map((w) => Math.round((w / total) * 14000)),
    // Word and LibreOffice honour the column grid only with a fixed layout.
    layout: relativeWidths ? TableLayoutType.FIXED : undefined,
    rows,
  });
}

/** A signature block: place and date, office, space, name, rank and NIP. */
export function signature(opts: {
  tempatTanggal: string;
  jabatan: string;
  nama: string;
  pangkat?: string;
  nip?: string;
  tandaTanganElektronik?: string;
}): Paragraph[] {
  const lines = [
    p(opts.tempatTanggal, { align: 'right', after: 0 }),
    p(opts.jabatan, { align: 'right', bold: true, after: 0 }),
    opts.tandaTanganElektronik
      ? p(opts.tandaTanganElektronik, { align: 'right', italics: true, size: 16, after: 0 })
      : p(' ', { after: 600 }),
    p(opts.nama, { align: 'right', bold: true, after: 0 }),
  ];
  if (opts.pangkat) lines.push(p(opts.pangkat, { align: 'right', after: 0 }));
  if (opts.nip) lines.push(p(`NIP. ${opts.nip}`, { align: 'right' }));
  return lines;
}
