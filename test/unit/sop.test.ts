import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main.ts';
import { DataFileError, loadSopFile, parseSop } from '../../lib/sop/load.ts';
import { parseWaktu } from '../../lib/sop/waktu.ts';
import { SEED_SOPS, seedText, tempFile } from '../helpers/files.ts';

function problemsOf(text: string): string[] {
  try {
    parseSop('uji.yaml', text);
    return [];
  } catch (e) {
    if (!(e instanceof DataFileError)) throw e;
    return e.masalah.map((m) => `${m.lokasi}: ${m.pesan}`);
  }
}

describe('the SOPs in config/sop', () => {
  it.each(SEED_SOPS)('%s is valid', (id) => {
    expect(() => loadSopFile(`config/sop/${id}.yaml`)).not.toThrow();
  });

  it('keeps each agency own step count, role names and times', () => {
    const balangan = loadSopFile('config/sop/dkukmtk-balangan-lakip.yaml');
    expect(balangan.langkah).toHaveLength(11);
    expect(balangan.pelaksana.map((p) => p.nama)).toEqual([
      'Kepala Dinas',
      'Sekretaris',
      'Kasubbag Perencanaan',
      'Kabid',
      'Staf/Jabatan Fongsiol Umum',
    ]);
    expect(balangan.langkah.map((l) => l.waktu)).toEqual([
      '10 Menit',
      '2 Jam',
      '1 Jam',
      '3 Jam',
      '4 Hari',
      '2 Hari',
      '1 Hari',
      '1 Jam',
      '10 Menit',
      '15 Menit',
      '1 Jam',
    ]);
    expect(balangan.identitas.nomor).toBe('000.8.3.3/003/DKUKMTK-BLG/2024');

    const kobar = loadSopFile('config/sop/kesbangpol-kobar-lakip.yaml');
    expect(kobar.langkah).toHaveLength(8);
    expect(kobar.pelaksana.filter((p) => p.kolom === true).map((p) => p.nama)).toEqual([
      'Kadis',
      'Sekdis',
      'Kasubag Program',
      'Staf',
    ]);
    expect(kobar.identitas.keterkaitan).toContain('SOP Pengarsipan');

    const lumajang = loadSopFile('config/sop/kominfo-lumajang-data-kinerja.yaml');
    expect(lumajang.siklus).toEqual(['triwulanan']);
    expect(lumajang.langkah).toHaveLength(9);
    expect(lumajang.langkah.filter((l) => l.per_unit).map((l) => l.no)).toEqual([2, 3, 4, 5, 6, 7]);

    const gorontalo = loadSopFile('config/sop/diskominfotik-gorontalo-lkip.yaml');
    expect(gorontalo.langkah.map((l) => l.waktu).slice(4, 7)).toEqual(['7 Hari', '5 Hari', '3 Hari']);
    const sign = gorontalo.langkah.find((l) => l.no === 9)!;
    expect(sign).toMatchObject({ tugas: 'keputusan', kembali_ke: 6 });
  });
});

describe('waktu (mutu baku)', () => {
  it('reads the forms the seeds use', () => {
    expect(parseWaktu('10 Menit')).toEqual({ jumlah: 10, satuan: 'menit' });
    expect(parseWaktu('2 jam')).toEqual({ jumlah: 2, satuan: 'jam' });
    expect(parseWaktu('4 Hari')).toEqual({ jumlah: 4, satuan: 'hari' });
    expect(parseWaktu('1,5 jam')).toEqual({ jumlah: 1.5, satuan: 'jam' });
  });

  it('reads the units real SOPs write: hari kerja, minggu, bulan', () => {
    expect(parseWaktu('1 hari kerja')).toEqual({ jumlah: 1, satuan: 'hari' });
    expect(parseWaktu('3 Hari Kerja')).toEqual({ jumlah: 3, satuan: 'hari' });
    expect(parseWaktu('1 minggu')).toEqual({ jumlah: 1, satuan: 'minggu' });
    expect(parseWaktu('2 pekan')).toEqual({ jumlah: 2, satuan: 'minggu' });
    expect(parseWaktu('1 bulan')).toEqual({ jumlah: 1, satuan: 'bulan' });
  });

  it('refuses what is not a duration', () => {
    for (const bad of ['', 'dua jam', '2 tahun', '0 menit', '-1 jam', 'jam 2', 'tidak ditentukan'])
      expect(parseWaktu(bad)).toBeUndefined();
  });
});

describe('rejecting a broken SOP file', () => {
  const base = seedText('dkukmtk-balangan-lakip');

  it('names an unknown role, with the line and the roles that exist', () => {
    const problems = problemsOf(base.replace('    pelaksana: sekretaris\n', '    pelaksana: sekdis\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^baris \d+, langkah 7, pelaksana: pelaksana 'sekdis' tidak dikenal; peran yang ada: kepala, sekretaris/,
    );
  });

  it('names a malformed waktu', () => {
    const problems = problemsOf(base.replace('waktu: 4 Hari', 'waktu: empat hari'));
    expect(problems[0]).toMatch(
      /langkah 5, waktu: bukan waktu yang dikenal; tulis angka dan satuan menit, jam, hari, hari kerja, minggu atau bulan.*'tidak ditentukan'.*, ditemukan 'empat hari'/,
    );
  });

  it('accepts a step without waktu (the catalogue then asks for a waktu_bawaan)', () => {
    expect(problemsOf(base.replace('    waktu: 2 Hari\n', ''))).toEqual([]);
    expect(problemsOf(base.replace('    waktu: 2 Hari\n', '    waktu: Tidak ditentukan\n'))).toEqual([]);
  });

  it('names a return to a step that does not exist', () => {
    const problems = problemsOf(base.replace('kembali_ke: 6', 'kembali_ke: 16'));
    expect(problems.join('\n')).toMatch(
      /langkah 7, kembali_ke: kembali ke langkah 16, padahal langkah itu tidak ada/,
    );
  });

  it('names a step no path reaches', () => {
    const problems = problemsOf(
      base.replace('    jenis: distribusi\n', '    jenis: distribusi\n    lanjut_ke: 5\n'),
    );
    expect(problems.join('\n')).toMatch(
      /baris \d+, langkah 4: 'Menghimpun format data.*' tidak pernah tercapai dari langkah pertama/,
    );
  });

  it('refuses a decision without a return target, and a per-unit role outside a per-unit step', () => {
    expect(problemsOf(base.replace('    kembali_ke: 6\n', '')).join('\n')).toMatch(
      /langkah keputusan harus menyebut 'kembali_ke'/,
    );
    expect(problemsOf(base.replace('    per_unit: true\n', '')).join('\n')).toMatch(
      /dikerjakan oleh 'Kabid' per unit, jadi harus 'per_unit: true'/,
    );
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problemsOf('id: x\nlangkah: [\n')[0]).toMatch(/^baris \d+: bukan YAML yang sah/);
  });
});

describe('lakip sop validate', () => {
  it('exits 0 on the seeds and 1 with a precise message on a broken file', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    expect(await main(['sop', 'validate', ...SEED_SOPS.map((s) => `config/sop/${s}.yaml`)], io)).toBe(0);
    expect(out).toHaveLength(SEED_SOPS.length);
    const bad = tempFile(
      'rusak.yaml',
      seedText('diskominfotik-gorontalo-lkip').replace(
        'kembali_ke: 6\n    kelengkapan: Dokumen LKIP\n    waktu: 10 Menit',
        'kembali_ke: 12\n    kelengkapan: Dokumen LKIP\n    waktu: 10 Menit',
      ),
    );
    expect(await main(['sop', 'validate', bad], io)).toBe(1);
    expect(err.join('\n')).toContain(
      'langkah 9, kembali_ke: kembali ke langkah 12, padahal langkah itu tidak ada',
    );
  });

  it('says so when the file does not exist', async () => {
    const err: string[] = [];
    expect(
      await main(['sop', 'validate', 'tidak-ada.yaml'], { out: () => undefined, err: (s) => err.push(s) }),
    ).toBe(1);
    expect(err[0]).toContain('berkas tidak ditemukan');
  });
});

describe('lakip sop cetak', () => {
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('prints a file that is in no catalogue, without loading the catalogue', async () => {
    const f = tempFile(
      'sop-baru.yaml',
      seedText('kesbangpol-kobar-lakip').replace(/^id: .*$/m, 'id: sop-baru'),
    );
    const docx = join(dirname(f), 'sop-baru.docx');
    const r = await run(['sop', 'cetak', f, '--out', docx, '--config', '/tidak/ada']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(`dicetak ke ${docx}`);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });

  it('says what is wrong with a broken file, and how to print a file when an id is unknown', async () => {
    const f = tempFile(
      'rusak.yaml',
      seedText('kesbangpol-kobar-lakip').replace('  - no: 2\n', '  - no: dua\n'),
    );
    const broken = await run(['sop', 'cetak', f, '--out', join(dirname(f), 'x.docx')]);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/langkah 2, no: 'dua' bukan bilangan bulat/);
    const unknown = await run(['sop', 'cetak', 'sop-lain', '--out', join(dirname(f), 'y.docx')]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('sebutkan jalurnya, misalnya config/sop/sop-lain.yaml');
  });
});
