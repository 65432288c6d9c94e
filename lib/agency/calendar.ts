import { type Interval, type KalenderKerja, parseJam } from '../calendar/working-time.ts';
import { HARI as HARI_KERJA } from './hari.ts';
import type { Agency } from './schema.ts';

/** The agency's working calendar: its hours and zone, national holidays and its own days off. */
export function agencyCalendar(agency: Agency, nationalHolidays: Iterable<string>): KalenderKerja {
  const jam: KalenderKerja['jam'] = {};
  HARI_KERJA.forEach((hari, i) => {
    const ranges = agency.jam_kerja[hari];
    if (!ranges) return;
    jam[(i + 1) as 1] = ranges.map((r): Interval => {
      const [a, b] = r.split('-') as [string, string];
      return [parseJam(a), parseJam(b)];
    });
  });
  return { zona: agency.zona_waktu, jam, libur: new Set([...nationalHolidays, ...agency.libur_tambahan]) };
}
