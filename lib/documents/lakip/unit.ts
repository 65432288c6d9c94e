import { tanggal } from '../../format/indonesia.ts';
import { barsOf, capaianChart } from '../charts.ts';
import type { Blok, Dokumen } from '../content.ts';
import { programTable, totalRow } from './bab3.ts';
import {
  capaianCell,
  dasarTarget,
  dataTable,
  h,
  kategoriCell,
  type LakipInput,
  nilai,
  para,
  periodeText,
} from './common.ts';

/**
 * A unit's performance data report (per-unit steps, e.g. SOP 003 steps 5 and 7): it names the unit, the
 * period and the unit head who answers for it — not the agency's LKjIP cover or the Kepala Dinas.
 */
export function unitReport(input: LakipInput): Dokumen {
  const { agency, pk, analisis: a } = input;
  const unit = input.unit!;
  const periode = periodeText(input.periode, pk.tahun);
  const status = input.tandaTangan ? undefined : `DRAF VERSI ${input.versi}`;
  const all = a.sasaran.flatMap((s) => s.indikator);
  const target = dasarTarget(input);
  const blocks: Blok[] = [
    {
      type: 'paragraph',
      text: `LAPORAN DATA KINERJA\n${unit.nama.toUpperCase()}\n${periode.toUpperCase()}`,
      align: 'center',
      bold: true,
      size: 14,
      after: 4,
    },
    { type: 'paragraph', text: `${agency.nama} ${agency.pemerintah}`, align: 'center', after: 14 },
    {
      type: 'fields',
      labelWidth: 22,
      rows: [
        { label: 'Unit kerja', value: unit.nama },
        {
          label: 'Kepala unit',
          value: `${unit.kepala.plt ? 'Plt. ' : ''}${unit.kepala.jabatan} — ${unit.kepala.nama}`,
        },
        { label: 'Periode', value: periode },
        {
          label: 'Dasar target',
          value:
            target.kolom === 'Target'
              ? 'Target tahunan Perjanjian Kinerja'
              : `${target.kolom} (Rencana Aksi)`,
        },
        { label: 'Tanggal penyusunan', value: tanggal(input.dibuat, agency.zona_waktu) },
      ],
    },
    h(2, 'A. Capaian Indikator Kinerja', { pageBreak: false }),
    para(target.kalimat),
    dataTable(
      `Tabel 1 Target, realisasi dan capaian ${unit.nama}, ${periode}`,
      [
        { header: 'Indikator', width: 36 },
        { header: 'Satuan', width: 11 },
        { header: target.kolom, width: 12, align: 'right', noWrap: true },
        { header: 'Realisasi', width: 12, align: 'right', noWrap: true },
        { header: 'Capaian', width: 13, align: 'right' },
        { header: 'Kategori', width: 16 },
      ],
      all.map((x) => [
        `${x.kode} ${x.uraian}`,
        x.satuan,
        nilai(x.target),
        nilai(x.realisasi),
        capaianCell(x.hasil, x.target, x.realisasi, x.polaritas),
        kategoriCell(x),
      ]),
    ),
    {
      type: 'figure',
      ...capaianChart(barsOf(all), pk.konvensi, 420, 200),
      caption: `Grafik 1 Capaian indikator ${unit.nama}, ${periode}`,
    },
    h(2, 'B. Penjelasan Capaian'),
    ...all.map((x) => {
      const p = x.penjelasan;
      const parts = [
        p?.penyebab && `Penyebab: ${p.penyebab}`,
        p?.kendala && `Kendala: ${p.kendala}`,
        p?.solusi && `Upaya: ${p.solusi}`,
      ]
        .filter(Boolean)
        .join('. ');
      return para(
        `${x.kode} ${x.uraian}: ${parts || 'belum ada penjelasan.'}${x.bukti ? ` Bukti: ${x.bukti}.` : ''}`,
      );
    }),
    h(2, 'C. Realisasi Anggaran'),
    a.sasaran.some((s) => s.program.length > 0)
      ? programTable(
          `Tabel 2 Realisasi anggaran program ${unit.nama}`,
          a.sasaran.flatMap((s) => s.program),
          totalRow(a.anggaran),
        )
      : para('Unit ini tidak mengampu program pada Perjanjian Kinerja.'),
    {
      type: 'signatures',
      blocks: [
        {
          placeDate: `${agency.kota}, ${tanggal(input.dibuat, agency.zona_waktu)}`,
          jabatan: `${unit.kepala.plt ? 'Plt. ' : ''}${unit.kepala.jabatan}`,
          nama: unit.kepala.nama,
          pangkat: unit.kepala.pangkat,
          nip: unit.kepala.nip,
        },
      ],
    },
  ];
  return {
    title: `Laporan Data Kinerja ${unit.nama} ${periode}`,
    subject: `${status ?? 'Final'} — ${agency.nama} ${agency.pemerintah}`,
    author: agency.nama,
    page: { size: 'A4', orientation: 'portrait' },
    watermark: status ? 'DRAF' : undefined,
    sections: [
      { blocks, header: status, footer: { pageNumbers: 'arabic', text: `${unit.nama} — ${periode}` } },
    ],
  };
}
