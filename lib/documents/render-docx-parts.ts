import {
  AlignmentType,
  BorderStyle,
  ImageRun,
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
import type { Cell, Fields, Letterhead, SignatureBlock, Signatures, Table as TableBlok } from './content.ts';
import { ALIGN, runs } from './render-docx-text.ts';

/** Tables, field blocks, signature blocks and the letterhead for the DOCX renderer. */

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '555555' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const borders = (b: typeof THIN | typeof NONE) => ({
  top: b,
  bottom: b,
  left: b,
  right: b,
  insideHorizontal: b,
  insideVertical: b,
});
const GREY = 'E7E6E6';

function grid(widths: number[], rows: TableRow[], borderless: boolean): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    // Word and LibreOffice honour the column grid only with a fixed layout.
    layout: TableLayoutType.FIXED,
    borders: borders(borderless ? NONE : THIN),
    margins: { top: 30, bottom: 30, left: 70, right: 70 },
    rows,
  });
}

export function tableDocx(t: TableBlok, width: number): Table {
  const total = t.columns.reduce((a, c) => a + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((c.width / total) * width));
  const headerRows = t.headerRows ?? 1;
  const size = t.size ?? 9;
  const pending = new Array<number>(t.columns.length).fill(0);
  const rows = t.rows.map((row, ri) => {
    const header = ri < headerRows && !t.borderless;
    const cells: TableCell[] = [];
    let k = 0;
    for (let c = 0; c < t.columns.length; c++) {
      if (pending[c]! > 0) {
        // docx adds the merged continuation cell itself.
        pending[c]!--;
        continue;
      }
      const raw = row[k++];
      const cell: Cell = raw === undefined ? { text: '' } : typeof raw === 'string' ? { text: raw } : raw;
      const span = cell.colSpan ?? 1;
      const col = t.columns[c];
      const align = cell.align ?? (header ? 'center' : (col?.align ?? 'left'));
      const fill = cell.fill ?? (header ? GREY : undefined);
      cells.push(
        new TableCell({
          columnSpan: span > 1 ? span : undefined,
          rowSpan: cell.rowSpan && cell.rowSpan > 1 ? cell.rowSpan : undefined,
          width: { size: widths.slice(c, c + span).reduce((a, b) => a + b, 0), type: WidthType.DXA },
          verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
          shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
          children: [
            ...(cell.logo
              ? [
                  new Paragraph({
                    style: 'Tabel',
                    alignment: ALIGN.center,
                    children: [
                      new ImageRun({
                        type: 'png',
                        data: cell.logo,
                        transformation: fitPng(cell.logo, 64, 64),
                      }),
                    ],
                  }),
                ]
              : []),
            new Paragraph({
              style: 'Tabel',
              alignment: ALIGN[align],
              children: runs(cell.text, {
                bold: cell.bold ?? header,
                size,
                noWrap: cell.noWrap ?? (header ? false : col?.noWrap),
              }),
            }),
          ],
        }),
      );
      if (cell.rowSpan && cell.rowSpan > 1) for (let s = 0; s < span; s++) pending[c + s] = cell.rowSpan - 1;
      c += span - 1;
    }
    return new TableRow({ tableHeader: header || undefined, cantSplit: true, children: cells });
  });
  return grid(widths, rows, !!t.borderless);
}

export function fieldsDocx(f: Fields, width: number): Table {
  const label = Math.floor(((f.labelWidth ?? 18) / 100) * width);
  const colon = 200;
  const widths = [label, colon, width - label - colon];
  const para = (children: TextRun[]) => new Paragraph({ spacing: { after: 20 }, children });
  return grid(
    widths,
    f.rows.map(
      (r) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: widths[0]!, type: WidthType.DXA },
              children: [para(runs(r.label))],
            }),
            new TableCell({ width: { size: colon, type: WidthType.DXA }, children: [para(runs(':'))] }),
            new TableCell({
              width: { size: widths[2]!, type: WidthType.DXA },
              children: [para(runs(r.value, { bold: f.bold }))],
            }),
          ],
        }),
    ),
    true,
  );
}

/** Signature blocks as a borderless table, one row per part, so names and NIPs line up across blocks. */
export function signaturesDocx(b: Signatures, width: number): Table {
  const single = b.blocks.length === 1;
  const cols = single ? [undefined, b.blocks[0]!] : b.blocks;
  const widths = single
    ? [Math.floor(width * 0.45), width - Math.floor(width * 0.45)]
    : cols.map(() => Math.floor(width / cols.length));
  const line = (children: TextRun[], after = 0, before = 0) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before, after }, children });
  const row = (f: (s: SignatureBlock) => Paragraph[]) =>
    new TableRow({
      cantSplit: true,
      children: cols.map(
        (s, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            children: s ? f(s) : [new Paragraph({ children: [] })],
          }),
      ),
    });
  const rows = [
    row((s) => [
      ...(s.placeDate ? [line(runs(s.placeDate))] : []),
      ...(s.preamble ?? []).map((p) => line(runs(p))),
      line(runs(s.jabatan, { bold: true })),
    ]),
    row((s) =>
      s.electronic ? [line(runs(s.electronic, { italics: true, size: 8 }), 120, 120)] : [line([], 0, 1000)],
    ),
    row((s) => [line([new TextRun({ text: s.nama, bold: true, underline: {} })])]),
  ];
  if (cols.some((s) => s?.pangkat)) rows.push(row((s) => [line(runs(s.pangkat ?? ''))]));
  if (cols.some((s) => s?.nip)) rows.push(row((s) => [line(runs(s.nip ? `NIP. ${s.nip}` : ''))]));
  return grid(widths, rows, true);
}

/** Fits a PNG in a box of pixels, keeping its proportions (its size read from the IHDR chunk). */
export function fitPng(png: Uint8Array, boxW: number, boxH: number): { width: number; height: number } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const w = png.length > 24 ? v.getUint32(16) : boxW;
  const h = png.length > 24 ? v.getUint32(20) : boxH;
  const k = Math.min(boxW / Math.max(w, 1), boxH / Math.max(h, 1));
  return { width: Math.round(w * k), height: Math.round(h * k) };
}

export function letterheadDocx(k: Letterhead, width: number): (Paragraph | Table)[] {
  const last = k.lines.length - 1;
  const lines = [
    ...k.lines.map(
      (l, i) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 0 },
          children: [new TextRun({ text: l, bold: true, size: i === last ? 30 : 26 })],
        }),
    ),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 0 },
      children: [new TextRun({ text: k.address, size: 17 })],
    }),
  ];
  const rule = new Paragraph({
    spacing: { after: 240 },
    border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 18, color: '000000', space: 1 } },
    children: [],
  });
  if (!k.logo) return [...lines, rule];
  const logo = 1200;
  const widths = [logo, width - logo * 1.5, logo / 2];
  const head = grid(
    widths.map(Math.floor),
    [
      new TableRow({
        children: [
          new TableCell({
            width: { size: logo, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            children: [
              new Paragraph({
                children: [
                  new ImageRun({ type: 'png', data: k.logo, transformation: fitPng(k.logo, 76, 76) }),
                ],
              }),
            ],
          }),
          new TableCell({
            width: { size: Math.floor(widths[1]!), type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            children: lines,
          }),
          new TableCell({ width: { size: logo / 2, type: WidthType.DXA }, children: [new Paragraph('')] }),
        ],
      }),
    ],
    true,
  );
  return [head, rule];
}
