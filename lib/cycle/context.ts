import type { Agency, Unit } from '../agency/schema.ts';
import type { KalenderKerja } from '../calendar/working-time.ts';
import {
  actorRole,
  type Catalogue,
  calendarOf,
  holderOf,
  requireAgency,
  requireKinerja,
  roleOf,
  sopOf,
  stepOf,
} from '../data/catalogue.ts';
import type { PerjanjianKinerja } from '../performance/model.ts';
import type { Langkah, Sop } from '../sop/schema.ts';
import type { Person, SiklusRef } from './model.ts';

/** Everything a step needs to know about its cycle, resolved from the catalogue once. */
export interface StepContext {
  siklus: SiklusRef;
  agency: Agency;
  sop: Sop;
  pk: PerjanjianKinerja;
  cal: KalenderKerja;
  step: Langkah;
  unit: Unit | undefined;
}

export function stepContext(cat: Catalogue, siklus: SiklusRef, no: number, unitId?: string): StepContext {
  const agency = requireAgency(cat, siklus.agencyId);
  const sop = sopOf(cat, siklus);
  const step = stepOf(sop, no);
  const unit = unitId ? agency.unit.find((u) => u.id === unitId) : undefined;
  if (unitId && !unit) throw new Error(`unit '${unitId}' tidak ada di instansi ${agency.id}`);
  if (step.per_unit && !unit) throw new Error(`langkah ${no} dikerjakan per unit, tetapi unit tidak disebut`);
  return {
    siklus,
    agency,
    sop,
    pk: requireKinerja(cat, agency.id, siklus.tahun),
    cal: calendarOf(cat, agency),
    step,
    unit,
  };
}

export function person(o: { nama: string; jabatan: string; email: string }): Person {
  return { nama: o.nama, jabatan: o.jabatan, email: o.email };
}

/** The accountable pelaksana of the step (name on the SOP sheet) and the person who acts. */
export function pelaksanaOf(ctx: StepContext): { peran: string; orang: Person } {
  const role = roleOf(ctx.sop, ctx.step.pelaksana);
  const holder = holderOf(ctx.agency, role, ctx.unit?.id);
  return { peran: role.nama, orang: person(holder) };
}

export function actorOf(ctx: StepContext): Person {
  return person(holderOf(ctx.agency, actorRole(ctx.sop, ctx.step), ctx.unit?.id));
}

/** Keys in the working bucket are built from validated ids only, never from user text. */
export function cycleKey(s: SiklusRef, ...parts: (string | number)[]): string {
  return ['siklus', s.agencyId, s.cycleId, ...parts.map(String)].join('/');
}

export function taskIdOf(no: number, unit: string, putaran: number): string {
  return `${String(no).padStart(2, '0')}.${unit}.${putaran}`;
}

/** "LAKIP" / "LKIP" / "LKjIP", as the agency's SOP names the report. */
export function singkatanLaporan(sop: Sop): string {
  const m = /\((LAKIP|LKjIP|LKIP|LKj)\)/i.exec(sop.identitas.nama);
  return m ? m[1]! : 'LKjIP';
}
