import { checkActing, holderAt, type Kantor, type Pemegang, sebutanJabatan } from '../agency/offices.ts';
import type { Agency, PelaksanaTugas } from '../agency/schema.ts';
import type { Person } from './model.ts';
import type { Ports } from './ports.ts';

/**
 * Acting officials (Plt./Plh.) at run time: the agency file's `pelaksana_tugas` is the baseline; an
 * operator adds or corrects ranges in the store (`lakip pejabat plt`, POST /api/instansi/…/pelaksana-tugas)
 * without a redeployment. Tasks opened in a range go to the acting official.
 */

export class ActingRefused extends Error {}

/** The store's acting officials of the agency, as holderAt takes them. */
export async function actingOf(ports: Pick<Ports, 'store'>, agencyId: string): Promise<PelaksanaTugas[]> {
  return (await ports.store.listActing(agencyId)).map(
    ({ agencyId: _a, id: _i, dicatat: _d, ...p }) => p as PelaksanaTugas,
  );
}

/** The id an acting range is stored under: one per office, unit and range. */
export const actingId = (p: Pick<PelaksanaTugas, 'jabatan' | 'unit' | 'mulai' | 'selesai'>) =>
  `${p.jabatan}.${p.unit ?? '-'}.${p.mulai}.${p.selesai}`;

/** Records an acting official after checking the office (and unit) exists in the agency. */
export async function setActing(ports: Pick<Ports, 'store' | 'clock'>, agency: Agency, p: PelaksanaTugas) {
  const problems = checkActing(agency, p);
  if (problems.length) throw new ActingRefused(`Pelaksana tugas tidak dicatat: ${problems.join('; ')}.`);
  const record = { ...p, agencyId: agency.id, id: actingId(p), dicatat: ports.clock.now().toISOString() };
  await ports.store.putActing(record);
  return record;
}

/** A holder as a task's person: "Plt. Kepala Dinas" when acting. */
export function personOf(h: Pemegang): Person {
  return { nama: h.orang.nama, jabatan: sebutanJabatan(h), email: h.orang.email };
}

/** Who holds an office of the agency (or of a unit) now, with the store's acting officials. */
export async function holderNow(
  ports: Pick<Ports, 'store' | 'clock'>,
  agency: Agency,
  officeKey: string,
  unitId?: string,
): Promise<Pemegang> {
  return holderAt(agency, officeKey, ports.clock.now(), await actingOf(ports, agency.id), unitId);
}

/**
 * Who holds an agency-level office (`pimpinan`, `pengelola`) now, an acting official included (as
 * "Plt. …"): whom cycle notices go to. Undefined when the agency declares no such office.
 */
export async function officeHolderNow(
  ports: Pick<Ports, 'store' | 'clock'>,
  agency: Agency,
  kantor: Kantor,
): Promise<Person | undefined> {
  const key = agency[kantor];
  if (!key || !agency.pejabat[key]) return undefined;
  return personOf(holderAt(agency, key, ports.clock.now(), await actingOf(ports, agency.id)));
}
