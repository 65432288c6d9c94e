import type { Sop } from '../sop/schema.ts';
import { type Keadaan, STYLE_KEADAAN } from './flowchart-keadaan.ts';
import { columnOf, type Edge, type Geometry, isDecision, isEnd, SYM } from './flowchart-layout.ts';
import { esc } from './flowchart-text.ts';

/** The flowchart's symbols and arrows, placed on a page by ./flowchart.ts. */

/** A step's symbol on its page. */
export interface Placed {
  i: number;
  y: number;
  h: number;
  cx: number;
  cy: number;
  /** Top and bottom of the symbol (the diamond's vertices for a decision). */
  top: number;
  bottom: number;
  halfW: number;
}

const n = (v: number) => Math.round(v * 10) / 10;
/**
 * An arrowhead drawn as a triangle at the end of the last segment: SVG markers are rendered unreliably by
 * LibreOffice and Word, which show this SVG in the DOCX.
 */
function head([x0, y0]: [number, number], [x1, y1]: [number, number]): string {
  const len = Math.hypot(x1 - x0, y1 - y0) || 1;
  const [ux, uy] = [(x1 - x0) / len, (y1 - y0) / len];
  const [bx, by] = [x1 - ux * 7, y1 - uy * 7];
  const pts = [
    [x1, y1],
    [bx - uy * 3, by + ux * 3],
    [bx + uy * 3, by - ux * 3],
  ];
  return `<polygon data-mata-panah="" points="${pts.map(([a, b]) => `${n(a!)},${n(b!)}`).join(' ')}" fill="#000"/>`;
}
const line = (pts: [number, number][], id?: string) =>
  `<path${id ? ` data-panah="${id}"` : ''} d="M${pts.map(([x, y]) => `${n(x)},${n(y)}`).join(' L')}" fill="none" stroke="#000" stroke-width="1"/>${head(pts.at(-2)!, pts.at(-1)!)}`;
const label = (x: number, y: number, text: string, anchor = 'start') =>
  `<text x="${n(x)}" y="${n(y)}" font-size="7" font-style="italic" text-anchor="${anchor}">${esc(text)}</text>`;

/** Off-page connector: a pentagon pointing down, with the letter that pairs it with its twin. */
function connector(x: number, top: number, letter: string): string {
  const pts = [
    [x - 8, top],
    [x + 8, top],
    [x + 8, top + 11],
    [x, top + SYM.conn],
    [x - 8, top + 11],
  ];
  return [
    `<polygon data-simbol="penghubung" points="${pts.map(([a, b]) => `${n(a!)},${n(b!)}`).join(' ')}" fill="#fff" stroke="#000"/>`,
    `<text x="${n(x)}" y="${n(top + 10)}" font-size="8" font-weight="bold" text-anchor="middle">${letter}</text>`,
  ].join('');
}

export function drawEdge(
  g: Geometry,
  sop: Sop,
  e: Edge,
  a: Placed | undefined,
  b: Placed | undefined,
  labelH: number,
  letter: string | undefined,
): string {
  const id = `${sop.langkah[e.from]!.no}-${sop.langkah[e.to]!.no}`;
  const out: string[] = [];
  if (e.to === e.from + 1) {
    if (a && b) {
      const turn = b.y + 6;
      const pts: [number, number][] =
        a.cx === b.cx
          ? [
              [a.cx, a.bottom],
              [b.cx, b.top],
            ]
          : [
              [a.cx, a.bottom],
              [a.cx, turn],
              [b.cx, turn],
              [b.cx, b.top],
            ];
      out.push(line(pts, id));
    } else if (a) {
      const top = a.bottom + labelH + SYM.gap;
      out.push(
        line(
          [
            [a.cx, a.bottom],
            [a.cx, top],
          ],
          id,
        ),
        connector(a.cx, top, letter!),
      );
    } else if (b) {
      const top = b.top - SYM.gap - SYM.conn;
      out.push(
        connector(b.cx, top, letter!),
        line(
          [
            [b.cx, top + SYM.conn],
            [b.cx, b.top],
          ],
          id,
        ),
      );
    }
    if (a && e.kind === 'ya') out.push(label(a.cx + 3, a.bottom + 8, 'Ya'));
    return out.join('\n');
  }
  // A return (Tidak) runs in a channel on the right of the lanes it spans, a forward jump on the left.
  const back = e.kind === 'tidak';
  const lanes = [a, b].filter((p): p is Placed => !!p).map((p) => p.cx);
  const laneW = g.lanes[0]!.w;
  const ch = back ? Math.max(...lanes) + laneW / 2 - 8 : Math.min(...lanes) - laneW / 2 + 8;
  const side = (p: Placed) => (back ? p.cx + p.halfW : p.cx - p.halfW);
  if (a && b) {
    out.push(
      line(
        [
          [side(a), a.cy],
          [ch, a.cy],
          [ch, b.cy],
          [side(b), b.cy],
        ],
        id,
      ),
    );
  } else if (a) {
    const top = a.bottom + labelH + SYM.gap;
    out.push(
      line(
        [
          [side(a), a.cy],
          [ch, a.cy],
          [ch, top],
        ],
        id,
      ),
      connector(ch, top, letter!),
    );
  } else if (b) {
    const top = b.top - SYM.gap - SYM.conn;
    out.push(
      connector(ch, top, letter!),
      line(
        [
          [ch, top + SYM.conn],
          [ch, b.cy],
          [side(b), b.cy],
        ],
        id,
      ),
    );
  }
  if (a && back) out.push(label(side(a) - 4, a.cy - 5, 'Tidak'));
  return out.join('\n');
}

export function drawStep(
  sop: Sop,
  g: Geometry,
  r: Placed,
  keadaan: Map<number, Keadaan> | undefined,
  labelH: number,
): string {
  const l = sop.langkah[r.i]!;
  const state = keadaan ? (keadaan.get(l.no) ?? 'belum') : undefined;
  const st = state
    ? STYLE_KEADAAN[state]
    : { fill: '#fff', stroke: '#000', teks: '#000', dash: '', lebar: 1, nama: '' };
  const paint = `fill="${st.fill}" stroke="${st.stroke}" stroke-width="${st.lebar}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}`;
  const out: string[] = [];
  const w = g.symW;
  if (isDecision(l)) {
    const hw = r.halfW;
    out.push(
      `<polygon data-simbol="keputusan" data-langkah="${l.no}" points="${n(r.cx)},${n(r.top)} ${n(r.cx + hw)},${n(r.cy)} ${n(r.cx)},${n(r.bottom)} ${n(r.cx - hw)},${n(r.cy)}" ${paint}/>`,
    );
  } else {
    if (l.per_unit)
      out.push(
        `<rect data-bayangan="unit" x="${n(r.cx - w / 2 + 3)}" y="${n(r.top - 3)}" width="${n(w)}" height="${SYM.h}" ${paint}/>`,
      );
    out.push(
      `<rect data-simbol="proses" data-langkah="${l.no}" x="${n(r.cx - w / 2)}" y="${n(r.top)}" width="${n(w)}" height="${SYM.h}" ${paint}/>`,
    );
  }
  out.push(
    `<text x="${n(r.cx)}" y="${n(r.cy + 3)}" font-size="8" font-weight="bold" text-anchor="middle">${l.no}</text>`,
  );
  for (const other of l.pelaksanaLain) {
    const key = columnOf(sop, other);
    const lane = g.lanes.find((c) => c.key === key);
    if (!lane || lane.x + lane.w / 2 === r.cx) continue;
    const ox = lane.x + lane.w / 2;
    const ow = w * 0.8;
    const near = ox > r.cx ? ox - ow / 2 : ox + ow / 2;
    out.push(
      `<path d="M${n(ox > r.cx ? r.cx + r.halfW : r.cx - r.halfW)},${n(r.cy)} L${n(near)},${n(r.cy)}" stroke="#000" stroke-dasharray="3 2" fill="none"/>`,
      `<rect data-simbol="turut-serta" data-langkah="${l.no}" x="${n(ox - ow / 2)}" y="${n(r.cy - SYM.h / 2 + 2)}" width="${n(ow)}" height="${SYM.h - 4}" fill="#fff" stroke="#000" stroke-dasharray="3 2"/>`,
    );
  }
  if (state)
    out.push(
      `<text data-keadaan="${state}" x="${n(r.cx - 3)}" y="${n(r.bottom + 9)}" font-size="7" text-anchor="end" fill="${st.teks}">${st.nama}</text>`,
    );
  if (r.i === 0) out.push(terminator(r.cx, r.top - SYM.gap - SYM.term, 'Mulai', r.top));
  if (isEnd(sop, r.i)) {
    const top = r.bottom + labelH + SYM.gap;
    out.push(terminator(r.cx, top, 'Selesai', r.bottom));
  }
  return out.join('\n');
}

function terminator(cx: number, top: number, text: string, joinY: number): string {
  const w = 46;
  const h = SYM.term;
  const below = joinY > top;
  const path = below
    ? line([
        [cx, top + h],
        [cx, joinY],
      ])
    : line([
        [cx, joinY],
        [cx, top],
      ]);
  return [
    path,
    `<rect data-simbol="terminator" x="${n(cx - w / 2)}" y="${n(top)}" width="${w}" height="${h}" rx="${h / 2}" fill="#fff" stroke="#000"/>`,
    `<text x="${n(cx)}" y="${n(top + 11)}" font-size="8" font-weight="bold" text-anchor="middle">${text}</text>`,
  ].join('');
}
