import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { checkOffices, KANTOR_LABEL, officeHolder } from './agency/offices.ts';
import { type Agency, agencySchema } from './agency/schema.ts';
import { STEP_KINDS } from './cycle/steps/index.ts';
import { waktuBawaan } from './data/batas.ts';
import type { Catalogue } from './data/catalogue.ts';
import { defaultConfigDir } from './data/config-dir.ts';
import { checkPola } from './letters/nomor-surat.ts';
import { type PerjanjianKinerja, perjanjianKinerjaSchema } from './performance/model.ts';
import { DataFileError, parseDataFile } from './sop/load.ts';
import { loadSopVersions } from './sop/versions.ts';

export { defaultConfigDir };

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

export function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

export function loadCatalogue(dir = defaultConfigDir()): Catalogue {
  const { latest: sops, versions: sopVersions } = loadSopVersions(join(dir, 'sop'), yamlFiles);
  const agencies = new Map<string, Agency>();
  const kinerja = new Map<string, PerjanjianKinerja>();
  for (const f of yamlFiles(join(dir, 'instansi'))) {
    const agency = parseDataFile(f, readFileSync(f, 'utf8'), agencySchema);
    agencies.set(agency.id, agency);
    if (agency.logo && !existsSync(join(dir, agency.logo)))
      throw new DataFileError(f, [
        { lokasi: 'logo', pesan: `berkas ${agency.logo} tidak ditemukan di folder config` },
      ]);
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
  const catalogue = { dir, sops, sopVersions, agencies, kinerja, liburNasional };
  const problems = crossCheck(catalogue);
  // Older versions still run their cycles: each must fit the agencies too (same problems reported once).
  for (const old of sopVersions.values())
    if (old !== sops.get(old.id))
      problems.push(...crossCheck({ ...catalogue, sops: new Map([...sops, [old.id, old]]) }));
  const unique = [...new Map(problems.map((p) => [`${p.lokasi}\n${p.pesan}`, p])).values()];
  if (unique.length > 0) throw new DataFileError(dir, unique);
  return catalogue;
}

/** References between files: an agency's SOPs exist, every SOP role has a holder, every indicator a unit. */
export function crossCheck(c: Omit<Catalogue, 'dir' | 'sopVersions'>): { lokasi: string; pesan: string }[] {
  const out: { lokasi: string; pesan: string }[] = [];
  for (const agency of c.agencies.values()) {
    const lokasi = `instansi/${agency.id}`;
    for (const pesan of checkOffices(agency)) out.push({ lokasi, pesan });
    for (const pesan of checkPola(agency.nomor_surat.pola))
      out.push({ lokasi: `${lokasi}, nomor_surat.pola`, pesan });
    for (const sopId of agency.sop) {
      for (const step of c.sops.get(sopId)?.langkah ?? []) {
        for (const kantor of STEP_KINDS[step.jenis].kantor) {
          if (!officeHolder(agency, kantor))
            out.push({
              lokasi,
              pesan: `SOP '${sopId}' langkah ${step.no} (${step.jenis}) memerlukan ${KANTOR_LABEL[kantor]}: tulis '${kantor}: <kunci jabatan>' dengan kunci yang ada di bagian pejabat`,
            });
        }
      }
    }
    for (const sopId of agency.sop) {
      const sop = c.sops.get(sopId);
      if (!sop) {
        out.push({ lokasi: `instansi/${agency.id}`, pesan: `SOP '${sopId}' tidak ada di folder sop/` });
        continue;
      }
      const tanpaWaktu = sop.langkah.filter((l) => l.waktu === undefined).map((l) => l.no);
      if (tanpaWaktu.length > 0 && !waktuBawaan(sop, agency))
        out.push({
          lokasi,
          pesan: `SOP '${sopId}' tidak menentukan waktu langkah ${tanpaWaktu.join(', ')}; tulis 'waktu_bawaan' (mis. '5 hari') di SOP itu atau di berkas instansi ini sebagai batas kerja langkah tersebut`,
        });
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

export {
  actorRole,
  type Catalogue,
  calendarOf,
  holderOf,
  requireAgency,
  requireKinerja,
  requireSop,
  roleOf,
  sopNamaOf,
  sopOf,
  stepOf,
  versionsOf,
} from './data/catalogue.ts';
