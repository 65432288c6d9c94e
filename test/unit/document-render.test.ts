import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { penerimaDisposisi } from '../../lib/cycle/steps/disposisi.ts';
import {
  contohDisposisi,
  contohLakip,
  contohLaporanUnit,
  contohSuratPengantar,
} from '../../lib/documents/contoh.ts';
import { lakipContent, renderLakip, renderLakipPdf } from '../../lib/documents/lakip.ts';
import { renderDisposisi, renderSuratPengantar } from '../../lib/documents/letters.ts';
import { persen } from '../../lib/format/indonesia.ts';

/** Renders in-process; poppler's pdftotext reads the PDFs as a person's viewer would. */

const cat = loadCatalogue('config');
/** A working day no acting official in the seeds covers. */
const DAY = new Date('2026-03-10T03:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'dokumen-'));
let n = 0;
function pdfPages(pdf: Uint8Array): string[] {
  const f = join(dir, `${++n}.pdf`);
  writeFileSync(f, pdf);
  return execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}
const docxXml = async (docx: Uint8Array) => {
  const zip = await JSZip.loadAsync(docx);
  return { zip, xml: await zip.file('word/document.xml')!.async('string') };
};
const docxText = (xml: string) => xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const balangan = contohLakip(cat, 'dkukmtk-balangan', 'LAKIP');
const waktu = new Date('2026-01-25T02:00:00Z');
const kepala = balangan.agency.pejabat.kepala!;
const signed = {
  ...balangan,
  tandaTangan: { waktu, nama: kepala.nama, jabatan: kepala.jabatan, nip: kepala.nip, sidik: 'ab'.repeat(32) },
};

describe('the LAKIP as PDF and DOCX', () => {
  let pages: string[];
  let signedPages: string[];
  let docx: { zip: JSZip; xml: string };

  beforeAll(async () => {
    pages = pdfPages(await renderLakipPdf(balangan));
    signedPages = pdfPages(await renderLakipPdf(signed));
    docx = await docxXml(await renderLakip(balangan));
  });

  it('numbers every page after the cover in the footer', () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(pages[0]).not.toMatch(/\n\s*LAKIP DKUKMTK.*\s1\s*$/);
    pages.slice(1).forEach((p, i) => {
      expect(p.trimEnd(), `halaman ${i + 2}`).toMatch(new RegExp(`\\s${i + 2}$`));
    });
  });

  it('lists chapters, tables and charts with the pages they are on', () => {
    const toc = pages.find((p) => p.includes('DAFTAR ISI'))!;
    const entries = [...toc.matchAll(/^\s*(BAB [IV]+ [A-Z ]+?)\s{2,}(\d+)\s*$/gm)];
    expect(entries.map((e) => e[1])).toEqual([
      'BAB I PENDAHULUAN',
      'BAB II PERENCANAAN KINERJA',
      'BAB III AKUNTABILITAS KINERJA',
      'BAB IV PENUTUP',
    ]);
    for (const [, title, page] of entries) {
      const [bab, ...rest] = title!.split(/(?<=BAB [IV]+) /);
      expect(pages[Number(page) - 1], title).toMatch(new RegExp(`${bab}\\s*\\n\\s*${rest.join(' ')}`));
    }
    const grafik = pages.find((p) => p.includes('DAFTAR GRAFIK'))!;
    const first = /Grafik 3\.1 Capaian per indikator kinerja terhadap target\s+(\d+)/.exec(grafik);
    expect(first).not.toBeNull();
    expect(pages[Number(first![1]) - 1]).toContain(
      'Grafik 3.1 Capaian per indikator kinerja terhadap target',
    );
    expect(pages.find((p) => p.includes('DAFTAR TABEL'))).toMatch(
      /Tabel 2\.1 Perjanjian Kinerja Tahun 2025\s+\d+/,
    );
  });

  it('gives the DOCX the same lists as page-reference fields and page numbers that Word updates', async () => {
    // Each list line points at a bookmark on its heading or caption: Word refreshes the numbers on
    // opening (updateFields), LibreOffice computes them while laying out.
    expect(docx.xml).toMatch(/PAGEREF a\d+/);
    expect(docx.xml).toMatch(/<w:bookmarkStart [^>]*w:name="a\d+"/);
    expect(await docx.zip.file('word/settings.xml')!.async('string')).toContain('w:updateFields');
    const footers = Object.keys(docx.zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    const xml = await Promise.all(footers.map((f) => docx.zip.file(f)!.async('string')));
    expect(xml.some((x) => /PAGE/.test(x))).toBe(true);
    // Black headings in the house style, no Word blue.
    const styles = await docx.zip.file('word/styles.xml')!.async('string');
    for (const id of ['Heading1', 'Heading2', 'Heading3']) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0];
      expect(style, id).toMatch(/<w:color w:val="000000"\/>/);
      expect(style, id).toMatch(/<w:b\/>/);
    }
  });

  it('draws the charts as vectors in the PDF and embeds SVG with a PNG fallback in the DOCX', () => {
    const chart = pages.find((p) => p.includes('Grafik 3.1 Capaian') && !p.includes('DAFTAR GRAFIK'))!;
    // Axis and bar labels are text drawn by the chart itself, on the agency's 120% cap.
    expect(chart).toMatch(/120%/);
    expect(chart).toContain('IKU-1.1');
    expect(chart).toContain('Target 100%');
    const media = Object.keys(docx.zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media.some((f) => f.endsWith('.svg'))).toBe(true);
    expect(media.some((f) => f.endsWith('.png'))).toBe(true);
    expect(docx.xml).toContain('asvg:svgBlip');
  });

  it('has no block-character bars, and one decimal convention', () => {
    expect(pages.join('')).not.toContain('█');
    expect(docxText(docx.xml)).not.toContain('█');
    expect(persen(111)).toBe('111,00%');
    expect(persen(89.5)).toBe('89,50%');
    const percents = pages.join('\n').match(/\d+(,\d+)?%/g)!;
    // Axis ticks (0%, 20%, …, 120%) are whole numbers; every figure in text and tables has two decimals.
    expect(percents.filter((p) => !/^\d+,\d\d%$/.test(p) && !/^(0|20|40|60|80|100|120)%$/.test(p))).toEqual(
      [],
    );
  });

  it('names the report and its signer in full, signs once, and keeps review notes out of the PDF', () => {
    expect(pages[0]).toContain('LAPORAN AKUNTABILITAS KINERJA INSTANSI');
    const all = signedPages.join('\n');
    expect(all.match(/Ditandatangani secara elektronik/g)).toHaveLength(1);
    expect(all).toMatch(/Kepala Dinas Koperasi Usaha Kecil\s+Menengah dan Tenaga Kerja Kabupaten\s+Balangan/);
    expect(all).not.toContain('Lengkapi penjelasan kendala');
    expect(pages.join('\n')).not.toContain('Lengkapi penjelasan kendala');
    // The editable draft shows them, marked as internal.
    expect(docxText(docx.xml)).toContain('CATATAN KOREKSI (INTERNAL)');
  });

  it('prints the PK as an agreement signed by both parties, sasaran cells merged', () => {
    const pk = pages.find((p) => p.includes('PERJANJIAN KINERJA TAHUN 2025') && p.includes('PIHAK PERTAMA'))!;
    expect(pk).toContain('Bupati Balangan');
    const sign = pages.find((p) => p.includes('PIHAK KEDUA,'))!;
    expect(sign).toContain('Abdul Hadi (contoh)');
    expect(sign).toContain(kepala.nama);
    // Merged: the sasaran text appears once for its four indicators.
    const lampiran = lakipContent(balangan).sections[1]!.blocks.find(
      (b) => b.type === 'table' && b.caption?.startsWith('Tabel L.1'),
    );
    expect(lampiran?.type === 'table' && lampiran.rows[1]![1]).toMatchObject({ rowSpan: 4 });
  });

  it('embeds its fonts, so it renders the same without system fonts (Lambda)', () => {
    const f = join(dir, 'fonts.pdf');
    execFileSync('cp', [join(dir, '1.pdf'), f]);
    const fonts = execFileSync('pdffonts', [f], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line, line).toMatch(/DejaVu.*\byes\s+yes\s+yes\b/);
  });
});

describe('figures in the report', () => {
  it('explains a lower-is-better target 0 instead of printing 0%, and calls a fall an improvement', () => {
    const doc = lakipContent(contohLakip(cat, 'kominfo-lumajang', 'LKjIP'));
    const tables = doc.sections[1]!.blocks.flatMap((b) => (b.type === 'table' ? [b] : []));
    const iku3 = (caption: RegExp) =>
      tables
        .filter((t) => caption.test(t.caption ?? ''))
        .flatMap((t) => t.rows)
        .find((r) => typeof r[0] === 'string' && r[0].startsWith('IKU-3'))!;
    const renstra = iku3(/Renstra/);
    expect(renstra[1]).toBe('0');
    expect(renstra[3]).toMatch(/target 0/);
    expect(renstra[3]).not.toMatch(/%/);
    // 2024: 6 incidents; 2025 fewer: a fall, which is an improvement for this indicator.
    expect(iku3(/^Tabel 3\.\d+ Realisasi/).at(-1)).toMatch(/^turun .* \(membaik\)$/);
  });

  it('measures the yearly report against yearly targets and a quarter against its own, saying which', async () => {
    const lumajang = pdfPages(await renderLakipPdf(contohLakip(cat, 'kominfo-lumajang', 'LKjIP'))).join('\n');
    expect(lumajang).toMatch(
      /target tahunan Perjanjian Kinerja; realisasi tahunan dihitung\s+dari realisasi triwulan I sampai IV/,
    );
    expect(lumajang).not.toMatch(/IKU-3[^\n]*0,75/);
    const unit = pdfPages(
      await renderLakipPdf(contohLaporanUnit(cat, 'kominfo-lumajang', 'bidang-statistik-persandian', 'TW2')),
    ).join('\n');
    expect(unit).toContain('Target TW II');
    expect(unit).toMatch(/IKU-3[^\n]*0,75/);
  });
});

describe('unit reports and letters', () => {
  it('a unit report names the unit, the quarter and the unit head, not the agency LKjIP', async () => {
    const input = contohLaporanUnit(cat, 'kominfo-lumajang', 'bidang-statistik-persandian', 'TW2');
    const text = pdfPages(await renderLakipPdf(input)).join('\n');
    expect(text).toContain('BIDANG STATISTIK DAN PERSANDIAN');
    expect(text).toContain('TRIWULAN II TAHUN 2025');
    expect(text).toContain(input.unit!.kepala.nama);
    expect(text).not.toContain('KATA PENGANTAR');
    expect(text).not.toContain('LAPORAN KINERJA INSTANSI PEMERINTAH');
    expect(text).not.toMatch(/menetapkan \d+ sasaran/);
  });

  it('addresses the disposisi to the pelaksana of the next SOP step, with the agenda fields', async () => {
    const sop = cat.sops.get('kominfo-lumajang-data-kinerja')!;
    const agency = cat.agencies.get('kominfo-lumajang')!;
    const kepada = penerimaDisposisi({ sop, agency, step: sop.langkah[0]! }, DAY);
    expect(kepada.map((o) => o.jabatan)).toEqual(agency.unit.map((u) => u.pejabat['kepala-unit']!.jabatan));
    const balanganSop = cat.sops.get('dkukmtk-balangan-lakip')!;
    const b = cat.agencies.get('dkukmtk-balangan')!;
    expect(penerimaDisposisi({ sop: balanganSop, agency: b, step: balanganSop.langkah[0]! }, DAY)).toEqual([
      b.pejabat.perencanaan,
    ]);
    // On a day the Kasubbag is away, the acting official receives it under their title.
    const plh = {
      jabatan: 'perencanaan',
      jenis: 'Plh.' as const,
      nama: 'Yusuf (contoh)',
      email: 'plh@b.example',
    };
    expect(
      penerimaDisposisi({ sop: balanganSop, agency: b, step: balanganSop.langkah[0]! }, DAY, [
        { ...plh, mulai: '2026-03-10', selesai: '2026-03-10' },
      ]),
    ).toEqual([expect.objectContaining({ nama: 'Yusuf (contoh)', jabatan: 'Plh. Kasubbag Perencanaan' })]);
    const d = pdfPages(await renderDisposisi({ ...contohDisposisi(cat, 'kominfo-lumajang'), kepada }, 'pdf'));
    expect(d).toHaveLength(1);
    for (const label of [
      'No. agenda',
      'No. surat',
      'Tgl. surat',
      'Diterima tgl.',
      'Sifat',
      'Perihal',
      'Diteruskan kepada',
      'Isi disposisi',
    ])
      expect(d[0], label).toContain(label);
    expect(d[0]).toContain(kepada[0]!.nama);
  });

  it('lines up the surat pengantar fields, signs with the full title and lists the Tembusan', async () => {
    const input = contohSuratPengantar(cat, 'dkukmtk-balangan', 'LAKIP');
    const [page] = pdfPages(await renderSuratPengantar(input, 'pdf'));
    const colons = ['Nomor', 'Sifat', 'Lampiran', 'Hal'].map((l) => {
      const line = page!.split('\n').find((x) => x.trimStart().startsWith(`${l} `))!;
      return line.indexOf(':');
    });
    expect(new Set(colons).size).toBe(1);
    expect(page).toContain('Tembusan:');
    expect(page).toContain('Inspektur Kabupaten Balangan');
    expect(page).toMatch(
      /Kepala Dinas Koperasi Usaha Kecil\s+Menengah dan Tenaga Kerja Kabupaten\s+Balangan,/,
    );
    // Balangan has a logo in its file: the letterhead carries it; Lumajang has none, and no empty frame.
    const withLogo = await JSZip.loadAsync(await renderSuratPengantar(input, 'docx'));
    expect(Object.keys(withLogo.files).some((f) => f.startsWith('word/media/'))).toBe(true);
    const without = await JSZip.loadAsync(
      await renderSuratPengantar(contohSuratPengantar(cat, 'kominfo-lumajang', 'LKjIP'), 'docx'),
    );
    expect(Object.keys(without.files).some((f) => f.startsWith('word/media/'))).toBe(false);
  });
});
