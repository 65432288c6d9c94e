import { ZONA_OFFSET_JAM, type ZonaWaktu } from '../calendar/working-time.ts';
import { BULAN } from './indonesia.ts';

/**
 * Dates as the pages show them, always in the agency's zone: short in lists and tables (a phone has room
 * for "24 Nov, 15.00 WITA", not for "24 November 2026 pukul 15.00 WITA"), with the weekday where a person
 * plans around a deadline.
 */

const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const BULAN_PENDEK = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

function local(instant: Date, zona: ZonaWaktu): Date {
  return new Date(instant.getTime() + ZONA_OFFSET_JAM[zona] * 3_600_000);
}

const jam = (d: Date) =>
  `${String(d.getUTCHours()).padStart(2, '0')}.${String(d.getUTCMinutes()).padStart(2, '0')}`;

/** "24 Nov, 15.00 WITA"; the year is added when it is not `tahunIni` (the current year by default). */
export function tanggalPendek(instant: Date, zona: ZonaWaktu, tahunIni?: number): string {
  const d = local(instant, zona);
  const y = d.getUTCFullYear();
  const year = tahunIni !== undefined && y !== tahunIni ? ` ${y}` : '';
  return `${d.getUTCDate()} ${BULAN_PENDEK[d.getUTCMonth()]}${year}, ${jam(d)} ${zona}`;
}

/** "Senin, 24 November 2026 pukul 15.00 WITA": a deadline in a sentence. */
export function hariTanggalJam(instant: Date, zona: ZonaWaktu): string {
  const d = local(instant, zona);
  return `${HARI[d.getUTCDay()]}, ${d.getUTCDate()} ${BULAN[d.getUTCMonth()]} ${d.getUTCFullYear()} pukul ${jam(d)} ${zona}`;
}
