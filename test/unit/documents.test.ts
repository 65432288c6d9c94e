import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { renderLakip } from '../../lib/documents/lakip.ts';
import { renderDisposisi, renderSuratPengantar } from '../../lib/documents/letters.ts';
import { renderSopSheet, sheetColumns } from '../../lib/documents/sop-sheet.ts';
import {
  angka,
  parseAngka,
  persen,
  rupiah,
  tanggal,
  tanggalIso,
  tanggalJam,
} from '../../lib/format/indonesia.ts';
import { checkPola, formatNomorSurat } from '../../lib/letters/nomor-surat.ts';
import { analisis } from '../../lib/performance/analysis.ts';

const cat = loadCatalogue('config');
const text = async (docx: Uint8Array) =>
  (await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string'))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('Indonesian dates and numbers', () => {
  it('writes dates the Indonesian way, in the agency zone', () => {
    expect(tanggalIso('2024-01-15')).toBe('15 Januari 2024');
    // 16:30 UTC on 31 December is already 1 January in WITA.
    expect(tanggal(new Date('2025-12-31T16:30:00Z'), 'WITA')).toBe('1 Januari 2026');
    expect(tanggal(new Date('2025-12-31T16:30:00Z'), 'WIB')).toBe('31 Desember 2025');
    expect(tanggalJam(new Date('2026-01-05T01:05:00Z'), 'WIT')).toBe('5 Januari 2026 pukul 10.05 WIT');
  });

  it('writes numbers with dot thousands and comma decimals, and reads them back', () => {
    expect(angka(1234.56)).toBe('1.234,56');
    expect(angka(-1234567)).toBe('-1.234.567');
    expect(angka(12.5)).toBe('12,5');
    expect(persen(97.375)).toBe('97,38%');
    expect(rupiah(1_115_000_000)).toBe('Rp1.115.000.000');
    expect(parseAngka('1.234,56')).toBe(1234.56);
    expect(parseAngka('12,5')).toBe(12.5);
    expect(parseAngka('12.5')).toBe(12.5);
    expect(parseAngka('1.234')).toBe(1234);
    expect(parseAngka('12,5%')).toBe(12.5);
    expect(parseAngka('dua belas')).toBeUndefined();
  });
});

describe('nomor surat', () => {
  const parts = { klasifikasi: '000.5.2.3', nomor: 7, kode: 'DKUKMTK-BLG', tahun: 2026, bulanRomawi: 'I' };

  it("follows each agency's pattern", () => {
    expect(formatNomorSurat('{klasifikasi}/{nomor:3}/{kode}/{tahun}', parts)).toBe(
      '000.5.2.3/007/DKUKMTK-BLG/2026',
    );
    expect(
      formatNomorSurat('{klasifikasi}/{nomor}/{kode}/{bulan_romawi}/{tahun}', { ...parts, kode: 'DKIP' }),
    ).toBe('000.5.2.3/7/DKIP/I/2026');
  });

  it('checks every agency pattern in the catalogue', () => {
    for (const a of cat.agencies.values()) expect(checkPola(a.nomor_surat.pola), a.id).toEqual([]);
    expect(checkPola('{klasifikasi}/{kode}')).toEqual(["pola harus memuat '{nomor}'"]);
    expect(checkPola('{nomor}/{tanggal}')).toEqual(["penanda '{tanggal}' tidak dikenal"]);
  });
});

describe('documents', () => {
  const agency = cat.agencies.get('diskominfotik-gorontalo')!;
  const pk = cat.kinerja.get('diskominfotik-gorontalo/2025')!;

  it('drafts the LAKIP with every chapter of PermenPAN-RB 53/2014', async () => {
    const t = await text(
      await renderLakip({
        agency,
        pk,
        analisis: analisis(pk, []),
        singkatan: 'LKIP',
        dibuat: new Date('2026-01-20T02:00:00Z'),
        versi: 1,
        catatanKoreksi: [],
      }),
    );
    for (const part of [
      'LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP) TAHUN 2025',
      'KATA PENGANTAR',
      'IKHTISAR EKSEKUTIF',
      'DAFTAR ISI',
      'PENDAHULUAN',
      'PERENCANAAN KINERJA',
      'AKUNTABILITAS KINERJA',
      'Grafik 3.1 Capaian per indikator kinerja terhadap target',
      'DAFTAR TABEL',
      'DAFTAR GRAFIK',
      'E. Sistematika Penyajian',
      'C. Definisi dan Formula Indikator Kinerja Utama',
      'PIHAK KEDUA',
      'B. Realisasi Anggaran',
      'PENUTUP',
      'PERJANJIAN KINERJA TAHUN 2025',
      'DRAF VERSI 1',
      '20 Januari 2026',
    ]) {
      expect(t, part).toContain(part);
    }
    expect(t).toContain('Rp980.000.000');
    expect(t).toContain('data belum lengkap dari');
  });

  it('writes a lembar disposisi and a surat pengantar', async () => {
    const d = await text(
      await renderDisposisi({
        agency,
        dari: agency.pejabat.kepala!,
        kepada: [agency.pejabat.perencanaan!],
        perihal: 'Penyusunan LKIP 2025',
        instruksi: ['koordinasi'],
        sifat: 'segera',
        catatan: 'Segera',
        waktu: new Date('2026-01-05T01:00:00Z'),
      }),
    );
    expect(d).toContain('LEMBAR DISPOSISI');
    expect(d).toContain('☒ segera');
    expect(d).toContain('menunggu paraf');
    const s = await text(
      await renderSuratPengantar({
        agency,
        nomor: '000.5.2/1/DKIP/I/2026',
        waktu: new Date('2026-01-22T02:00:00Z'),
        perihal: 'Penyampaian LKIP',
        lampiran: '1 berkas',
        isi: 'Bersama ini',
        penandatangan: agency.pejabat.kepala!,
      }),
    );
    expect(s).toContain('000.5.2/1/DKIP/I/2026');
    expect(s).toContain('Gorontalo, 22 Januari 2026');
  });

  it("signs the report and its letter in the agency's own city, addressed to the recipient's", async () => {
    // A Pontianak directorate reporting to Jatinangor signs "Pontianak, …" and writes "di Jatinangor".
    const far = { ...agency, kota: 'Pontianak', tujuan_laporan: { kepada: 'Rektor', alamat: 'Jatinangor' } };
    const waktu = new Date('2026-01-22T02:00:00Z');
    const s = await text(
      await renderSuratPengantar({
        agency: far,
        nomor: '1',
        waktu,
        perihal: 'Penyampaian LKIP',
        lampiran: '1 berkas',
        isi: 'Bersama ini',
        penandatangan: agency.pejabat.kepala!,
      }),
    );
    expect(s).toContain('Pontianak, 22 Januari 2026');
    expect(s).toContain('di Jatinangor');
    expect(s).not.toContain('Jatinangor, ');
    const kepala = agency.pejabat.kepala!;
    const l = await text(
      await renderLakip({
        agency: far,
        pk,
        analisis: analisis(pk, []),
        singkatan: 'LKIP',
        dibuat: waktu,
        versi: 2,
        catatanKoreksi: [],
        tandaTangan: {
          waktu,
          jabatan: kepala.jabatan,
          nama: kepala.nama,
          nip: kepala.nip,
          sidik: 'ab'.repeat(32),
        },
      }),
    );
    expect(l).toContain('Pontianak, 22 Januari 2026');
    expect(l).not.toContain('Jatinangor');
  });

  it('prints an SOP in the SOP AP layout from the same file that runs', async () => {
    const sop = cat.sops.get('diskominfotik-gorontalo-lkip')!;
    expect(sheetColumns(sop).map((c) => c.nama)).toEqual([
      'Kepala Dinas',
      'Sekretaris',
      'Kasubag Perencanaan',
      'Staf/Jabatan Fungsional Umum',
    ]);
    const t = await text(await renderSopSheet(sop));
    for (const part of [
      '35/DKIP/SOP/I/2023',
      '2 Januari 2023',
      'Dasar Hukum',
      'Pencatatan dan Pendataan',
      '(MULAI)',
      '(SELESAI)',
      '◇ ya / tidak → 6',
      '7 Hari',
      'Disposisi persetujuan dokumen LKIP',
    ]) {
      expect(t, part).toContain(part);
    }
  });
});
