import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUDGET, DOCUMENT_HANDLERS } from '../../bench/bundles.ts';
import { HANDLER_ENV } from '../../functions/commons/env.ts';

/**
 * The cold-start budget's structure, checked on every run (the figures themselves come from
 * `npm run bench`): a function that renders no document bundles no document library, no YAML loader and
 * no full zod, and imports no AWS SDK module when it loads (its adapters load a client on first use).
 * Bundled as infra/constructs/lakip-function.ts bundles for the cloud.
 */
const HEAVY = /node_modules\/(docx|exceljs|yaml|pdfmake|pdfkit|echarts|@resvg|jszip|zod\/v4\/classic)\//;

async function bundle(handler: string) {
  const r = await build({
    entryPoints: [`functions/${handler}/handler.ts`],
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    mainFields: ['module', 'main'],
    external: ['@aws-sdk/*', 'nodemailer'],
    define: { 'process.env.LAKIP_KATALOG': '"json"' },
    logLevel: 'silent',
  });
  // Modules that contribute code (esbuild lists tree-shaken ones too, with 0 bytes).
  const out = Object.values(r.metafile.outputs)[0]!.inputs;
  const inputs = Object.entries(out)
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([k]) => k);
  return { inputs, code: r.outputFiles[0]!.text };
}

describe('bundles of the functions that render no document', () => {
  const light = Object.keys(HANDLER_ENV).filter((h) => h !== 'api' && !DOCUMENT_HANDLERS.has(h));

  it('are every deployed handler but the document and upload ones', () => {
    expect(light.sort()).toEqual([
      'deliver',
      'human-task',
      'operator',
      'pages',
      'step',
      'sweep',
      'upload-failed',
    ]);
  });

  it.each(light)(
    '%s carries no document library, YAML loader or full zod, and loads no SDK at import',
    async (h) => {
      const { inputs, code } = await bundle(h);
      expect(inputs.filter((i) => HEAVY.test(i))).toEqual([]);
      expect(code.length).toBeLessThanOrEqual(BUDGET.bytes);
      // Static imports of the SDK would load it with the bundle; only `import("@aws-sdk/…")` is allowed.
      expect(code.match(/(?:^|[;}\s])import\s*[{*\w][^;]*?from\s*["']@aws-sdk\/[^"']+["']/g) ?? []).toEqual(
        [],
      );
    },
  );
});
