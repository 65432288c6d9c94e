import { officeHolder } from '../../agency/offices.ts';
import type { Blok } from '../content.ts';
import { formatCapaian, formatRupiah } from '../format.ts';
import { pkTable } from './bab1-2.ts';
import {
  atasanPimpinan,
  capaianCell,
  dasarTarget,
  dataTable,
  h,
  kategoriCell,
  type LakipInput,
  list,
  nilai,
  para,
  signer,
} from './common.ts';

/** Bab IV Penutup and the Lampiran: the PK agreement as signed, and the analysis recapitulation. */

export function bab4(input: LakipInput): Blok[] {
  const { pk, analisis: a } = input;
  const r = a.ringkasan;
  const all = a.sasaran.flatMap((s) => s.indikator);
  const below = all.filter((x) => x.hasil.dihitung && x.hasil.capaian < 100);
  const best = [...a.sasaran].filter((s) => s.capaian !== null).sort((x, y) => y.capaian! - x.capaian!)[0];
  const kesimpulan = [
    `Dari ${r.jumlahIndikator} indikator kinerja, ${r.dihitung} indikator terukur dengan rata-rata capaian ${formatCapaian(r.rataRata)}; serapan anggaran ${formatCapaian(a.anggaran.serapan)}.`,
    ...(best
      ? [
          `Capaian tertinggi pada sasaran ${best.kode} ${best.uraian} (${formatCapaian(best.capaian)}, ${best.kategori}).`,
        ]
      : []),
    r.dihitung === 0
      ? 'Belum ada indikator yang dapat diukur capaiannya karena data realisasi belum masuk.'
      : below.length === 0
        ? 'Seluruh indikator terukur mencapai atau melampaui target.'
        : `${below.length} indikator belum mencapai target: ${below.map((x) => x.kode).join(', ')}.`,
    ...(a.unitBelumLengkap.length > 0
      ? [
          `Data ${a.unitBelumLengkap.length} unit belum lengkap sehingga sebagian capaian belum dapat dihitung.`,
        ]
      : []),
  ];
  const rekomendasi =
    r.dihitung === 0
      ? ['Melengkapi data realisasi seluruh unit sebelum laporan difinalkan.']
      : below.length === 0
        ? ['Mempertahankan capaian dan meninjau kembali target tahun berikutnya agar tetap menantang.']
        : below.map(
            (x) =>
              `${x.kode} ${x.uraian}: ${x.penjelasan?.solusi || 'unit pengampu menyusun rencana tindak lanjut dan melaporkan kemajuannya setiap triwulan'}.`,
          );
  return [
    h(1, 'BAB IV\nPENUTUP'),
    h(2, 'A. Kesimpulan'),
    list(kesimpulan),
    h(2, 'B. Rekomendasi dan Langkah ke Depan'),
    list([
      ...rekomendasi,
      `Hasil ${input.singkatan} Tahun ${pk.tahun} menjadi bahan penyusunan Perjanjian Kinerja dan Rencana Aksi tahun berikutnya.`,
    ]),
  ];
}

/** The Perjanjian Kinerja as the agreement page: both parties, the table with merged sasaran, two signatures. */
export function lampiranPk(input: LakipInput): Blok[] {
  const { agency, pk } = input;
  const kepala = officeHolder(agency, 'pimpinan') ?? { jabatan: 'Kepala', nama: '' };
  const atasan = atasanPimpinan(agency);
  const pihak1 = signer(agency, kepala);
  return [
    h(1, `LAMPIRAN I\nPERJANJIAN KINERJA TAHUN ${pk.tahun}`),
    para(`${agency.nama.toUpperCase()}\n${agency.pemerintah.toUpperCase()}`, { align: 'center', bold: true }),
    para(
      'Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:',
    ),
    {
      type: 'fields',
      labelWidth: 12,
      rows: [
        { label: 'Nama', value: kepala.nama },
        { label: 'Jabatan', value: pihak1.jabatan },
      ],
    },
    para('selanjutnya disebut PIHAK PERTAMA,', { after: 4 }),
    {
      type: 'fields',
      labelWidth: 12,
      rows: [
        { label: 'Nama', value: atasan.nama },
        { label: 'Jabatan', value: atasan.jabatan },
      ],
    },
    para('selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA.'),
    para(
      'PIHAK PERTAMA berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami. PIHAK KEDUA akan melakukan supervisi yang diperlukan serta evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.',
    ),
    pkTable(input, `Tabel L.1 Sasaran, indikator dan target Perjanjian Kinerja Tahun ${pk.tahun}`, false),
    dataTable(
      `Tabel L.2 Program dan anggaran Perjanjian Kinerja Tahun ${pk.tahun}`,
      [
        { header: 'Program', width: 68 },
        { header: 'Anggaran (Rp)', width: 32, align: 'right', noWrap: true },
      ],
      [
        ...pk.program.map((p) => [`${p.kode} ${p.nama}`, formatRupiah(p.pagu)]),
        [
          { text: 'JUMLAH', bold: true },
          { text: formatRupiah(pk.program.reduce((x, y) => x + y.pagu, 0)), bold: true },
        ],
      ],
    ),
    {
      type: 'signatures',
      blocks: [
        {
          ...signer(agency, { ...atasan, jabatan: atasan.jabatan, jabatan_lengkap: atasan.jabatan }),
          preamble: ['PIHAK KEDUA,'],
        },
        { ...pihak1, preamble: ['PIHAK PERTAMA,'] },
      ],
    },
  ];
}

/** Every indicator with its unit, figures, category and evidence: the analysis of the data, in the report. */
export function lampiranAnalisis(input: LakipInput): Blok[] {
  const units = new Map(input.agency.unit.map((u) => [u.id, u.nama]));
  return [
    h(1, 'LAMPIRAN II\nREKAPITULASI ANALISIS CAPAIAN KINERJA'),
    para(dasarTarget(input).kalimat),
    dataTable(
      'Tabel L.3 Rekapitulasi capaian per indikator dan unit pengampu',
      [
        { header: 'Indikator', width: 30 },
        { header: 'Unit', width: 18 },
        { header: dasarTarget(input).kolom, width: 11, align: 'right', noWrap: true },
        { header: 'Realisasi', width: 11, align: 'right', noWrap: true },
        { header: 'Capaian', width: 13, align: 'right' },
        { header: 'Kategori', width: 17 },
      ],
      input.analisis.sasaran.flatMap((s) =>
        s.indikator.map((x) => [
          `${x.kode} ${x.uraian}`,
          units.get(x.unit) ?? x.unit,
          nilai(x.target),
          nilai(x.realisasi),
          capaianCell(x.hasil, x.target, x.realisasi, x.polaritas),
          kategoriCell(x),
        ]),
      ),
    ),
  ];
}
