import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Agency } from '../agency/schema.ts';
import {
  type Catalogue,
  defaultConfigDir,
  loadCatalogue,
  requireAgency,
  requireKinerja,
  yamlFiles,
} from '../catalogue.ts';
import { renderSopSheet, renderSopSheetPdf } from '../documents/sop-sheet.ts';
import { analisis } from '../performance/analysis.ts';
import { type Gabungan, GabunganDitolak, gabungBerkas, type Kiriman } from '../performance/combine.ts';
import { PERIODE, type Periode } from '../performance/submission.ts';
import { DataFileError, loadSopFile } from '../sop/load.ts';
import type { Sop } from '../sop/schema.ts';
import { LOCK_FILE, loadSopVersions, lockVersions } from '../sop/versions.ts';
import { buildFormatWorkbook } from '../workbook/build.ts';
import { BerkasDitolak, formatMasalah } from '../workbook/errors.ts';
import { peekIdentity, readSubmission } from '../workbook/read.ts';
import { checkUploadedArchive } from '../workbook/zip-guard.ts';

/** `lakip`: the command for provincial IT staff. Everything it prints is in Bahasa Indonesia. */

const HELP = `Penggunaan: lakip <perintah> [opsi]

Perintah:
  sop validate <berkas.yaml>…        Memeriksa berkas SOP; keluar dengan kode 1 bila ada kesalahan
  sop list                           Menampilkan SOP di katalog beserta instansi yang menjalankannya
  sop kunci                          Mencatat versi SOP baru di config/sop/versi.lock (lihat
                                     docs/sop-format.md, "Versi SOP")
  sop cetak <id-sop|berkas.yaml> --out <f.docx> [--kertas A4|F4]
                                     Mencetak SOP dalam tata letak SOP AP (PermenPAN-RB 35/2012) dengan
                                     bagan alirnya, sebagai DOCX dan PDF (f.docx dan f.pdf)
  format --agency <id> --year <tttt> --unit <unit> --out <f.xlsx> [--periode tahunan|TW1..TW4]
                                     Membuat format pengumpulan data untuk satu unit
  analyze <berkas .xlsx/.csv>… [--agency <id>] [--year <tttt>] [--json]
                                     Membaca berkas isian unit dan menghitung capaian untuk periode
                                     berkas; beberapa triwulan digabung menurut aturan agregasi
  siklus lanjutkan <instansi>/<siklus>
                                     Melanjutkan siklus yang terhenti dari langkah tempat ia berhenti
  siklus status <instansi>/<siklus>  Menampilkan status siklus (dan penyebab bila terhenti)
  siklus pindahkan <instansi>/<siklus> --versi <N>
                                     Memindahkan siklus ke versi lain SOP-nya (eksekusinya dihentikan
                                     dulu bila masih berjalan) dan melanjutkannya dari posisinya
  pejabat plt <instansi> --jabatan <kunci> --jenis Plt.|Plh. --nama <nama> --email <email>
          --mulai <YYYY-MM-DD> --selesai <YYYY-MM-DD> [--unit <unit>] [--nip <nip>]
                                     Mencatat pelaksana tugas (Plt./Plh.) suatu jabatan untuk rentang
                                     tanggal; tugas yang dibuka dalam rentang itu diberikan kepadanya
  pejabat daftar <instansi>          Menampilkan pelaksana tugas instansi
  demo                               Menjalankan satu siklus penuh setiap SOP secara lokal

Perintah siklus dan pejabat memakai API operator di LAKIP_API_URL (keluaran AlamatHalaman dari cdk deploy; permintaan
ditandatangani dengan kredensial AWS Anda) atau, tanpa itu, runtime lokal \`npm start\`.

Opsi umum:
  --config <folder>   Folder data (default: ${defaultConfigDir()})
  -h, --help          Menampilkan bantuan ini`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    io.err(`Opsi tidak dikenal: ${(e as Error).message.replace(/^.*?'(.*?)'.*$/, '$1')}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [cmd, sub, ...rest] = positionals;
  if (values.help || !cmd) {
    io.out(HELP);
    return cmd || values.help ? 0 : 2;
  }
  try {
    if (cmd === 'sop' && sub === 'validate') return validateSops(rest, io);
    if (cmd === 'sop' && sub === 'list') return listSops(catalogue(values.config), io);
    if (cmd === 'sop' && sub === 'kunci') return lockSops(values.config ?? defaultConfigDir(), io);
    if (cmd === 'sop' && sub === 'cetak')
      return await printSop(values.config, rest[0], values.out, values.kertas, io);
    if (cmd === 'format') return await format(catalogue(values.config), values, io);
    if (cmd === 'analyze')
      return await analyze(
        catalogue(values.config),
        [sub, ...rest].filter((x): x is string => !!x),
        values,
        io,
      );
    if (cmd === 'siklus') {
      // The operators' API: LAKIP_API_URL (the cloud stack's AlamatHalaman output), or `npm start` locally.
      const { operatorApi } = await import('../adapters/operator-api.ts');
      const { siklusCommand } = await import('./siklus.ts');
      const base = process.env.LAKIP_API_URL ?? `http://127.0.0.1:${process.env.LAKIP_PORT_BASE ?? 4500}`;
      return await siklusCommand([sub ?? '', ...rest], operatorApi(base), io, { versi: values.versi });
    }
    if (cmd === 'pejabat') {
      const { operatorApi } = await import('../adapters/operator-api.ts');
      const { pejabatCommand } = await import('./pejabat.ts');
      const base = process.env.LAKIP_API_URL ?? `http://127.0.0.1:${process.env.LAKIP_PORT_BASE ?? 4500}`;
      return await pejabatCommand([sub ?? '', ...rest], operatorApi(base), io, {
        jabatan: values.jabatan,
        jenis: values.jenis,
        nama: values.nama,
        email: values.email,
        mulai: values.mulai,
        selesai: values.selesai,
        unit: values.unit,
        nip: values.nip,
      });
    }
    if (cmd === 'demo') {
      // The demo needs the local runtime (infra/local), which lib must not import: bin/lakip.mjs runs it.
      io.err('Perintah demo dijalankan melalui `npx lakip demo` atau `npm run demo`.');
      return 2;
    }
    io.err(`Perintah tidak dikenal: ${[cmd, sub].filter(Boolean).join(' ')}\n\n${HELP}`);
    return 2;
  } catch (e) {
    if (e instanceof DataFileError) {
      io.err(e.message);
      return 1;
    }
    io.err(`Gagal: ${(e as Error).message}`);
    return 1;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      config: { type: 'string' },
      agency: { type: 'string' },
      year: { type: 'string' },
      unit: { type: 'string' },
      periode: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      versi: { type: 'string' },
      kertas: { type: 'string' },
      jabatan: { type: 'string' },
      jenis: { type: 'string' },
      nama: { type: 'string' },
      email: { type: 'string' },
      mulai: { type: 'string' },
      selesai: { type: 'string' },
      nip: { type: 'string' },
    },
  });
}

function catalogue(dir?: string): Catalogue {
  return loadCatalogue(dir ?? defaultConfigDir());
}

/** Records the SOP versions not yet in config/sop/versi.lock (after the whole catalogue checked out). */
function lockSops(dir: string, io: Io): number {
  loadCatalogue(dir);
  const sopDir = join(dir, 'sop');
  const added = lockVersions(sopDir, loadSopVersions(sopDir, yamlFiles).files);
  io.out(
    added.length
      ? `Versi baru dicatat di ${join(sopDir, LOCK_FILE)}: ${added.join(', ')}`
      : 'Semua versi SOP sudah tercatat; tidak ada yang berubah.',
  );
  return 0;
}

function validateSops(files: string[], io: Io): number {
  if (files.length === 0) {
    io.err('Sebutkan berkas SOP yang akan diperiksa, misalnya: lakip sop validate config/sop/contoh.yaml');
    return 2;
  }
  let failed = 0;
  for (const f of files) {
    try {
      const sop = loadSopFile(f);
      io.out(
        `✓ ${f}: SOP ${sop.identitas.nomor} "${sop.identitas.nama}" sah (${sop.langkah.length} langkah, ${sop.pelaksana.length} pelaksana)`,
      );
    } catch (e) {
      failed++;
      if (e instanceof DataFileError) io.err(`✗ ${e.message}`);
      else
        io.err(
          `✗ ${f}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'berkas tidak ditemukan' : (e as Error).message}`,
        );
    }
  }
  return failed > 0 ? 1 : 0;
}

function listSops(cat: Catalogue, io: Io): number {
  for (const sop of cat.sops.values()) {
    const users = [...cat.agencies.values()]
      .filter((a) => a.sop.includes(sop.id))
      .map((a) => `${a.nama} ${a.pemerintah}`);
    io.out(
      `${sop.id}\n  ${sop.identitas.nomor} — ${sop.identitas.nama}\n  ${sop.langkah.length} langkah, siklus ${sop.siklus.join(' dan ')}; dijalankan oleh: ${users.join('; ') || '(belum ada instansi)'}`,
    );
  }
  return 0;
}

/**
 * Prints an SOP from the catalogue by id, or straight from a file (`config/sop/baru.yaml`): a new SOP
 * can be printed and shown for approval before any agency runs it, and before the catalogue loads it.
 */
async function printSop(
  configDir: string | undefined,
  idOrFile: string | undefined,
  out: string | undefined,
  kertasArg: string | undefined,
  io: Io,
): Promise<number> {
  const kertas = (kertasArg ?? 'A4').toUpperCase();
  if (kertas !== 'A4' && kertas !== 'F4') {
    io.err(`kertas '${kertasArg}' tidak dikenal; gunakan A4 atau F4`);
    return 2;
  }
  const isFile = !!idOrFile && (/\.ya?ml$/i.test(idOrFile) || idOrFile.includes('/') || existsSync(idOrFile));
  if (!idOrFile || !out) {
    io.err('Gunakan: lakip sop cetak <id-sop | berkas.yaml> --out <berkas.docx> [--kertas A4|F4]');
    return 2;
  }
  let sop: Sop | undefined;
  // The agency running the SOP, when known, supplies the working time of steps the SOP sets none for.
  let agency: Agency | undefined;
  if (isFile) {
    if (!existsSync(idOrFile)) {
      io.err(`Berkas SOP ${idOrFile} tidak ditemukan`);
      return 1;
    }
    sop = loadSopFile(idOrFile);
  } else {
    const cat = catalogue(configDir);
    sop = cat.sops.get(idOrFile);
    if (!sop) {
      io.err(
        `SOP '${idOrFile}' tidak ada di katalog; SOP yang ada: ${[...cat.sops.keys()].join(', ')}. Untuk mencetak berkas, sebutkan jalurnya, misalnya config/sop/${idOrFile}.yaml`,
      );
      return 2;
    }
    agency = [...cat.agencies.values()].find((a) => a.sop.includes(idOrFile));
  }
  // One name for both files: 'sop.docx' or 'sop.pdf' gives sop.docx and sop.pdf.
  const base = out.replace(/\.(docx|pdf)$/i, '');
  const [docx, pdf] = [`${base}.docx`, `${base}.pdf`];
  writeFileSync(docx, await renderSopSheet(sop, agency, kertas));
  writeFileSync(pdf, await renderSopSheetPdf(sop, agency, kertas));
  io.out(`SOP ${sop.identitas.nomor} dicetak ke ${docx} dan ${pdf}`);
  return 0;
}

function periodeOf(v: string | undefined): Periode {
  const p = (v ?? 'tahunan') as Periode;
  if (!PERIODE.includes(p))
    throw new Error(`periode '${v}' tidak dikenal; gunakan tahunan, TW1, TW2, TW3 atau TW4`);
  return p;
}

async function format(
  cat: Catalogue,
  v: Record<string, string | boolean | undefined>,
  io: Io,
): Promise<number> {
  const { agency: agencyId, year, unit: unitId, out } = v as Record<string, string | undefined>;
  if (!agencyId || !year || !unitId || !out) {
    io.err(
      'Gunakan: lakip format --agency <id> --year <tttt> --unit <unit> --out <berkas.xlsx> [--periode tahunan|TW1..TW4]',
    );
    return 2;
  }
  const agency = requireAgency(cat, agencyId);
  const unit = agency.unit.find((u) => u.id === unitId);
  if (!unit) {
    io.err(
      `Unit '${unitId}' tidak ada di ${agency.id}; unit yang ada: ${agency.unit.map((u) => u.id).join(', ')}`,
    );
    return 1;
  }
  const pk = requireKinerja(cat, agency.id, Number(year));
  writeFileSync(
    out,
    await buildFormatWorkbook({ agency, unit, pk, periode: periodeOf(v.periode as string | undefined) }),
  );
  io.out(`Format ${unit.nama} tahun ${year} ditulis ke ${out}`);
  return 0;
}

async function analyze(
  cat: Catalogue,
  files: string[],
  v: Record<string, string | boolean | undefined>,
  io: Io,
): Promise<number> {
  if (files.length === 0) {
    io.err('Sebutkan berkas isian (.xlsx atau .csv) yang akan dianalisis.');
    return 2;
  }
  const kiriman: Kiriman[] = [];
  const errors: { berkas: string; masalah: string[] }[] = [];
  for (const f of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(f);
    } catch {
      errors.push({ berkas: f, masalah: ['berkas tidak ditemukan atau tidak dapat dibaca'] });
      continue;
    }
    // Before anything inflates it: a zip bomb would take the whole machine's memory.
    const unsafe = await checkUploadedArchive(bytes);
    if (unsafe.length > 0) {
      errors.push({ berkas: f, masalah: unsafe.map(formatMasalah) });
      continue;
    }
    // Each file names its agency, unit, year and period; --agency/--year override what it claims, and
    // every file is then checked against that identity. Whether the files belong together is decided below.
    const claimed = await peekIdentity({ name: basename(f), bytes });
    const a = cat.agencies.get((v.agency as string | undefined) ?? claimed?.instansi ?? '');
    const unit = a?.unit.find((u) => u.id === claimed?.unit);
    const y = v.year ? Number(v.year) : claimed?.tahun;
    if (!claimed || !a || !unit || !y || !cat.kinerja.has(`${a.id}/${y}`)) {
      errors.push({
        berkas: f,
        masalah: [
          'identitas berkas (instansi, unit, tahun) tidak dikenali; gunakan format dari lakip-flow atau sebutkan --agency dan --year',
        ],
      });
      continue;
    }
    try {
      const periode = PERIODE.includes(claimed.periode as Periode) ? (claimed.periode as Periode) : 'tahunan';
      const submission = await readSubmission(
        { name: basename(f), bytes },
        { agency: a, unit, pk: requireKinerja(cat, a.id, y), periode },
      );
      kiriman.push({ berkas: f, submission });
    } catch (e) {
      if (e instanceof BerkasDitolak) errors.push({ berkas: f, masalah: e.masalah.map(formatMasalah) });
      else errors.push({ berkas: f, masalah: [(e as Error).message] });
    }
  }
  let gabungan: Gabungan | undefined;
  if (errors.length === 0) {
    const first = kiriman[0]!.submission;
    try {
      gabungan = gabungBerkas(requireKinerja(cat, first.instansi, first.tahun), kiriman);
    } catch (e) {
      if (!(e instanceof GabunganDitolak)) throw e;
      errors.push({ berkas: files.join(', '), masalah: e.masalah });
    }
  }
  if (errors.length > 0 || !gabungan) {
    if (v.json) io.out(JSON.stringify({ errors }, null, 2));
    for (const e of errors) io.err(`✗ ${e.berkas}:\n${e.masalah.map((m) => `    - ${m}`).join('\n')}`);
    return 1;
  }
  const { instansi, tahun } = gabungan.submissions[0]!;
  const pk = requireKinerja(cat, instansi, tahun);
  const result = analisis(pk, gabungan.submissions, gabungan.cakupan);
  const rows = result.sasaran.flatMap((s) =>
    s.indikator
      .filter((i) => gabungan.submissions.some((sub) => sub.indikator.some((b) => b.kode === i.kode)))
      .map((i) => ({
        kode: i.kode,
        sasaran: s.kode,
        indikator: i.uraian,
        unit: i.unit,
        periode: gabungan.label,
        target: i.target,
        realisasi: i.realisasi,
        capaian: i.hasil.dihitung ? i.hasil.capaian : null,
        kategori: i.hasil.kategori,
        ...(i.hasil.dihitung ? {} : { alasan: i.hasil.alasan }),
      })),
  );
  if (v.json) {
    io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  io.out(`Periode: ${gabungan.label}`);
  for (const r of rows) {
    io.out(
      `${r.kode.padEnd(10)} target ${String(r.target).padStart(8)}  realisasi ${String(r.realisasi).padStart(8)}  capaian ${r.capaian === null ? '   -   ' : `${r.capaian.toFixed(2).replace('.', ',')}%`}  ${r.kategori ?? r.alasan}`,
    );
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(await main(process.argv.slice(2)));
}
