import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { agencySchema } from '../../lib/agency/schema.ts';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { closest, editDistance } from '../../lib/datafile/suggest.ts';
import { perjanjianKinerjaSchema } from '../../lib/performance/model.ts';
import { DataFileError, parseDataFile, parseSop } from '../../lib/sop/load.ts';
import { seedText } from '../helpers/files.ts';

function problems(text: string, schema?: z.ZodType): string[] {
  try {
    if (schema) parseDataFile('uji.yaml', text, schema);
    else parseSop('uji.yaml', text);
    return [];
  } catch (e) {
    if (!(e instanceof DataFileError)) throw e;
    return e.masalah.map((m) => `${m.lokasi}: ${m.pesan}`);
  }
}

/** The seed with one edit; fails loudly when the text to replace is not there, so no case passes vacuously. */
function edited(base: string, from: string, to: string): string {
  expect(base).toContain(from);
  return base.replace(from, to);
}

const lineOf = (text: string, fragment: string) => text.slice(0, text.indexOf(fragment)).split('\n').length;

const sop = seedText('dkukmtk-balangan-lakip');
const agency = readFileSync('config/instansi/kominfo-lumajang.yaml', 'utf8');
const kinerja = readFileSync('config/kinerja/kominfo-lumajang-2025.yaml', 'utf8');

describe('unknown keys', () => {
  it('refuses a misspelt key instead of dropping it, and suggests the right one', () => {
    const text = edited(sop, '    oleh: kabid\n', '    olleh: kabid\n');
    expect(problems(text)).toEqual([
      `baris ${lineOf(text, 'olleh')}, langkah 4, olleh: kunci 'olleh' tidak dikenal; maksud Anda 'oleh'?`,
    ]);
  });

  it('lists the keys that exist when nothing is close', () => {
    const text = edited(sop, '    keterangan: Konsep LAKIP\n', '    catatan_rapat:\n      - a\n');
    expect(problems(text)).toEqual([
      expect.stringMatching(
        /^baris \d+, langkah 8, catatan_rapat: kunci 'catatan_rapat' tidak dikenal; kunci yang dikenal di sini: no, kegiatan, .*keterangan/,
      ),
    ]);
  });

  it('finds them at every depth and at the top', () => {
    expect(problems(edited(sop, 'langkah:\n', 'langkah_:\n')).join('\n')).toMatch(
      /langkah_: kunci 'langkah_' tidak dikenal; maksud Anda 'langkah'\?/,
    );
    expect(problems(edited(sop, '    jabatan: Plt.', '    jabtan: Plt.')).join('\n')).toMatch(
      /identitas\.disahkan_oleh\.jabtan: kunci 'jabtan' tidak dikenal; maksud Anda 'jabatan'\?/,
    );
  });
});

describe('wrong types say what was found and what is expected', () => {
  it('a step number that is not an integer', () => {
    expect(problems(edited(sop, '  - no: 8\n', '  - no: delapan\n'))).toEqual([
      expect.stringMatching(/^baris \d+, langkah 8, no: 'delapan' bukan bilangan bulat$/),
    ]);
    expect(problems(edited(sop, '  - no: 8\n', '  - no: 8.5\n'))[0]).toMatch(
      /langkah 8, no: angka 8.5 bukan bilangan bulat$/,
    );
  });

  it('a yes/no field', () => {
    expect(problems(edited(sop, '    per_unit: true\n', '    per_unit: ya\n'))).toEqual([
      expect.stringMatching(/langkah 4, per_unit: harus true atau false, ditemukan 'ya'$/),
    ]);
  });

  it('a duration written as a bare number', () => {
    expect(problems(edited(sop, 'waktu: 4 Hari', 'waktu: 4'))).toEqual([
      expect.stringMatching(
        /langkah 5, waktu: harus berupa teks seperti '2 jam' atau 'tidak ditentukan', ditemukan angka 4$/,
      ),
    ]);
  });

  it('a step number 0, in Indonesian', () => {
    const p = problems(edited(sop, '  - no: 1\n', '  - no: 0\n'));
    expect(p[0]).toMatch(/langkah 1, no: harus lebih besar dari 0, ditemukan angka 0/);
  });

  it('a misspelt choice, with the closest one', () => {
    expect(problems(edited(sop, 'jenis: koreksi', 'jenis: korreksi'))[0]).toMatch(
      /langkah 7, jenis: harus salah satu dari: disposisi, .*, ditemukan 'korreksi'; maksud Anda 'koreksi'\?$/,
    );
  });

  it('tells a missing field from a wrong one', () => {
    expect(problems(edited(sop, '    kelengkapan: Draft LAKIP\n', ''))).toEqual([
      expect.stringMatching(/langkah 6, kelengkapan: wajib diisi$/),
    ]);
    expect(problems(edited(sop, '    kelengkapan: Draft LAKIP\n', '    kelengkapan:\n'))).toEqual([
      expect.stringMatching(/langkah 6, kelengkapan: wajib diisi$/),
    ]);
  });

  it('never answers in English', () => {
    const broken = [
      edited(sop, '  - no: 1\n', '  - no: -3\n'),
      edited(sop, 'versi: ', 'versi: -1\nx_versi: '),
      edited(sop, 'siklus: tahunan', 'siklus: [tahunan, bulanan]'),
      edited(sop, '    per_unit: true\n', '    per_unit: 1\n'),
      edited(sop, 'jabatan: staf }', 'jabatan: staf, kolom: 3 }'),
      edited(sop, 'langkah:\n', 'langkah: {}\nx:\n'),
      edited(sop, 'identitas:\n', 'identitas: 5\nx:\n'),
    ];
    for (const text of broken) {
      const p = problems(text);
      expect(p.length).toBeGreaterThan(0);
      for (const line of p) expect(line).not.toMatch(/expected|invalid|too (small|big)|received|must/i);
    }
  });

  it('reports every problem, in the order of the file', () => {
    let text = edited(sop, '    per_unit: true\n', '    per_unit: ya\n');
    text = edited(text, '    oleh: kabid\n', '    olleh: kabid\n');
    text = edited(text, '  - no: 8\n', '  - no: delapan\n');
    const lines = problems(text).map((p) => Number(/^baris (\d+)/.exec(p)?.[1]));
    expect(lines).toHaveLength(3);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe('step numbering', () => {
  it('refuses a gap: 1–10, 40', () => {
    const text = edited(sop, '  - no: 11\n', '  - no: 40\n');
    expect(problems(text)).toEqual([
      `baris ${lineOf(text, '- no: 40')}, langkah 40, no: nomor langkah harus berurutan tanpa lompatan: sesudah langkah 10 seharusnya langkah 11, ditemukan 40`,
    ]);
  });

  it('refuses a flow that does not start at 1, and a number written twice', () => {
    const renumbered = sop.replace(/^ {2}- no: (\d+)$/gm, (_m, n) => `  - no: ${Number(n) + 1}`);
    expect(problems(renumbered).join('\n')).toMatch(
      /langkah 2, no: langkah pertama harus bernomor 1, ditemukan 2/,
    );
    expect(problems(edited(sop, '  - no: 4\n', '  - no: 3\n')).join('\n')).toMatch(
      /no: nomor langkah 3 ditulis dua kali/,
    );
  });
});

describe('YAML syntax errors', () => {
  it('puts an unclosed quote on the line where it was opened, not at the end of the file', () => {
    const text = edited(sop, '    kelengkapan: Draft LAKIP\n', '    kelengkapan: "Draft LAKIP\n');
    const opened = lineOf(text, '"Draft LAKIP');
    expect(opened).toBeLessThan(text.split('\n').length - 20);
    expect(problems(text)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^baris ${opened}: bukan YAML yang sah: tanda kutip " dibuka di baris ini tetapi tidak ditutup`,
        ),
      ),
    ]);
  });

  it('puts an unclosed bracket on its line', () => {
    expect(problems('id: x\nlangkah: [1, 2\nversi: 3\n')).toEqual([
      expect.stringMatching(
        /^baris 2: bukan YAML yang sah: kurung '\[' dibuka di baris ini tetapi tidak ditutup/,
      ),
    ]);
  });

  it('names a tab and a key written twice, once each, in Indonesian', () => {
    const tab = problems(edited(sop, '    kelengkapan: Draft LAKIP\n', '\tkelengkapan: Draft LAKIP\n'));
    expect(tab).toHaveLength(1);
    expect(tab[0]).toMatch(/^baris \d+: bukan YAML yang sah: tab tidak boleh dipakai/);
    const dup = edited(
      sop,
      '    kelengkapan: Draft LAKIP\n',
      '    kelengkapan: Draft LAKIP\n    kelengkapan: x\n',
    );
    expect(problems(dup)).toEqual([
      `baris ${lineOf(dup, 'kelengkapan: x')}: bukan YAML yang sah: kunci ini ditulis dua kali dalam bagian yang sama: kelengkapan: x`,
    ]);
  });
});

describe('the agency file, validated as strictly', () => {
  it('refuses a misspelt key with a suggestion, and a misspelt choice', () => {
    const text = edited(agency, '    email: kepala@', '    emial: kepala@');
    expect(problems(text, agencySchema)).toEqual([
      expect.stringMatching(/pejabat\.kepala\.email: wajib diisi$/),
      `baris ${lineOf(text, 'emial')}, pejabat.kepala.emial: kunci 'emial' tidak dikenal; maksud Anda 'email'?`,
    ]);
    expect(problems(edited(agency, 'zona_waktu: WIB', 'zona_waktu: WTA'), agencySchema)[0]).toMatch(
      /zona_waktu: harus WIB, WITA atau WIT, ditemukan 'WTA'; maksud Anda 'WITA'\?/,
    );
  });

  it('names units by their id and refuses an unknown weekday', () => {
    expect(
      problems(edited(agency, '  jenis: sekretariat\n', '  jenis: sekertariat\n'), agencySchema)[0],
    ).toMatch(/unit 'sekretariat', jenis: .*ditemukan 'sekertariat'; maksud Anda 'sekretariat'\?/);
    expect(problems(edited(agency, '  jumat:\n', '  jumaat:\n'), agencySchema)[0]).toMatch(
      /jam_kerja\.jumaat: kunci 'jumaat' tidak sah: harus salah satu dari: senin, .*; maksud Anda 'jumat'\?/,
    );
  });

  it('is strict when the catalogue loads it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakip-config-'));
    cpSync('config', dir, { recursive: true });
    const f = join(dir, 'instansi', 'kominfo-lumajang.yaml');
    writeFileSync(f, edited(agency, '  nama: Sekretariat\n', '  nama: Sekretariat\n  kepaal: kepala-unit\n'));
    expect(() => loadCatalogue(dir)).toThrow(/unit 'sekretariat', kepaal: kunci 'kepaal' tidak dikenal/);
  });
});

describe('the kinerja file, validated as strictly', () => {
  it('refuses a misspelt key and a misspelt aggregation rule', () => {
    expect(
      problems(
        edited(kinerja, '    satuan: indeks\n', '    satuan: indeks\n    polaritass: positif\n'),
        perjanjianKinerjaSchema,
      ),
    ).toEqual([
      expect.stringMatching(
        /sasaran SS1, indikator IKU-1, polaritass: kunci 'polaritass' tidak dikenal; maksud Anda 'polaritas'\?$/,
      ),
    ]);
    expect(
      problems(
        edited(kinerja, 'agregasi: nilai-akhir\n    target: 3.1', 'agregasi: nilai-ahir\n    target: 3.1'),
        perjanjianKinerjaSchema,
      )[0],
    ).toMatch(/indikator IKU-1, agregasi: .*ditemukan 'nilai-ahir'; maksud Anda 'nilai-akhir'\?/);
  });

  it('refuses a text target on a number-scored indicator, and a short quarterly list', () => {
    expect(
      problems(edited(kinerja, '    target: 3.1\n', '    target: tiga\n'), perjanjianKinerjaSchema)[0],
    ).toMatch(/indikator IKU-1, target: indikator positif harus bertarget angka.*, ditemukan 'tiga'/);
    expect(problems(edited(kinerja, '    - 2.33\n', ''), perjanjianKinerjaSchema)[0]).toMatch(
      /indikator IKU-1, target_triwulan: harus berisi tepat 4 butir, ditemukan 3/,
    );
    expect(problems(edited(kinerja, '"2023": 2.62', '"23": 2.62'), perjanjianKinerjaSchema)[0]).toMatch(
      /realisasi_lalu\.23: kunci '23' tidak sah: harus tahun empat angka/,
    );
  });
});

describe('did you mean', () => {
  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('oleh', 'olleh')).toBe(1);
    expect(editDistance('jenis', 'jeins')).toBe(1);
    expect(editDistance('waktu', 'output')).toBeGreaterThan(3);
  });

  it('suggests only a plausible typo', () => {
    expect(closest('Per-Unit', ['per_unit', 'pelaksana'])).toBe('per_unit');
    expect(closest('olleh', ['no', 'oleh', 'output'])).toBe('oleh');
    expect(closest('kepala', ['id', 'nama', 'jenis', 'pejabat'])).toBeUndefined();
  });
});

describe('whole-file problems', () => {
  it('names an empty file, a list where a mapping belongs, and an alias bomb', () => {
    expect(problems('# hanya komentar\n')).toEqual(['(seluruh berkas): berkas kosong']);
    expect(problems('- a\n- b\n')).toEqual([
      'baris 1, (seluruh berkas): harus bagian berisi kunci dan nilai, ditemukan sebuah daftar',
    ]);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      bomb.push(
        `${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(10)
          .fill(i === 1 ? '*a' : `*${'b'.repeat(i - 1)}`)
          .join(', ')}]`,
      );
    expect(problems(bomb.join('\n'))).toEqual([
      '(seluruh berkas): bukan YAML yang sah: terlalu banyak alias (*nama)',
    ]);
  });
});
