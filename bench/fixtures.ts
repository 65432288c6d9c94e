import type { Agency } from '../lib/agency/schema.ts';
import type { Konvensi, PerjanjianKinerja } from '../lib/performance/model.ts';
import type { Submission } from '../lib/performance/submission.ts';

/** Synthetic but plausible data at sizes larger than any real agency, for benchmarks. */
export const KONVENSI: Konvensi = {
  batas_bawah: 0,
  batas_atas: 120,
  rumus_negatif: '2-r/t',
  target_nol: 'realisasi-nol-100',
  skala: [
    { min: 100, nama: 'Sangat Berhasil' },
    { min: 75, nama: 'Berhasil' },
    { min: 55, nama: 'Cukup Berhasil' },
    { min: 0, nama: 'Kurang Berhasil' },
  ],
  ambang_efisiensi: 5,
};

export function syntheticPk(agency: Agency, indicators: number, units: string[]): PerjanjianKinerja {
  const perSasaran = 10;
  const sasaran = Array.from({ length: Math.ceil(indicators / perSasaran) }, (_, s) => ({
    kode: `SS${s + 1}`,
    uraian: `Meningkatnya kualitas layanan bidang ${s + 1}`,
    indikator: Array.from({ length: Math.min(perSasaran, indicators - s * perSasaran) }, (_, i) => {
      const n = s * perSasaran + i;
      return {
        kode: `IK-${s + 1}.${i + 1}`,
        uraian: `Persentase capaian layanan nomor ${n + 1}`,
        satuan: 'persen',
        polaritas: (n % 7 === 0 ? 'negatif' : 'positif') as 'positif' | 'negatif',
        agregasi: 'nilai-akhir' as const,
        target: 50 + (n % 40),
        target_renstra: 60 + (n % 40),
        realisasi_lalu: { '2024': 45 + (n % 40) },
        unit: units[n % units.length]!,
        boleh_negatif: false,
      };
    }),
  }));
  return {
    instansi: agency.id,
    tahun: 2025,
    renstra: { periode: '2021-2026', tahun_akhir: 2026 },
    konvensi: KONVENSI,
    tugas_fungsi: ['Perumusan kebijakan teknis'],
    isu_strategis: ['Kualitas data kinerja'],
    sasaran,
    program: sasaran.map((s, i) => ({
      kode: `P.${i + 1}`,
      nama: `Program pendukung ${s.kode}`,
      sasaran: s.kode,
      unit: units[i % units.length]!,
      pagu: 100_000_000 + i * 1_000_000,
    })),
  };
}

export function syntheticSubmissions(pk: PerjanjianKinerja): Submission[] {
  const byUnit = new Map<string, Submission>();
  for (const s of pk.sasaran) {
    for (const i of s.indikator) {
      const sub =
        byUnit.get(i.unit) ??
        byUnit
          .set(i.unit, {
            instansi: pk.instansi,
            unit: i.unit,
            tahun: pk.tahun,
            periode: 'tahunan',
            versiTemplate: 2,
            indikator: [],
            anggaran: [],
          })
          .get(i.unit)!;
      sub.indikator.push({
        kode: i.kode,
        realisasi: Number(i.target) * 0.95,
        penjelasan: {
          penyebab: 'Pelaksanaan sesuai rencana aksi.',
          kendala: 'Keterbatasan anggaran.',
          solusi: 'Penjadwalan ulang kegiatan.',
        },
        bukti: 'bukti.pdf',
      });
    }
  }
  for (const p of pk.program) byUnit.get(p.unit)?.anggaran.push({ kode: p.kode, realisasi: p.pagu * 0.9 });
  return [...byUnit.values()];
}
