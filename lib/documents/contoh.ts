import { officeHolder, unitHead } from '../agency/offices.ts';
import type { Catalogue } from '../data/catalogue.ts';
import { analisis, gabungTriwulan } from '../performance/analysis.ts';
import type { Nilai } from '../performance/capaian.ts';
import type { Indikator, PerjanjianKinerja } from '../performance/model.ts';
import { pkOfUnit } from '../performance/scope.ts';
import type { Periode, Submission } from '../performance/submission.ts';
import { targetFor } from '../performance/target.ts';
import type { LakipInput } from './lakip/common.ts';
import type { DisposisiInput, SuratPengantarInput } from './letters.ts';

/**
 * Demo inputs for every document (the `dokumen:contoh` script and the document tests): deterministic
 * realisasi around each period's target, with explanations, for any agency of the catalogue.
 */

function factor(kode: string): number {
  // FNV-1a with a final mix, so that neighbouring codes (IKU-1.1, IKU-1.2) get unrelated factors.
  let h = 0x811c9dc5;
  for (const c of kode) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  return 0.72 + ((h % 1000) / 1000) * 0.4;
}

function realisasiFor(i: Indikator, target: Nilai): Nilai {
  if (typeof target !== 'number') return target;
  const f = factor(i.kode);
  // Lower is better: a good result is below the target.
  const v = i.polaritas === 'negatif' ? target * (2 - f) : target * f;
  return Math.round(v * 100) / 100;
}

/** Every unit's submission for a period, realisasi measured against that period's own target. */
export function contohSubmissions(pk: PerjanjianKinerja, periode: Periode): Submission[] {
  const units = [...new Set(pk.sasaran.flatMap((s) => s.indikator.map((i) => i.unit)))];
  return units.map((unit) => ({
    instansi: pk.instansi,
    unit,
    tahun: pk.tahun,
    periode,
    versiTemplate: 1,
    indikator: pk.sasaran
      .flatMap((s) => s.indikator)
      .filter((i) => i.unit === unit)
      .map((i) => ({
        kode: i.kode,
        realisasi: realisasiFor(i, targetFor(i, periode)),
        penjelasan: {
          penyebab: 'Kegiatan pendampingan dan monitoring berjalan sesuai rencana aksi',
          kendala: factor(i.kode) < 1 ? 'Keterbatasan anggaran dan sumber daya manusia' : '',
          solusi: factor(i.kode) < 1 ? 'Penjadwalan ulang kegiatan dan koordinasi lintas bidang' : '',
        },
        bukti: `bukti-${i.kode.toLowerCase()}.pdf`,
      })),
    anggaran: pk.program
      .filter((p) => p.unit === unit)
      // A quarter spends about a quarter of the year's pagu.
      .map((p) => ({
        kode: p.kode,
        realisasi:
          Math.round((p.pagu * factor(p.kode) * (periode === 'tahunan' ? 0.95 : 0.24)) / 1000) * 1000,
      })),
  }));
}

const DIBUAT = new Date('2026-01-20T02:00:00Z');

/** The agency's yearly report; for a quarterly SOP the year is added up from four quarters. */
export function contohLakip(cat: Catalogue, agencyId: string, singkatan: string, tahun = 2025): LakipInput {
  const agency = cat.agencies.get(agencyId)!;
  const pk = cat.kinerja.get(`${agencyId}/${tahun}`)!;
  const quarterly = pk.sasaran.some((s) => s.indikator.some((i) => i.target_triwulan));
  const subs = quarterly
    ? gabungTriwulan(
        pk,
        (['TW1', 'TW2', 'TW3', 'TW4'] as const).flatMap((q) => contohSubmissions(pk, q)),
      )
    : contohSubmissions(pk, 'tahunan');
  return {
    agency,
    pk,
    analisis: analisis(pk, subs, 'tahunan'),
    singkatan,
    dibuat: DIBUAT,
    versi: 2,
    catatanKoreksi: [
      { oleh: 'Sekretaris', waktu: DIBUAT, catatan: 'Lengkapi penjelasan kendala Sasaran 2.' },
    ],
    periode: 'tahunan',
    gabunganTriwulan: quarterly,
  };
}

/** The agency's report of one quarter (TW1–TW3 of a quarterly SOP): the quarter's own targets. */
export function contohLakipTriwulan(
  cat: Catalogue,
  agencyId: string,
  singkatan: string,
  periode: Exclude<Periode, 'tahunan' | 'TW4'>,
): LakipInput {
  const agency = cat.agencies.get(agencyId)!;
  const pk = cat.kinerja.get(`${agencyId}/2025`)!;
  return {
    agency,
    pk,
    analisis: analisis(pk, contohSubmissions(pk, periode), periode),
    singkatan,
    dibuat: DIBUAT,
    versi: 1,
    catatanKoreksi: [],
    periode,
  };
}

/** One unit's quarterly report (per-unit steps of a quarterly SOP). */
export function contohLaporanUnit(
  cat: Catalogue,
  agencyId: string,
  unitId: string,
  periode: Periode,
): LakipInput {
  const agency = cat.agencies.get(agencyId)!;
  const full = cat.kinerja.get(`${agencyId}/2025`)!;
  const pk = pkOfUnit(full, unitId);
  const unit = agency.unit.find((u) => u.id === unitId)!;
  return {
    agency,
    pk,
    analisis: analisis(pk, contohSubmissions(pk, periode), periode),
    singkatan: 'LKjIP',
    dibuat: DIBUAT,
    versi: 1,
    catatanKoreksi: [],
    periode,
    unit: { id: unit.id, nama: unit.nama, kepala: unitHead(unit) },
  };
}

export function contohDisposisi(cat: Catalogue, agencyId: string): DisposisiInput {
  const agency = cat.agencies.get(agencyId)!;
  return {
    agency,
    dari: officeHolder(agency, 'pimpinan')!,
    kepada: agency.unit.map(unitHead),
    perihal: 'Penyusunan laporan data kinerja Triwulan IV Tahun 2025',
    instruksi: ['proses lebih lanjut', 'koordinasi'],
    sifat: 'segera',
    catatan: 'Laksanakan sesuai SOP Pengumpulan Data Kinerja.',
    waktu: DIBUAT,
    agenda: { nomor: '2025-TW4/1', diterima: DIBUAT },
    paraf: { waktu: DIBUAT },
  };
}

export function contohSuratPengantar(
  cat: Catalogue,
  agencyId: string,
  singkatan: string,
): SuratPengantarInput {
  const agency = cat.agencies.get(agencyId)!;
  return {
    agency,
    nomor: '000.5.2.3/007/DKUKMTK-BLG/2026',
    waktu: DIBUAT,
    perihal: `Penyampaian ${singkatan} Tahun 2025`,
    lampiran: '1 (satu) berkas',
    isi: `Bersama ini kami sampaikan ${singkatan} ${agency.nama} ${agency.pemerintah} Tahun 2025 untuk dipergunakan sebagaimana mestinya.`,
    penandatangan: officeHolder(agency, 'pimpinan')!,
  };
}
