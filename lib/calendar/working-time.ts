import { HARI_KERJA_PER, type Waktu } from '../sop/waktu.ts';

/**
 * Working time in an agency's time zone. Indonesian zones have fixed offsets and no daylight
 * saving (WIB UTC+7, WITA UTC+8, WIT UTC+9), so local time is UTC plus a constant.
 * An SOP's "hari" means working days; "menit" and "jam" count working minutes only.
 */
export type ZonaWaktu = 'WIB' | 'WITA' | 'WIT';

export const ZONA_OFFSET_JAM: Record<ZonaWaktu, number> = { WIB: 7, WITA: 8, WIT: 9 };

/** Minutes after local midnight, [start, end). */
export type Interval = readonly [number, number];

export interface KalenderKerja {
  zona: ZonaWaktu;
  /** Working intervals per ISO weekday 1 (Monday) … 7 (Sunday); a missing or empty day is off. */
  jam: Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, readonly Interval[]>>;
  /** Local dates 'YYYY-MM-DD' that are off: public holidays and cuti bersama. */
  libur: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;
const MIN_MS = 60_000;

/** "07:30" → 450. */
export function parseJam(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`jam '${text}' harus berformat HH:MM`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) throw new Error(`jam '${text}' di luar 00:00–24:00`);
  return h * 60 + min;
}

export function localDate(instant: Date, zona: ZonaWaktu): string {
  return new Date(instant.getTime() + ZONA_OFFSET_JAM[zona] * 3_600_000).toISOString().slice(0, 10);
}

/** The working intervals of one local day, as absolute epoch-ms ranges. */
function dayIntervals(cal: KalenderKerja, dayIndex: number): [number, number][] {
  const localMidnight = dayIndex * DAY_MS;
  const date = new Date(localMidnight).toISOString().slice(0, 10);
  if (cal.libur.has(date)) return [];
  const weekday = (((new Date(localMidnight).getUTCDay() + 6) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
  const offset = ZONA_OFFSET_JAM[cal.zona] * 3_600_000;
  return (cal.jam[weekday] ?? []).map(([a, b]) => [
    localMidnight + a * MIN_MS - offset,
    localMidnight + b * MIN_MS - offset,
  ]);
}

function dayIndexOf(ms: number, cal: KalenderKerja): number {
  return Math.floor((ms + ZONA_OFFSET_JAM[cal.zona] * 3_600_000) / DAY_MS);
}

/** Guard against a calendar with no working time at all (it would never reach a deadline). */
const MAX_DAYS = 3660;

function assertHasWorkingTime(cal: KalenderKerja): void {
  if (!Object.values(cal.jam).some((v) => v?.some(([a, b]) => b > a))) {
    throw new Error('kalender kerja tidak punya jam kerja sama sekali');
  }
}

/** Adds `minutes` of working time to `start`. A start outside working hours begins at the next working minute. */
export function addWorkingMinutes(cal: KalenderKerja, start: Date, minutes: number): Date {
  assertHasWorkingTime(cal);
  let left = minutes * MIN_MS;
  let t = start.getTime();
  for (let d = dayIndexOf(t, cal), n = 0; n < MAX_DAYS; d++, n++) {
    for (const [a, b] of dayIntervals(cal, d)) {
      if (b <= t) continue;
      const from = Math.max(a, t);
      if (left <= b - from) return new Date(from + left);
      left -= b - from;
      t = b;
    }
  }
  throw new Error('tenggat tidak dapat dihitung: kalender kerja terlalu banyak hari libur');
}

/** Working minutes between two instants (0 when `end` is not after `start`). */
export function workingMinutesBetween(cal: KalenderKerja, start: Date, end: Date): number {
  const s = start.getTime();
  const e = end.getTime();
  if (e <= s) return 0;
  let total = 0;
  for (let d = dayIndexOf(s, cal); d <= dayIndexOf(e, cal); d++) {
    for (const [a, b] of dayIntervals(cal, d)) {
      const lo = Math.max(a, s);
      const hi = Math.min(b, e);
      if (hi > lo) total += hi - lo;
    }
  }
  return total / MIN_MS;
}

/**
 * Adds `days` working days: the deadline falls on the Nth working day after the start's,
 * at the same amount of working time into that day (Monday 10:00 + 1 hari = Tuesday 10:00;
 * Friday 10:00 + 1 hari = Monday 10:00). A start outside working hours counts from the next working minute.
 */
export function addWorkingDays(cal: KalenderKerja, start: Date, days: number): Date {
  assertHasWorkingTime(cal);
  const begin = addWorkingMinutes(cal, start, 0);
  const whole = Math.floor(days);
  let d = dayIndexOf(begin.getTime(), cal);
  const into = workingMinutesBetween(cal, new Date(dayIntervals(cal, d)[0]![0]), begin);
  let found = 0;
  for (let n = 0; found < whole; n++) {
    if (n > MAX_DAYS)
      throw new Error('tenggat tidak dapat dihitung: kalender kerja terlalu banyak hari libur');
    d++;
    if (dayIntervals(cal, d).length > 0) found++;
  }
  const intervals = dayIntervals(cal, d);
  const dayLength = intervals.reduce((sum, [a, b]) => sum + (b - a), 0) / MIN_MS;
  const at = addWorkingMinutes(cal, new Date(intervals[0]![0]), Math.min(into, dayLength));
  const fraction = days - whole;
  return fraction > 0 ? addWorkingMinutes(cal, at, fraction * dayLength) : at;
}

/** The deadline of a step that starts at `start` with mutu baku `waktu`. */
export function deadline(cal: KalenderKerja, start: Date, waktu: Waktu): Date {
  switch (waktu.satuan) {
    case 'menit':
      return addWorkingMinutes(cal, start, waktu.jumlah);
    case 'jam':
      return addWorkingMinutes(cal, start, waktu.jumlah * 60);
    case 'hari':
      return addWorkingDays(cal, start, waktu.jumlah);
    case 'minggu':
    case 'bulan':
      return addWorkingDays(cal, start, waktu.jumlah * HARI_KERJA_PER[waktu.satuan]);
  }
}

/** "2 hari 3 jam 5 menit" for a number of working minutes, given the length of a working day. */
export function formatDurasi(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} detik`;
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} menit`;
  return rest === 0 ? `${h} jam` : `${h} jam ${rest} menit`;
}
