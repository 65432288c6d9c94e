import {
  AlignmentType,
  Bookmark,
  Document,
  type Table as DocxTable,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LeaderType,
  NumberFormat,
  Packer,
  PageNumber,
  PageOrientation,
  PageReference,
  Paragraph,
  type ParagraphChild,
  Tab,
  TabStopType,
  TextRun,
} from 'docx';
import { svgToPng } from './charts-raster.ts';
import type { Bagian, Blok, Dokumen, PageSetup } from './content.ts';
import { DEFAULT_MARGINS_MM, entriesOf, type Outline, outline, PAPER_MM } from './outline.ts';
import { fieldsDocx, fitPng, letterheadDocx, signaturesDocx, tableDocx } from './render-docx-parts.ts';
import { ALIGN, runs } from './render-docx-text.ts';

/**
 * Renders a Dokumen to an editable DOCX. The daftar isi/tabel/grafik are lines with PAGEREF fields to
 * bookmarks on the headings and captions: Word refreshes them on opening (updateFields) and LibreOffice
 * computes them while laying out — whereas an unfilled TOC field shows LibreOffice users its raw code.
 */

export const FONT = 'Arial';
const twip = (mm: number) => Math.round((mm / 25.4) * 1440);

export function textWidthTwips(p: PageSetup): number {
  const [w, h] = PAPER_MM[p.size];
  const m = p.margins ?? DEFAULT_MARGINS_MM;
  return twip((p.orientation === 'landscape' ? h : w) - m.left - m.right);
}

const HEADING = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

function listLines(o: Outline, type: 'toc' | 'tableList' | 'figureList', width: number): Paragraph[] {
  const entries = entriesOf(o, type);
  if (entries.length === 0) return [new Paragraph({ children: runs('(tidak ada)', { italics: true }) })];
  return entries.map(
    (e) =>
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: width, leader: LeaderType.DOT }],
        indent: { left: (e.level - 1) * 360 },
        spacing: { after: 40 },
        children: [new TextRun(e.text), new TextRun({ children: [new Tab()] }), new PageReference(e.id)],
      }),
  );
}

async function block(b: Blok, width: number, o: Outline, first = false): Promise<(Paragraph | DocxTable)[]> {
  const id = o.anchor(b);
  const anchored = (children: ParagraphChild[]): ParagraphChild[] =>
    id ? [new Bookmark({ id, children })] : children;
  switch (b.type) {
    case 'heading': {
      const center = b.align ? b.align === 'center' : b.level === 1;
      return [
        new Paragraph({
          heading: HEADING[b.level - 1],
          alignment: center ? AlignmentType.CENTER : ALIGN[b.align ?? 'left'],
          pageBreakBefore: !first && (b.pageBreak ?? b.level === 1),
          keepNext: true,
          children: anchored(runs(b.text)),
        }),
      ];
    }
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGN[b.align ?? 'left'],
          spacing: { after: (b.after ?? 6) * 20 },
          indent: b.indent ? { firstLine: twip(b.indent) } : undefined,
          children: runs(b.text, { bold: b.bold, italics: b.italics, size: b.size }),
        }),
      ];
    case 'list':
      return b.items.map(
        (t, i) =>
          new Paragraph({
            indent: { left: 400, hanging: 400 },
            spacing: { after: 40 },
            alignment: AlignmentType.JUSTIFIED,
            children: [
              new TextRun(
                b.ordered ? (b.style === 'alpha' ? `${String.fromCharCode(97 + i)}.` : `${i + 1}.`) : '•',
              ),
              new TextRun({ children: [new Tab()] }),
              ...runs(t),
            ],
          }),
      );
    case 'table': {
      const out: (Paragraph | DocxTable)[] = [];
      if (b.caption)
        out.push(
          new Paragraph({
            style: 'Keterangan',
            keepNext: true,
            children: anchored(runs(b.caption)),
          }),
        );
      out.push(tableDocx(b, width), new Paragraph({ spacing: { after: 80 }, children: [] }));
      return out;
    }
    case 'figure': {
      const px = (pt: number) => Math.round((pt * 96) / 72);
      const maxPt = (width / 1440) * 72;
      const scale = Math.min(1, maxPt / b.width);
      const w = b.width * scale;
      const h = b.height * scale;
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [
            new ImageRun({
              type: 'svg',
              data: Buffer.from(b.svg),
              transformation: { width: px(w), height: px(h) },
              fallback: { type: 'png', data: await svgToPng(b.svg, px(w) * 1.5) },
              altText: { name: b.caption, title: b.caption, description: b.caption },
            }),
          ],
        }),
        new Paragraph({ style: 'Keterangan', children: anchored(runs(b.caption)) }),
      ];
    }
    case 'signatures':
      return [signaturesDocx(b, width), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case 'fields':
      return [fieldsDocx(b, width), new Paragraph({ spacing: { after: 80 }, children: [] })];
    case 'letterhead':
      return letterheadDocx(b, width);
    case 'image':
      return [
        new Paragraph({
          alignment: ALIGN[b.align ?? 'center'],
          children: [
            new ImageRun({
              type: 'png',
              data: b.png,
              transformation: fitPng(b.png, (b.width * 96) / 72, (b.height * 96) / 72),
            }),
          ],
        }),
      ];
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
    case 'spacer':
      return [new Paragraph({ spacing: { before: b.height * 20, after: 0 }, children: [] })];
    case 'toc':
    case 'tableList':
    case 'figureList':
      return listLines(o, b.type, width);
  }
}

function footer(s: Bagian): Footer | undefined {
  const f = s.footer;
  if (!f?.pageNumbers && !f?.text) return undefined;
  const children: Paragraph[] = [];
  if (f.pageNumbers)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: 20 })],
      }),
    );
  if (f.text) children.push(new Paragraph({ children: [new TextRun({ text: f.text, size: 14 })] }));
  return new Footer({ children });
}

async function section(s: Bagian, doc: Dokumen, o: Outline) {
  const page = s.page ?? doc.page;
  const [w, h] = PAPER_MM[page.size];
  const m = page.margins ?? DEFAULT_MARGINS_MM;
  const width = textWidthTwips(page);
  // A section starts on a new page already: a page break before its first block would leave a blank page.
  const children = (await Promise.all(s.blocks.map((b, i) => block(b, width, o, i === 0)))).flat();
  // A Word watermark is a header shape few editors keep; the header text says it instead.
  const head = s.header ?? doc.watermark;
  const foot = footer(s);
  return {
    properties: {
      page: {
        size: {
          width: twip(w),
          height: twip(h),
          orientation:
            page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { top: twip(m.top), right: twip(m.right), bottom: twip(m.bottom), left: twip(m.left) },
        pageNumbers: s.footer?.restart
          ? {
              start: 1,
              formatType: s.footer.pageNumbers === 'roman' ? NumberFormat.LOWER_ROMAN : NumberFormat.DECIMAL,
            }
          : undefined,
      },
    },
    headers: head
      ? {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: runs(head, { size: 8 }) })],
          }),
        }
      : undefined,
    footers: foot ? { default: foot } : undefined,
    children: children.length > 0 ? children : [new Paragraph({ children: [] })],
  };
}

const BLACK = { color: '000000', font: FONT };

/** House style of Indonesian government reports: Arial, black bold headings, BAB headings centred. */
const STYLES = {
  default: {
    document: { run: { font: FONT, size: 22 } },
    heading1: {
      run: { ...BLACK, size: 28, bold: true },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 280 } },
    },
    heading2: {
      run: { ...BLACK, size: 24, bold: true },
      paragraph: { spacing: { before: 240, after: 120 } },
    },
    heading3: {
      run: { ...BLACK, size: 22, bold: true },
      paragraph: { spacing: { before: 200, after: 100 } },
    },
  },
  paragraphStyles: [
    {
      id: 'Tabel',
      name: 'Tabel',
      basedOn: 'Normal',
      run: { size: 18 },
      paragraph: { spacing: { after: 0 } },
    },
    {
      id: 'Keterangan',
      name: 'Keterangan',
      basedOn: 'Normal',
      run: { size: 20, bold: true },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 80 } },
    },
  ],
};

/** The DOCX of a document. */
export async function renderDocx(doc: Dokumen): Promise<Buffer> {
  const o = outline(doc);
  const d = new Document({
    creator: doc.author ?? 'lakip-flow',
    title: doc.title,
    description: doc.subject,
    features: { updateFields: true },
    styles: STYLES,
    sections: await Promise.all(doc.sections.map((s) => section(s, doc, o))),
  });
  return Packer.toBuffer(d);
}
