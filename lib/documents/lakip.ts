import { Document, Packer, type Paragraph, type Table } from 'docx';
import { officeHolder } from '../agency/offices.ts';
import type { Agency } from '../agency/schema.ts';
import { sebutanUnit, wajibLapor } from '../agency/wording.ts';
import { angka, persen, rupiah, tanggal, tanggalJam } from '../format/indonesia.ts';
import type { Analisis, AnalisisIndikator, AnalisisSasaran } from '../performance/analysis.ts';
import type { HasilCapaian, Nilai } from '../performance/capaian.ts';
import type { PerjanjianKinerja } from '../performance/model.ts';
import { bullets, h1, h2, h3, p, STYLES, signature, table } from './common.ts';

export interface CatatanKoreksi {
  oleh: string;
  waktu: Date;
  catatan: string;
}

export interface LakipInput {
  agency: Agency;
  pk: PerjanjianKinerja;
  analisis: Analisis;
  /** "LAKIP", "LKjIP" or "LKIP": the name the agency's SOP uses. */
  singkatan: string;
  dibuat: Date;
  versi: number;
  catatanKoreksi: CatatanKoreksi[];
  /** Present once the head has signed. */
  tandaTangan?: { nama: string; jabatan: string; nip?: string; waktu: Date; sidik: string };
}

const nilai = (v: Nilai) => (v === null ? '-' : typeof v === 'number' ? angka(v) : v);
const capaianText = (h: HasilCapaian) => (h.dihitung ? persen(h.capaian) : 'tidak dihitung');
const kategoriText = (h: HasilCapaian) => (h.dihitung ? h.kategori : h.alasan);

/** A bar drawn with block characters: readable in Word, LibreOffice and on paper, no chart engine needed. */
function bar(capaian: number, scale: number): string {
  const n = Math.max(0, Math.round((Math.min(capaian, scale) / scale) * 30));
  return `${'█'.repeat(n)}${'░'.repeat(30 - n)}`;
}

function konvensiText(pk: PerjanjianKinerja): string[] {
  const k = pk.konvensi;
  return [
    'Indikator positif (makin tinggi makin baik): capaian = realisasi ÷ target × 100%.',
    k.rumus_negatif === '2-r/t'
      ? 'Indikator negatif (makin rendah makin baik): capaian = (2 − realisasi ÷ target) × 100%, kecuali indikator yang menetapkan rumus lain.'
      : 'Indikator negatif (makin rendah makin baik): capaian = target ÷ realisasi × 100%, kecuali indikator yang menetapkan rumus lain.',
    `Batas bawah capaian: ${k.batas_bawah === null ? 'tidak ada' : persen(k.batas_bawah)}; batas atas: ${k.batas_atas === null ? 'tidak ada' : persen(k.batas_atas)}.`,
    `Kategori: ${[...k.skala]
      .sort((a, b) => b.min - a.min)
      .map((s) => `${s.nama} (≥ ${angka(s.min)}%)`)
      .join('; ')}.`,
    `Efisiensi: capaian kinerja dikurangi serapan anggaran lebih dari ${angka(k.ambang_efisiensi)} poin = efisien; dalam ±${angka(k.ambang_efisiensi)} poin = cukup efisien; selain itu tidak efisien.`,
  ];
}

function sasaranSection(
  s: AnalisisSasaran,
  i: number,
  pk: PerjanjianKinerja,
  units: Map<string, string>,
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [h3(`Sasaran ${i + 1}: ${s.uraian}`)];
  out.push(
    p(
      s.capaian === null
        ? 'Capaian sasaran ini belum dapat dihitung karena data realisasi belum lengkap.'
        : `Rata-rata capaian indikator sasaran ini adalah ${persen(s.capaian)} dengan kategori ${s.kategori}.`,
      { align: 'justify' },
    ),
  );
  out.push(p(`Tabel 3.${i + 1}.a Target, realisasi dan capaian`, { bold: true, after: 60 }));
  out.push(
    table(
      [
        { header: 'Kode', width: 10 },
        { header: 'Indikator', width: 34 },
        { header: 'Satuan', width: 10, align: 'center' },
        { header: 'Target', width: 10, align: 'right' },
        { header: 'Realisasi', width: 10, align: 'right' },
        { header: 'Capaian', width: 12, align: 'right' },
        { header: 'Kategori', width: 14 },
      ],
      s.indikator.map((x) => [
        x.kode,
        x.uraian,
        x.satuan,
        nilai(x.target),
        nilai(x.realisasi),
        capaianText(x.hasil),
        kategoriText(x.hasil),
      ]),
    ),
  );
  const withPrev = s.indikator.filter((x) => x.tahunLalu);
  if (withPrev.length > 0) {
    out.push(p(`Tabel 3.${i + 1}.b Perbandingan dengan tahun lalu`, { bold: true, after: 60 }));
    out.push(
      table(
        [
          { header: 'Kode', width: 10 },
          { header: 'Indikator', width: 40 },
          { header: `Realisasi ${pk.tahun - 1}`, width: 14, align: 'right' },
          { header: `Realisasi ${pk.tahun}`, width: 14, align: 'right' },
          { header: 'Perubahan', width: 14, align: 'right' },
        ],
        withPrev.map((x) => [
          x.kode,
          x.uraian,
          nilai(x.tahunLalu!.realisasi),
          nilai(x.realisasi),
          x.tahunLalu!.selisih === null ? '-' : angka(x.tahunLalu!.selisih),
        ]),
      ),
    );
  }
  const withRenstra = s.indikator.filter((x) => x.renstra);
  if (withRenstra.length > 0) {
    out.push(
      p(`Tabel 3.${i + 1}.c Perbandingan dengan target akhir Renstra (${pk.renstra.periode})`, {
        bold: true,
        after: 60,
      }),
    );
    out.push(
      table(
        [
          { header: 'Kode', width: 10 },
          { header: 'Indikator', width: 40 },
          { header: `Target ${pk.renstra.tahun_akhir}`, width: 14, align: 'right' },
          { header: `Realisasi ${pk.tahun}`, width: 14, align: 'right' },
          { header: 'Capaian thd Renstra', width: 14, align: 'right' },
        ],
        withRenstra.map((x) => [
          x.kode,
          x.uraian,
          nilai(x.renstra!.target),
          nilai(x.realisasi),
          capaianText(x.renstra!.hasil),
        ]),
      ),
    );
  }
  const nasional = s.indikator.filter((x) => x.standarNasional !== null);
  for (const x of nasional)
    out.push(
      p(
        `${x.kode}: standar nasional ${angka(x.standarNasional!)} ${x.satuan}, realisasi ${nilai(x.realisasi)}.`,
      ),
    );
  out.push(p('Analisis penyebab keberhasilan/kegagalan dan upaya perbaikan', { bold: true, after: 60 }));
  for (const x of s.indikator) out.push(...penjelasan(x, units));
  out.push(p('Efisiensi penggunaan sumber daya', { bold: true, after: 60 }));
  out.push(
    p(
      s.efisiensi === null
        ? 'Efisiensi belum dapat dinilai (capaian atau pagu belum tersedia).'
        : `Serapan anggaran program pendukung ${persen(s.anggaran.serapan)} (${rupiah(s.anggaran.realisasi)} dari pagu ${rupiah(s.anggaran.pagu)}) dibandingkan capaian ${persen(s.capaian)}: ${s.efisiensi}.`,
      { align: 'justify' },
    ),
  );
  if (s.program.length > 0) {
    out.push(p(`Tabel 3.${i + 1}.d Program pendukung`, { bold: true, after: 60 }));
    out.push(programTable(s.program));
  }
  return out;
}

/** Programs with pagu, realisasi and absorption; an optional total row. */
function programTable(programs: AnalisisSasaran['program'], total?: string[]): Table {
  return table(
    [
      { header: 'Kode', width: 12 },
      { header: 'Program', width: 44 },
      { header: 'Pagu', width: 16, align: 'right' },
      { header: 'Realisasi', width: 16, align: 'right' },
      { header: 'Serapan', width: 12, align: 'right' },
    ],
    [
      ...programs.map((pr) => [pr.kode, pr.nama, rupiah(pr.pagu), rupiah(pr.realisasi), persen(pr.serapan)]),
      ...(total ? [total] : []),
    ],
  );
}

function penjelasan(x: AnalisisIndikator, units: Map<string, string>): Paragraph[] {
  const src = units.get(x.unit) ?? x.unit;
  if (!x.penjelasan || (!x.penjelasan.penyebab && !x.penjelasan.kendala && !x.penjelasan.solusi)) {
    return [p(`${x.kode} ${x.uraian}: belum ada penjelasan dari ${src}.`, { italics: true })];
  }
  const parts = [
    x.penjelasan.penyebab && `Penyebab: ${x.penjelasan.penyebab}`,
    x.penjelasan.kendala && `Kendala: ${x.penjelasan.kendala}`,
    x.penjelasan.solusi && `Solusi: ${x.penjelasan.solusi}`,
  ].filter(Boolean);
  return [p(`${x.kode} ${x.uraian} (${src}). ${parts.join(' ')}`, { align: 'justify' })];
}

/** Builds the LAKIP/LKjIP document (draft or signed) following PermenPAN-RB 53/2014, Lampiran II. */
export function lakipDocument(input: LakipInput): Document {
  const { agency, pk, analisis: a, singkatan } = input;
  const zona = agency.zona_waktu;
  const kepala = officeHolder(agency, 'pimpinan');
  const units = new Map(agency.unit.map((u) => [u.id, u.nama]));
  const status = input.tandaTangan ? 'FINAL' : `DRAF VERSI ${input.versi}`;
  const judul = `LAPORAN KINERJA INSTANSI PEMERINTAH (${singkatan}) TAHUN ${pk.tahun}`;
  // The signer signs where the agency sits, not where the report goes (tujuan_laporan.alamat).
  const place = agency.kota;
  const r = a.ringkasan;
  const kategoriRingkas = Object.entries(r.perKategori)
    .map(([k, n]) => `${n} indikator ${k}`)
    .join(', ');

  const cover = [
    p(status, { align: 'right', bold: true, size: 18 }),
    p(' ', { after: 1600 }),
    p(judul, { align: 'center', bold: true, size: 36, after: 600 }),
    p(agency.nama.toUpperCase(), { align: 'center', bold: true, size: 28 }),
    p(agency.pemerintah.toUpperCase(), { align: 'center', bold: true, size: 28, after: 1600 }),
    p(agency.alamat, { align: 'center', size: 18 }),
    p(String(pk.tahun + 1), { align: 'center', bold: true, size: 24 }),
  ];

  const kataPengantar = [
    h1('KATA PENGANTAR'),
    p(
      `Laporan Kinerja Instansi Pemerintah ${agency.nama} ${agency.pemerintah} Tahun ${pk.tahun} disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas dan fungsi serta pencapaian sasaran strategis yang telah ditetapkan dalam Perjanjian Kinerja Tahun ${pk.tahun}, sesuai Peraturan Presiden Nomor 29 Tahun 2014 dan Peraturan Menteri PAN-RB Nomor 53 Tahun 2014.`,
      { align: 'justify' },
    ),
    p(
      `Laporan ini diharapkan menjadi bahan evaluasi dan perbaikan kinerja pada tahun berikutnya. Kami mengucapkan terima kasih kepada seluruh ${sebutanUnit(agency)} yang telah menyampaikan data dan informasi kinerja.`,
      {
        align: 'justify',
      },
    ),
    ...signature({
      tempatTanggal: `${place}, ${tanggal(input.tandaTangan?.waktu ?? input.dibuat, zona)}`,
      jabatan: `${kepala?.jabatan ?? 'Kepala'} ${agency.singkatan}`,
      nama: kepala?.nama ?? '',
      pangkat: kepala?.pangkat,
      nip: kepala?.nip,
      tandaTanganElektronik: input.tandaTangan
        ? `Ditandatangani secara elektronik pada ${tanggalJam(input.tandaTangan.waktu, zona)}`
        : undefined,
    }),
  ];

  const ikhtisar = [
    h1('IKHTISAR EKSEKUTIF'),
    p(
      `Pada Tahun ${pk.tahun}, ${agency.nama} menetapkan ${a.sasaran.length} sasaran strategis dengan ${r.jumlahIndikator} indikator kinerja. Sebanyak ${r.dihitung} indikator dapat diukur capaiannya${kategoriRingkas ? `: ${kategoriRingkas}` : ''}. Rata-rata capaian indikator adalah ${persen(r.rataRata)}.`,
      { align: 'justify' },
    ),
    p(
      `Realisasi anggaran program mencapai ${rupiah(a.anggaran.realisasi)} dari pagu ${rupiah(a.anggaran.pagu)} (serapan ${persen(a.anggaran.serapan)}).`,
      {
        align: 'justify',
      },
    ),
    table(
      [
        { header: 'Sasaran Strategis', width: 60 },
        { header: 'Capaian', width: 20, align: 'right' },
        { header: 'Kategori', width: 20 },
      ],
      a.sasaran.map((s) => [s.uraian, persen(s.capaian), s.kategori ?? '-']),
    ),
    ...(a.unitBelumLengkap.length > 0
      ? [
          p(
            `Catatan: data belum lengkap dari ${a.unitBelumLengkap.map((u) => units.get(u) ?? u).join(', ')}.`,
            { italics: true },
          ),
        ]
      : []),
  ];

  const daftarIsi = [
    h1('DAFTAR ISI'),
    ...[
      'Kata Pengantar',
      'Ikhtisar Eksekutif',
      'Daftar Isi',
      'Bab I Pendahuluan',
      'Bab II Perencanaan Kinerja',
      'Bab III Akuntabilitas Kinerja',
      '   A. Capaian Kinerja Organisasi',
      '   B. Realisasi Anggaran',
      'Bab IV Penutup',
      'Lampiran: Perjanjian Kinerja Tahun ' + pk.tahun,
    ].map((t) => p(t, { after: 40 })),
  ];

  const bab1 = [
    h1('BAB I\nPENDAHULUAN'),
    h2('A. Latar Belakang'),
    p(
      `Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) mewajibkan ${wajibLapor(agency)} menyusun laporan kinerja tahunan yang memuat capaian kinerja atas Perjanjian Kinerja. ${agency.nama} ${agency.pemerintah} menyusun laporan ini untuk Tahun ${pk.tahun}.`,
      { align: 'justify' },
    ),
    h2('B. Tugas Pokok dan Fungsi'),
    ...bullets(pk.tugas_fungsi.length > 0 ? pk.tugas_fungsi : ['(belum diisi pada data Perjanjian Kinerja)']),
    h2('C. Struktur Organisasi'),
    p(`${agency.nama} dipimpin oleh ${kepala?.jabatan ?? 'Kepala'} dan terdiri atas:`),
    ...bullets(agency.unit.map((u) => u.nama)),
    h2('D. Isu Strategis'),
    ...bullets(
      pk.isu_strategis.length > 0 ? pk.isu_strategis : ['(belum diisi pada data Perjanjian Kinerja)'],
    ),
  ];

  const bab2 = [
    h1('BAB II\nPERENCANAAN KINERJA'),
    h2('A. Rencana Strategis'),
    p(
      `Rencana Strategis ${agency.nama} periode ${pk.renstra.periode} menjadi acuan penetapan sasaran dan target tahunan.`,
      { align: 'justify' },
    ),
    h2(`B. Perjanjian Kinerja Tahun ${pk.tahun}`),
    table(
      [
        { header: 'Sasaran Strategis', width: 30 },
        { header: 'Indikator Kinerja', width: 40 },
        { header: 'Target', width: 15, align: 'right' },
        { header: 'Satuan', width: 15 },
      ],
      pk.sasaran.flatMap((s) =>
        s.indikator.map((i, j) => [
          j === 0 ? `${s.kode} ${s.uraian}` : '',
          `${i.kode} ${i.uraian}`,
          nilai(i.target),
          i.satuan,
        ]),
      ),
    ),
  ];

  const maxCapaian = Math.max(120, ...a.sasaran.map((s) => s.capaian ?? 0));
  const bab3 = [
    h1('BAB III\nAKUNTABILITAS KINERJA'),
    h2('A. Capaian Kinerja Organisasi'),
    p('Capaian dihitung dengan ketentuan berikut:', { after: 60 }),
    ...bullets(konvensiText(pk)),
    p('Tabel 3.1 Ringkasan capaian per sasaran strategis', { bold: true, after: 60 }),
    table(
      [
        { header: 'Sasaran', width: 50 },
        { header: 'Jumlah indikator', width: 14, align: 'center' },
        { header: 'Capaian', width: 16, align: 'right' },
        { header: 'Kategori', width: 20 },
      ],
      a.sasaran.map((s) => [
        `${s.kode} ${s.uraian}`,
        String(s.indikator.length),
        persen(s.capaian),
        s.kategori ?? '-',
      ]),
    ),
    p('Grafik 3.1 Capaian per sasaran strategis', { bold: true, after: 60 }),
    table(
      [
        { header: 'Sasaran', width: 14 },
        { header: `Capaian (skala 0–${angka(maxCapaian, 0)}%)`, width: 66 },
        { header: 'Capaian', width: 20, align: 'right' },
      ],
      a.sasaran.map((s) => [
        s.kode,
        s.capaian === null ? '-' : bar(s.capaian, maxCapaian),
        persen(s.capaian),
      ]),
    ),
    ...a.sasaran.flatMap((s, i) => sasaranSection(s, i, pk, units)),
    h2('B. Realisasi Anggaran'),
    programTable(
      a.sasaran.flatMap((s) => s.program),
      ['', 'JUMLAH', rupiah(a.anggaran.pagu), rupiah(a.anggaran.realisasi), persen(a.anggaran.serapan)],
    ),
  ];

  const below = a.sasaran
    .flatMap((s) => s.indikator)
    .filter((x) => x.hasil.dihitung && x.hasil.capaian < 100);
  const bab4 = [
    h1('BAB IV\nPENUTUP'),
    h2('A. Kesimpulan'),
    p(
      `Dari ${r.jumlahIndikator} indikator kinerja Tahun ${pk.tahun}, ${r.dihitung} indikator terukur dengan rata-rata capaian ${persen(r.rataRata)}; serapan anggaran ${persen(a.anggaran.serapan)}.`,
      { align: 'justify' },
    ),
    h2('B. Langkah ke Depan'),
    ...(below.length === 0
      ? [
          p(
            'Seluruh indikator terukur mencapai target; capaian dipertahankan dan target tahun berikutnya ditinjau.',
          ),
        ]
      : bullets(
          below.map(
            (x) =>
              `${x.kode} ${x.uraian}: ${x.penjelasan?.solusi || 'perlu rencana tindak lanjut dari unit pengampu.'}`,
          ),
        )),
    ...(input.tandaTangan
      ? signature({
          tempatTanggal: `${place}, ${tanggal(input.tandaTangan.waktu, zona)}`,
          jabatan: input.tandaTangan.jabatan,
          nama: input.tandaTangan.nama,
          nip: input.tandaTangan.nip,
          tandaTanganElektronik: `Ditandatangani secara elektronik pada ${tanggalJam(input.tandaTangan.waktu, zona)}; sidik dokumen SHA-256 ${input.tandaTangan.sidik.slice(0, 16)}…`,
        })
      : []),
  ];

  const lampiran = [
    h1(`LAMPIRAN\nPERJANJIAN KINERJA TAHUN ${pk.tahun}`),
    table(
      [
        { header: 'No', width: 6, align: 'center' },
        { header: 'Sasaran Strategis', width: 30 },
        { header: 'Indikator Kinerja', width: 44 },
        { header: 'Target', width: 20, align: 'right' },
      ],
      pk.sasaran.flatMap((s, si) =>
        s.indikator.map((i, j) => [
          j === 0 ? String(si + 1) : '',
          j === 0 ? s.uraian : '',
          i.uraian,
          `${nilai(i.target)} ${i.satuan}`,
        ]),
      ),
    ),
    p(' '),
    table(
      [
        { header: 'Program', width: 60 },
        { header: 'Anggaran', width: 40, align: 'right' },
      ],
      [
        ...pk.program.map((pr) => [`${pr.kode} ${pr.nama}`, rupiah(pr.pagu)]),
        ['JUMLAH', rupiah(pk.program.reduce((x, y) => x + y.pagu, 0))],
      ],
    ),
    ...(input.catatanKoreksi.length > 0
      ? [
          h2('Riwayat koreksi'),
          ...input.catatanKoreksi.map((c) =>
            p(`${tanggalJam(c.waktu, zona)}, ${c.oleh}: ${c.catatan}`, { align: 'justify' }),
          ),
        ]
      : []),
  ];

  return new Document({
    creator: 'lakip-flow',
    title: judul,
    description: `${status} — ${agency.nama} ${agency.pemerintah}`,
    styles: STYLES,
    sections: [
      {
        children: [
          ...cover,
          ...kataPengantar,
          ...ikhtisar,
          ...daftarIsi,
          ...bab1,
          ...bab2,
          ...bab3,
          ...bab4,
          ...lampiran,
        ],
      },
    ],
  });
}

export async function renderLakip(input: LakipInput): Promise<Buffer> {
  return Packer.toBuffer(lakipDocument(input));
}
