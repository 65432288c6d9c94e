/**
 * Mutu baku "waktu": the time standard of an SOP step, as written on the SOP sheet
 * ("10 menit", "2 jam", "4 hari", "1 hari kerja", "1 minggu", "1 bulan").
 * "hari" always means working days (domain brief); "hari kerja" says so explicitly and is the same unit.
 * A week is 5 working days and a month 20 working days: deadlines count working time only, so a week or a
 * month that contains a holiday ends later, as a "hari" deadline does (docs/sop-format.md).
 */
export type SatuanWaktu = 'menit' | 'jam' | 'hari' | 'minggu' | 'bulan';

export interface Waktu {
  jumlah: number;
  satuan: SatuanWaktu;
}

/** Working days in one `minggu` and one `bulan`. */
export const HARI_KERJA_PER: Record<'minggu' | 'bulan', number> = { minggu: 5, bulan: 20 };

const PATTERN = /^\s*(\d+(?:[.,]\d+)?)\s*(menit|mnt|jam|hari kerja|hari|minggu|pekan|bulan)\s*$/i;

/** What an SOP writes when it sets no time for a step (the deadline then comes from `waktu_bawaan`). */
export const TIDAK_DITENTUKAN = 'tidak ditentukan';

export function isTidakDitentukan(text: string | undefined): boolean {
  return text === undefined || text.trim().toLowerCase().replace(/\s+/g, ' ') === TIDAK_DITENTUKAN;
}

/** Parses "2 Jam" / "10 menit" / "4 hari" / "1 hari kerja" / "1 minggu"; undefined when not a duration. */
export function parseWaktu(text: string): Waktu | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const jumlah = Number(m[1]!.replace(',', '.'));
  if (!Number.isFinite(jumlah) || jumlah <= 0) return undefined;
  const raw = m[2]!.toLowerCase().replace(/\s+/g, ' ');
  const satuan: SatuanWaktu =
    raw === 'mnt'
      ? 'menit'
      : raw === 'hari kerja'
        ? 'hari'
        : raw === 'pekan'
          ? 'minggu'
          : (raw as SatuanWaktu);
  return { jumlah, satuan };
}

export function formatWaktu(w: Waktu): string {
  const n = Number.isInteger(w.jumlah) ? String(w.jumlah) : String(w.jumlah).replace('.', ',');
  return `${n} ${w.satuan}`;
}
