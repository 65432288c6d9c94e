import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { agencyCalendar } from './agency/calendar.ts';
import { type Agency, agencySchema, type Orang } from './agency/schema.ts';
import type { KalenderKerja } from './calendar/working-time.ts';
import { type PerjanjianKinerja, perjanjianKinerjaSchema } from './performance/model.ts';
import { DataFileError, parseDataFile, parseSop } from './sop/load.ts';
import type { Langkah, Peran, Sop } from './sop/schema.ts';

/** The project's data: every SOP, agency, Perjanjian Kinerja and the national holidays, cross-checked. */
export interface Catalogue {
  dir: string;
  sops: Map<string, Sop>;
  agencies: Map<string, Agency>;
  /** Keyed `${agencyId}/${year}`. */
  kinerja: Map<string, PerjanjianKinerja>;
  liburNasional: Set<string>;
}

/** The config folder shipped with the project (and copied beside each Lambda bundle). */
export function defaultConfigDir(): string {
  if (process.env.LAKIP_CONFIG_DIR) return process.env.LAKIP_CONFIG_DIR;
  const here = fileURLToPath(new URL('.', import.meta.url));
  for (const candidate of [join(here, '..', 'config'), join(here, 'config'), join(process.cwd(), 'config')]) {
    if (existsSync(join(candidate, 'sop'))) return candidate;
  }
  return join(process.cwd(), 'config');
}

const liburSchema = z.record(
  z.string(),
  z.array(
    z.object({
      tanggal: z.union([z.string(), z.date()]),
      keterangan: z.string(),
      cuti_bersama: z.boolean().optional(),
    }),
  ),
);

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

export function loadCatalogue(dir = defaultConfigDir()): Catalogue {
  const sops = new Map<string, Sop>();
  for (const f of yamlFiles(join(dir, 'sop'))) {
    const sop = parseSop(f, readFileSync(f, 'utf8'));
    sops.set(sop.id, sop);
  }
  const agencies = new Map<string, Agency>();
  const kinerja = new Map<string, PerjanjianKinerja>();
  for (const f of yamlFiles(join(dir, 'instansi'))) {
    const agency = parseDataFile(f, readFileSync(f, 'utf8'), agencySchema);
    agencies.set(agency.id, agency);
    for (const [year, rel] of Object.entries(agency.kinerja)) {
      const pkFile = join(dir, rel);
      if (!existsSync(pkFile))
        throw new DataFileError(f, [{ lokasi: `kinerja.${year}`, pesan: `berkas ${rel} tidak ditemukan` }]);
      kinerja.set(
        `${agency.id}/${year}`,
        parseDataFile(pkFile, readFileSync(pkFile, 'utf8'), perjanjianKinerjaSchema),
      );
    }
  }
  const liburNasional = new Set<string>();
  const liburFile = join(dir, 'kalender', 'libur-nasional.yaml');
  if (existsSync(liburFile)) {
    const parsed = liburSchema.parse(parse(readFileSync(liburFile, 'utf8')));
    for (const days of Object.values(parsed)) {
      for (const d of days)
        liburNasional.add(typeof d.tanggal === 'string' ? d.tanggal : d.tanggal.toISOString().slice(0, 10));
    }
  }
  const catalogue = { dir, sops, agencies, kinerja, liburNasional };
  const problems = crossCheck(catalogue);
  if (problems.length > 0) throw new DataFileError(dir, problems);
  return catalogue;
}

/** References between files: an agency's SOPs exist, every SOP role has a holder, every indicator a unit. */
export function crossCheck(c: Omit<Catalogue, 'dir'>): { lokasi: string; pesan: string }[] {
  const out: { lokasi: string; pesan: string }[] = [];
  for (const agency of c.agencies.values()) {
    for (const sopId of agency.sop) {
      const sop = c.sops.get(sopId);
      if (!sop) {
        out.push({ lokasi: `instansi/${agency.id}`, pesan: `SOP '${sopId}' tidak ada di folder sop/` });
        continue;
      }
      for (const peran of sop.pelaksana) {
        if (peran.lingkup === 'instansi' && !agency.pejabat[peran.jabatan]) {
          out.push({
            lokasi: `instansi/${agency.id}`,
            pesan: `SOP '${sopId}' memerlukan pejabat '${peran.jabatan}' (${peran.nama}), tetapi tidak ada di bagian pejabat`,
          });
        }
        if (peran.lingkup === 'unit') {
          for (const unit of agency.unit) {
            if (!unit.pejabat[peran.jabatan]) {
              out.push({
                lokasi: `instansi/${agency.id}, unit ${unit.id}`,
                pesan: `SOP '${sopId}' memerlukan pejabat unit '${peran.jabatan}' (${peran.nama})`,
              });
            }
          }
        }
      }
    }
    const unitIds = new Set(agency.unit.map((u) => u.id));
    for (const [key, pk] of c.kinerja) {
      if (!key.startsWith(`${agency.id}/`)) continue;
      for (const s of pk.sasaran) {
        for (const i of s.indikator) {
          if (!unitIds.has(i.unit))
            out.push({
              lokasi: `kinerja ${key}, indikator ${i.kode}`,
              pesan: `unit '${i.unit}' tidak ada di instansi ${agency.id}`,
            });
          if (i.polaritas === 'kualitatif' && !i.nilai_kualitatif)
            out.push({
              lokasi: `kinerja ${key}, indikator ${i.kode}`,
              pesan: 'indikator kualitatif harus punya nilai_kualitatif',
            });
        }
      }
      for (const p of pk.program) {
        if (!unitIds.has(p.unit))
          out.push({
            lokasi: `kinerja ${key}, program ${p.kode}`,
            pesan: `unit '${p.unit}' tidak ada di instansi ${agency.id}`,
          });
        if (!pk.sasaran.some((s) => s.kode === p.sasaran))
          out.push({
            lokasi: `kinerja ${key}, program ${p.kode}`,
            pesan: `sasaran '${p.sasaran}' tidak ada`,
          });
      }
    }
  }
  return out;
}

export function calendarOf(c: Catalogue, agency: Agency): KalenderKerja {
  return agencyCalendar(agency, c.liburNasional);
}

export function requireAgency(c: Catalogue, id: string): Agency {
  const a = c.agencies.get(id);
  if (!a) throw new Error(`instansi '${id}' tidak dikenal; yang ada: ${[...c.agencies.keys()].join(', ')}`);
  return a;
}

export function requireSop(c: Catalogue, id: string): Sop {
  const s = c.sops.get(id);
  if (!s) throw new Error(`SOP '${id}' tidak dikenal; yang ada: ${[...c.sops.keys()].join(', ')}`);
  return s;
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
