import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Content, TableCell } from 'pdfmake';
import pdfmake from 'pdfmake';
import { assetPath, FONT_FILES } from './assets.ts';
import type { Align, Bagian, Blok, Cell, Dokumen, Footer, PageSetup, Run, Text } from './content.ts';
import { DEFAULT_MARGINS_MM, entriesOf, mmToPt, nowrap, type Outline, outline, PAPER_MM } from './outline.ts';
import { letterheadPdf, signaturesPdf } from './render-pdf-parts.ts';

/**
 * Renders a Dokumen to PDF with pdfmake: embedded DejaVu fonts (no system fonts needed, so it works on
 * Lambda), page numbers in the footer, and the daftar isi/tabel/grafik as page references that pdfmake
 * resolves after layout — real page numbers.
 */

let ready = false;
function setup() {
  if (ready) return;
  // pdfmake's virtual file system reads the CommonJS __dirname; an ESM bundle (Lambda) has none.
  const g = globalThis as { __dirname?: string };
  g.__dirname ??= dirname(fileURLToPath(import.meta.url));
  const fonts = {
    normal: assetPath(FONT_FILES.normal),
    bold: assetPath(FONT_FILES.bold),
    italics: assetPath(FONT_FILES.italics),
    bolditalics: assetPath(FONT_FILES.bolditalics),
  };
  pdfmake.setFonts({ Sans: fonts });
  // Content never needs URLs or files beyond the fonts: refuse the rest, so no text can make the renderer fetch.
  const allowed = new Set(Object.values(fonts));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  ready = true;
}

export const GREY = '#E7E6E6';

function pageOf(p: PageSetup) {
  const [w, h] = PAPER_MM[p.size];
  const m = p.margins ?? DEFAULT_MARGINS_MM;
  return {
    pageSize: { width: mmToPt(w), height: mmToPt(h) },
    pageOrientation: p.orientation,
    pageMargins: [mmToPt(m.left), mmToPt(m.top), mmToPt(m.right), mmToPt(m.bottom)] as [
      number,
      number,
      number,
      number,
    ],
  };
}

export function textWidth(p: PageSetup): number {
  const [w, h] = PAPER_MM[p.size];
  const m = p.margins ?? DEFAULT_MARGINS_MM;
  return mmToPt((p.orientation === 'landscape' ? h : w) - m.left - m.right);
}

const ALIGN: Record<Align, 'left' | 'center' | 'right' | 'justify'> = {
  left: 'left',
  center: 'center',
  right: 'right',
  justify: 'justify',
};

/**
 * pdfmake breaks lines after a hyphen and, in justified text, then spreads "Rata-rata" into "Rata- rata";
 * a non-breaking hyphen inside words keeps the word whole.
 */
const hyphens = (s: string) => s.replace(/(?<=\p{L}|\d)-(?=\p{L}|\d)/gu, '\u2011');

export function inlines(t: Text, base: Partial<Run> = {}): Content {
  if (typeof t === 'string') return hyphens(base.noWrap ? nowrap(t) : t);
  return t.map((r) => ({
    text: hyphens(r.noWrap || base.noWrap ? nowrap(r.text) : r.text),
    bold: r.bold ?? base.bold,
    italics: r.italics ?? base.italics,
    decoration: r.underline ? 'underline' : undefined,
    fontSize: r.size,
  })) as Content;
}

function roman(n: number): string {
  const map: [number, string][] = [
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of map)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

function footerOf(f: Footer | undefined) {
  if (!f?.pageNumbers && !f?.text) return null;
  let start: number | undefined;
  return (current: number) => {
    // Footers are laid out page by page in order: the first call is the section's first page.
    start ??= current;
    const n = f.restart ? current - start + 1 : current;
    const number = f.pageNumbers === 'roman' ? roman(n) : f.pageNumbers ? String(n) : '';
    return {
      margin: [mmToPt(DEFAULT_MARGINS_MM.left), 8, mmToPt(DEFAULT_MARGINS_MM.right), 0],
      columns: [
        { width: '*', text: f.text ?? '', fontSize: 7, color: '#444444' },
        { width: 40, text: number, alignment: 'center', fontSize: 10 },
        { width: '*', text: '' },
      ],
    } as Content;
  };
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
      out.push({
        text: inlines(cell.text, { noWrap }),
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

function table(t: Extract<Blok, { type: 'table' }>, width: number, id?: string): Content[] {
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

function list(entries: { id: string; text: string; level: number }[]): Content {
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

function block(b: Blok, width: number, o: Outline, first = false): Content[] {
  switch (b.type) {
    case 'heading': {
      const size = b.level === 1 ? 14 : b.level === 2 ? 12 : 11;
      const center = b.align ? b.align === 'center' : b.level === 1;
      return [
        {
          text: b.text,
          id: o.anchor(b),
          bold: true,
          fontSize: size,
          alignment: center ? 'center' : ALIGN[b.align ?? 'left'],
          pageBreak: !first && (b.pageBreak ?? b.level === 1) ? 'before' : undefined,
          margin: [0, b.level === 1 ? 0 : 8, 0, b.level === 1 ? 14 : 5],
          headlineLevel: 1,
        } as Content,
      ];
    }
    case 'paragraph':
      return [
        {
          text: inlines(b.text),
          alignment: ALIGN[b.align ?? 'left'],
          fontSize: b.size,
          bold: b.bold,
          italics: b.italics,
          leadingIndent: b.indent ? mmToPt(b.indent) : undefined,
          margin: [0, 0, 0, b.after ?? 6],
        } as Content,
      ];
    case 'list': {
      const items = b.items.map((t) => ({ text: inlines(t), margin: [0, 0, 0, 2] }));
      return [
        (b.ordered
          ? { ol: items, type: b.style === 'alpha' ? 'lower-alpha' : 'decimal', margin: [0, 0, 0, 6] }
          : { ul: items, margin: [0, 0, 0, 6] }) as Content,
      ];
    }
    case 'table':
      return table(b, width, o.anchor(b));
    case 'figure':
      return [
        {
          stack: [
            { svg: b.svg, width: Math.min(b.width, width), alignment: 'center' },
            {
              text: b.caption,
              id: o.anchor(b),
              bold: true,
              fontSize: 10,
              alignment: 'center',
              margin: [0, 4, 0, 10],
            },
          ],
          unbreakable: true,
        } as Content,
      ];
    case 'signatures':
      return [signaturesPdf(b, width)];
    case 'fields': {
      const lw = b.labelWidth ?? 18;
      return [
        {
          table: {
            widths: [(lw / 100) * width, 8, '*'],
            body: b.rows.map((r) => [r.label, ':', { text: inlines(r.value), bold: b.bold }]),
          },
          layout: 'noBorders',
          margin: [0, 0, 0, 8],
        } as Content,
      ];
    }
    case 'letterhead':
      return letterheadPdf(b, width);
    case 'image':
      return [
        {
          image: `data:image/png;base64,${Buffer.from(b.png).toString('base64')}`,
          fit: [b.width, b.height],
          alignment: ALIGN[b.align ?? 'center'],
          margin: [0, 0, 0, 6],
        } as Content,
      ];
    case 'pageBreak':
      return [{ text: '', pageBreak: 'after' } as Content];
    case 'spacer':
      return [{ text: '', margin: [0, b.height, 0, 0] } as Content];
    case 'toc':
    case 'tableList':
    case 'figureList':
      return [list(entriesOf(o, b.type))];
  }
}

/**
 * Moves each node's bottom margin to the top of the next one. A bottom margin that crosses the page end
 * makes pdfmake open a page, and a chapter heading's page break then leaves that page blank; a top
 * margin at the top of a page costs nothing.
 */
function spaceBefore(nodes: Content[]): Content[] {
  let carry = 0;
  return nodes.map((n) => {
    const node = n as { margin?: number[]; pageBreak?: string };
    const [l = 0, t = 0, r = 0, b = 0] = node.margin ?? [];
    const top = node.pageBreak === 'before' ? t : t + carry;
    carry = b;
    return { ...node, margin: [l, top, r, 0] } as Content;
  });
}

function section(s: Bagian, doc: Dokumen, o: Outline): Content {
  const page = s.page ?? doc.page;
  const width = textWidth(page);
  const p = pageOf(page);
  return {
    // A section starts on a new page already: a page break before its first block would leave a blank page.
    section: spaceBefore(s.blocks.flatMap((b, i) => block(b, width, o, i === 0))),
    ...p,
    header: s.header
      ? () => ({ text: s.header, alignment: 'right', fontSize: 8, margin: [0, 20, mmToPt(20), 0] })
      : null,
    footer: footerOf(s.footer),
  } as Content;
}

/** The PDF of a document. */
export async function renderPdf(doc: Dokumen): Promise<Buffer> {
  setup();
  const o = outline(doc);
  const def: Parameters<typeof pdfmake.createPdf>[0] = {
    info: {
      title: doc.title,
      subject: doc.subject,
      author: doc.author ?? 'lakip-flow',
      creator: 'lakip-flow',
    },
    ...pageOf(doc.page),
    defaultStyle: { font: 'Sans', fontSize: 11, lineHeight: 1.15 },
    watermark: doc.watermark
      ? { text: doc.watermark, color: '#888888', opacity: 0.12, bold: true, angle: -45 }
      : undefined,
    content: doc.sections.map((s) => section(s, doc, o)),
  };
  return (await pdfmake.createPdf(def).getBuffer()) as Buffer;
}
