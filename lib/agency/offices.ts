import { ZONA_OFFSET_JAM } from '../calendar/working-time.ts';
import type { Agency, Orang, PelaksanaTugas, SebutanPelaksana, Unit } from './schema.ts';

/**
 * Offices are data: the agency file names its head (`pimpinan`), the office that runs the report
 * (`pengelola`), each unit's head (`kepala`) and the superior of each office (`atasan`). Nothing in lib
 * assumes an office key; everything asks here.
 */

/** The offices a step kind may need the agency to declare. */
export const KANTOR = ['pimpinan', 'pengelola'] as const;
export type Kantor = (typeof KANTOR)[number];

export const KANTOR_LABEL: Record<Kantor, string> = {
  pimpinan: 'pimpinan instansi (pimpinan)',
  pengelola: 'pengelola laporan kinerja (pengelola)',
};

/** The person holding an agency-level office declared by its role (`pimpinan`, `pengelola`). */
export function officeHolder(agency: Agency, kantor: Kantor): Orang | undefined {
  const key = agency[kantor];
  return key ? agency.pejabat[key] : undefined;
}

export function requireOfficeHolder(agency: Agency, kantor: Kantor): Orang {
  const p = officeHolder(agency, kantor);
  if (!p)
    throw new Error(`instansi ${agency.id} belum menetapkan ${KANTOR_LABEL[kantor]} yang ada di pejabat`);
  return p;
}

/** The head of a unit, as the unit's `kepala` names it. */
export function unitHead(unit: Unit): Orang {
  const p = unit.pejabat[unit.kepala];
  if (!p) throw new Error(`kepala unit '${unit.kepala}' tidak ada di pejabat unit ${unit.id}`);
  return p;
}

/**
 * The superior of an office holder for escalation, on a given day: the `atasan` of the office key, looked
 * up in the same unit first (for a unit's task), then among the agency's offices, and whoever holds that
 * office that day (an acting Plt./Plh. in their range: the absent official is not the one to tell).
 * Undefined at the top of the chain.
 */
export function superiorAt(
  agency: Agency,
  jabatan: string,
  unitId: string,
  at: Date,
  extra: readonly PelaksanaTugas[] = [],
): Pemegang | undefined {
  const up = agency.atasan[jabatan];
  if (!up) return undefined;
  const unit = agency.unit.find((u) => u.id === unitId);
  if (unit?.pejabat[up]) return holderAt(agency, up, at, extra, unit.id);
  return agency.pejabat[up] ? holderAt(agency, up, at, extra) : undefined;
}

/** Who holds an office at a moment: the official, or the acting official with their title. */
export interface Pemegang {
  orang: Orang;
  sebutan?: SebutanPelaksana;
}

/** The agency's local date of an instant ('YYYY-MM-DD'): acting ranges are days in the agency's zone. */
const localDate = (agency: Pick<Agency, 'zona_waktu'>, at: Date) =>
  new Date(at.getTime() + ZONA_OFFSET_JAM[agency.zona_waktu] * 3_600_000).toISOString().slice(0, 10);

/**
 * The one answer to "who holds this office at `at`": an acting official (Plt./Plh.) whose range covers
 * that day — from `extra` (written by an operator, newer) before the agency file's `pelaksana_tugas` —
 * or else the official the agency file names. The acting person keeps the office's `jabatan`; print
 * `${sebutan} ${orang.jabatan}` ("Plt. Kepala Dinas"). `unitId` asks for a unit's office.
 */
export function holderAt(
  agency: Agency,
  officeKey: string,
  at: Date,
  extra: readonly PelaksanaTugas[] = [],
  unitId?: string,
): Pemegang {
  const unit = unitId ? agency.unit.find((u) => u.id === unitId) : undefined;
  const official = (unit ? unit.pejabat[officeKey] : undefined) ?? agency.pejabat[officeKey];
  if (!official)
    throw new Error(
      `jabatan '${officeKey}'${unitId ? ` (unit ${unitId})` : ''} tidak ada di pejabat instansi ${agency.id}`,
    );
  const day = localDate(agency, at);
  const acting = [...(agency.pelaksana_tugas ?? []), ...extra]
    .filter(
      (p) =>
        p.jabatan === officeKey &&
        (p.unit ?? undefined) === (unit ? unitId : undefined) &&
        p.mulai <= day &&
        day <= p.selesai,
    )
    .at(-1);
  if (!acting) return { orang: official };
  return {
    orang: {
      jabatan: official.jabatan,
      nama: acting.nama,
      email: acting.email,
      ...(acting.nip ? { nip: acting.nip } : {}),
      ...(acting.pangkat ? { pangkat: acting.pangkat } : {}),
    },
    sebutan: acting.jenis,
  };
}

/** "Plt. Kepala Dinas", or the office as it is. */
export const sebutanJabatan = (h: Pemegang): string =>
  h.sebutan ? `${h.sebutan} ${h.orang.jabatan}` : h.orang.jabatan;

/** Problems in an acting official's entry: an unknown office or unit. */
export function checkActing(agency: Agency, p: PelaksanaTugas): string[] {
  if (p.unit) {
    const unit = agency.unit.find((u) => u.id === p.unit);
    if (!unit) return [`unit '${p.unit}' tidak ada (yang ada: ${agency.unit.map((u) => u.id).join(', ')})`];
    if (!unit.pejabat[p.jabatan])
      return [
        `jabatan '${p.jabatan}' tidak ada di pejabat unit ${p.unit} (yang ada: ${Object.keys(unit.pejabat).join(', ')})`,
      ];
    return [];
  }
  return agency.pejabat[p.jabatan]
    ? []
    : [
        `jabatan '${p.jabatan}' tidak ada di bagian pejabat (yang ada: ${Object.keys(agency.pejabat).join(', ')}); untuk jabatan unit sebutkan juga unit`,
      ];
}

/** Problems in an agency's offices: undeclared keys, unknown superiors, a chain that loops. */
export function checkOffices(agency: Agency): string[] {
  const out: string[] = [];
  const agencyKeys = new Set(Object.keys(agency.pejabat));
  const unitKeys = new Set(agency.unit.flatMap((u) => Object.keys(u.pejabat)));
  const known = (k: string) => agencyKeys.has(k) || unitKeys.has(k);
  if (!agencyKeys.has(agency.pimpinan))
    out.push(
      `pimpinan: '${agency.pimpinan}' tidak ada di bagian pejabat (yang ada: ${[...agencyKeys].join(', ')})`,
    );
  if (agency.pengelola !== undefined && !agencyKeys.has(agency.pengelola))
    out.push(
      `pengelola: '${agency.pengelola}' tidak ada di bagian pejabat (yang ada: ${[...agencyKeys].join(', ')})`,
    );
  for (const u of agency.unit) {
    if (!u.pejabat[u.kepala])
      out.push(
        `unit ${u.id}, kepala: '${u.kepala}' tidak ada di pejabat unit ini (yang ada: ${Object.keys(u.pejabat).join(', ')})`,
      );
  }
  for (const [from, to] of Object.entries(agency.atasan)) {
    if (!known(from)) out.push(`atasan: jabatan '${from}' tidak ada di pejabat instansi maupun unit`);
    if (!known(to)) out.push(`atasan.${from}: atasan '${to}' tidak ada di pejabat instansi maupun unit`);
  }
  (agency.pelaksana_tugas ?? []).forEach((p, i) => {
    for (const m of checkActing(agency, p)) out.push(`pelaksana_tugas[${i}]: ${m}`);
  });
  for (const start of Object.keys(agency.atasan)) {
    const seen = [start];
    for (let k = agency.atasan[start]; k !== undefined; k = agency.atasan[k]) {
      if (seen.includes(k)) {
        out.push(`atasan: rantai melingkar ${[...seen, k].join(' → ')}`);
        break;
      }
      seen.push(k);
    }
  }
  return [...new Set(out)];
}
