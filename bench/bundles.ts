import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp, STACK_NAME } from '../infra/app-builder.ts';
import { ROOT } from '../infra/constructs/lakip-function.ts';

/**
 * The cold-start budget, measured on what deploys: the CDK app is synthesized with real bundling, and
 * each function's bundle is imported in a fresh node process with the function's own NODE_OPTIONS.
 * Import time is the median wall time of that process minus the median of a bare `node -e 0` measured
 * in the same interleaved rounds (machines here are shared and noisy; ratios travel better than ms).
 */
export interface BundleRow {
  /** Logical id of the function in the template. */
  fungsi: string;
  handler: string;
  /** Bytes of the JavaScript the function loads (source maps excluded). */
  bytes: number;
  /** Median extra milliseconds over a bare node start. */
  import_ms: number;
  /** Median wall time of the import process over the bare node start. */
  ratio: number;
  /**
   * Median extra milliseconds to import the bundle AND every AWS SDK module its resources can need: the
   * adapters load a client on its first use, so this is the worst first request, not the import.
   */
  first_use_ms: number;
  /** Functions that render documents may carry docx/exceljs; every other one has the tight budget. */
  budget: { bytes: number; import_ms: number } | undefined;
}

export const BUDGET = { bytes: 300 * 1024, import_ms: 60 };
/**
 * Handlers allowed to carry document libraries: the document function renders (docx, exceljs, pdfmake),
 * the upload function reads the units' workbooks (exceljs), and the signing function signs PDFs (pdf-lib,
 * node-forge). Every other function has the tight budget.
 */
export const DOCUMENT_HANDLERS = new Set(['document', 'upload-received', 'sign']);

interface Fn {
  id: string;
  handler: string;
  entry: string;
  env: Record<string, string>;
  /** Names of the function's environment variables (which resources it is bound to). */
  vars: string[];
}

function synthesizeBundles(outdir: string): Fn[] {
  process.env.CDK_VALIDATION = 'false';
  // The CLI sets this context; in-process synthesis has to ask for the asset paths itself.
  const { app } = buildApp({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
  const template = app.synth().getStackByName(STACK_NAME).template as {
    Resources: Record<
      string,
      { Type: string; Properties: Record<string, unknown>; Metadata?: Record<string, unknown> }
    >;
  };
  const fns: Fn[] = [];
  for (const [id, r] of Object.entries(template.Resources)) {
    const handler = r.Metadata?.['lakip:handler'];
    const asset = r.Metadata?.['aws:asset:path'];
    if (r.Type !== 'AWS::Lambda::Function' || typeof handler !== 'string' || typeof asset !== 'string')
      continue;
    const dir = join(outdir, asset);
    const entry = readdirSync(dir).find((f) => /^index\.m?js$/.test(f));
    if (!entry) throw new Error(`no bundle in ${dir}`);
    const vars = (r.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables;
    const env: Record<string, string> = {};
    // Only literal values matter for an import (NODE_OPTIONS); resource names are tokens here.
    for (const [k, v] of Object.entries(vars ?? {})) if (typeof v === 'string') env[k] = v;
    env.LAKIP_CONFIG_DIR = join(dir, 'config');
    fns.push({ id, handler, entry: join(dir, entry), env, vars: Object.keys(vars ?? {}) });
  }
  return fns.sort((a, b) => a.id.localeCompare(b.id));
}

/** The SDK modules a function's adapters load on first use, from the resources its environment names. */
const SDK_BY_VARIABLE: Record<string, string[]> = {
  TABLE_NAME: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  WORK_BUCKET: ['@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner', '@aws-sdk/s3-presigned-post'],
  STATE_MACHINES: ['@aws-sdk/client-sfn'],
  MAIL_FROM: ['@aws-sdk/client-sesv2'],
  SIGNING_KEY: ['@aws-sdk/client-kms'],
  TTE_SECRETS: ['@aws-sdk/client-secrets-manager'],
};

function sdkModulesOf(vars: string[]): string[] {
  return [...new Set(vars.flatMap((v) => SDK_BY_VARIABLE[v] ?? []))];
}

function wallMs(args: string[], env: Record<string, string>): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr.toString().slice(0, 400)}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Bundles every function and measures it; `rounds` fresh processes per function (and for bare node). */
export function measureBundles(rounds = 7): BundleRow[] {
  // Inside the project (cdk.out/ is git-ignored) so that the AWS SDK, which the bundles leave to the
  // Lambda runtime, resolves from node_modules as it does from /var/runtime/node_modules in the cloud.
  mkdirSync(join(ROOT, 'cdk.out'), { recursive: true });
  const outdir = mkdtempSync(join(ROOT, 'cdk.out', 'bench-'));
  try {
    const fns = synthesizeBundles(outdir);
    const bare: number[] = [];
    const times = new Map<string, number[]>(fns.map((f) => [f.id, []]));
    const firstUse = new Map<string, number[]>(fns.map((f) => [f.id, []]));
    for (let i = 0; i < rounds; i++) {
      // Interleaved, so that load on the machine affects the baseline and the bundles alike.
      bare.push(wallMs(['-e', '0'], { NODE_OPTIONS: fns[0]?.env.NODE_OPTIONS ?? '' }));
      for (const f of fns) {
        const code = `await import(${JSON.stringify(pathToFileURL(f.entry).href)})`;
        times.get(f.id)!.push(wallMs(['--input-type=module', '-e', code], f.env));
        const sdk = sdkModulesOf(f.vars).map((m) => `await import(${JSON.stringify(m)});`);
        firstUse.get(f.id)!.push(wallMs(['--input-type=module', '-e', `${code};${sdk.join('')}`], f.env));
      }
    }
    const base = median(bare);
    return fns.map((f) => {
      const t = median(times.get(f.id)!);
      return {
        fungsi: f.id,
        handler: f.handler,
        bytes: statSync(f.entry).size,
        import_ms: Math.round((t - base) * 10) / 10,
        ratio: Math.round((t / base) * 100) / 100,
        first_use_ms: Math.round((median(firstUse.get(f.id)!) - base) * 10) / 10,
        budget: DOCUMENT_HANDLERS.has(f.handler) ? undefined : BUDGET,
      };
    });
  } finally {
    if (!process.env.LAKIP_BENCH_KEEP) rmSync(outdir, { recursive: true, force: true });
  }
}

export function printBundles(rows: BundleRow[]): void {
  console.log('\nUkuran bundel dan waktu impor (median, dibanding `node -e 0` pada putaran yang sama)\n');
  console.log(
    `${'fungsi'.padEnd(34)}${'handler'.padEnd(18)}${'KB'.padStart(8)}${'impor (ms)'.padStart(12)}${'rasio'.padStart(8)}${'+SDK (ms)'.padStart(11)}  hasil`,
  );
  for (const r of rows) {
    const within = !r.budget || (r.bytes <= r.budget.bytes && r.import_ms <= r.budget.import_ms);
    console.log(
      `${r.fungsi.padEnd(34)}${r.handler.padEnd(18)}${(r.bytes / 1024).toFixed(0).padStart(8)}${r.import_ms.toFixed(1).padStart(12)}${r.ratio.toFixed(2).padStart(8)}${r.first_use_ms.toFixed(1).padStart(11)}  ${r.budget ? (within ? 'tercapai' : 'MELEWATI') : 'membawa pustaka dokumen (tanpa batas)'}`,
    );
  }
  console.log(
    `\nBatas fungsi tanpa dokumen: ${BUDGET.bytes / 1024} KB dan +${BUDGET.import_ms} ms impor. Peta sumber tidak dihitung.`,
  );
  console.log(
    'Klien AWS SDK (milik runtime Lambda, di luar bundel) dimuat saat pertama dipakai; kolom +SDK adalah impor\n' +
      'ditambah semua klien yang mungkin dipakai fungsi itu: permintaan pertama terburuk, bukan anggaran impor.',
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = measureBundles(Number(process.env.LAKIP_BENCH_ROUNDS ?? 7));
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
  else printBundles(rows);
}
