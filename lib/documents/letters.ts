import { Document, Packer } from 'docx';
import type { Agency, Orang } from '../agency/schema.ts';
import { kopInduk } from '../agency/wording.ts';
import { tanggal, tanggalJam } from '../format/indonesia.ts';
import { p, STYLES, signature, table } from './common.ts';

function kop(agency: Agency) {
  return [
    p(kopInduk(agency), { align: 'center', bold: true, size: 26, after: 0 }),
    p(agency.nama.toUpperCase(), { align: 'center', bold: true, size: 28, after: 0 }),
    p(agency.alamat, { align: 'center', size: 18, after: 240 }),
  ];
}

export interface DisposisiInput {
  agency: Agency;
  dari: Orang;
  kepada: Orang[];
  perihal: string;
  /** What to do: tanggapan / proses lebih lanjut / koordinasi. */
  instruksi: string[];
  sifat: 'biasa' | 'segera' | 'sangat segera';
  catatan: string;
  waktu: Date;
  /** Set once the head confirmed it. */
  paraf?: { waktu: Date };
}

/** Lembar disposisi: the head's written instruction — to whom, what, urgency, notes, date, initials. */
export async function renderDisposisi(d: DisposisiInput): Promise<Buffer> {
  const z = d.agency.zona_waktu;
  const check = (on: boolean) => (on ? '☒' : '☐');
  const doc = new Document({
    creator: 'lakip-flow',
    title: `Lembar Disposisi — ${d.perihal}`,
    styles: STYLES,
    sections: [
      {
        children: [
          ...kop(d.agency),
          p('LEMBAR DISPOSISI', { align: 'center', bold: true, size: 26 }),
          table(
            [
              { header: 'Keterangan', width: 30 },
              { header: 'Isi', width: 70 },
            ],
            [
              ['Perihal', d.perihal],
              ['Dari', `${d.dari.jabatan} (${d.dari.nama})`],
              ['Tanggal', tanggal(d.waktu, z)],
              [
                'Sifat',
                (['biasa', 'segera', 'sangat segera'] as const)
                  .map((s) => `${check(s === d.sifat)} ${s}`)
                  .join('   '),
              ],
              ['Diteruskan kepada', d.kepada.map((k) => `${k.jabatan} (${k.nama})`).join('\n')],
              [
                'Dengan hormat harap',
                ['tanggapan', 'proses lebih lanjut', 'koordinasi']
                  .map((s) => `${check(d.instruksi.includes(s))} ${s}`)
                  .join('\n'),
              ],
              ['Catatan', d.catatan],
              [
                'Paraf',
                d.paraf
                  ? `Diparaf secara elektronik oleh ${d.dari.nama} pada ${tanggalJam(d.paraf.waktu, z)}`
                  : 'menunggu paraf',
              ],
            ],
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export interface SuratPengantarInput {
  agency: Agency;
  nomor: string;
  waktu: Date;
  perihal: string;
  lampiran: string;
  isi: string;
  penandatangan: Orang;
}

/** Surat pengantar carrying the report to its addressee, with its allocated nomor surat. */
export async function renderSuratPengantar(s: SuratPengantarInput): Promise<Buffer> {
  const z = s.agency.zona_waktu;
  const t = s.agency.tujuan_laporan;
  const doc = new Document({
    creator: 'lakip-flow',
    title: `Surat Pengantar ${s.nomor}`,
    styles: STYLES,
    sections: [
      {
        children: [
          ...kop(s.agency),
          p(`${s.agency.kota}, ${tanggal(s.waktu, z)}`, { align: 'right' }),
          p(`Nomor\t: ${s.nomor}`, { after: 0 }),
          p('Sifat\t: Biasa', { after: 0 }),
          p(`Lampiran\t: ${s.lampiran}`, { after: 0 }),
          p(`Hal\t: ${s.perihal}`, { bold: true }),
          p('Yth.', { after: 0 }),
          p(t.kepada, { after: 0 }),
          p(`di ${t.alamat}`),
          p(s.isi, { align: 'justify' }),
          p('Demikian disampaikan, atas perhatiannya diucapkan terima kasih.', { align: 'justify' }),
          ...signature({
            tempatTanggal: '',
            jabatan: `${s.penandatangan.jabatan} ${s.agency.singkatan}`,
            nama: s.penandatangan.nama,
            pangkat: s.penandatangan.pangkat,
            nip: s.penandatangan.nip,
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
