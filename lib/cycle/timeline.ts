import { workingMinutesBetween } from '../calendar/working-time.ts';
import type { Catalogue } from '../data/catalogue.ts';
import { actorRole, calendarOf, holderOf, requireAgency, sopNamaOf, sopOf } from '../data/catalogue.ts';
import { judulLangkah } from '../sop/judul.ts';
import type { JenisLangkah, JenisTugas } from '../sop/schema.ts';
import { taskIdOf } from './context.ts';
import type { Cycle, Delegasi, HumanTask, StepRecord } from './model.ts';
import type { Ports } from './ports.ts';

export interface TimelineRow extends StepRecord {
  /** Working minutes so far for an open step, or until it finished. */
  menitKerjaSekarang: number;
  terlambat: boolean;
  /** The step's short title (lib/sop/judul.ts). */
  judul?: string;
  /**
   * Who acts in the row, as the agency file spells the office: the person who answered, else the holder
   * of the acting role (for a per-unit row, the unit's official, not the SOP's accountable role).
   */
  pelaku?: { nama: string; jabatan: string };
  /** Hand-overs of the row's task (lib/cycle/delegation.ts). */
  delegasi?: Delegasi[];
}

/** A step of the cycle's SOP, whether or not it has started (the step list shows them all). */
export interface TimelineStep {
  no: number;
  judul: string;
  jenis: JenisLangkah;
  tugas: JenisTugas;
  perUnit: boolean;
}

/** What the system writes after an automatic actor's name; the pages show the office instead. */
const OTOMATIS = / \(otomatis oleh sistem\)$/;

/** A cycle's step records in SOP order (step, unit, pass), with lateness against the mutu baku. */
export async function timeline(
  ports: Ports,
  cat: Catalogue,
  agencyId: string,
  cycleId: string,
): Promise<{ cycle: Cycle; rows: TimelineRow[]; langkah: TimelineStep[]; unitCount: number } | undefined> {
  const cycle = await ports.store.getCycle(agencyId, cycleId);
  if (!cycle) return undefined;
  const agency = requireAgency(cat, agencyId);
  const sop = sopOf(cat, cycle);
  const cal = calendarOf(cat, agency);
  const now = ports.clock.now();
  const [steps, tasks] = await Promise.all([
    ports.store.listSteps(agencyId, cycleId),
    ports.store.listTasks(agencyId, cycleId),
  ]);
  const byId = new Map(tasks.map((t) => [t.taskId, t]));
  const actor = (r: StepRecord) => {
    const step = sop.langkah.find((l) => l.no === r.no);
    if (r.oleh) return { nama: r.oleh.nama.replace(OTOMATIS, ''), jabatan: r.oleh.jabatan };
    // An open task: whoever holds it now (an acting official, a delegate).
    const task = byId.get(taskIdOf(r.no, r.unit, r.putaran));
    if (task) return { nama: task.assignee.nama, jabatan: task.assignee.jabatan };
    if (!step) return undefined;
    try {
      const o = holderOf(agency, actorRole(sop, step), r.unit === '-' ? undefined : r.unit);
      return { nama: o.nama, jabatan: o.jabatan };
    } catch {
      return undefined;
    }
  };
  const rows = steps
    .sort((a, b) => a.mulai.localeCompare(b.mulai) || a.no - b.no || a.unit.localeCompare(b.unit))
    .map((r) => {
      const end = r.selesai ? new Date(r.selesai) : now;
      const step = sop.langkah.find((l) => l.no === r.no);
      return {
        ...r,
        menitKerjaSekarang:
          r.menitKerja ?? Math.round(workingMinutesBetween(cal, new Date(r.mulai), end) * 100) / 100,
        terlambat: end.getTime() > new Date(r.tenggat).getTime(),
        judul: step ? judulLangkah(step) : r.kegiatan,
        pelaku: actor(r),
        delegasi: byId.get(taskIdOf(r.no, r.unit, r.putaran))?.delegasi,
      };
    });
  const langkah = sop.langkah.map((l) => ({
    no: l.no,
    judul: judulLangkah(l),
    jenis: l.jenis,
    tugas: l.tugas,
    perUnit: l.per_unit,
  }));
  return { cycle, rows, langkah, unitCount: agency.unit.length };
}

/** One cycle in the agency overview. */
export interface CycleSummary {
  cycle: Cycle;
  sopNama: string;
  rows: TimelineRow[];
  langkah: TimelineStep[];
  open: HumanTask[];
}

/** Every cycle of an agency with its timeline and the tasks still open (the agency overview). */
export async function agencyOverview(
  ports: Ports,
  cat: Catalogue,
  agencyId: string,
): Promise<CycleSummary[]> {
  return Promise.all(
    (await ports.store.listCycles(agencyId)).map(async (c) => {
      const t = (await timeline(ports, cat, agencyId, c.cycleId))!;
      return {
        cycle: c,
        sopNama: sopNamaOf(cat, c),
        rows: t.rows,
        langkah: t.langkah,
        open: (await ports.store.listTasks(agencyId, c.cycleId)).filter((x) => x.status === 'terbuka'),
      };
    }),
  );
}
