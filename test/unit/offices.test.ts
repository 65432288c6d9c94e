import { describe, expect, it } from 'vitest';
import { checkOffices, superiorAt, unitHead } from '../../lib/agency/offices.ts';
import type { Agency } from '../../lib/agency/schema.ts';
import { crossCheck, loadCatalogue } from '../../lib/catalogue.ts';
import type { Sop } from '../../lib/sop/schema.ts';

const cat = loadCatalogue('config');
/** A working day in the agencies' zones (no acting official in the seeds covers it). */
const DAY = new Date('2026-03-10T03:00:00Z');
const balangan = cat.agencies.get('dkukmtk-balangan')!;
const sop = cat.sops.get('dkukmtk-balangan-lakip')!;

/** Renames office keys everywhere an agency and its SOP use them (a campus directorate names its own). */
const RENAME: Record<string, string> = {
  kepala: 'direktur',
  sekretaris: 'kabag-umum',
  perencanaan: 'fungsional-perencana',
  staf: 'staf-perencanaan',
  'kepala-unit': 'kepala-bagian',
  kasi: 'kasubbag',
  'staf-unit': 'pelaksana',
};
const r = (k: string) => RENAME[k] ?? k;
const renameKeys = <T>(o: Record<string, T>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [r(k), v]));

function campus(): { agency: Agency; sop: Sop } {
  const agency: Agency = {
    ...balangan,
    id: 'direktorat-kampus',
    pimpinan: r(balangan.pimpinan),
    pengelola: r(balangan.pengelola!),
    atasan: Object.fromEntries(Object.entries(balangan.atasan).map(([k, v]) => [r(k), r(v)])),
    pejabat: renameKeys(balangan.pejabat),
    unit: balangan.unit.map((u) => ({ ...u, kepala: r(u.kepala), pejabat: renameKeys(u.pejabat) })),
    sop: ['kampus-lakip'],
  };
  return {
    agency,
    sop: {
      ...sop,
      id: 'kampus-lakip',
      pelaksana: sop.pelaksana.map((p) => ({ ...p, jabatan: r(p.jabatan) })),
    },
  };
}

function check(agency: Agency, s: Sop) {
  return crossCheck({
    sops: new Map([[s.id, s]]),
    agencies: new Map([[agency.id, agency]]),
    kinerja: new Map(),
    liburNasional: new Set(),
  });
}

describe('offices are data in the agency file', () => {
  it('accepts an agency whose offices have names no seed uses', () => {
    const { agency, sop } = campus();
    expect(check(agency, sop)).toEqual([]);
    expect(unitHead(agency.unit[1]!).email).toBe(balangan.unit[1]!.pejabat['kepala-unit']!.email);
  });

  it('escalates along the declared chain, inside the unit first, then to the agency', () => {
    const { agency } = campus();
    const unit = agency.unit[1]!;
    expect(superiorAt(agency, 'pelaksana', unit.id, DAY)?.orang?.email).toBe(unit.pejabat.kasubbag!.email);
    expect(superiorAt(agency, 'kepala-bagian', unit.id, DAY)?.orang?.email).toBe(
      agency.pejabat['kabag-umum']!.email,
    );
    expect(superiorAt(agency, 'fungsional-perencana', '-', DAY)?.orang?.email).toBe(
      agency.pejabat['kabag-umum']!.email,
    );
    expect(superiorAt(agency, 'direktur', '-', DAY)).toBeUndefined();
  });

  it('escalates to whoever holds the superior office that day: an acting official in their range', () => {
    const { agency } = campus();
    const plt = {
      jabatan: 'kabag-umum',
      jenis: 'Plt.' as const,
      nama: 'Dewi Lestari (contoh)',
      email: 'plt.kabag@kampus.example',
      mulai: '2026-03-09',
      selesai: '2026-03-13',
    };
    const during = superiorAt(agency, 'fungsional-perencana', '-', DAY, [plt])!;
    expect(during.orang.email).toBe(plt.email);
    expect(during.sebutan).toBe('Plt.');
    const after = superiorAt(agency, 'fungsional-perencana', '-', new Date('2026-03-16T03:00:00Z'), [plt])!;
    expect(after.orang.email).toBe(agency.pejabat['kabag-umum']!.email);
    expect(after.sebutan).toBeUndefined();
  });

  it('names the step and the missing office when an SOP step kind needs one the agency did not declare', () => {
    const { agency, sop } = campus();
    const problems = check({ ...agency, pengelola: undefined }, sop);
    expect(problems.map((p) => p.pesan)).toContainEqual(
      expect.stringMatching(
        /SOP 'kampus-lakip' langkah 1 \(disposisi\) memerlukan pengelola laporan kinerja/,
      ),
    );
    expect(problems[0]!.lokasi).toBe('instansi/direktorat-kampus');
  });

  it('refuses a role the agency does not hold, an unknown head, an unknown superior and a loop', () => {
    const { agency, sop } = campus();
    const broken: Agency = {
      ...agency,
      pimpinan: 'kepala',
      atasan: { ...agency.atasan, direktur: 'rektor', 'kabag-umum': 'fungsional-perencana' },
      unit: [{ ...agency.unit[0]!, kepala: 'kabid' }, ...agency.unit.slice(1)],
    };
    const msgs = checkOffices(broken);
    expect(msgs).toContainEqual(expect.stringMatching(/^pimpinan: 'kepala' tidak ada di bagian pejabat/));
    expect(msgs).toContainEqual(expect.stringMatching(/unit sekretariat, kepala: 'kabid' tidak ada/));
    expect(msgs).toContainEqual("atasan.direktur: atasan 'rektor' tidak ada di pejabat instansi maupun unit");
    expect(msgs).toContainEqual(
      expect.stringMatching(/rantai melingkar .*kabag-umum → fungsional-perencana/),
    );
    // The seed SOP still names office keys the renamed agency lacks: located per role.
    const seedRoles = check(agency, {
      ...sop,
      id: 'kampus-lakip',
      pelaksana: cat.sops.get('dkukmtk-balangan-lakip')!.pelaksana,
    }).filter((p) => p.pesan.includes("memerlukan pejabat 'kepala'"));
    expect(seedRoles).toHaveLength(1);
  });

  it('checks the letter-number pattern when the catalogue loads', () => {
    const { agency, sop } = campus();
    const problems = check({ ...agency, nomor_surat: { ...agency.nomor_surat, pola: '{kode}/{tahn}' } }, sop);
    expect(problems).toContainEqual({
      lokasi: 'instansi/direktorat-kampus, nomor_surat.pola',
      pesan: "penanda '{tahn}' tidak dikenal",
    });
    expect(problems).toContainEqual({
      lokasi: 'instansi/direktorat-kampus, nomor_surat.pola',
      pesan: "pola harus memuat '{nomor}'",
    });
  });
});
