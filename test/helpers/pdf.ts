import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { keySigner } from '../../lib/signing/key-signer.ts';
import { newRsaKey, rsaKey } from '../../lib/signing/local-key.ts';
import type { CertificateStore, Tte } from '../../lib/signing/port.ts';
import { tteOf } from '../../lib/signing/tte.ts';

/** A small PDF of `pages` pages with a line of text on each (stands in for the rendered report). */
export async function smallPdf(title = 'Laporan Kinerja', pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++)
    doc.addPage([595, 842]).drawText(`${title} - halaman ${i}`, { x: 60, y: 760, size: 16, font });
  return doc.save();
}

/** Certificates kept in memory (the table's role in the cloud). */
export function memoryCertificates(): CertificateStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    async getCertificate(id) {
      return map.get(id);
    },
    async putCertificateIfAbsent(id, pem) {
      if (map.has(id)) return false;
      map.set(id, pem);
      return true;
    },
  };
}

/** Runs poppler's pdfsig on the bytes: its exit status and its report. */
export function pdfsig(bytes: Uint8Array): { ok: boolean; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pdfsig-'));
  const file = join(dir, 'd.pdf');
  writeFileSync(file, bytes);
  try {
    return { ok: true, out: execFileSync('pdfsig', ['-nocert', file], { encoding: 'utf8' }) };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

let sharedKey: ReturnType<typeof newRsaKey> | undefined;
/** The signing port over one RSA key made once per test process (standing in for KMS). */
export function memoryTte(certs: CertificateStore = memoryCertificates()): Tte {
  sharedKey ??= newRsaKey();
  const signer = keySigner(rsaKey(sharedKey), certs);
  return tteOf(() => signer);
}

/** The text of a PDF (poppler's pdftotext). */
export function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdftext-'));
  const file = join(dir, 'd.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
