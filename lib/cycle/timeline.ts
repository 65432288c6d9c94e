import { workingMinutesBetween } from '../calendar/working-time.ts';
import type { Catalogue } from '../data/catalogue.ts';
import { calendarOf, requireAgency, sopNamaOf, sopOf } from '../data/catalogue.ts';
import type { Cycle, StepRecord } from './model.ts';
import type { Ports } from './ports.ts';

export interface TimelineRow extends StepRecord {
  /** Working minutes so far for an open step, or until it finished. */
  menitKerjaSekarang: number;
  terlambat: boolean;
}

/** A cycle's step records in SOP order (step, unit, pass), with lateness against the mutu baku. */
export async function timeline(
  ports: Ports,
  cat: Catalogue,
  agencyId: string,
  cycleId: string,
): Promise<{ cycle: Cycle; rows: TimelineRow[] } | undefined> {
  const cycle = await ports.store.getCycle(agencyId, cycleId);
  if (!cycle) return undefined;
  const agency = requireAgency(cat, agencyId);
  sopOf(cat, cycle);
  const cal = calendarOf(cat, agency);
  const now = ports.clock.now();
  const steps = await ports.store.listSteps(agencyId, cycleId);
  const rows = steps
    .sort((a, b) => a.mulai.localeCompare(b.mulai) || a.no - b.no || a.unit.localeCompare(b.unit))
    .map((r) => {
      const end = r.selesai ? new Date(r.selesai) : now;
      return {
        ...r,
        menitKerjaSekarang:
          r.menitKerja ?? Math.round(workingMinutesBetween(cal, new Date(r.mulai), end) * 100) / 100,
        terlambat: end.getTime() > new Date(r.tenggat).getTime(),
      };
    });
  return { cycle, rows };
}

/** Every cycle of an agency with its timeline and the tasks still open (the agency overview). */
export async function agencyOverview(ports: Ports, cat: Catalogue, agencyId: string) {
  return Promise.all(
    (await ports.store.listCycles(agencyId)).map(async (c) => ({
      cycle: c,
      sopNama: sopNamaOf(cat, c),
      rows: (await timeline(ports, cat, agencyId, c.cycleId))!.rows,
      open: (await ports.store.listTasks(agencyId, c.cycleId)).filter((t) => t.status === 'terbuka'),
    })),
  );
}
