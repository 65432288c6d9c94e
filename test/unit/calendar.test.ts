import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencyCalendar } from '../../lib/agency/calendar.ts';
import {
  addWorkingDays,
  addWorkingMinutes,
  deadline,
  type KalenderKerja,
  workingMinutesBetween,
} from '../../lib/calendar/working-time.ts';
import { loadCatalogue } from '../../lib/catalogue.ts';

const cat = loadCatalogue('config');
// Balangan: WITA (UTC+8), Mon–Thu 07:30–12:00 and 13:00–16:00, Fri 07:30–11:30 and 13:30–16:30.
const balangan = agencyCalendar(cat.agencies.get('dkukmtk-balangan')!, cat.liburNasional);
// Kotawaringin Barat: WIB (UTC+7), Mon–Thu 07:30–12:00 and 12:30–16:00.
const kobar = agencyCalendar(cat.agencies.get('kesbangpol-kobar')!, cat.liburNasional);

/** A local wall-clock time in the calendar's zone, as an instant. */
const at = (cal: KalenderKerja, local: string) =>
  new Date(`${local}:00${{ WIB: '+07:00', WITA: '+08:00', WIT: '+09:00' }[cal.zona]}`);
const local = (cal: KalenderKerja, d: Date) => {
  const off = { WIB: 7, WITA: 8, WIT: 9 }[cal.zona];
  return new Date(d.getTime() + off * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
};

describe('deadlines in working time', () => {
  it('adds minutes and hours inside one working stretch', () => {
    expect(
      local(balangan, deadline(balangan, at(balangan, '2025-01-06T08:00'), { jumlah: 10, satuan: 'menit' })),
    ).toBe('2025-01-06 08:10');
    expect(
      local(balangan, deadline(balangan, at(balangan, '2025-01-06T08:00'), { jumlah: 2, satuan: 'jam' })),
    ).toBe('2025-01-06 10:00');
  });

  it('skips the lunch break and the night', () => {
    expect(
      local(balangan, deadline(balangan, at(balangan, '2025-01-06T11:30'), { jumlah: 1, satuan: 'jam' })),
    ).toBe('2025-01-06 13:30');
    expect(
      local(balangan, deadline(balangan, at(balangan, '2025-01-06T15:30'), { jumlah: 1, satuan: 'jam' })),
    ).toBe('2025-01-07 08:00');
  });

  it('skips the weekend: Friday afternoon + 3 jam ends on Monday', () => {
    // Friday works until 16:30: 1½ hours on Friday, 1½ on Monday from 07:30.
    expect(
      local(balangan, deadline(balangan, at(balangan, '2025-01-10T15:00'), { jumlah: 3, satuan: 'jam' })),
    ).toBe('2025-01-13 09:00');
  });

  it('starts counting at the next working minute when started at night or on a weekend', () => {
    expect(
      local(balangan, deadline(balangan, at(balangan, '2025-01-11T21:00'), { jumlah: 10, satuan: 'menit' })),
    ).toBe('2025-01-13 07:40');
  });

  it('counts "hari" as working days at the same point of the day', () => {
    expect(local(balangan, addWorkingDays(balangan, at(balangan, '2025-01-06T10:00'), 1))).toBe(
      '2025-01-07 10:00',
    );
    expect(local(balangan, addWorkingDays(balangan, at(balangan, '2025-01-10T10:00'), 1))).toBe(
      '2025-01-13 10:00',
    );
    expect(local(balangan, addWorkingDays(balangan, at(balangan, '2025-01-06T10:00'), 4))).toBe(
      '2025-01-10 10:00',
    );
  });

  it('skips national holidays and cuti bersama (Idul Fitri 2025: 31 March – 7 April)', () => {
    expect(
      local(balangan, deadline(balangan, at(balangan, '2025-03-27T10:00'), { jumlah: 1, satuan: 'hari' })),
    ).toBe('2025-04-08 10:00');
  });

  it('reads the same instant differently in WIB and WITA', () => {
    // 07:45 WIB is 08:45 WITA: a WIB office has worked 15 minutes, a WITA office 75.
    const instant = at(kobar, '2025-01-06T07:45');
    expect(workingMinutesBetween(kobar, at(kobar, '2025-01-06T00:00'), instant)).toBe(15);
    expect(workingMinutesBetween(balangan, at(balangan, '2025-01-06T00:00'), instant)).toBe(75);
  });

  it('measures elapsed working time across days, breaks and weekends', () => {
    // Friday 16:00 → Monday 08:30 WITA: 30 minutes on Friday (16:00–16:30) + 60 on Monday.
    expect(
      workingMinutesBetween(balangan, at(balangan, '2025-01-10T16:00'), at(balangan, '2025-01-13T08:30')),
    ).toBe(90);
    expect(
      workingMinutesBetween(balangan, at(balangan, '2025-01-13T08:30'), at(balangan, '2025-01-10T16:00')),
    ).toBe(0);
  });

  it('refuses a calendar without working hours instead of looping', () => {
    expect(() => addWorkingMinutes({ zona: 'WIB', jam: {}, libur: new Set() }, new Date(), 10)).toThrow(
      /tidak punya jam kerja/,
    );
  });

  it('is consistent: the working time to a deadline is the mutu baku itself', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 11, 1) }),
        fc.integer({ min: 0, max: 5000 }),
        (t, minutes) => {
          const start = new Date(t);
          const end = addWorkingMinutes(balangan, start, minutes);
          expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
          expect(workingMinutesBetween(balangan, start, end)).toBeCloseTo(minutes, 6);
        },
      ),
      { numRuns: 200 },
    );
  });
});
