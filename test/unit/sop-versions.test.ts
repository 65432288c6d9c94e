import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Catalogue, loadCatalogue, requireSop, versionsOf, yamlFiles } from '../../lib/catalogue.ts';
import { main } from '../../lib/cli/main.ts';
import type { StepRecord } from '../../lib/cycle/model.ts';
import { moveCycle, moveProblems } from '../../lib/cycle/move.ts';
import { ResumeRefused } from '../../lib/cycle/resume.ts';
import { DataFileError } from '../../lib/sop/load.ts';
import { versionKey } from '../../lib/sop/version-key.ts';
import { loadSopVersions, readLock, sopFingerprint } from '../../lib/sop/versions.ts';
import { BALANGAN, CycleRun } from '../helpers/cycle-run.ts';
import { addVersion, BALANGAN_V2, configCopy } from '../helpers/versions.ts';

/** The SOPs this repository publishes (a user's own SOPs added later are theirs to lock). */
const SEED_SOPS = [
  'diskominfotik-gorontalo-lkip',
  'dkukmtk-balangan-lakip',
  'kesbangpol-kobar-lakip',
  'kominfo-lumajang-data-kinerja',
];

const ID = BALANGAN.sopId;

function problemsOf(dir: string): string[] {
  try {
    loadCatalogue(dir);
  } catch (e) {
    if (e instanceof DataFileError) return e.masalah.map((m) => `${m.lokasi}: ${m.pesan}`);
    throw e;
  }
  return [];
}

function withV2(): { dir: string; cat: Catalogue } {
  const dir = configCopy();
  addVersion(dir, ID, BALANGAN_V2.edit);
  return { dir, cat: loadCatalogue(dir) };
}

describe('a catalogue with two versions of an SOP', () => {
  it('keeps the latest in sops and every version in sopVersions', () => {
    const { cat } = withV2();
    expect(cat.sops.get(ID)!.versi).toBe(2);
    expect(versionsOf(cat, ID)).toEqual([1, 2]);
    expect(requireSop(cat, ID).langkah[0]!.kegiatan).toBe(BALANGAN_V2.kegiatan);
    expect(requireSop(cat, ID, 1).langkah[0]!.kegiatan).toBe('Memerintahkan penyusunan LAKIP');
    expect(requireSop(cat, ID, 2)).toBe(cat.sops.get(ID));
    expect(() => requireSop(cat, ID, 3)).toThrow(
      `SOP '${ID}' versi 3 tidak ada di katalog (versi yang ada: 1, 2); simpan berkas versi itu di config/sop/arsip/`,
    );
  });

  it('refuses an archived file that is not older than the current one', () => {
    const { dir } = withV2();
    const archived = join(dir, 'sop', 'arsip', `${ID}-v1.yaml`);
    writeFileSync(archived, readFileSync(archived, 'utf8').replace(/^versi: 1$/m, 'versi: 2'));
    expect(problemsOf(dir)).toContain(
      `arsip/${ID}-v1.yaml: versi 2 tidak lebih lama dari versi sekarang (2) di folder sop/; arsip hanya untuk versi lama`,
    );
  });
});

describe('the version lock (config/sop/versi.lock)', () => {
  it('locks the seed SOPs and every archived version shipped in config/ (a new SOP adds its line with `lakip sop kunci`)', () => {
    const sopDir = join('config', 'sop');
    const lock = readLock(sopDir);
    const { files } = loadSopVersions(sopDir, yamlFiles);
    // A new agency's SOP must not break `npm test` before it is published; what was published (the seeds,
    // and anything archived because a newer version replaced it) must be locked.
    const published = files.filter(
      (f) => SEED_SOPS.includes(f.sop.id) || f.file.includes(`${join('sop', 'arsip')}`),
    );
    expect(published.length).toBeGreaterThanOrEqual(SEED_SOPS.length);
    for (const f of published)
      expect(lock.get(versionKey(f.sop.id, f.sop.versi)), `${f.file}: jalankan \`lakip sop kunci\``).toBe(
        sopFingerprint(f.text),
      );
  });

  it('refuses a published version whose content changed, naming the way out', () => {
    const dir = configCopy();
    const file = join(dir, 'sop', `${ID}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('waktu: 10 Menit', 'waktu: 20 Menit'));
    expect(problemsOf(dir)).toEqual([
      `${ID}.yaml: SOP ${ID} versi 1 sudah dipakai dan isinya berubah: naikkan versi menjadi 2 dan simpan versi lama di config/sop/arsip/${ID}-v1.yaml, lalu jalankan \`lakip sop kunci\``,
    ]);
  });

  it('lets comments and layout change (the fingerprint is of the data)', () => {
    const dir = configCopy();
    const file = join(dir, 'sop', `${ID}.yaml`);
    writeFileSync(
      file,
      `# catatan baru\n${readFileSync(file, 'utf8').replace('waktu: 10 Menit', 'waktu: "10 Menit"')}`,
    );
    expect(problemsOf(dir)).toEqual([]);
  });

  it('refuses a bumped version whose old file was not kept', () => {
    const { dir } = withV2();
    rmSync(join(dir, 'sop', 'arsip', `${ID}-v1.yaml`));
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^versi\\.lock: SOP ${ID} versi 1 sudah terbit tetapi berkasnya tidak ada: .*config/sop/arsip/${ID}-v1\\.yaml`,
        ),
      ),
    ]);
  });

  it('records a new version with `lakip sop kunci`, and nothing twice', async () => {
    const { dir } = withV2();
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    expect(await main(['sop', 'kunci', '--config', dir], io)).toBe(0);
    expect(out.at(-1)).toMatch(new RegExp(`Versi baru dicatat di .*versi\\.lock: ${ID}@2$`));
    expect(readLock(join(dir, 'sop')).get(`${ID}@2`)).toBe(
      sopFingerprint(readFileSync(join(dir, 'sop', `${ID}.yaml`), 'utf8')),
    );
    expect(await main(['sop', 'kunci', '--config', dir], io)).toBe(0);
    expect(out.at(-1)).toBe('Semua versi SOP sudah tercatat; tidak ada yang berubah.');
  });
});

describe('a cycle keeps the SOP version it started with', () => {
  it('runs a v1 cycle on v1 steps and deadlines after v2 is deployed, and starts new cycles on v2', async () => {
    const v1 = loadCatalogue(configCopy());
    const run = await new CycleRun({ cat: v1 }).start();
    expect(run.ports.workflow.started.at(-1)!.machine).toBe(`${ID}@1`);
    // A deployment brings v2 while the cycle runs.
    run.cat = withV2().cat;
    await run.act(1, 'selesai');
    const [record] = await run.steps(1);
    expect(record).toMatchObject({ kegiatan: 'Memerintahkan penyusunan LAKIP', waktu: '10 Menit' });
    expect((await run.cycle()).sopVersi).toBe(1);

    const next = await new CycleRun({ cat: run.cat, store: run.ports.store }).start({ ulang: true });
    expect(next.ports.workflow.started.at(-1)!.machine).toBe(`${ID}@2`);
    expect(next.siklus.sopVersi).toBe(2);
    await next.act(1, 'selesai');
    const [v2record] = await next.steps(1);
    expect(v2record).toMatchObject({ kegiatan: BALANGAN_V2.kegiatan, waktu: BALANGAN_V2.waktu });
    expect(new Date(v2record!.tenggat).getTime()).toBeGreaterThan(new Date(record!.tenggat).getTime());
  });
});

describe('moving a cycle to another version (operator)', () => {
  it('moves a stopped cycle: the new version machine from its position, the move recorded', async () => {
    const run = await new CycleRun({ cat: loadCatalogue(configCopy()) }).start();
    await run.act(1, 'selesai');
    run.cat = withV2().cat;
    const { siklus } = run;
    await run.ports.store.stopCycle(siklus.agencyId, siklus.cycleId, {
      langkah: 2,
      alasan: 'uji',
      galat: 'Error',
      waktu: '2026-01-05T01:00:00.000Z',
    });
    const { cycle, input } = await moveCycle(run.ports, run.cat, siklus.agencyId, siklus.cycleId, 2);
    expect(run.ports.workflow.started.at(-1)).toMatchObject({
      machine: `${ID}@2`,
      executionName: `${siklus.cycleId}-2`,
    });
    expect(input).toMatchObject({ siklus: { sopVersi: 2 }, lanjut: { no: 2 } });
    expect(run.ports.workflow.stopped).toEqual([]);
    const stored = await run.cycle();
    expect(stored).toMatchObject({ status: 'berjalan', sopVersi: 2, eksekusi: 2 });
    expect(stored.pindah).toEqual([{ dari: 1, ke: 2, langkah: 2, waktu: expect.any(String) }]);
    expect(cycle.sopVersi).toBe(2);
    // Back again: a running cycle's execution is stopped first.
    await moveCycle(run.ports, run.cat, siklus.agencyId, siklus.cycleId, 1);
    expect(run.ports.workflow.stopped).toEqual([
      { executionArn: stored.executionArn, cause: `Dipindahkan oleh operator ke SOP ${ID} versi 1` },
    ]);
    expect(run.ports.workflow.started.at(-1)!.machine).toBe(`${ID}@1`);
  });

  it('refuses a version that is not there, the same version, and records the target cannot read', async () => {
    const run = await new CycleRun({ cat: withV2().cat }).start();
    const { agencyId, cycleId } = run.siklus;
    await expect(moveCycle(run.ports, run.cat, agencyId, cycleId, 3)).rejects.toThrow(
      new ResumeRefused(`SOP ${ID} versi 3 tidak terpasang; versi yang ada: 1, 2`),
    );
    await expect(moveCycle(run.ports, run.cat, agencyId, cycleId, 2)).rejects.toThrow(
      `siklus ${cycleId} sudah berjalan pada SOP ${ID} versi 2`,
    );
    const v1 = requireSop(run.cat, ID, 1);
    const recs = [
      { no: 1, jenis: 'koreksi', kegiatan: 'x' },
      { no: 99, jenis: 'disposisi', kegiatan: 'Langkah hilang' },
    ] as StepRecord[];
    expect(moveProblems(v1, recs)).toEqual([
      "langkah 1 berjenis 'koreksi' di catatan siklus tetapi 'disposisi' di versi 1",
      'langkah 99 (Langkah hilang) sudah dicatat tetapi tidak ada di versi 1',
    ]);
  });
});

describe('lakip siklus pindahkan', () => {
  it('posts the target version to the operator route, and asks for one when missing', async () => {
    const { siklusCommand } = await import('../../lib/cli/siklus.ts');
    const calls: unknown[][] = [];
    const api = async (...args: unknown[]) => {
      calls.push(args);
      return { status: 202, body: { pesan: 'Siklus c1 dipindahkan ke SOP x versi 2.' } };
    };
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    expect(await siklusCommand(['pindahkan', 'a1/c1'], api, io, { versi: '2' })).toBe(0);
    expect(calls).toEqual([['POST', '/api/siklus/a1/c1/pindahkan', { versi: 2 }]]);
    expect(out).toEqual(['Siklus c1 dipindahkan ke SOP x versi 2.']);
    expect(await siklusCommand(['pindahkan', 'a1/c1'], api, io)).toBe(2);
    expect(out.at(-1)).toBe(
      'Sebutkan versi SOP tujuan, misalnya: lakip siklus pindahkan <instansi>/<siklus> --versi 2',
    );
    expect(calls).toHaveLength(1);
  });
});
