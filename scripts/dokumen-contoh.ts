/**
 * Writes every document of a demo cycle as DOCX and PDF (and a quarter's agency report as PDF), to look at them: `npm run dokumen:contoh
 * [-- folder]` (default dokumen-contoh/, git-ignored). With `--pdf-docx` each DOCX is also converted
 * by LibreOffice to PDF (…-docx.pdf), to compare what Word users see with the PDF renderer's output.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue } from '../lib/catalogue.ts';
import {
  contohDisposisi,
  contohLakip,
  contohLakipTriwulan,
  contohLaporanUnit,
  contohSuratPengantar,
} from '../lib/documents/contoh.ts';
import { renderLakip, renderLakipPdf } from '../lib/documents/lakip.ts';
import { renderDisposisi, renderSuratPengantar } from '../lib/documents/letters.ts';

const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith('--')) ?? 'dokumen-contoh';
const viaLibreOffice = args.includes('--pdf-docx');
mkdirSync(out, { recursive: true });
const cat = loadCatalogue('config');

const jobs: [string, () => Promise<Buffer>][] = [];
for (const [id, singkatan] of [
  ['dkukmtk-balangan', 'LAKIP'],
  ['kominfo-lumajang', 'LKjIP'],
] as const) {
  const input = contohLakip(cat, id, singkatan);
  jobs.push([`${singkatan}-${id}-2025.docx`, () => renderLakip(input)]);
  jobs.push([`${singkatan}-${id}-2025.pdf`, () => renderLakipPdf(input)]);
}
const tw2 = contohLakipTriwulan(cat, 'kominfo-lumajang', 'LKjIP', 'TW2');
jobs.push(['LKjIP-kominfo-lumajang-2025-TW2.pdf', () => renderLakipPdf(tw2)]);
const unit = contohLaporanUnit(cat, 'kominfo-lumajang', 'bidang-statistik-persandian', 'TW2');
jobs.push(['laporan-unit-statistik-persandian-TW2.docx', () => renderLakip(unit)]);
jobs.push(['laporan-unit-statistik-persandian-TW2.pdf', () => renderLakipPdf(unit)]);
const dispo = contohDisposisi(cat, 'kominfo-lumajang');
jobs.push(['disposisi-lumajang.docx', () => renderDisposisi(dispo, 'docx')]);
jobs.push(['disposisi-lumajang.pdf', () => renderDisposisi(dispo, 'pdf')]);
const surat = contohSuratPengantar(cat, 'dkukmtk-balangan', 'LAKIP');
jobs.push(['surat-pengantar-balangan.docx', () => renderSuratPengantar(surat, 'docx')]);
jobs.push(['surat-pengantar-balangan.pdf', () => renderSuratPengantar(surat, 'pdf')]);

for (const [name, make] of jobs) {
  const t0 = Date.now();
  const bytes = await make();
  writeFileSync(join(out, name), bytes);
  console.log(`${name}: ${Math.round(bytes.length / 1024)} KB, ${Date.now() - t0} ms`);
  if (viaLibreOffice && name.endsWith('.docx')) {
    const dir = join(out, 'libreoffice');
    mkdirSync(dir, { recursive: true });
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(out, name)], {
      stdio: 'ignore',
    });
  }
}
console.log(`Dokumen contoh ditulis ke ${out}/`);
