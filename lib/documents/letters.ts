import type { Agency, Orang } from '../agency/schema.ts';
import { kopInduk } from '../agency/wording.ts';
import { tanggal, tanggalJam } from '../format/indonesia.ts';
import type { Blok, Cell, Dokumen, Letterhead, Run } from './content.ts';
import { jabatanLengkap } from './lakip/common.ts';
import { logoOf } from './logo.ts';

/**
 * The lembar disposisi and the surat pengantar as content (tata naskah dinas, Permendagri 1/2023):
 * kop surat with the agency logo, aligned fields, a right-hand signature block, Tembusan.
 */

export function kopSurat(agency: Agency, logo?: Uint8Array): Letterhead {
  const kontak = [
    agency.telepon && `Telepon ${agency.telepon}`,
    agency.surel && `Pos-el ${agency.surel}`,
    agency.laman && `Laman ${agency.laman}`,
  ].filter(Boolean);
  return {
    type: 'letterhead',
    logo,
    lines: [kopInduk(agency), agency.nama.toUpperCase()],
    address: [agency.alamat, ...kontak].join(' · '),
  };
}

export interface DisposisiInput {
  agency: Agency;
  dari: Orang;
  /** The pelaksana the SOP names for the step after the disposisi. */
  kepada: Orang[];
  perihal: string;
  /** What to do: tanggapan / proses lebih lanjut / koordinasi. */
  instruksi: string[];
  sifat: 'biasa' | 'segera' | 'sangat segera';
  catatan: string;
  waktu: Date;
  /** Agenda fields; blank lines to fill by hand when absent. */
  agenda?: {
    nomor?: string;
    /** The letter or document the disposisi is about: its number, date and sender. */
    surat?: { nomor: string; tanggal: Date; dari: string };
    diterima?: Date;
  };
  /** Set once the head confirmed it. */
  paraf?: { waktu: Date };
  logo?: Uint8Array;
}

const BLANK = '……………………';
const check = (on: boolean, label: string): Run[] => [{ text: `${on ? '☒' : '☐'} ${label}`, bold: on }];

/** Lembar disposisi: agenda fields, urgency, to whom, what to do, notes, initials. */
export function disposisiContent(d: DisposisiInput): Dokumen {
  const z = d.agency.zona_waktu;
  const g = d.agenda ?? {};
  const cell = (label: string, value: string | Run[]): Cell => ({
    text: [{ text: `${label}\n`, bold: true }, ...(typeof value === 'string' ? [{ text: value }] : value)],
  });
  const join = (parts: Run[][]) => parts.flatMap((p, i) => (i > 0 ? [{ text: '\n' }, ...p] : p));
  const rows: (string | Cell)[][] = [
    [
      cell('Surat dari', g.surat?.dari ?? BLANK),
      cell('Diterima tgl.', g.diterima ? tanggal(g.diterima, z) : BLANK),
    ],
    [cell('No. surat', g.surat?.nomor ?? BLANK), cell('No. agenda', g.nomor ?? BLANK)],
    [
      cell('Tgl. surat', g.surat ? tanggal(g.surat.tanggal, z) : BLANK),
      cell(
        'Sifat',
        join((['sangat segera', 'segera', 'biasa'] as const).map((s) => check(s === d.sifat, s))),
      ),
    ],
    [{ ...cell('Perihal', d.perihal), colSpan: 2 }],
    [
      cell('Diteruskan kepada Sdr.', d.kepada.map((k, i) => `${i + 1}. ${k.jabatan} (${k.nama})`).join('\n')),
      cell(
        'Dengan hormat harap',
        join(
          ['tanggapan', 'proses lebih lanjut', 'koordinasi'].map((s) => check(d.instruksi.includes(s), s)),
        ),
      ),
    ],
    [{ ...cell('Isi disposisi', d.catatan), colSpan: 2 }],
    [
      {
        ...cell(
          'Paraf',
          d.paraf
            ? `Diparaf secara elektronik oleh ${d.dari.jabatan} (${d.dari.nama}) pada ${tanggalJam(d.paraf.waktu, z)}`
            : `menunggu paraf ${d.dari.jabatan} (${d.dari.nama}); disiapkan ${tanggalJam(d.waktu, z)}`,
        ),
        colSpan: 2,
      },
    ],
  ];
  return {
    title: `Lembar Disposisi — ${d.perihal}`,
    author: d.agency.nama,
    page: { size: 'A4', orientation: 'portrait', margins: { top: 15, right: 20, bottom: 15, left: 25 } },
    sections: [
      {
        blocks: [
          kopSurat(d.agency, d.logo),
          { type: 'paragraph', text: 'LEMBAR DISPOSISI', align: 'center', bold: true, size: 13, after: 8 },
          { type: 'table', columns: [{ width: 50 }, { width: 50 }], rows, headerRows: 0, size: 10 },
        ],
      },
    ],
  };
}

export interface SuratPengantarInput {
  agency: Agency;
  nomor: string;
  waktu: Date;
  perihal: string;
  lampiran: string;
  isi: string;
  /** The signer; an acting official (Plt./Plh.) signs with the office's title after `sebutan`. */
  penandatangan: Orang & { plt?: boolean; sebutan?: 'Plt.' | 'Plh.' };
  sifat?: string;
  logo?: Uint8Array;
}

/** Surat pengantar carrying the report to its addressee, with its allocated nomor surat. */
export function suratPengantarContent(s: SuratPengantarInput): Dokumen {
  const z = s.agency.zona_waktu;
  const t = s.agency.tujuan_laporan;
  const tembusan = [...(t.tembusan ?? []), 'Arsip'];
  const blocks: Blok[] = [
    kopSurat(s.agency, s.logo),
    { type: 'paragraph', text: `${s.agency.kota}, ${tanggal(s.waktu, z)}`, align: 'right' },
    {
      type: 'fields',
      labelWidth: 14,
      rows: [
        { label: 'Nomor', value: s.nomor },
        { label: 'Sifat', value: s.sifat ?? 'Biasa' },
        { label: 'Lampiran', value: s.lampiran },
        { label: 'Hal', value: [{ text: s.perihal, bold: true }] },
      ],
    },
    { type: 'paragraph', text: `Yth. ${t.kepada}\ndi ${t.alamat}`, after: 12 },
    { type: 'paragraph', text: s.isi, align: 'justify', indent: 12 },
    {
      type: 'paragraph',
      text: 'Demikian disampaikan, atas perhatiannya diucapkan terima kasih.',
      align: 'justify',
      indent: 12,
    },
    {
      type: 'signatures',
      blocks: [
        {
          jabatan: `${s.penandatangan.sebutan ? `${s.penandatangan.sebutan} ` : s.penandatangan.plt ? 'Plt. ' : ''}${jabatanLengkap(s.agency, s.penandatangan)},`,
          nama: s.penandatangan.nama,
          pangkat: s.penandatangan.pangkat,
          nip: s.penandatangan.nip,
        },
      ],
    },
    { type: 'paragraph', text: 'Tembusan:', after: 0, size: 10 },
    {
      type: 'list',
      ordered: true,
      items: tembusan.map((x, i) => (i === tembusan.length - 1 ? `${x}.` : `Yth. ${x};`)),
    },
  ];
  return {
    title: `Surat Pengantar ${s.nomor}`,
    author: s.agency.nama,
    page: { size: 'A4', orientation: 'portrait', margins: { top: 15, right: 20, bottom: 20, left: 25 } },
    sections: [{ blocks }],
  };
}

export type Format = 'docx' | 'pdf';

async function render(doc: Dokumen, format: Format): Promise<Buffer> {
  // Loaded on demand so that building letter content never pulls in both renderers.
  if (format === 'pdf') return (await import('./render-pdf.ts')).renderPdf(doc);
  return (await import('./render-docx.ts')).renderDocx(doc);
}

export function renderDisposisi(d: DisposisiInput, format: Format = 'docx'): Promise<Buffer> {
  return render(disposisiContent({ ...d, logo: d.logo ?? logoOf(d.agency) }), format);
}

export function renderSuratPengantar(s: SuratPengantarInput, format: Format = 'docx'): Promise<Buffer> {
  return render(suratPengantarContent({ ...s, logo: s.logo ?? logoOf(s.agency) }), format);
}
