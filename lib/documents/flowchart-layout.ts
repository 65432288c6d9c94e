import type { Langkah, Peran, Sop } from '../sop/schema.ts';
import { type Font, textWidth, wrapText } from './flowchart-text.ts';

/**
 * The geometry of the SOP AP flow table (PermenPAN-RB 35/2012): No | Kegiatan | one swimlane per pelaksana
 * | Kelengkapan, Waktu, Output (mutu baku) | Keterangan, and how its rows fall onto landscape pages.
 * Units are CSS pixels (96 per inch), so a page's viewBox maps onto its paper size in millimetres.
 */

export type Kertas = 'A4' | 'F4';
/** Printable area of a landscape page in px (paper minus 10 mm margins). */
export const AREA: Record<Kertas, { w: number; h: number; mmW: number; mmH: number }> = {
  A4: { w: 1047, h: 718, mmW: 277, mmH: 190 },
  F4: { w: 1172, h: 737, mmW: 310, mmH: 195 },
};

export const FONT_KEGIATAN: Font = { size: 9 };
export const FONT_SEL: Font = { size: 8 };
export const FONT_JUDUL: Font = { size: 8.5, bold: true };
export const LINE = (f: Font) => Math.round(f.size * 1.25 * 10) / 10;
const PAD = 5;

export const SYM = { h: 24, diamondH: 36, term: 16, conn: 18, keadaan: 12, gap: 12 };
export const TITLE_H = 24;

/** The roles with their own column, in SOP order. */
export function sheetColumns(sop: Sop): Peran[] {
  return sop.pelaksana.filter((r) => r.kolom === true);
}

/** The column a role is drawn in: its own, the one it shares, or none (acts in the system only). */
export function columnOf(sop: Sop, roleId: string): string | undefined {
  const role = sop.pelaksana.find((r) => r.id === roleId);
  if (!role || role.kolom === false) return undefined;
  return role.kolom === true ? role.id : role.kolom;
}

export interface Column {
  key: string;
  x: number;
  w: number;
}

export interface Geometry {
  width: number;
  no: Column;
  kegiatan: Column;
  lanes: (Column & { nama: string[] })[];
  mutu: { kelengkapan: Column; waktu: Column; output: Column };
  keterangan: Column;
  header1: number;
  header2: number;
  symW: number;
}

export function geometry(sop: Sop, width: number): Geometry {
  const roles = sheetColumns(sop);
  const fixed = { no: 26, kelengkapan: 112, waktu: 66, output: 112, keterangan: 104 };
  const rest = width - fixed.no - fixed.kelengkapan - fixed.waktu - fixed.output - fixed.keterangan;
  // The kegiatan column takes what the lanes (at least 72 px each, at most 120) leave.
  const laneW = Math.max(72, Math.min(120, (rest - 170) / Math.max(1, roles.length)));
  const kegiatanW = rest - laneW * roles.length;
  let x = 0;
  const next = (key: string, w: number): Column => {
    const c = { key, x, w };
    x += w;
    return c;
  };
  const no = next('no', fixed.no);
  const kegiatan = next('kegiatan', kegiatanW);
  const lanes = roles.map((r) => ({
    ...next(r.id, laneW),
    nama: wrapText(r.nama, laneW - 2 * PAD, FONT_JUDUL),
  }));
  const mutu = {
    kelengkapan: next('kelengkapan', fixed.kelengkapan),
    waktu: next('waktu', fixed.waktu),
    output: next('output', fixed.output),
  };
  const keterangan = next('keterangan', fixed.keterangan);
  const nameLines = Math.max(1, ...lanes.map((l) => l.nama.length));
  return {
    width,
    no,
    kegiatan,
    lanes,
    mutu,
    keterangan,
    header1: 18,
    header2: Math.max(18, nameLines * LINE(FONT_JUDUL) + 2 * PAD),
    // Room on the lane's right for the return channel and its off-page connector.
    symW: Math.min(64, laneW - 40),
  };
}

export type EdgeKind = 'lanjut' | 'ya' | 'tidak' | 'lompat';
export interface Edge {
  from: number;
  to: number;
  kind: EdgeKind;
}

export const isEnd = (sop: Sop, i: number) => i === sop.langkah.length - 1 || sop.langkah[i]!.selesai;
export const isDecision = (l: Langkah) => l.tugas === 'keputusan';

/** Every transition of the flow, by step index: the next step (or jump), and a decision's return. */
export function edges(sop: Sop): Edge[] {
  const steps = sop.langkah;
  const idx = (no: number) => steps.findIndex((s) => s.no === no);
  return steps.flatMap((l, i): Edge[] => {
    const out: Edge[] = [];
    if (!isEnd(sop, i)) {
      const to = l.lanjut_ke !== undefined ? idx(l.lanjut_ke) : i + 1;
      out.push({ from: i, to, kind: isDecision(l) ? 'ya' : to === i + 1 ? 'lanjut' : 'lompat' });
    }
    if (l.kembali_ke !== undefined) out.push({ from: i, to: idx(l.kembali_ke), kind: 'tidak' });
    return out.filter((e) => e.to >= 0);
  });
}

export interface RowText {
  kegiatan: string[];
  kelengkapan: string[];
  waktu: string[];
  output: string[];
  keterangan: string[];
}

export function rowText(g: Geometry, l: Langkah, waktu: string): RowText {
  const w = (c: Column) => c.w - 2 * PAD;
  return {
    kegiatan: wrapText(l.kegiatan, w(g.kegiatan), FONT_KEGIATAN),
    kelengkapan: wrapText(l.kelengkapan, w(g.mutu.kelengkapan), FONT_SEL),
    waktu: wrapText(waktu, w(g.mutu.waktu), FONT_SEL),
    output: wrapText(l.output, w(g.mutu.output), FONT_SEL),
    keterangan: wrapText(l.keterangan, w(g.keterangan), FONT_SEL),
  };
}

/** Space a row's symbol block needs above and below the symbol (terminators, off-page connectors). */
export interface Extras {
  top: number;
  bottom: number;
}
export const EXTRA = SYM.term + SYM.gap + 4;

export function rowHeight(sop: Sop, i: number, t: RowText, ex: Extras, keadaan: boolean): number {
  const textH = Math.max(
    t.kegiatan.length * LINE(FONT_KEGIATAN),
    ...[t.kelengkapan, t.waktu, t.output, t.keterangan].map((x) => x.length * LINE(FONT_SEL)),
  );
  const sym = isDecision(sop.langkah[i]!) ? SYM.diamondH : SYM.h;
  const block = ex.top + sym + (keadaan ? SYM.keadaan : 0) + ex.bottom + 16;
  return Math.ceil(Math.max(textH + 2 * PAD, block));
}

/**
 * Splits the rows into pages of at most `available` px. A row's height depends on whether it opens or
 * closes a page (an incoming or outgoing off-page connector), so a candidate row is measured as the last
 * one, and the row it follows is re-measured as no longer last.
 */
export function paginate(
  count: number,
  available: number,
  height: (i: number, first: boolean, last: boolean) => number,
): number[][] {
  const pages: number[][] = [];
  let cur: number[] = [];
  const total = (rows: number[]) =>
    rows.reduce((sum, r, k) => sum + height(r, k === 0, k === rows.length - 1), 0);
  for (let i = 0; i < count; i++) {
    if (cur.length > 0 && total([...cur, i]) > available) {
      pages.push(cur);
      cur = [];
    }
    cur.push(i);
  }
  if (cur.length > 0) pages.push(cur);
  return pages;
}

export { PAD, textWidth };
