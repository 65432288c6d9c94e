import { ZONA_OFFSET_JAM, type ZonaWaktu } from '../calendar/working-time.ts';

/**
 * Indonesian dates ("15 Januari 2024") and numbers ("1.234,56"). Written out rather than taken
 * from Intl so that output never depends on the ICU data a runtime ships with.
 */
export const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const ROMAWI = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

function localParts(instant: Date, zona: ZonaWaktu) {
  const d = new Date(instant.getTime() + ZONA_OFFSET_JAM[zona] * 3_600_000);
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth(),
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    min: d.getUTCMinutes(),
  };
}

/** "15 Januari 2024" for an ISO date 'YYYY-MM-DD'. */
export function tanggalIso(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${BULAN[m - 1]} ${y}`;
}

/** "15 Januari 2024" for an instant in the agency's zone. */
export function tanggal(instant: Date, zona: ZonaWaktu): string {
  const p = localParts(instant, zona);
  return `${p.d} ${BULAN[p.m]} ${p.y}`;
}

/** "15 Januari 2024 pukul 09.30 WITA". */
export function tanggalJam(instant: Date, zona: ZonaWaktu): string {
  const p = localParts(instant, zona);
  return `${p.d} ${BULAN[p.m]} ${p.y} pukul ${String(p.h).padStart(2, '0')}.${String(p.min).padStart(2, '0')} ${zona}`;
}

export function bulanRomawi(instant: Date, zona: ZonaWaktu): string {
  return ROMAWI[localParts(instant, zona).m]!;
}

export function tahun(instant: Date, zona: ZonaWaktu): number {
  return localParts(instant, zona).y;
}

/** "1.234,56": dot for thousands, comma for decimals, at most `digits` decimals (trailing zeros dropped). */
export function angka(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return '-';
  const neg = n < 0;
  const fixed = Math.abs(n).toFixed(digits);
  let [int, frac = ''] = fixed.split('.') as [string, string?];
  frac = frac.replace(/0+$/, '');
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${int}${frac ? `,${frac}` : ''}`;
}

/** "1.234,50": like angka, but always exactly `digits` decimals. */
export function angkaTetap(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return '-';
  const [int, frac] = Math.abs(n).toFixed(digits).split('.') as [string, string?];
  const neg = n < 0 && Number(Math.abs(n).toFixed(digits)) !== 0;
  return `${neg ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${frac ? `,${frac}` : ''}`;
}

/**
 * "97,96%", "111,00%", "89,50%": every percentage (capaian, serapan) with exactly two decimals, the one
 * convention of every document, page and mail.
 */
export function persen(n: number | null): string {
  return n === null ? '-' : `${angkaTetap(n, 2)}%`;
}

/** "Rp1.234.500". */
export function rupiah(n: number): string {
  return `Rp${angka(Math.round(n), 0)}`;
}

/**
 * Reads a number the way Indonesian users type it in a text cell: "12,5", "1.234,56", "1.234"
 * (dot = thousands), or "12.5" when the dot is clearly a decimal point. Returns undefined otherwise.
 */
export function parseAngka(text: string): number | undefined {
  const s = text.trim().replace(/\s+/g, '').replace(/%$/, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d+(,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  if (/^-?\d+\.\d+$/.test(s)) return Number(s);
  return undefined;
}
