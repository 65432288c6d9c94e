import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import type { Figure, Table } from '../../lib/documents/content.ts';
import { flowchartPages } from '../../lib/documents/flowchart.ts';
import { identityTable, sopSheetDokumen } from '../../lib/documents/sop-sheet.ts';
import { configWithKampus, KAMPUS } from '../helpers/kampus.ts';

const cat = loadCatalogue('config');
const sop = cat.sops.get('dkukmtk-balangan-lakip')!;
const agency = cat.agencies.get('dkukmtk-balangan')!;
const cellText = (c: string | { text: unknown }) => (typeof c === 'string' ? c : String(c.text));

describe('the SOP sheet as document content', () => {
  const doc = sopSheetDokumen(sop, agency);

  it('is landscape throughout: the identity part, then one flowchart page per section', () => {
    expect(doc.page).toMatchObject({ size: 'A4', orientation: 'landscape' });
    expect(doc.sections.every((s) => s.page?.orientation === 'landscape')).toBe(true);
    const figures = doc.sections.flatMap((s) => s.blocks).filter((b): b is Figure => b.type === 'figure');
    expect(figures).toHaveLength(flowchartPages(sop).length);
    expect(figures.map((f) => f.caption)).toEqual([
      'Bagan alir SOP 000.8.3.3/003/DKUKMTK-BLG/2024, halaman 1 dari 2',
      'Bagan alir SOP 000.8.3.3/003/DKUKMTK-BLG/2024, halaman 2 dari 2',
    ]);
    // A4 landscape minus 10 mm margins is 785 × 538 pt; the figure and its caption fit.
    for (const f of figures) {
      expect(f.width).toBeLessThanOrEqual(785);
      expect(f.height).toBeLessThanOrEqual(538 - 36);
      expect(f.width / f.height).toBeCloseTo(1047 / 718, 1);
    }
    const f4 = sopSheetDokumen(sop, agency, 'F4');
    expect(f4.page.size).toBe('F4');
  });

  it('carries the PermenPAN-RB 35/2012 identity block', () => {
    const table = doc.sections[0]!.blocks.find((b): b is Table => b.type === 'table')!;
    const texts = table.rows.flat().map(cellText);
    for (const label of [
      'Nomor SOP',
      'Tanggal Pembuatan',
      'Tanggal Revisi',
      'Tanggal Efektif',
      'Disahkan oleh',
      'Nama SOP',
      'Dasar Hukum',
      'Kualifikasi Pelaksana',
      'Keterkaitan',
      'Peralatan/Perlengkapan',
      'Peringatan',
      'Pencatatan dan Pendataan',
    ])
      expect(texts, label).toContain(label);
    expect(texts).toContain(
      'PEMERINTAH KABUPATEN BALANGAN\nDINAS KOPERASI USAHA KECIL MENENGAH DAN TENAGA KERJA KABUPATEN BALANGAN',
    );
    expect(texts).toContain('15 Januari 2024');
    expect(texts.some((t) => t.includes('NIP. 19681117 199703 1 003'))).toBe(true);
    expect(texts.some((t) => t.startsWith('1. Renstra OPD\n2. Format penyusunan LAKIP'))).toBe(true);
    // Every row spans the three columns (the kop block covers the first column of the six identity rows).
    const widths = table.rows.map(
      (r, i) =>
        r.reduce((s, c) => s + (typeof c === 'string' ? 1 : (c.colSpan ?? 1)), 0) + (i > 0 && i < 6 ? 1 : 0),
    );
    expect(new Set(widths)).toEqual(new Set([3]));
  });

  it("heads the kop with the parent's own name where it is no local government", () => {
    const kampus = loadCatalogue(configWithKampus());
    const t = identityTable(kampus.sops.get(KAMPUS.sopId)!, kampus.agencies.get(KAMPUS.agencyId)!);
    const kop = cellText(t.rows[0]![0]!);
    expect(kop).not.toMatch(/^PEMERINTAH/);
    expect(kop.split('\n')).toHaveLength(2);
  });
});
