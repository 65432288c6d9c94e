import { holderAt, requireOfficeHolder } from '../../agency/offices.ts';
import { namaLaporan } from '../../agency/wording.ts';
import { bulanRomawi, tahun as tahunOf } from '../../format/indonesia.ts';
import { formatNomorSurat } from '../../letters/nomor-surat.ts';
import { actingOf } from '../acting.ts';
import { cycleKey, singkatanLaporan } from '../context.ts';
import type { StepKind, StepWork } from './kind.ts';
import { putDocxPdf, renderer } from './shared.ts';

export const suratPengantar: StepKind = {
  uraian: {
    sistem:
      'Memberi nomor surat berikutnya (tanpa celah, sekali per siklus) dan menyusun surat pengantar laporan.',
    orang: 'Memeriksa surat pengantar lalu mengonfirmasi.',
  },
  fungsi: 'dokumen',
  menghasilkan: ['surat-pengantar'],
  ringkasan: false,
  kantor: ['pimpinan'],
  async selesai(w) {
    const { ctx } = w;
    const now = w.ports.clock.now();
    const year = tahunOf(now, ctx.agency.zona_waktu);
    const serial = await w.ports.store.allocateLetterNumber(
      ctx.agency.id,
      year,
      `${ctx.siklus.cycleId}/${ctx.step.no}`,
    );
    const nomor = formatNomorSurat(ctx.agency.nomor_surat.pola, {
      klasifikasi: ctx.agency.nomor_surat.klasifikasi['surat-pengantar'] ?? '000',
      nomor: serial,
      kode: ctx.agency.nomor_surat.kode,
      tahun: year,
      bulanRomawi: bulanRomawi(now, ctx.agency.zona_waktu),
    });
    const singkatan = singkatanLaporan(ctx.sop);
    const input = {
      agency: ctx.agency,
      nomor,
      waktu: now,
      perihal: `Penyampaian ${singkatan} Tahun ${ctx.siklus.tahun}`,
      lampiran: '1 (satu) berkas',
      isi: `Bersama ini kami sampaikan ${namaLaporan(singkatan)} (${singkatan}) ${ctx.agency.nama} ${ctx.agency.pemerintah} Tahun ${ctx.siklus.tahun} untuk dipergunakan sebagaimana mestinya.`,
      penandatangan: await signerOfLetter(w),
    };
    return putDocxPdf(w, {
      key: cycleKey(ctx.siklus, 'final', 'surat-pengantar'),
      jenis: 'surat-pengantar',
      label: `Surat pengantar nomor ${nomor}`,
      docx: await renderer(w).suratPengantar(input),
      pdf: await renderer(w).suratPengantarPdf(input),
    });
  },
};

/**
 * The letter is signed by whoever holds the head's office on the day: an acting official (Plt./Plh.)
 * signs with the office's full title after the appointment, and their own name, rank and NIP.
 */
async function signerOfLetter(w: StepWork) {
  const { agency } = w.ctx;
  const office = requireOfficeHolder(agency, 'pimpinan');
  const h = holderAt(agency, agency.pimpinan, w.ports.clock.now(), await actingOf(w.ports, agency.id));
  if (!h.sebutan) return office;
  return { ...office, nama: h.orang.nama, nip: h.orang.nip, pangkat: h.orang.pangkat, sebutan: h.sebutan };
}
