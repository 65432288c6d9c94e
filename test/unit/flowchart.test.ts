import { readFileSync } from 'node:fs';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import type { TimelineRow } from '../../lib/cycle/timeline.ts';
import { flowchartPages, flowchartSvg, keadaanDariRiwayat } from '../../lib/documents/flowchart.ts';
import {
  AREA,
  edges,
  FONT_JUDUL,
  geometry,
  isDecision,
  isEnd,
} from '../../lib/documents/flowchart-layout.ts';
import { textWidth, wrapText } from '../../lib/documents/flowchart-text.ts';
import type { Sop } from '../../lib/sop/schema.ts';
import { configWithKampus } from '../helpers/kampus.ts';

const cat = loadCatalogue(configWithKampus());
const SOPS = [...cat.sops.values()];
const count = (svgs: string[], re: RegExp) => svgs.reduce((s, x) => s + (x.match(re)?.length ?? 0), 0);
const simbol = (svgs: string[], jenis: string) => count(svgs, new RegExp(`data-simbol="${jenis}"`, 'g'));
const panah = (svg: string) => [...svg.matchAll(/data-panah="([^"]+)"/g)].map((m) => m[1]!);
const transitions = (sop: Sop) =>
  edges(sop).map((e) => `${sop.langkah[e.from]!.no}-${sop.langkah[e.to]!.no}`);

beforeAll(async () => {
  await initWasm(readFileSync('node_modules/@resvg/resvg-wasm/index_bg.wasm'));
});

describe('the SOP flowchart (SOP AP, PermenPAN-RB 35/2012)', () => {
  it('covers every seed and the kampus fixture, including decisions, returns and per-unit steps', () => {
    expect(SOPS.map((s) => s.id).sort()).toEqual([
      'diskominfotik-gorontalo-lkip',
      'dkukmtk-balangan-lakip',
      'kesbangpol-kobar-lakip',
      'kominfo-lumajang-data-kinerja',
      'poltek-khatulistiwa-lkj',
    ]);
  });

  for (const sop of SOPS) {
    describe(sop.id, () => {
      const pages = flowchartPages(sop);
      const web = flowchartSvg(sop);
      const decisions = sop.langkah.filter(isDecision).length;
      const ends = sop.langkah.filter((_, i) => isEnd(sop, i)).length;

      it('draws one terminator at the start and one per end, on paper and on the web', () => {
        for (const svgs of [pages, [web]]) {
          expect(simbol(svgs, 'terminator')).toBe(1 + ends);
          expect(count(svgs, />Mulai</g)).toBe(1);
          expect(count(svgs, />Selesai</g)).toBe(ends);
        }
        expect(pages[0]).toContain('>Mulai<');
        expect(pages.at(-1)).toContain('>Selesai<');
      });

      it('draws a diamond per decision and a box per other step, with Ya and Tidak branches', () => {
        expect(decisions).toBeGreaterThan(0);
        for (const svgs of [pages, [web]]) {
          expect(simbol(svgs, 'keputusan')).toBe(decisions);
          expect(simbol(svgs, 'proses')).toBe(sop.langkah.length - decisions);
          expect(
            count(
              svgs,
              /<polygon data-simbol="keputusan" data-langkah="\d+" points="(?:[\d.-]+,[\d.-]+ ){3}[\d.-]+,[\d.-]+"/g,
            ),
          ).toBe(decisions);
          expect(count(svgs, />Tidak</g)).toBe(decisions);
          // A decision at the very end has no 'Ya' step to go to: its Ya ends the flow.
          expect(count(svgs, />Ya</g)).toBe(
            sop.langkah.filter((l, i) => isDecision(l) && !isEnd(sop, i)).length,
          );
        }
      });

      it('draws an arrow for every transition: on one canvas exactly once, on paper at least once', () => {
        expect(panah(web).sort()).toEqual(transitions(sop).sort());
        const onPaper = new Set(pages.flatMap(panah));
        expect([...onPaper].sort()).toEqual([...new Set(transitions(sop))].sort());
        for (const svg of [...pages, web]) expect(count([svg], /data-mata-panah/g)).toBeGreaterThan(0);
      });

      it('pairs an off-page connector on both pages for every arrow that crosses a page', () => {
        const pageOf = (no: number) => pages.findIndex((p) => p.includes(`data-langkah="${no}"`));
        const crossing = edges(sop).filter(
          (e) => pageOf(sop.langkah[e.from]!.no) !== pageOf(sop.langkah[e.to]!.no),
        );
        expect(simbol(pages, 'penghubung')).toBe(2 * crossing.length);
        expect(simbol([web], 'penghubung')).toBe(0);
        crossing.forEach((_, k) => {
          const letter = `>${String.fromCharCode(65 + k)}</text>`;
          expect(pages.filter((p) => p.includes(letter)).length, letter).toBe(2);
        });
      });

      it('wraps role headers at word boundaries and keeps every header line inside its lane', () => {
        const g = geometry(sop, AREA.A4.w);
        for (const lane of g.lanes) {
          const role = sop.pelaksana.find((r) => r.id === lane.key)!;
          const words = new Set(role.nama.split(/\s+/).flatMap((w) => w.split(/(?<=[/-])(?=[^/-])/)));
          for (const lineText of lane.nama) {
            for (const piece of lineText.split(' ').flatMap((w) => w.split(/(?<=[/-])(?=[^/-])/)))
              expect(words, `${role.nama}: '${lineText}'`).toContain(piece);
            expect(textWidth(lineText, FONT_JUDUL)).toBeLessThanOrEqual(lane.w - 10);
          }
          expect(lane.nama.join(' ').replace(/\/ /g, '/')).toBe(
            role.nama.replace(/\s+/g, ' ').replace(/\/ /g, '/'),
          );
        }
      });

      it('is well-formed SVG that renders (resvg refuses malformed XML), a landscape page per SVG', () => {
        for (const svg of [...pages, web]) {
          const png = new Resvg(svg, { fitTo: { mode: 'width', value: 300 } }).render();
          expect(png.width).toBe(300);
          expect(png.height).toBeLessThan(png.width * (svg === web ? 2 : 0.75));
        }
        // 1047 × 718 px at 96 dpi is A4 landscape's printable area (277 × 190 mm).
        for (const svg of pages) expect(svg).toContain('viewBox="0 0 1047 718" width="1047" height="718"');
        expect(web).toContain('width="100%"');
      });
    });
  }

  it('splits a long SOP over several pages with paired connectors', () => {
    const sop = cat.sops.get('dkukmtk-balangan-lakip')!;
    const long: Sop = {
      ...sop,
      langkah: [
        ...sop.langkah.slice(0, -1),
        ...sop.langkah
          .slice(1, -1)
          .map((l) => ({ ...l, no: l.no + 10, kembali_ke: undefined, tugas: 'konfirmasi' as const })),
        { ...sop.langkah.at(-1)!, no: 30 },
      ],
    };
    const pages = flowchartPages(long);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(simbol(pages, 'penghubung')).toBeGreaterThanOrEqual(2 * (pages.length - 1));
    expect(simbol(pages, 'penghubung') % 2).toBe(0);
    expect(pages.map((p) => (p.match(/Halaman \d+ dari \d+/) ?? [''])[0])).toEqual(
      pages.map((_, i) => `Halaman ${i + 1} dari ${pages.length}`),
    );
  });

  it('shows the cycle state by colour and by word, with a legend', () => {
    const sop = cat.sops.get('dkukmtk-balangan-lakip')!;
    const keadaan = keadaanDariRiwayat([
      { no: 1, selesai: '2026-01-02T03:00:00Z', terlambat: false },
      { no: 4, selesai: '2026-01-05T03:00:00Z', terlambat: false },
      { no: 4, selesai: null, terlambat: true },
      { no: 5, selesai: null, terlambat: false },
    ]);
    expect([...keadaan]).toEqual([
      [1, 'selesai'],
      [4, 'terlambat'],
      [5, 'berjalan'],
    ]);
    const svg = flowchartSvg(sop, { keadaan });
    expect(count([svg], /data-keadaan="selesai"/g)).toBe(1);
    expect(count([svg], /data-keadaan="terlambat"/g)).toBe(1);
    expect(count([svg], /data-keadaan="berjalan"/g)).toBe(1);
    expect(count([svg], /data-keadaan="belum"/g)).toBe(sop.langkah.length - 3);
    for (const word of ['Selesai', 'Berjalan', 'Terlambat', 'Belum'])
      expect(svg).toContain(`>${word}</text>`);
    expect(svg).toMatch(/data-langkah="4"[^>]*fill="#fbdad6"/);
    expect(flowchartSvg(sop)).not.toContain('data-keadaan');
    // The timeline's rows feed it as they are (one record per unit and pass).
    const rows: TimelineRow[] = [];
    expect(keadaanDariRiwayat(rows).size).toBe(0);
  });
});

describe('text wrapping for the flowchart', () => {
  const font = { size: 8 };
  it('never breaks a word that fits on a line, and breaks one only when it alone is too wide', () => {
    expect(wrapText('Staf/Jabatan Fungsional Umum', 60, font)).toEqual([
      'Staf/Jabatan',
      'Fungsional',
      'Umum',
    ]);
    expect(wrapText('SELESAI', 200, font)).toEqual(['SELESAI']);
    const long = wrapText('Pendayagunaanaparaturnegaradanreformasi', 50, font);
    expect(long.length).toBeGreaterThan(1);
    expect(long.join('')).toBe('Pendayagunaanaparaturnegaradanreformasi');
    for (const l of long) expect(textWidth(l, font)).toBeLessThanOrEqual(50);
  });

  it('escapes text taken from the SOP file', () => {
    const sop = cat.sops.get('dkukmtk-balangan-lakip')!;
    const risky: Sop = { ...sop, identitas: { ...sop.identitas, nama: 'A & B <script>' } };
    const svg = flowchartSvg(risky);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('A &#38; B &#60;script&#62;');
    // resvg refuses malformed XML.
    expect(new Resvg(svg).render().width).toBeGreaterThan(0);
  });
});
