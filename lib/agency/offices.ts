import type { Agency, Orang, Unit } from './schema.ts';

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
 * The superior of an office holder for escalation: the `atasan` of the office key, looked up in the same
 * unit first (for a unit's task), then among the agency's offices. Undefined at the top of the chain.
 */
export function superiorOf(agency: Agency, jabatan: string, unitId: string): Orang | undefined {
  const up = agency.atasan[jabatan];
  if (!up) return undefined;
  const unit = agency.unit.find((u) => u.id === unitId);
  return unit?.pejabat[up] ?? agency.pejabat[up];
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
