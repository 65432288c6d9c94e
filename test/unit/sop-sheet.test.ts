import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import type { Figure, Table } from '../../lib/documents/content.ts';
import { flowchartPages } from '../../lib/documents/flowchart.ts';
import {
  identityTable,
  renderSopSheet,
  renderSopSheetPdf,
  sopSheetDokumen,
} from '../../lib/documents/sop-sheet.ts';
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

  it("prints the agency's logo above its name in the identity block, in both formats, and none without one", async () => {
    const first = (t: Table) => t.rows[0]![0] as { logo?: Uint8Array };
    expect(first(identityTable(sop, agency)).logo?.subarray(0, 4)).toEqual(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    );
    const lumajang = cat.agencies.get('kominfo-lumajang')!;
    expect(lumajang.logo).toBeUndefined();
    expect(first(identityTable(cat.sops.get(lumajang.sop[0]!)!, lumajang)).logo).toBeUndefined();
    const docx = await JSZip.loadAsync(await renderSopSheet(sop, agency));
    // The flowchart pages come later: a drawing before the kop's text is the logo.
    const xml = await docx.file('word/document.xml')!.async('string');
    const kop = xml.indexOf('PEMERINTAH KABUPATEN BALANGAN');
    expect(kop).toBeGreaterThan(0);
    expect(xml.indexOf('<w:drawing')).toBeGreaterThan(-1);
    expect(xml.indexOf('<w:drawing')).toBeLessThan(kop);
    const pdf = Buffer.from(await renderSopSheetPdf(sop, agency)).toString('latin1');
    expect(pdf).toMatch(/\/Subtype\s*\/Image/);
  });

  it("heads the kop with the parent's own name where it is no local government", () => {
    const kampus = loadCatalogue(configWithKampus());
    const t = identityTable(kampus.sops.get(KAMPUS.sopId)!, kampus.agencies.get(KAMPUS.agencyId)!);
    const kop = cellText(t.rows[0]![0]!);
    expect(kop).not.toMatch(/^PEMERINTAH/);
    expect(kop.split('\n')).toHaveLength(2);
  });
});
