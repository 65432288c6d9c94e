import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { main } from '../../lib/cli/main.ts';
import { buildFormatWorkbook } from '../../lib/workbook/build.ts';
import { checkUploadedArchive, checkXlsxArchive, ZIP_LIMITS } from '../../lib/workbook/zip-guard.ts';
import { tempFile } from '../helpers/files.ts';
import { deflatedZeros, type RawEntry, xlsxSkeleton, zipOf } from '../helpers/zip-bomb.ts';

const MiB = 1024 * 1024;
const cat = loadCatalogue();
const agency = cat.agencies.get('dkukmtk-balangan')!;

/** 300 MB of zeros, deflated (about 300 KB): the bomb. */
let zeros300: Buffer;
beforeAll(async () => {
  zeros300 = await deflatedZeros(300 * MiB);
}, 60_000);

const sheet = (over: Partial<RawEntry>): RawEntry => ({
  name: 'xl/worksheets/sheet1.xml',
  data: Buffer.alloc(0),
  size: 0,
  ...over,
});
const messages = async (zip: Buffer) => (await checkXlsxArchive(zip)).map((m) => m.pesan);

describe('the zip check before a workbook is parsed', () => {
  it('passes the format workbook this system builds, and one Excel saved with document properties', async () => {
    const format = await buildFormatWorkbook({
      agency,
      unit: agency.unit[0]!,
      pk: cat.kinerja.get('dkukmtk-balangan/2025')!,
      periode: 'tahunan',
    });
    expect(await checkXlsxArchive(format)).toEqual([]);
    const zip = await JSZip.loadAsync(format);
    zip.file('customXml/item1.xml', '<x/>');
    zip.file('docProps/custom.xml', '<Properties/>');
    expect(
      await checkXlsxArchive(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })),
    ).toEqual([]);
  });

  it('refuses the 300 MB zero entry from the directory alone', async () => {
    expect(zeros300.byteLength).toBeLessThan(1 * MiB);
    const zip = zipOf([...xlsxSkeleton(), sheet({ data: zeros300, size: 300 * MiB })]);
    expect(await messages(zip)).toEqual([
      "bagian 'xl/worksheets/sheet1.xml' berukuran 300 MB setelah dibuka, melebihi batas 25 MB per bagian; berkas ini tidak dibuka demi keamanan; simpan ulang dari Excel sebagai .xlsx lalu unggah kembali",
    ]);
  });

  it('catches a directory that lies about sizes, stopping the inflation just past the claim', async () => {
    const zip = zipOf([...xlsxSkeleton(), sheet({ data: zeros300, size: 1 * MiB })]);
    const rss = process.memoryUsage().rss;
    expect(await messages(zip)).toEqual([
      "ukuran bagian 'xl/worksheets/sheet1.xml' tidak sesuai dengan daftar isi arsip; berkas ini tidak dibuka demi keamanan; simpan ulang dari Excel sebagai .xlsx lalu unggah kembali",
    ]);
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * MiB);
    // A part claiming less than it holds by one byte is caught as well.
    const small = deflateRawSync(Buffer.alloc(1000, 'a'));
    expect(await messages(zipOf([...xlsxSkeleton(), sheet({ data: small, size: 999 })]))).toHaveLength(1);
    expect(await messages(zipOf([...xlsxSkeleton(), sheet({ data: small, size: 1000 })]))).toEqual([]);
  });

  it('refuses a compression ratio no real sheet has, below the size limits', async () => {
    const data = deflateRawSync(Buffer.alloc(20 * MiB));
    expect(await messages(zipOf([...xlsxSkeleton(), sheet({ data, size: 20 * MiB })]))).toEqual([
      expect.stringMatching(
        /^bagian 'xl\/worksheets\/sheet1\.xml' dimampatkan [\d.]+ kali lipat, jauh di atas buku kerja wajar \(batas 100 kali\)/,
      ),
    ]);
  });

  it('refuses too many parts, and a total that is too large, before reading any part', async () => {
    const many = Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) => sheet({ name: `xl/p${i}.xml` }));
    expect(await messages(zipOf(many))).toEqual([
      `berkas .xlsx berisi 251 bagian, melebihi batas 250; berkas ini tidak dibuka demi keamanan; simpan ulang dari Excel sebagai .xlsx lalu unggah kembali`,
    ]);
    // Three parts of 20 MB that claim an honest ratio: the total decides (their bytes are never read).
    const big = (i: number) =>
      sheet({ name: `xl/worksheets/sheet${i}.xml`, data: Buffer.alloc(400_000), size: 20 * MiB });
    expect(await messages(zipOf([...xlsxSkeleton(), big(1), big(2), big(3)]))).toEqual([
      expect.stringContaining('isi berkas setelah dibuka berjumlah 60 MB, melebihi batas 50 MB'),
    ]);
  });

  it('reads zip64 directories and applies the same limits', async () => {
    expect(
      await messages(zipOf([...xlsxSkeleton(), sheet({ data: zeros300, size: 300 * MiB })], { zip64: true })),
    ).toEqual([expect.stringContaining('berukuran 300 MB setelah dibuka')]);
    const huge = sheet({ data: zeros300, size: 2 ** 50 });
    expect(await messages(zipOf([...xlsxSkeleton(), huge], { zip64: true }))).toEqual([
      expect.stringContaining('melebihi batas 25 MB per bagian'),
    ]);
    const honest = deflateRawSync(Buffer.from('<worksheet/>'));
    expect(
      await messages(zipOf([...xlsxSkeleton(), sheet({ data: honest, size: 12 })], { zip64: true })),
    ).toEqual([]);
  });

  it.each([
    ['payload.exe', "bagian 'payload.exe' bukan bagian buku kerja .xlsx"],
    ['xl/../../etc/passwd', "bagian 'xl/../../etc/passwd' bukan bagian buku kerja .xlsx"],
    ['xl\\worksheets\\sheet9.xml', "bagian 'xl\\worksheets\\sheet9.xml' bukan bagian buku kerja .xlsx"],
    ['mimetype', "bagian 'mimetype' bukan bagian buku kerja .xlsx"],
  ])('refuses a part an .xlsx has no use for: %s', async (name, pesan) => {
    expect(await messages(zipOf([...xlsxSkeleton(), sheet({ name, method: 0 })]))).toEqual([
      expect.stringContaining(pesan),
    ]);
  });

  it('refuses encrypted parts, unknown compression, duplicate parts and damaged archives', async () => {
    expect(await messages(zipOf([...xlsxSkeleton(), sheet({ flags: 1 })]))).toEqual([
      "bagian 'xl/worksheets/sheet1.xml' terenkripsi; simpan ulang tanpa kata sandi lalu unggah kembali",
    ]);
    expect((await messages(zipOf([...xlsxSkeleton(), { ...sheet({}), method: 12 as 8 }])))[0]).toContain(
      'dimampatkan dengan cara yang tidak dikenal Excel',
    );
    expect((await messages(zipOf([...xlsxSkeleton(), ...xlsxSkeleton()])))[0]).toContain('muncul dua kali');
    const damaged =
      'berkas .xlsx rusak (daftar isi arsip zip tidak terbaca); simpan ulang dari Excel lalu unggah kembali';
    const good = zipOf(xlsxSkeleton());
    expect(await messages(good.subarray(0, good.byteLength - 30))).toEqual([damaged]);
    expect(await messages(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]))).toEqual([
      damaged,
    ]);
    const corrupt = sheet({ data: Buffer.from([0xff, 0xff, 0xff, 0xff]), size: 10 });
    expect(await messages(zipOf([...xlsxSkeleton(), corrupt]))).toEqual([damaged]);
  });

  it('leaves files that are not zip archives to the reader, which says what they are', async () => {
    expect(await checkUploadedArchive(Buffer.from('Kode;Realisasi\nIKU-1;5\n'))).toEqual([]);
    expect(await checkUploadedArchive(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toEqual([]);
    const bomb = zipOf([...xlsxSkeleton(), sheet({ data: zeros300, size: 300 * MiB })]);
    expect(await checkUploadedArchive(bomb)).toHaveLength(1);
  });

  it('guards `lakip analyze` too, before it peeks at the file', async () => {
    const f = tempFile('isian.xlsx', zipOf([...xlsxSkeleton(), sheet({ data: zeros300, size: 300 * MiB })]));
    const err: string[] = [];
    expect(await main(['analyze', f], { out: () => undefined, err: (s) => err.push(s) })).toBe(1);
    expect(err.join('\n')).toContain('berukuran 300 MB setelah dibuka, melebihi batas 25 MB per bagian');
  });
});
