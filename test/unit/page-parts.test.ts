import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../lib/cycle/model.ts';
import { reviewLoopOf, reviewRounds } from '../../lib/cycle/rounds.ts';
import { nextAction, periodeLabel, tombol } from '../../lib/cycle/steps/next-action.ts';
import { hariTanggalJam, tanggalPendek } from '../../lib/format/tanggal-pendek.ts';
import { kopOf } from '../../lib/pages/layout.ts';
import { roundsSection } from '../../lib/pages/rounds.ts';
import { uploadVerdict } from '../../lib/pages/upload-parts.ts';
import { judulLangkah, namaSiklus } from '../../lib/sop/judul.ts';
import { JENIS_LANGKAH } from '../../lib/sop/schema.ts';
import { seedCatalogue } from '../helpers/cycle-run.ts';

const cat = seedCatalogue();
const balangan = cat.agencies.get('dkukmtk-balangan')!;
const evil = '<script>alert(1)</script>';

describe('what a page says first', () => {
  const due = 'Senin, 24 November 2026 pukul 15.00 WITA';
  const base = { laporan: 'LAKIP', tahun: 2025, periode: 'tahunan' as const, tenggat: due };

  it('asks the unit head to upload their own data, by when', () => {
    expect(
      nextAction({ ...base, jenis: 'himpun', tugas: 'unggah', unit: 'Bidang Koperasi', periode: 'TW4' }),
    ).toBe(
      'Unggah data kinerja Bidang Koperasi triwulan IV 2025 sebelum Senin, 24 November 2026 pukul 15.00 WITA.',
    );
    expect(nextAction({ ...base, jenis: 'tanda-tangan', tugas: 'konfirmasi' })).toBe(
      `Tandatangani LAKIP 2025, lalu tandai selesai sebelum ${due}.`,
    );
    expect(nextAction({ ...base, jenis: 'koreksi', tugas: 'keputusan' })).toMatch(
      /^Periksa draf LAKIP 2025, lalu setujui atau kembalikan dengan catatan sebelum /,
    );
  });

  it('has a sentence for every step kind, and buttons named for what they do', () => {
    for (const jenis of JENIS_LANGKAH) {
      const s = nextAction({ ...base, jenis, tugas: 'konfirmasi', unit: 'Sekretariat' });
      expect(s, jenis).toMatch(/^[A-Z].+ sebelum Senin, 24 November 2026 pukul 15\.00 WITA\.$/);
    }
    expect(tombol('tanda-tangan')).toEqual({
      setuju: 'Tandatangani',
      kembali: 'Kembalikan',
      selesai: 'Tandatangani',
    });
    expect(tombol('analisis').selesai).toBe('Tandai selesai');
    expect(periodeLabel('TW2', 2026)).toBe('triwulan II 2026');
  });

  it('writes dates short in lists and with the weekday in sentences, in the agency zone', () => {
    const t = new Date('2026-11-24T07:00:00Z');
    expect(tanggalPendek(t, 'WITA')).toBe('24 Nov, 15.00 WITA');
    expect(tanggalPendek(t, 'WIB', 2025)).toBe('24 Nov 2026, 14.00 WIB');
    expect(hariTanggalJam(t, 'WITA')).toBe('Selasa, 24 November 2026 pukul 15.00 WITA');
    // Past midnight in WIT is the next day.
    expect(tanggalPendek(new Date('2026-11-24T15:30:00Z'), 'WIT')).toBe('25 Nov, 00.30 WIT');
  });

  it('titles steps short and names cycles by report and period, never by id', () => {
    expect(
      judulLangkah({
        kegiatan:
          'Penandatanganan dokumen LAKIP oleh Kepala Dinas kemudian diteruskan ke Kasubbag Perencanaan,Keuangan,Aset dan Akuntabilitas Kinerja',
      }),
    ).toBe('Penandatanganan dokumen LAKIP oleh Kepala Dinas');
    expect(judulLangkah({ kegiatan: 'x'.repeat(10), judul: 'Judul' })).toBe('Judul');
    const long = judulLangkah({ kegiatan: `${'kata '.repeat(30)}akhir` });
    expect(long.length).toBeLessThanOrEqual(61);
    expect(long.endsWith('kata…')).toBe(true);
    expect(
      namaSiklus('Penyusunan Laporan Akuntabilitas Kinerja Instansi Pemerintah (LAKIP)', 2025, 'tahunan'),
    ).toBe('LAKIP 2025');
    expect(namaSiklus('Pengumpulan Data Kinerja', 2025, 'TW4')).toBe('Data Kinerja TW IV 2025');
    expect(kopOf(balangan)).toEqual({
      instansi: 'Dinas Koperasi Usaha Kecil Menengah dan Tenaga Kerja',
      induk: 'Pemerintah Kabupaten Balangan',
    });
  });
});

describe('upload verdict and review rounds', () => {
  const upload = (over: object) => ({
    agencyId: 'a',
    cycleId: 'c',
    taskId: 't',
    uploadId: 'u',
    unit: 'bidang-koperasi',
    namaBerkas: 'isian.xlsx',
    key: 'k',
    dibuat: '2026-11-24T01:00:00Z',
    status: 'diterima' as const,
    ...over,
  });

  it('puts the verdict on the newest file first, and says which accepted data still counts', () => {
    const html = uploadVerdict(
      [
        upload({
          uploadId: 'u2',
          namaBerkas: `${evil}.xlsx`,
          status: 'ditolak',
          masalah: [
            { pesan: 'bukan angka', baris: 9 },
            { pesan: 'kosong', baris: 10 },
          ],
        }),
        upload({ namaBerkas: 'pertama.xlsx' }),
      ],
      'WITA',
    );
    expect(html).toContain('Ditolak: 2 masalah');
    expect(html).toContain('Data yang diterima sebelumnya (pertama.xlsx, 24 Nov, 09.00 WITA) tetap dipakai.');
    expect(html).not.toContain('<script>');
  });

  it('builds the rounds of a review loop from the step records: versions, verdicts and notes', () => {
    const sop = cat.sops.get('dkukmtk-balangan-lakip')!;
    expect(reviewLoopOf(sop, 7)).toEqual({ siapkan: 6, tinjau: 7 });
    expect(reviewLoopOf(sop, 6)).toEqual({ siapkan: 6, tinjau: 7 });
    expect(reviewLoopOf(sop, 4)).toBeUndefined();
    const person = { nama: evil, jabatan: 'Sekretaris', email: 's@x' };
    const rec = (no: number, putaran: number, over: Partial<StepRecord> = {}): StepRecord => ({
      agencyId: 'a',
      cycleId: 'c',
      no,
      unit: '-',
      putaran,
      kegiatan: 'k',
      jenis: no === 6 ? 'susun-draf' : 'koreksi',
      tugas: no === 6 ? 'konfirmasi' : 'keputusan',
      pelaksana: 'p',
      mulai: '2026-11-24T01:00:00Z',
      tenggat: '2026-11-25T01:00:00Z',
      waktu: '1 Hari',
      output: 'o',
      berkas: [],
      ...over,
    });
    const rounds = reviewRounds(
      [
        rec(6, 1, { selesai: '2026-11-24T02:00:00Z', oleh: person }),
        rec(7, 1, {
          selesai: '2026-11-24T03:00:00Z',
          keputusan: { hasil: 'kembali', catatan: evil, oleh: person, waktu: '2026-11-24T03:00:00Z' },
        }),
        rec(6, 2, { keputusan: { hasil: 'selesai', catatan: 'Sudah diperbaiki', oleh: person, waktu: '' } }),
      ],
      { siapkan: 6, tinjau: 7 },
      '-',
    );
    expect(rounds.map((r) => [r.putaran, r.tinjauan?.hasil, r.disusun?.catatan])).toEqual([
      [1, 'kembali', undefined],
      [2, undefined, 'Sudah diperbaiki'],
    ]);
    const html = roundsSection(rounds, 'WITA');
    expect(html).toContain('Putaran pemeriksaan');
    expect(html.indexOf('Putaran 2')).toBeLessThan(html.indexOf('Putaran 1'));
    expect(html).toContain('Catatan: <q>&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(roundsSection(rounds.slice(0, 0), 'WITA')).toBe('');
  });
});
