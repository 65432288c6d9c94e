import { STYLE_KEADAAN } from './flowchart-keadaan.ts';
import {
  FONT_JUDUL,
  FONT_KEGIATAN,
  FONT_SEL,
  type Geometry,
  LINE,
  PAD,
  type RowText,
} from './flowchart-layout.ts';
import { esc, type Font, textWidth } from './flowchart-text.ts';

/** The table around the symbols: header, grid, the text columns of each row, and the legend. */

const n = (v: number) => Math.round(v * 10) / 10;

function lines(
  xs: string[],
  x: number,
  top: number,
  font: Font,
  anchor: 'start' | 'middle' = 'start',
): string {
  if (xs.length === 0 || (xs.length === 1 && xs[0] === '')) return '';
  const lh = LINE(font);
  const tspans = xs
    .map((t, k) => `<tspan x="${n(x)}" y="${n(top + font.size + k * lh)}">${esc(t)}</tspan>`)
    .join('');
  return `<text font-size="${font.size}"${font.bold ? ' font-weight="bold"' : ''} text-anchor="${anchor}">${tspans}</text>`;
}

export function drawRowText(g: Geometry, y: number, h: number, no: number, t: RowText): string {
  const top = y + PAD;
  const mid = (c: { x: number; w: number }) => c.x + c.w / 2;
  return [
    `<line x1="0" y1="${n(y + h)}" x2="${g.width}" y2="${n(y + h)}" stroke="#000" stroke-width="0.6"/>`,
    lines([`${no}.`], mid(g.no), top, FONT_KEGIATAN, 'middle'),
    lines(t.kegiatan, g.kegiatan.x + PAD, top, FONT_KEGIATAN),
    lines(t.kelengkapan, g.mutu.kelengkapan.x + PAD, top, FONT_SEL),
    lines(t.waktu, mid(g.mutu.waktu), top, FONT_SEL, 'middle'),
    lines(t.output, g.mutu.output.x + PAD, top, FONT_SEL),
    lines(t.keterangan, g.keterangan.x + PAD, top, FONT_SEL),
  ].join('\n');
}

/** Header rows and the vertical grid lines from the header down to `bottom`. */
export function drawHeader(g: Geometry, y: number, bottom: number): string {
  const h1 = g.header1;
  const h2 = g.header2;
  const fill = `<rect x="0" y="${y}" width="${g.width}" height="${h1 + h2}" fill="#d9e2f3"/>`;
  const center = (x: number, w: number, top: number, h: number, text: string) =>
    `<text x="${n(x + w / 2)}" y="${n(top + h / 2 + 3)}" font-size="${FONT_JUDUL.size}" font-weight="bold" text-anchor="middle">${esc(text)}</text>`;
  const lanesX = g.lanes[0]!.x;
  const lanesW = g.lanes.reduce((s, l) => s + l.w, 0);
  const mutuX = g.mutu.kelengkapan.x;
  const mutuW = g.mutu.kelengkapan.w + g.mutu.waktu.w + g.mutu.output.w;
  const out = [
    fill,
    center(g.no.x, g.no.w, y, h1 + h2, 'No'),
    center(g.kegiatan.x, g.kegiatan.w, y, h1 + h2, 'Kegiatan'),
    center(lanesX, lanesW, y, h1, 'Pelaksana'),
    center(mutuX, mutuW, y, h1, 'Mutu Baku'),
    center(g.keterangan.x, g.keterangan.w, y, h1 + h2, 'Keterangan'),
    ...g.lanes.map((l) => {
      const lh = LINE(FONT_JUDUL);
      const top = y + h1 + (h2 - l.nama.length * lh) / 2 - 2;
      return lines(l.nama, l.x + l.w / 2, top, FONT_JUDUL, 'middle');
    }),
    ...(['kelengkapan', 'waktu', 'output'] as const).map((k) =>
      center(
        g.mutu[k].x,
        g.mutu[k].w,
        y + h1,
        h2,
        k === 'waktu' ? 'Waktu' : k === 'output' ? 'Output' : 'Kelengkapan',
      ),
    ),
    `<line x1="${lanesX}" y1="${y + h1}" x2="${lanesX + lanesW}" y2="${y + h1}" stroke="#000" stroke-width="0.6"/>`,
    `<line x1="${mutuX}" y1="${y + h1}" x2="${mutuX + mutuW}" y2="${y + h1}" stroke="#000" stroke-width="0.6"/>`,
    `<line x1="0" y1="${y + h1 + h2}" x2="${g.width}" y2="${y + h1 + h2}" stroke="#000" stroke-width="0.6"/>`,
  ];
  const xs = [
    g.kegiatan.x,
    lanesX,
    ...g.lanes.slice(1).map((l) => l.x),
    mutuX,
    g.mutu.waktu.x,
    g.mutu.output.x,
    g.keterangan.x,
  ];
  for (const x of xs) {
    const inner = (x > lanesX && x < mutuX) || (x > mutuX && x < g.keterangan.x);
    out.push(
      `<line x1="${n(x)}" y1="${n(inner ? y + h1 : y)}" x2="${n(x)}" y2="${n(bottom)}" stroke="#000" stroke-width="0.6"/>`,
    );
  }
  out.push(
    `<rect x="0.5" y="${y}" width="${g.width - 1}" height="${n(bottom - y)}" fill="none" stroke="#000" stroke-width="1"/>`,
  );
  return out.join('\n');
}

interface LegendItem {
  draw: (x: number, cy: number) => string;
  text: string;
}

function legendItems(keadaan: boolean): LegendItem[] {
  const items: LegendItem[] = [
    {
      draw: (x, cy) =>
        `<rect data-legenda="terminator" x="${x}" y="${cy - 6}" width="24" height="12" rx="6" fill="#fff" stroke="#000"/>`,
      text: 'Mulai/Selesai',
    },
    {
      draw: (x, cy) =>
        `<rect data-legenda="proses" x="${x}" y="${cy - 6}" width="24" height="12" fill="#fff" stroke="#000"/>`,
      text: 'Kegiatan',
    },
    {
      draw: (x, cy) =>
        `<rect x="${x + 3}" y="${cy - 8}" width="21" height="11" fill="#fff" stroke="#000"/><rect data-legenda="proses-unit" x="${x}" y="${cy - 5}" width="21" height="11" fill="#fff" stroke="#000"/>`,
      text: 'Kegiatan di setiap unit',
    },
    {
      draw: (x, cy) =>
        `<polygon data-legenda="keputusan" points="${x},${cy} ${x + 12},${cy - 8} ${x + 24},${cy} ${x + 12},${cy + 8}" fill="#fff" stroke="#000"/>`,
      text: 'Keputusan (Ya: lanjut; Tidak: kembali)',
    },
    {
      draw: (x, cy) =>
        `<polygon data-legenda="penghubung" points="${x + 5},${cy - 8} ${x + 19},${cy - 8} ${x + 19},${cy + 2} ${x + 12},${cy + 8} ${x + 5},${cy + 2}" fill="#fff" stroke="#000"/>`,
      text: 'Penghubung antarhalaman',
    },
    {
      draw: (x, cy) =>
        `<rect data-legenda="turut-serta" x="${x}" y="${cy - 6}" width="24" height="12" fill="#fff" stroke="#000" stroke-dasharray="3 2"/>`,
      text: 'Turut serta',
    },
  ];
  if (keadaan)
    for (const s of Object.values(STYLE_KEADAAN))
      items.push({
        draw: (x, cy) =>
          `<rect data-legenda="keadaan-${s.nama}" x="${x}" y="${cy - 6}" width="24" height="12" fill="${s.fill}" stroke="${s.stroke}" stroke-width="${s.lebar}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
        text: s.nama.charAt(0).toUpperCase() + s.nama.slice(1),
      });
  return items;
}

const LEGEND_FONT: Font = { size: 8 };
const ROW_H = 18;

function legendRows(width: number, keadaan: boolean): LegendItem[][] {
  const rows: LegendItem[][] = [[]];
  let x = 60;
  for (const it of legendItems(keadaan)) {
    const w = 30 + textWidth(it.text, LEGEND_FONT) + 14;
    if (x + w > width && rows.at(-1)!.length > 0) {
      rows.push([]);
      x = 60;
    }
    rows.at(-1)!.push(it);
    x += w;
  }
  return rows;
}

export function legendHeight(width: number, keadaan: boolean): number {
  return legendRows(width, keadaan).length * ROW_H + 10;
}

export function drawLegend(width: number, y: number, keadaan: boolean): string {
  const out = [`<text x="0" y="${y + 16}" font-size="8" font-weight="bold">Keterangan:</text>`];
  legendRows(width, keadaan).forEach((row, r) => {
    let x = 60;
    const cy = y + 12 + r * ROW_H;
    for (const it of row) {
      out.push(it.draw(x, cy), `<text x="${x + 30}" y="${cy + 3}" font-size="8">${esc(it.text)}</text>`);
      x += 30 + textWidth(it.text, LEGEND_FONT) + 14;
    }
  });
  return out.join('\n');
}
