/**
 * Mutu baku "waktu": the time standard of an SOP step, as written on the SOP sheet
 * ("10 menit", "2 jam", "4 hari"). "hari" always means working days (domain brief).
 */
export type SatuanWaktu = 'menit' | 'jam' | 'hari';

export interface Waktu {
  jumlah: number;
  satuan: SatuanWaktu;
}

const PATTERN = /^\s*(\d+(?:[.,]\d+)?)\s*(menit|mnt|jam|hari)\s*$/i;

/** Parses "2 Jam" / "10 menit" / "4 hari"; returns undefined when the text is not a duration. */
export function parseWaktu(text: string): Waktu | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const jumlah = Number(m[1]!.replace(',', '.'));
  if (!Number.isFinite(jumlah) || jumlah <= 0) return undefined;
  const raw = m[2]!.toLowerCase();
  const satuan: SatuanWaktu = raw === 'mnt' ? 'menit' : (raw as SatuanWaktu);
  return { jumlah, satuan };
}

export function formatWaktu(w: Waktu): string {
  const n = Number.isInteger(w.jumlah) ? String(w.jumlah) : String(w.jumlah).replace('.', ',');
  return `${n} ${w.satuan}`;
}
