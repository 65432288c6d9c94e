import {
  AlignmentType,
  Document,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
} from 'docx';
import { gridTable, STYLES } from './common.ts';
import type { Blok, Cell, Dokumen, Text } from './content.ts';
import { svgToPng } from './flowchart-png.ts';

/**
 * DOCX of the SOP sheet's content (paragraphs, the identity table, flowchart figures as SVG with a PNG
 * fallback). Interim: the shared DOCX renderer of lib/documents/content.ts replaces it once it lands.
 */

const MM = 56.7; // twips per millimetre
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const plain = (t: Text) => (typeof t === 'string' ? t : t.map((r) => r.text).join(''));

function paragraphs(text: Text, opts: { bold?: boolean; size?: number; align?: keyof typeof ALIGN }) {
  return plain(text)
    .split('\n')
    .map(
      (line) =>
        new Paragraph({
          style: 'Tabel',
          alignment: opts.align ? ALIGN[opts.align] : undefined,
          children: [
            new TextRun({ text: line, bold: opts.bold, size: opts.size ? opts.size * 2 : undefined }),
          ],
        }),
    );
}

async function blocks(b: Blok): Promise<(Paragraph | ReturnType<typeof gridTable>)[]> {
  switch (b.type) {
    case 'paragraph':
      return [
        new Paragraph({
          alignment: b.align ? ALIGN[b.align] : undefined,
          spacing: { after: (b.after ?? 6) * 20 },
          children: [
            new TextRun({ text: plain(b.text), bold: b.bold, size: b.size ? b.size * 2 : undefined }),
          ],
        }),
      ];
    case 'table': {
      const rows = b.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c) => {
              const cell: Cell = typeof c === 'string' ? { text: c } : c;
              return new TableCell({
                columnSpan: cell.colSpan,
                rowSpan: cell.rowSpan,
                verticalAlign: VerticalAlign.CENTER,
                shading: cell.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: cell.fill } : undefined,
                children: paragraphs(cell.text, { bold: cell.bold, size: b.size, align: cell.align }),
              });
            }),
          }),
      );
      return [
        gridTable(
          rows,
          b.columns.map((c) => c.width),
        ),
      ];
    }
    case 'figure': {
      const px = { width: (b.width * 96) / 72, height: (b.height * 96) / 72 };
      const png = await svgToPng(b.svg, px.width * 2);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'svg',
              data: Buffer.from(b.svg),
              transformation: px,
              fallback: { type: 'png', data: png },
              altText: { name: b.caption, title: b.caption, description: b.caption },
            }),
          ],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: b.caption, italics: true, size: 16 })],
        }),
      ];
    }
    default:
      throw new Error(`blok '${b.type}' tidak didukung oleh perender lembar SOP`);
  }
}

export async function renderSopSheetDocx(doc: Dokumen): Promise<Buffer> {
  const sections = await Promise.all(
    doc.sections.map(async (s) => {
      const page = s.page ?? doc.page;
      const m = page.margins ?? { top: 25, right: 20, bottom: 20, left: 30 };
      return {
        properties: {
          page: {
            size: {
              orientation:
                page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
              // Portrait dimensions; docx swaps them for landscape.
              width: Math.round((page.size === 'F4' ? 215 : 210) * MM),
              height: Math.round((page.size === 'F4' ? 330 : 297) * MM),
            },
            margin: {
              top: Math.round(m.top * MM),
              right: Math.round(m.right * MM),
              bottom: Math.round(m.bottom * MM),
              left: Math.round(m.left * MM),
            },
          },
        },
        children: (await Promise.all(s.blocks.map(blocks))).flat(),
      };
    }),
  );
  const d = new Document({ creator: doc.author ?? 'lakip-flow', title: doc.title, styles: STYLES, sections });
  return Packer.toBuffer(d);
}
