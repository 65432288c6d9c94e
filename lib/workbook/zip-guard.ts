import { createInflateRaw } from 'node:zlib';
import type { MasalahBerkas } from './errors.ts';

/**
 * Checks an uploaded .xlsx (a zip archive) before anything parses it, so that a small file cannot expand
 * into hundreds of megabytes in the reader. Reads the zip's central directory (entry count, declared
 * sizes, compression ratio, part names), then inflates each part as a stream that counts and discards
 * its output, stopping as soon as a part exceeds what the directory declared: a directory that lies about
 * sizes is caught too, and memory stays flat either way. The reader (exceljs) runs only on a file that
 * passes.
 */

const MiB = 1024 * 1024;

export const ZIP_LIMITS = {
  /** A workbook from this system has about 15 parts; Excel adds a few more (themes, printer settings). */
  entries: 250,
  entryBytes: 25 * MiB,
  totalBytes: 50 * MiB,
  /** Uncompressed : compressed, for parts larger than `ratioFrom`; real sheets stay far below. */
  ratio: 100,
  ratioFrom: 1 * MiB,
} as const;

/** What kind of Office file an archive must be: its parts, and the words the messages use for it. */
export interface ZipProfile {
  bagian: RegExp;
  ekstensi: string;
  aplikasi: string;
  /** What the file is, in a message ("buku kerja", "dokumen"). */
  isi: string;
}

/** The parts an .xlsx is made of (customXml: document properties that Office 365 and SharePoint add). */
export const XLSX: ZipProfile = {
  bagian: /^(\[Content_Types\]\.xml|_rels\/.*|docProps\/.*|xl\/.*|customXml\/.*)$/,
  ekstensi: '.xlsx',
  aplikasi: 'Excel',
  isi: 'buku kerja',
};

/** The parts a .docx is made of (a report revised in Word). */
export const DOCX: ZipProfile = {
  bagian: /^(\[Content_Types\]\.xml|_rels\/.*|docProps\/.*|word\/.*|customXml\/.*)$/,
  ekstensi: '.docx',
  aplikasi: 'Word',
  isi: 'dokumen',
};

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressed: number;
  size: number;
  local: number;
}

const SIG = {
  eocd: 0x06054b50,
  locator: 0x07064b50,
  eocd64: 0x06064b50,
  central: 0x02014b50,
  local: 0x04034b50,
};

const mb = (n: number) => `${(n / MiB).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;

/** A part name fit for a message: bounded, no control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const part = (name: string) => `'${name.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 80)}'`;

const damaged = (pr: ZipProfile) =>
  `berkas ${pr.ekstensi} rusak (daftar isi arsip zip tidak terbaca); simpan ulang dari ${pr.aplikasi} lalu unggah kembali`;
const unsafe = (pr: ZipProfile) =>
  `berkas ini tidak dibuka demi keamanan; simpan ulang dari ${pr.aplikasi} sebagai ${pr.ekstensi} lalu unggah kembali`;

class Refused extends Error {
  constructor(readonly masalah: MasalahBerkas[]) {
    super(masalah.map((m) => m.pesan).join('; '));
  }
}

const refuse = (pesan: string): never => {
  throw new Refused([{ pesan }]);
};

/** The problems that make the archive unsafe or unreadable; none for a sound workbook. */
export async function checkXlsxArchive(bytes: Uint8Array, pr: ZipProfile = XLSX): Promise<MasalahBerkas[]> {
  try {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const entries = centralDirectory(buf, pr);
    checkDirectory(entries, buf.byteLength, pr);
    for (const e of entries) await checkContent(buf, e, pr);
    return [];
  } catch (e) {
    if (e instanceof Refused) return e.masalah;
    throw e;
  }
}

/** Reads the central directory (zip64 included) without touching any part's data. */
function centralDirectory(buf: Buffer, pr: ZipProfile): Entry[] {
  const eocd = findEocd(buf, pr);
  let count = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let offset = buf.readUInt32LE(eocd + 16);
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0)
    refuse(
      `berkas ${pr.ekstensi} terbagi atas beberapa bagian arsip; simpan ulang sebagai satu berkas ${pr.ekstensi}`,
    );
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG.locator) refuse(damaged(pr));
    const at = num(buf.readBigUInt64LE(loc + 8));
    if (at + 56 > buf.byteLength || buf.readUInt32LE(at) !== SIG.eocd64) refuse(damaged(pr));
    count = num(buf.readBigUInt64LE(at + 32));
    size = num(buf.readBigUInt64LE(at + 40));
    offset = num(buf.readBigUInt64LE(at + 48));
  }
  // Checked before reading a single entry: a directory claiming millions of entries costs nothing.
  if (count > ZIP_LIMITS.entries)
    refuse(
      `berkas ${pr.ekstensi} berisi ${count.toLocaleString('id-ID')} bagian, melebihi batas ${ZIP_LIMITS.entries}; ${unsafe(pr)}`,
    );
  if (offset + size > buf.byteLength) refuse(damaged(pr));
  const out: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > offset + size || buf.readUInt32LE(p) !== SIG.central) refuse(damaged(pr));
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen + extraLen + commentLen > offset + size) refuse(damaged(pr));
    const e: Entry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      local: buf.readUInt32LE(p + 42),
    };
    zip64Sizes(buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), e, pr);
    out.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The end-of-central-directory record: the last 22 bytes, or earlier when the archive has a comment. */
function findEocd(buf: Buffer, pr: ZipProfile): number {
  const stop = Math.max(0, buf.byteLength - 22 - 0xffff);
  for (let i = buf.byteLength - 22; i >= stop; i--) if (buf.readUInt32LE(i) === SIG.eocd) return i;
  return refuse(damaged(pr));
}

/** Sizes and offset that did not fit 32 bits are in the zip64 extra field (id 1), in this order. */
function zip64Sizes(extra: Buffer, e: Entry, pr: ZipProfile): void {
  for (let p = 0; p + 4 <= extra.byteLength; ) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + len || q + 8 > extra.byteLength) refuse(damaged(pr));
        const v = num(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = next();
      if (e.compressed === 0xffffffff) e.compressed = next();
      if (e.local === 0xffffffff) e.local = next();
    }
    p += 4 + len;
  }
}

const num = (v: bigint): number =>
  v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);

/** What the directory declares: names, sizes, ratios. */
function checkDirectory(entries: Entry[], fileBytes: number, pr: ZipProfile): void {
  const seen = new Set<string>();
  let total = 0;
  for (const e of entries) {
    if (!pr.bagian.test(e.name) || e.name.split('/').includes('..') || e.name.includes('\\'))
      refuse(`bagian ${part(e.name)} bukan bagian ${pr.isi} ${pr.ekstensi}; ${unsafe(pr)}`);
    if (seen.has(e.name)) refuse(`bagian ${part(e.name)} muncul dua kali; ${unsafe(pr)}`);
    seen.add(e.name);
    if (e.flags & 1)
      refuse(`bagian ${part(e.name)} terenkripsi; simpan ulang tanpa kata sandi lalu unggah kembali`);
    if (e.method !== 0 && e.method !== 8)
      refuse(
        `bagian ${part(e.name)} dimampatkan dengan cara yang tidak dikenal ${pr.aplikasi}; ${unsafe(pr)}`,
      );
    if (e.compressed > fileBytes) refuse(damaged(pr));
    if (e.size > ZIP_LIMITS.entryBytes)
      refuse(
        `bagian ${part(e.name)} berukuran ${mb(e.size)} setelah dibuka, melebihi batas ${mb(ZIP_LIMITS.entryBytes)} per bagian; ${unsafe(pr)}`,
      );
    if (e.size > ZIP_LIMITS.ratioFrom && e.size > e.compressed * ZIP_LIMITS.ratio)
      refuse(
        `bagian ${part(e.name)} dimampatkan ${Math.round(e.size / Math.max(1, e.compressed)).toLocaleString('id-ID')} kali lipat, jauh di atas ${pr.isi} wajar (batas ${ZIP_LIMITS.ratio} kali); ${unsafe(pr)}`,
      );
    total += e.size;
  }
  if (total > ZIP_LIMITS.totalBytes)
    refuse(
      `isi berkas setelah dibuka berjumlah ${mb(total)}, melebihi batas ${mb(ZIP_LIMITS.totalBytes)}; ${unsafe(pr)}`,
    );
}

/** Each part holds what the directory says: inflated as a counting stream, abandoned once over. */
async function checkContent(buf: Buffer, e: Entry, pr: ZipProfile): Promise<void> {
  if (e.local + 30 > buf.byteLength || buf.readUInt32LE(e.local) !== SIG.local) refuse(damaged(pr));
  const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
  if (start + e.compressed > buf.byteLength) refuse(damaged(pr));
  const data = buf.subarray(start, start + e.compressed);
  const actual = e.method === 0 ? data.byteLength : await inflatedSize(data, e.size);
  if (actual === undefined) refuse(damaged(pr));
  if (actual !== e.size)
    refuse(`ukuran bagian ${part(e.name)} tidak sesuai dengan daftar isi arsip; ${unsafe(pr)}`);
}

/** The inflated size of raw deflate data, counting up to just past `limit`; undefined when corrupt. */
function inflatedSize(data: Buffer, limit: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const z = createInflateRaw();
    let n = 0;
    let settled = false;
    const settle = (v: number | undefined) => {
      if (settled) return;
      settled = true;
      z.destroy();
      resolve(v);
    };
    z.on('data', (chunk: Buffer) => {
      n += chunk.byteLength;
      if (n > limit) settle(n);
    });
    z.on('end', () => settle(n));
    z.on('error', () => settle(undefined));
    z.end(data);
  });
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * The archive check for an uploaded file, before readSubmission: a zip (an .xlsx, whatever its name says)
 * is checked; anything else (CSV, an old .xls, a file that is not a workbook) is left to the reader,
 * which says what it is.
 */
export function checkUploadedArchive(bytes: Uint8Array): Promise<MasalahBerkas[]> {
  const zip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  return zip ? checkXlsxArchive(bytes) : Promise.resolve([]);
}
