import type { Agency } from '../agency/schema.ts';
import { waktuTeks } from '../data/batas.ts';
import type { Sop } from '../sop/schema.ts';
import { drawEdge, drawStep, type Placed } from './flowchart-draw.ts';
import type { Keadaan } from './flowchart-keadaan.ts';
import {
  AREA,
  columnOf,
  EXTRA,
  edges,
  type Geometry,
  geometry,
  isDecision,
  isEnd,
  type Kertas,
  paginate,
  type RowText,
  rowHeight,
  rowText,
  SYM,
  TITLE_H,
} from './flowchart-layout.ts';
import { drawHeader, drawLegend, drawRowText, legendHeight } from './flowchart-table.ts';
import { esc, FONT_FAMILY, wrapText } from './flowchart-text.ts';

export type { Keadaan } from './flowchart-keadaan.ts';
export { keadaanDariRiwayat } from './flowchart-keadaan.ts';

export interface FlowchartOptions {
  /** The cycle's state per step `no`: colours the symbols and labels them (the timeline page). */
  keadaan?: Map<number, Keadaan>;
  /** 'satu': every step on one responsive canvas (web); 'kertas': one SVG per printed page. */
  halaman?: 'satu' | 'kertas';
  kertas?: Kertas;
  /** The agency running the SOP: a step without a mutu baku shows the agency's working time. */
  agency?: Agency;
}

/** The flowchart of one printed page per SVG, each sized to the landscape paper's printable area. */
export function flowchartPages(sop: Sop, opts: FlowchartOptions = {}): string[] {
  return render(sop, { ...opts, halaman: 'kertas' });
}

/** The whole flow on one responsive canvas (viewBox, width 100%), for the cycle timeline page. */
export function flowchartSvg(sop: Sop, opts: FlowchartOptions = {}): string {
  return render(sop, { ...opts, halaman: 'satu' })[0]!;
}

function render(sop: Sop, opts: FlowchartOptions): string[] {
  const area = AREA[opts.kertas ?? 'A4'];
  const g = geometry(sop, area.w);
  const all = edges(sop);
  const keadaan = opts.keadaan !== undefined;
  const texts = sop.langkah.map((l) => rowText(g, l, waktuTeks(l, sop, opts.agency)));
  const channelTargets = new Set(all.filter((e) => e.to !== e.from + 1).map((e) => e.to));
  const channelSources = new Set(all.filter((e) => e.to !== e.from + 1).map((e) => e.from));
  const web = opts.halaman === 'satu';
  const extras = (i: number, first: boolean, last: boolean) => ({
    top: i === 0 || (!web && ((first && i > 0) || channelTargets.has(i))) ? EXTRA : 0,
    bottom: isEnd(sop, i) || (!web && (last || channelSources.has(i))) ? EXTRA : 0,
  });
  const height = (i: number, first: boolean, last: boolean) =>
    rowHeight(sop, i, texts[i]!, extras(i, first, last), keadaan);
  const legendH = legendHeight(g.width, keadaan);
  const headerH = g.header1 + g.header2;
  const pages = web
    ? [sop.langkah.map((_, i) => i)]
    : paginate(sop.langkah.length, area.h - TITLE_H - legendH - headerH, height);
  const pageOf = new Map(pages.flatMap((rows, p) => rows.map((i) => [i, p] as const)));
  const crossing = all.filter((e) => pageOf.get(e.from) !== pageOf.get(e.to));
  const letter = new Map(crossing.map((e, k) => [e, String.fromCharCode(65 + (k % 26))]));
  // Pagination reserved room for connectors wherever a break might need one; now that the breaks are
  // known, only rows with a terminator or a real off-page connector keep it (heights only shrink).
  const into = new Set(crossing.map((e) => e.to));
  const outOf = new Set(crossing.map((e) => e.from));
  const actual = (i: number) => ({
    top: i === 0 || into.has(i) ? EXTRA : 0,
    bottom: isEnd(sop, i) || outOf.has(i) ? EXTRA : 0,
  });

  return pages.map((rows, p) => {
    let y = TITLE_H + headerH;
    const placed = new Map<number, Placed>();
    for (const i of rows) {
      const ex = actual(i);
      const h = rowHeight(sop, i, texts[i]!, ex, keadaan);
      const dec = isDecision(sop.langkah[i]!);
      const symH = dec ? SYM.diamondH : SYM.h;
      const block = ex.top + symH + (keadaan ? SYM.keadaan : 0) + ex.bottom;
      const top = y + (h - block) / 2 + ex.top;
      const lane = laneOf(sop, g, i);
      placed.set(i, {
        i,
        y,
        h,
        cx: lane.x + lane.w / 2,
        cy: top + symH / 2,
        top,
        bottom: top + symH,
        halfW: (dec ? g.symW + 8 : g.symW) / 2,
      });
      y += h;
    }
    const body: string[] = [];
    for (const r of placed.values())
      body.push(drawRowText(g, r.y, r.h, sop.langkah[r.i]!.no, texts[r.i] as RowText));
    body.push(drawHeader(g, TITLE_H, y));
    const labelH = keadaan ? SYM.keadaan : 0;
    for (const e of all) {
      const a = placed.get(e.from);
      const b = placed.get(e.to);
      if (!a && !b) continue;
      body.push(drawEdge(g, sop, e, a, b, labelH, letter.get(e)));
    }
    for (const r of placed.values()) body.push(drawStep(sop, g, r, opts.keadaan, labelH));
    const canvasH = web ? y + legendH : area.h;
    body.push(drawLegend(g.width, canvasH - legendH, keadaan));
    const judul = wrapText(`SOP ${sop.identitas.nomor} — ${sop.identitas.nama}`, g.width - 120, {
      size: 10,
      bold: true,
    });
    const title = `<text x="0" y="15" font-size="10" font-weight="bold">${esc(judul[0]!)}${judul.length > 1 ? '…' : ''}</text>`;
    const pageNo = web
      ? ''
      : `<text x="${g.width}" y="15" font-size="9" text-anchor="end">Halaman ${p + 1} dari ${pages.length}</text>`;
    const size = web
      ? `width="100%" style="max-width:${g.width}px;height:auto"`
      : // Pixels at 96 dpi are the printable area in mm; pdfmake's SVG reader takes no 'mm' unit.
        `width="${area.w}" height="${area.h}"`;
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${canvasH}" ${size} role="img" aria-labelledby="sop-judul-${p}" font-family="${esc(FONT_FAMILY)}">`,
      `<title id="sop-judul-${p}">${esc(`Bagan alir SOP ${sop.identitas.nama}`)}${web ? '' : `, halaman ${p + 1} dari ${pages.length}`}</title>`,
      `<rect x="0" y="0" width="${g.width}" height="${canvasH}" fill="#fff"/>`,
      title,
      pageNo,
      ...body,
      '</svg>',
    ].join('\n');
  });
}

/** The lane a step's symbol sits in: its accountable role's column, else a participant's, else the first. */
function laneOf(sop: Sop, g: Geometry, i: number) {
  const l = sop.langkah[i]!;
  const key = [l.pelaksana, ...l.pelaksanaLain].map((r) => columnOf(sop, r)).find(Boolean);
  return g.lanes.find((c) => c.key === key) ?? g.lanes[0]!;
}
