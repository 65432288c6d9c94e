import { officeHolder } from '../../agency/offices.ts';
import { sebutanUnit } from '../../agency/wording.ts';
import { tanggal, tanggalJam } from '../../format/indonesia.ts';
import type { Blok } from '../content.ts';
import { formatCapaian, formatRupiah } from '../format.ts';
import { dataTable, h, type LakipInput, namaLaporan, para, periodeText, signer } from './common.ts';

/** Cover, Kata Pengantar (the one signature of the report), Ikhtisar Eksekutif and the three lists. */

export function cover(input: LakipInput): Blok[] {
  const { agency, pk, singkatan } = input;
  const out: Blok[] = [
    {
      type: 'paragraph',
      text: input.tandaTangan ? '' : `DRAF VERSI ${input.versi}`,
      align: 'right',
      bold: true,
      size: 9,
    },
    { type: 'spacer', height: 60 },
    {
      type: 'paragraph',
      text: `${namaLaporan(singkatan).toUpperCase()}\n(${singkatan.toUpperCase()})`,
      align: 'center',
      bold: true,
      size: 18,
      after: 10,
    },
    {
      type: 'paragraph',
      text: periodeText(input.periode, pk.tahun).toUpperCase(),
      align: 'center',
      bold: true,
      size: 16,
    },
  ];
  out.push({ type: 'spacer', height: input.logo ? 50 : 140 });
  if (input.logo) out.push({ type: 'image', png: input.logo, width: 120, height: 120, align: 'center' });
  out.push(
    { type: 'spacer', height: input.logo ? 60 : 120 },
    {
      type: 'paragraph',
      text: `${agency.nama.toUpperCase()}\n${agency.pemerintah.toUpperCase()}`,
      align: 'center',
      bold: true,
      size: 14,
      after: 60,
    },
    { type: 'paragraph', text: agency.alamat, align: 'center', size: 9 },
    {
      type: 'paragraph',
      text: String(pk.tahun + (input.periode && input.periode !== 'tahunan' ? 0 : 1)),
      align: 'center',
      bold: true,
      size: 13,
    },
  );
  return out;
}

export function kataPengantar(input: LakipInput): Blok[] {
  const { agency, pk, singkatan } = input;
  const zona = agency.zona_waktu;
  const kepala = officeHolder(agency, 'pimpinan');
  const t = input.tandaTangan;
  return [
    h(1, 'KATA PENGANTAR'),
    para(
      `Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa karena ${namaLaporan(singkatan)} (${singkatan}) ${agency.nama} ${agency.pemerintah} ${periodeText(input.periode, pk.tahun)} dapat diselesaikan. Laporan ini disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas dan fungsi serta pencapaian sasaran strategis yang ditetapkan dalam Perjanjian Kinerja Tahun ${pk.tahun}, sesuai Peraturan Presiden Nomor 29 Tahun 2014 dan Peraturan Menteri PAN-RB Nomor 53 Tahun 2014.`,
      { indent: 10 },
    ),
    para(
      `Laporan ini diharapkan menjadi bahan evaluasi dan perbaikan kinerja pada tahun berikutnya. Kami mengucapkan terima kasih kepada seluruh ${sebutanUnit(agency)} yang telah menyampaikan data dan informasi kinerja.`,
      { indent: 10 },
    ),
    {
      type: 'signatures',
      blocks: [
        {
          ...signer(
            agency,
            t
              ? // An acting signer: the office's full title, the signer's own name, NIP and rank.
                { ...kepala!, nama: t.nama, nip: t.nip, pangkat: t.pangkat, plt: t.plt, sebutan: t.sebutan }
              : (kepala ?? { jabatan: 'Kepala', nama: '' }),
          ),
          placeDate: `${agency.kota}, ${tanggal(t?.waktu ?? input.dibuat, zona)}`,
          electronic: t
            ? t.sidik
              ? `Ditandatangani secara elektronik pada ${tanggalJam(t.waktu, zona)}; sidik dokumen SHA-256 ${t.sidik.slice(0, 16)}…`
              : 'Ditandatangani secara elektronik; tanda tangan dan kode QR verifikasi pada halaman terakhir.'
            : undefined,
        },
      ],
    },
  ];
}

export function ikhtisar(input: LakipInput): Blok[] {
  const { agency, pk, analisis: a } = input;
  const r = a.ringkasan;
  const units = new Map(agency.unit.map((u) => [u.id, u.nama]));
  const kategori = Object.entries(r.perKategori)
    .map(([k, n]) => `${n} indikator ${k}`)
    .join(', ');
  return [
    h(1, 'IKHTISAR EKSEKUTIF'),
    para(
      `Pada ${periodeText(input.periode, pk.tahun)}, ${agency.nama} menetapkan ${a.sasaran.length} sasaran strategis dengan ${r.jumlahIndikator} indikator kinerja. Sebanyak ${r.dihitung} indikator dapat diukur capaiannya${kategori ? `: ${kategori}` : ''}. Rata-rata capaian indikator adalah ${formatCapaian(r.rataRata)}.`,
      { indent: 10 },
    ),
    para(
      `Realisasi anggaran program mencapai ${formatRupiah(a.anggaran.realisasi)} dari pagu ${formatRupiah(a.anggaran.pagu)} (serapan ${formatCapaian(a.anggaran.serapan)}).`,
      { indent: 10 },
    ),
    dataTable(
      'Tabel 1 Ringkasan capaian sasaran strategis',
      [
        { header: 'Sasaran Strategis', width: 58 },
        { header: 'Capaian', width: 16, align: 'right', noWrap: true },
        { header: 'Kategori', width: 26 },
      ],
      a.sasaran.map((s) => [`${s.kode} ${s.uraian}`, formatCapaian(s.capaian), s.kategori ?? '-']),
    ),
    ...(a.unitBelumLengkap.length > 0
      ? [
          para(
            `Catatan: data belum lengkap dari ${a.unitBelumLengkap.map((u) => units.get(u) ?? u).join(', ')}.`,
            {
              italics: true,
            },
          ),
        ]
      : []),
  ];
}

export function daftar(): Blok[] {
  return [
    h(1, 'DAFTAR ISI', { toc: false }),
    { type: 'toc' },
    h(1, 'DAFTAR TABEL', { toc: false }),
    { type: 'tableList' },
    h(1, 'DAFTAR GRAFIK', { toc: false }),
    { type: 'figureList' },
  ];
}
