import { officeHolder } from '../../agency/offices.ts';
import { wajibLapor } from '../../agency/wording.ts';
import type { Blok, Cell } from '../content.ts';
import { formatRupiah } from '../format.ts';
import { dataTable, h, jabatanLengkap, type LakipInput, list, namaLaporan, nilai, para } from './common.ts';

/** Bab I Pendahuluan and Bab II Perencanaan Kinerja (PermenPAN-RB 53/2014, Lampiran III). */

const DASAR_HUKUM = [
  'Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah',
  'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah',
];

function sistematika(singkatan: string): string[] {
  return [
    'Ikhtisar Eksekutif: ringkasan tujuan dan sasaran, capaian kinerja, serta kendala dan upaya perbaikannya.',
    'Bab I Pendahuluan: latar belakang, tugas dan fungsi, struktur organisasi, isu strategis dan sistematika penyajian.',
    'Bab II Perencanaan Kinerja: rencana strategis, Perjanjian Kinerja tahun berjalan, definisi dan formula indikator kinerja utama.',
    'Bab III Akuntabilitas Kinerja: capaian kinerja organisasi per sasaran (perbandingan target dan realisasi, dengan tahun-tahun sebelumnya dan target Renstra, analisis penyebab, efisiensi dan program pendukung) serta realisasi anggaran.',
    `Bab IV Penutup: kesimpulan atas capaian kinerja dan rekomendasi langkah perbaikan yang dimuat dalam ${singkatan} ini.`,
    'Lampiran: Perjanjian Kinerja dan rekapitulasi analisis capaian per indikator.',
  ];
}

export function bab1(input: LakipInput): Blok[] {
  const { agency, pk, singkatan } = input;
  const profil = agency.profil ?? {};
  const kepala = officeHolder(agency, 'pimpinan');
  const fungsi = profil.fungsi ?? pk.tugas_fungsi;
  const isu = profil.isu_strategis ?? pk.isu_strategis;
  return [
    h(1, 'BAB I\nPENDAHULUAN'),
    h(2, 'A. Latar Belakang'),
    ...(
      profil.latar_belakang ?? [
        `Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) mewajibkan ${wajibLapor(agency)} menyusun laporan kinerja tahunan yang memuat capaian kinerja atas Perjanjian Kinerja. ${namaLaporan(singkatan)} (${singkatan}) ini menyajikan capaian ${agency.nama} ${agency.pemerintah} Tahun ${pk.tahun} sebagai bentuk pertanggungjawaban kepada pemberi mandat dan bahan perbaikan kinerja tahun berikutnya.`,
      ]
    ).map((t) => para(t, { indent: 10 })),
    para('Penyusunan laporan ini berpedoman pada:', { after: 2 }),
    list(profil.dasar_hukum ?? DASAR_HUKUM),
    h(2, 'B. Tugas dan Fungsi'),
    para(
      profil.tugas ??
        (agency.jenis_instansi === 'pemerintah daerah'
          ? `${agency.nama} ${agency.pemerintah} mempunyai tugas membantu kepala daerah melaksanakan urusan pemerintahan yang menjadi kewenangan daerah di bidangnya. Dalam melaksanakan tugas tersebut, ${agency.nama} menyelenggarakan fungsi:`
          : `${agency.nama} ${agency.pemerintah} melaksanakan tugas sesuai ketentuan organisasi dan tata kerjanya, dengan fungsi:`),
      { after: 2 },
    ),
    fungsi.length > 0
      ? list(fungsi)
      : para(
          'Rincian fungsi mengikuti peraturan tentang kedudukan, susunan organisasi, tugas dan fungsi instansi.',
        ),
    h(2, 'C. Struktur Organisasi'),
    para(
      profil.struktur ??
        `${agency.nama} dipimpin oleh ${kepala ? jabatanLengkap(agency, kepala) : 'seorang Kepala'} dan terdiri atas:`,
      { after: 2 },
    ),
    list(agency.unit.map((u) => u.nama)),
    h(2, 'D. Isu Strategis'),
    isu.length > 0
      ? list(isu)
      : para(`Isu strategis mengacu pada Rencana Strategis ${agency.nama} periode ${pk.renstra.periode}.`),
    h(2, 'E. Sistematika Penyajian'),
    para(`${singkatan} ini disajikan dengan sistematika berikut:`, { after: 2 }),
    list(profil.sistematika ?? sistematika(singkatan)),
  ];
}

/** PK rows with the sasaran cell merged over its indicators. */
function pkRows(input: LakipInput, withSatuan: boolean): (string | Cell)[][] {
  return input.pk.sasaran.flatMap((s, si) =>
    s.indikator.map((i, j) => [
      ...(j === 0
        ? [
            { text: String(si + 1), rowSpan: s.indikator.length, align: 'center' as const },
            { text: s.uraian, rowSpan: s.indikator.length },
          ]
        : []),
      `${i.kode} ${i.uraian}`,
      {
        text: withSatuan ? nilai(i.target) : `${nilai(i.target)} ${i.satuan}`,
        align: 'right' as const,
        noWrap: true,
      },
      ...(withSatuan ? [i.satuan] : []),
    ]),
  );
}

export function pkTable(input: LakipInput, caption: string, withSatuan = true): Blok {
  return dataTable(
    caption,
    [
      { header: 'No', width: 5, align: 'center' },
      { header: 'Sasaran Strategis', width: 30 },
      { header: 'Indikator Kinerja', width: 39 },
      { header: 'Target', width: withSatuan ? 12 : 26, align: 'right', noWrap: true },
      ...(withSatuan ? [{ header: 'Satuan', width: 14 }] : []),
    ],
    pkRows(input, withSatuan),
  );
}

export function bab2(input: LakipInput): Blok[] {
  const { agency, pk } = input;
  const polaritas = {
    positif: 'makin tinggi makin baik',
    negatif: 'makin rendah makin baik',
    kualitatif: 'kualitatif',
  };
  const iku = pk.sasaran.flatMap((s) => s.indikator);
  return [
    h(1, 'BAB II\nPERENCANAAN KINERJA'),
    h(2, 'A. Rencana Strategis'),
    para(
      `Rencana Strategis ${agency.nama} periode ${pk.renstra.periode} menjadi acuan penetapan sasaran strategis, indikator kinerja utama (IKU) dan target tahunan; target akhir Renstra (Tahun ${pk.renstra.tahun_akhir}) dibandingkan dengan realisasi pada Bab III.`,
      { indent: 10 },
    ),
    h(2, `B. Perjanjian Kinerja Tahun ${pk.tahun}`),
    para(
      `Perjanjian Kinerja Tahun ${pk.tahun} memuat ${pk.sasaran.length} sasaran strategis dengan ${iku.length} indikator kinerja, didukung ${pk.program.length} program dengan pagu ${formatRupiah(pk.program.reduce((a, p) => a + p.pagu, 0))}.`,
      { indent: 10 },
    ),
    pkTable(input, `Tabel 2.1 Perjanjian Kinerja Tahun ${pk.tahun}`),
    h(2, 'C. Definisi dan Formula Indikator Kinerja Utama'),
    dataTable(
      'Tabel 2.2 Definisi, formula dan sumber data indikator kinerja',
      [
        { header: 'Indikator', width: 24 },
        { header: 'Definisi', width: 30 },
        { header: 'Formula / cara pengukuran', width: 28 },
        { header: 'Sumber data', width: 18 },
      ],
      iku.map((i) => [
        `${i.kode} ${i.uraian} (${i.satuan}; ${polaritas[i.polaritas]})`,
        i.definisi ?? `Ukuran ${i.uraian.charAt(0).toLowerCase()}${i.uraian.slice(1)}.`,
        i.formula ??
          `Realisasi ${i.agregasi === 'kumulatif' ? 'kumulatif' : i.agregasi === 'rata-rata' ? 'rata-rata' : 'akhir'} tahun dalam satuan ${i.satuan}.`,
        agency.unit.find((u) => u.id === i.unit)?.nama ?? i.unit,
      ]),
    ),
  ];
}
