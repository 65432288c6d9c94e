import { createDeflateRaw } from 'node:zlib';

/** One part of a hand-built zip: its stored bytes as given, with whatever sizes the directory claims. */
export interface RawEntry {
  name: string;
  /** The bytes stored in the archive (raw deflate for method 8). */
  data: Buffer;
  /** The uncompressed size the directory claims (a lie, when a test wants one). */
  size: number;
  method?: 0 | 8;
  flags?: number;
}

/** Raw deflate of `bytes` zeros, produced as a stream: memory stays small however large the claim. */
export async function deflatedZeros(bytes: number): Promise<Buffer> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => z.on('end', r));
  const chunk = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= chunk.byteLength) {
    const piece = left >= chunk.byteLength ? chunk : chunk.subarray(0, left);
    if (!z.write(piece)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return Buffer.concat(out);
}

/**
 * A zip archive built by hand (local headers, central directory, end record), optionally in zip64 form
 * with every size and offset in the zip64 extra field. CRCs are left zero: nothing here gets that far.
 */
export function zipOf(entries: RawEntry[], opts: { zip64?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(e.method ?? 8, 8);
    local.writeUInt32LE(Math.min(e.data.byteLength, 0xffffffff), 18);
    local.writeUInt32LE(Math.min(e.size, 0xffffffff), 22);
    local.writeUInt16LE(name.byteLength, 26);
    locals.push(local, name, e.data);

    const extra = opts.zip64 ? Buffer.alloc(4 + 24) : Buffer.alloc(0);
    if (opts.zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(e.size), 4);
      extra.writeBigUInt64LE(BigInt(e.data.byteLength), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags ?? 0, 8);
    central.writeUInt16LE(e.method ?? 8, 10);
    central.writeUInt32LE(opts.zip64 ? 0xffffffff : e.data.byteLength, 20);
    central.writeUInt32LE(opts.zip64 ? 0xffffffff : Math.min(e.size, 0xffffffff), 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt16LE(extra.byteLength, 30);
    central.writeUInt32LE(opts.zip64 ? 0xffffffff : offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.byteLength + e.data.byteLength;
  }
  const cd = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (opts.zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(entries.length), 24);
    rec.writeBigUInt64LE(BigInt(entries.length), 32);
    rec.writeBigUInt64LE(BigInt(cd.byteLength), 40);
    rec.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cd.byteLength), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(rec, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(opts.zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(opts.zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(cd.byteLength, 12);
  end.writeUInt32LE(opts.zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, cd, ...tail, end]);
}

/** The parts every workbook has, tiny and honest, to surround a bad part with. */
export function xlsxSkeleton(): RawEntry[] {
  const stored = (name: string, text: string): RawEntry => {
    const data = Buffer.from(text);
    return { name, data, size: data.byteLength, method: 0 };
  };
  return [
    stored('[Content_Types].xml', '<Types/>'),
    stored('_rels/.rels', '<Relationships/>'),
    stored('xl/workbook.xml', '<workbook/>'),
  ];
}
