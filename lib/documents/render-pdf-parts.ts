import type { Content, TableCell } from 'pdfmake';
import type { Blok, Cell, Letterhead, SignatureBlock, Signatures } from './content.ts';
import type { Entry } from './outline.ts';
import { ALIGN, GREY, inlines } from './render-pdf-text.ts';

/** Tables, lists, letterhead and signature blocks for the PDF renderer (kept apart to keep render-pdf.ts short). */

const dataUrl = (png: Uint8Array) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`;

export function letterheadPdf(k: Letterhead, width: number): Content[] {
  const last = k.lines.length - 1;
  const lines: Content[] = [
    ...k.lines.map((l, i) => ({
      text: l,
      bold: true,
      fontSize: i === last ? 15 : 13,
      alignment: 'center',
    })),
    { text: k.address, fontSize: 8.5, alignment: 'center', margin: [0, 2, 0, 0] },
  ] as Content[];
  const logo = 62;
  const head: Content = k.logo
    ? ({
        columns: [
          { image: dataUrl(k.logo), fit: [logo, logo], width: logo },
          { stack: lines, width: '*' },
          // Balances the logo so the lines stay centred on the page, as on printed kop surat.
          { text: '', width: logo / 2 },
        ],
        columnGap: 6,
      } as Content)
    : ({ stack: lines } as Content);
  return [
    head,
    {
      canvas: [
        { type: 'line', x1: 0, y1: 4, x2: width, y2: 4, lineWidth: 2 },
        { type: 'line', x1: 0, y1: 7, x2: width, y2: 7, lineWidth: 0.6 },
      ],
      margin: [0, 0, 0, 12],
    } as Content,
  ];
}

/**
 * Signature blocks as a borderless table, one column per block and one row per part, so that names,
 * ranks and NIPs line up even when one office title runs over more lines than the other.
 */
export function signaturesPdf(b: Signatures, width: number): Content {
  const single = b.blocks.length === 1;
  const cols = single ? [{} as SignatureBlock, b.blocks[0]!] : b.blocks;
  const part = (f: (s: SignatureBlock) => Content | undefined) =>
    cols.map((s, i) => (single && i === 0 ? '' : (f(s) ?? '')));
  const top = (s: SignatureBlock) => ({
    stack: [
      ...(s.placeDate ? [{ text: s.placeDate }] : []),
      ...(s.preamble ?? []).map((t) => ({ text: t })),
      { text: s.jabatan, bold: true },
    ],
  });
  const rows = [
    part(top),
    part((s) =>
      s.electronic
        ? { text: s.electronic, italics: true, fontSize: 8, margin: [0, 8, 0, 8] }
        : { text: ' ', margin: [0, 40, 0, 0] },
    ),
    part((s) => ({ text: s.nama, bold: true, decoration: 'underline' })),
  ];
  if (cols.some((s) => s.pangkat)) rows.push(part((s) => s.pangkat && { text: s.pangkat }));
  if (cols.some((s) => s.nip)) rows.push(part((s) => s.nip && { text: `NIP. ${s.nip}` }));
  return {
    table: {
      widths: single ? [width * 0.45, '*'] : cols.map(() => '*'),
      body: rows,
      dontBreakRows: true,
    },
    layout: 'noBorders',
    alignment: 'center',
    unbreakable: true,
    margin: [0, 12, 0, 12],
  } as Content;
}

function tableCells(t: Extract<Blok, { type: 'table' }>): TableCell[][] {
  const n = t.columns.length;
  const pending = new Array<number>(n).fill(0);
  const headerRows = t.headerRows ?? 1;
  return t.rows.map((row, ri) => {
    const out: TableCell[] = [];
    let k = 0;
    for (let c = 0; c < n; c++) {
      if (pending[c]! > 0) {
        pending[c]!--;
        out.push({});
        continue;
      }
      const raw = row[k++];
      const cell: Cell = raw === undefined ? { text: '' } : typeof raw === 'string' ? { text: raw } : raw;
      const header = ri < headerRows;
      const col = t.columns[c];
      const noWrap = cell.noWrap ?? (header ? false : col?.noWrap);
      const text = inlines(cell.text, { noWrap });
      out.push({
        ...(cell.logo
          ? {
              stack: [
                { image: dataUrl(cell.logo), fit: [48, 48], alignment: 'center', margin: [0, 2, 0, 4] },
                { text },
              ],
            }
          : { text }),
        bold: cell.bold ?? header,
        alignment: ALIGN[cell.align ?? (header ? 'center' : (col?.align ?? 'left'))],
        fillColor: cell.fill ? `#${cell.fill}` : header && !t.borderless ? GREY : undefined,
        colSpan: cell.colSpan,
        rowSpan: cell.rowSpan,
        noWrap,
      } as TableCell);
      if (cell.rowSpan && cell.rowSpan > 1) pending[c] = cell.rowSpan - 1;
      for (let s = 1; s < (cell.colSpan ?? 1); s++) {
        c++;
        if (cell.rowSpan && cell.rowSpan > 1) pending[c] = cell.rowSpan - 1;
        out.push({});
      }
    }
    return out;
  });
}

const PAD = 3;

export function table(t: Extract<Blok, { type: 'table' }>, width: number, id?: string): Content[] {
  const total = t.columns.reduce((a, c) => a + c.width, 0);
  const usable = width - t.columns.length * 2 * PAD - (t.columns.length + 1);
  const out: Content[] = [];
  if (t.caption)
    out.push({
      text: t.caption,
      id,
      bold: true,
      alignment: 'center',
      fontSize: 10,
      margin: [0, 6, 0, 4],
      headlineLevel: 1,
    } as Content);
  out.push({
    table: {
      headerRows: t.borderless ? 0 : (t.headerRows ?? 1),
      dontBreakRows: true,
      widths: t.columns.map((c) => (c.width / total) * usable),
      body: tableCells(t),
    },
    layout: t.borderless
      ? 'noBorders'
      : {
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
          hLineColor: () => '#555555',
          vLineColor: () => '#555555',
          paddingLeft: () => PAD,
          paddingRight: () => PAD,
          paddingTop: () => 2,
          paddingBottom: () => 2,
        },
    fontSize: t.size ?? 9,
    margin: [0, 0, 0, 8],
  } as Content);
  return out;
}

export function list(entries: Entry[]): Content {
  if (entries.length === 0) return { text: '(tidak ada)', italics: true };
  return {
    table: {
      widths: ['*', 'auto'],
      dontBreakRows: true,
      body: entries.map((e) => [
        { text: e.text, margin: [(e.level - 1) * 14, 1, 0, 1], linkToDestination: e.id },
        { pageReference: e.id, alignment: 'right', noWrap: true, margin: [6, 1, 0, 1] },
      ]),
    },
    layout: 'noBorders',
  } as Content;
}
