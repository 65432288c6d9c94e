import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Content } from 'pdfmake';
import pdfmake from 'pdfmake';
import { assetPath, FONT_FILES } from './assets.ts';
import type { Bagian, Blok, Dokumen, Footer, PageSetup } from './content.ts';
import { DEFAULT_MARGINS_MM, entriesOf, mmToPt, type Outline, outline, PAPER_MM } from './outline.ts';
import { letterheadPdf, list, signaturesPdf, table } from './render-pdf-parts.ts';
import { ALIGN, inlines } from './render-pdf-text.ts';

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
          text: inlines(b.text, {}, b.align === 'justify'),
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
