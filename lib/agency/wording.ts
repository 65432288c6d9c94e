import type { Agency, JenisInstansi } from './schema.ts';

/**
 * Words of the report that depend on the kind of institution: a local government's offices are
 * "perangkat daerah", a ministry's work units are not, and a campus has its own.
 */
const SEBUTAN: Record<JenisInstansi, { wajib: string; kop: (pemerintah: string) => string }> = {
  'pemerintah daerah': {
    wajib: 'setiap perangkat daerah',
    kop: (p) => `PEMERINTAH ${p.toUpperCase()}`,
  },
  'kementerian/lembaga': {
    wajib: 'setiap kementerian/lembaga beserta unit kerjanya',
    kop: (p) => p.toUpperCase(),
  },
  'perguruan tinggi': {
    wajib: 'setiap instansi pemerintah, termasuk satuan kerja perguruan tinggi,',
    kop: (p) => p.toUpperCase(),
  },
};

/** "setiap perangkat daerah" etc.: who SAKIP obliges to report, for this agency's kind. */
export const wajibLapor = (agency: Agency): string => SEBUTAN[agency.jenis_instansi].wajib;

/** The first line of the letterhead: "PEMERINTAH KABUPATEN LUMAJANG", or the parent's own name. */
export const kopInduk = (agency: Agency): string => SEBUTAN[agency.jenis_instansi].kop(agency.pemerintah);

/** The agency's units as a group, by the kinds it actually has ("bidang dan sekretariat", "bagian dan unit"). */
export function sebutanUnit(agency: Agency): string {
  const kinds = [...new Set(agency.unit.map((u) => u.jenis))];
  if (kinds.length === 1) return kinds[0]!;
  return `${kinds.slice(0, -1).join(', ')} dan ${kinds.at(-1)}`;
}

/**
 * The report's full name: a LAKIP is the "Laporan Akuntabilitas Kinerja Instansi Pemerintah"; an LKjIP or
 * LKIP, the current term, the "Laporan Kinerja Instansi Pemerintah".
 */
export function namaLaporan(singkatan: string): string {
  return /^LAKIP$/i.test(singkatan)
    ? 'Laporan Akuntabilitas Kinerja Instansi Pemerintah'
    : 'Laporan Kinerja Instansi Pemerintah';
}
