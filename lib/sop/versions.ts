import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { DataFileError, parseSop } from './load.ts';
import type { Sop } from './schema.ts';
import { versionKey } from './version-key.ts';

/**
 * SOP versions. A cycle runs to its end on the SOP version it started with, so a published version must
 * never change under it: `config/sop/versi.lock` remembers the content of every published (id, versi),
 * loading the catalogue refuses a locked version whose content changed, and a changed SOP gets a new
 * `versi` while the old file moves to `config/sop/arsip/`.
 */

export const LOCK_FILE = 'versi.lock';
export const ARCHIVE_DIR = 'arsip';

/** A file of one SOP version, as loaded. */
export interface SopFile {
  file: string;
  text: string;
  sop: Sop;
}

/** JSON with sorted keys: the same data gives the same text whatever the key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/**
 * The fingerprint of an SOP file: SHA-256 of its data (YAML parsed, keys sorted), so that comments,
 * layout and quoting may change freely while any change to what the file says is noticed.
 */
export function sopFingerprint(text: string): string {
  return createHash('sha256')
    .update(canonical(parse(text)))
    .digest('hex');
}

/** The lock: fingerprint per version key, read from `<sop dir>/versi.lock` (absent: nothing is locked). */
export function readLock(sopDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const file = join(sopDir, LOCK_FILE);
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const [key, hash] = t.split(/\s+/);
    if (key && hash) out.set(key, hash);
  }
  return out;
}

function writeLock(sopDir: string, lock: Map<string, string>) {
  const lines = [...lock].sort(([a], [b]) => a.localeCompare(b)).map(([k, h]) => `${k} ${h}`);
  writeFileSync(
    join(sopDir, LOCK_FILE),
    [
      '# Versi SOP yang sudah terbit: id@versi lalu sidik (SHA-256) isinya. Dibuat oleh `lakip sop kunci`;',
      '# jangan diubah dengan tangan. Lihat docs/sop-format.md, bagian "Versi SOP".',
      ...lines,
      '',
    ].join('\n'),
  );
}

/** Problems of the SOP files against the lock: a locked version changed, or a locked version's file is gone. */
export function checkLock(sopDir: string, files: SopFile[]): { lokasi: string; pesan: string }[] {
  const lock = readLock(sopDir);
  const out: { lokasi: string; pesan: string }[] = [];
  const present = new Set<string>();
  for (const f of files) {
    const key = versionKey(f.sop.id, f.sop.versi);
    present.add(key);
    const locked = lock.get(key);
    if (locked && locked !== sopFingerprint(f.text))
      out.push({
        lokasi: basename(f.file),
        pesan: `SOP ${f.sop.id} versi ${f.sop.versi} sudah dipakai dan isinya berubah: naikkan versi menjadi ${f.sop.versi + 1} dan simpan versi lama di config/sop/${ARCHIVE_DIR}/${f.sop.id}-v${f.sop.versi}.yaml, lalu jalankan \`lakip sop kunci\``,
      });
  }
  for (const key of lock.keys()) {
    if (present.has(key)) continue;
    const [id, versi] = key.split('@');
    out.push({
      lokasi: LOCK_FILE,
      pesan: `SOP ${id} versi ${versi} sudah terbit tetapi berkasnya tidak ada: siklus yang berjalan pada versi itu memerlukannya; simpan berkas versi itu di config/sop/${ARCHIVE_DIR}/${id}-v${versi}.yaml (hapus barisnya dari ${LOCK_FILE} hanya bila tidak ada siklus yang memakainya)`,
    });
  }
  return out;
}

/** Records every version not yet locked; returns the keys added. A changed locked version is refused by checkLock first. */
export function lockVersions(sopDir: string, files: SopFile[]): string[] {
  const lock = readLock(sopDir);
  const added: string[] = [];
  for (const f of files) {
    const key = versionKey(f.sop.id, f.sop.versi);
    if (lock.has(key)) continue;
    lock.set(key, sopFingerprint(f.text));
    added.push(key);
  }
  if (added.length > 0 || !existsSync(join(sopDir, LOCK_FILE))) writeLock(sopDir, lock);
  return added.sort();
}

/**
 * Every SOP version under `<config>/sop`: the current file of each SOP in `sop/`, older versions that
 * running cycles may still use in `sop/arsip/` (same `id`, lower `versi`), checked against the lock.
 */
export function loadSopVersions(
  sopDir: string,
  yamlFiles: (dir: string) => string[],
): { latest: Map<string, Sop>; versions: Map<string, Sop>; files: SopFile[] } {
  const read = (file: string): SopFile => {
    const text = readFileSync(file, 'utf8');
    return { file, text, sop: parseSop(file, text) };
  };
  const current = yamlFiles(sopDir).map(read);
  const archived = yamlFiles(join(sopDir, ARCHIVE_DIR)).map(read);
  const problems: { lokasi: string; pesan: string }[] = [];
  const latest = new Map<string, Sop>();
  const versions = new Map<string, Sop>();
  for (const f of current) {
    if (latest.has(f.sop.id))
      problems.push({
        lokasi: basename(f.file),
        pesan: `SOP '${f.sop.id}' sudah ada di berkas lain di folder sop/; versi lama disimpan di sop/${ARCHIVE_DIR}/`,
      });
    latest.set(f.sop.id, f.sop);
    versions.set(versionKey(f.sop.id, f.sop.versi), f.sop);
  }
  for (const f of archived) {
    const lokasi = `${ARCHIVE_DIR}/${basename(f.file)}`;
    const now = latest.get(f.sop.id);
    const key = versionKey(f.sop.id, f.sop.versi);
    if (!now)
      problems.push({
        lokasi,
        pesan: `SOP '${f.sop.id}' tidak ada lagi di folder sop/; versi lamanya tidak dipakai`,
      });
    else if (f.sop.versi >= now.versi)
      problems.push({
        lokasi,
        pesan: `versi ${f.sop.versi} tidak lebih lama dari versi sekarang (${now.versi}) di folder sop/; arsip hanya untuk versi lama`,
      });
    else if (versions.has(key))
      problems.push({ lokasi, pesan: `SOP '${f.sop.id}' versi ${f.sop.versi} sudah ada di berkas lain` });
    else versions.set(key, f.sop);
  }
  const files = [...current, ...archived];
  problems.push(...checkLock(sopDir, files));
  if (problems.length > 0) throw new DataFileError(sopDir, problems);
  return { latest, versions, files };
}
