import { agencyCalendar } from '../agency/calendar.ts';
import type { Agency, Orang } from '../agency/schema.ts';
import type { KalenderKerja } from '../calendar/working-time.ts';
import type { PerjanjianKinerja } from '../performance/model.ts';
import type { Langkah, Peran, Sop } from '../sop/schema.ts';

/** The project's data: every SOP, agency, Perjanjian Kinerja and the national holidays, cross-checked. */
export interface Catalogue {
  dir: string;
  /** The current version of each SOP (config/sop/*.yaml): what a new cycle starts on. */
  sops: Map<string, Sop>;
  /** Every version a cycle may run on, keyed `<id>@<versi>` (lib/sop/versions.ts): current and archived. */
  sopVersions: Map<string, Sop>;
  agencies: Map<string, Agency>;
  /** Keyed `${agencyId}/${year}`. */
  kinerja: Map<string, PerjanjianKinerja>;
  liburNasional: Set<string>;
}

export function calendarOf(c: Catalogue, agency: Agency): KalenderKerja {
  return agencyCalendar(agency, c.liburNasional);
}

export function requireAgency(c: Catalogue, id: string): Agency {
  const a = c.agencies.get(id);
  if (!a) throw new Error(`instansi '${id}' tidak dikenal; yang ada: ${[...c.agencies.keys()].join(', ')}`);
  return a;
}

/** The SOP, in the version given (a cycle's own), else its current version. */
export function requireSop(c: Catalogue, id: string, versi?: number): Sop {
  const s = c.sops.get(id);
  if (!s) throw new Error(`SOP '${id}' tidak dikenal; yang ada: ${[...c.sops.keys()].join(', ')}`);
  if (versi === undefined || versi === s.versi) return s;
  const old = c.sopVersions.get(`${id}@${versi}`);
  if (!old)
    throw new Error(
      `SOP '${id}' versi ${versi} tidak ada di katalog (versi yang ada: ${versionsOf(c, id).join(', ')}); simpan berkas versi itu di config/sop/arsip/`,
    );
  return old;
}

/** The versions of an SOP in the catalogue, oldest first. */
export function versionsOf(c: Catalogue, id: string): number[] {
  return [...c.sopVersions.values()]
    .filter((s) => s.id === id)
    .map((s) => s.versi)
    .sort((a, b) => a - b);
}

/** The SOP a cycle (or any state of its machine) runs on: its own version; the current one if it names none. */
export function sopOf(c: Catalogue, ref: { sopId: string; sopVersi?: number }): Sop {
  return requireSop(c, ref.sopId, ref.sopVersi);
}

export function requireKinerja(c: Catalogue, agencyId: string, year: number): PerjanjianKinerja {
  const pk = c.kinerja.get(`${agencyId}/${year}`);
  if (!pk) throw new Error(`Perjanjian Kinerja ${agencyId} tahun ${year} belum ada di folder kinerja/`);
  return pk;
}

/** The person who holds a step's role: the agency official, or the unit's official for per-unit roles. */
export function holderOf(agency: Agency, peran: Peran, unitId?: string): Orang {
  if (peran.lingkup === 'unit') {
    const unit = agency.unit.find((u) => u.id === unitId);
    const p = unit?.pejabat[peran.jabatan];
    if (!p)
      throw new Error(`pejabat '${peran.jabatan}' untuk unit '${unitId}' tidak ada di instansi ${agency.id}`);
    return p;
  }
  const p = agency.pejabat[peran.jabatan];
  if (!p) throw new Error(`pejabat '${peran.jabatan}' tidak ada di instansi ${agency.id}`);
  return p;
}

export function roleOf(sop: Sop, roleId: string): Peran {
  const r = sop.pelaksana.find((p) => p.id === roleId);
  if (!r) throw new Error(`peran '${roleId}' tidak ada di SOP ${sop.id}`);
  return r;
}

/** The role that acts in the system for a step (its `oleh`, else its pelaksana). */
export function actorRole(sop: Sop, step: Langkah): Peran {
  return roleOf(sop, step.oleh ?? step.pelaksana);
}

export function stepOf(sop: Sop, no: number): Langkah {
  const s = sop.langkah.find((l) => l.no === no);
  if (!s) throw new Error(`langkah ${no} tidak ada di SOP ${sop.id}`);
  return s;
}

/** The SOP's name as the cycle's version prints it (the id when the catalogue no longer has it). */
export function sopNamaOf(c: Catalogue, ref: { sopId: string; sopVersi?: number }): string {
  const s = c.sopVersions.get(`${ref.sopId}@${ref.sopVersi}`) ?? c.sops.get(ref.sopId);
  return s?.identitas.nama ?? ref.sopId;
}
