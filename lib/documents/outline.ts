import type { Blok, Dokumen } from './content.ts';

/**
 * The entries of the daftar isi, daftar tabel and daftar grafik, with the anchor id each renderer gives
 * the heading or caption (a bookmark in DOCX, a node id in the PDF) so the lists can point at its page.
 */
export interface Entry {
  id: string;
  text: string;
  level: number;
}

export interface Outline {
  toc: Entry[];
  tables: Entry[];
  figures: Entry[];
  /** The anchor of a block, when it has one. */
  anchor(b: Blok): string | undefined;
}

/** One line for the lists: "BAB I\nPENDAHULUAN" → "BAB I PENDAHULUAN". */
export const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();

export function outline(doc: Dokumen): Outline {
  const ids = new Map<Blok, string>();
  const out: Omit<Outline, 'anchor'> = { toc: [], tables: [], figures: [] };
  let n = 0;
  for (const section of doc.sections)
    for (const b of section.blocks) {
      const id = `a${++n}`;
      if (b.type === 'heading' && b.toc !== false) {
        ids.set(b, id);
        out.toc.push({ id, text: oneLine(b.text), level: b.level });
      } else if (b.type === 'table' && b.caption) {
        ids.set(b, id);
        out.tables.push({ id, text: oneLine(b.caption), level: 1 });
      } else if (b.type === 'figure') {
        ids.set(b, id);
        out.figures.push({ id, text: oneLine(b.caption), level: 1 });
      }
    }
  return { ...out, anchor: (b) => ids.get(b) };
}

/** The entries a list marker stands for. */
export function entriesOf(o: Outline, type: 'toc' | 'tableList' | 'figureList'): Entry[] {
  return type === 'toc' ? o.toc : type === 'tableList' ? o.tables : o.figures;
}

/** Plain text of runs. */
export function plain(t: string | { text: string }[]): string {
  return typeof t === 'string' ? t : t.map((r) => r.text).join('');
}

/** Keeps a number, amount or short label on one line: spaces become non-breaking. */
export const nowrap = (s: string) => s.replace(/ /g, '\u00a0');

/** Page sizes in millimetres. */
export const PAPER_MM = { A4: [210, 297], F4: [215, 330] } as const;
export const DEFAULT_MARGINS_MM = { top: 25, right: 20, bottom: 20, left: 30 };
export const mmToPt = (mm: number) => (mm / 25.4) * 72;
