import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files the renderers need at run time: the DejaVu fonts (Lambda has no system fonts, so the PDF embeds
 * these) and the resvg WebAssembly module that rasterises charts for DOCX. In development and tests they
 * come from node_modules; in a Lambda bundle, from `assets/` beside the handler (copied after bundling,
 * like config/), or from LAKIP_ASSET_DIR.
 */
export const FONT_FILES = {
  normal: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
  italics: 'DejaVuSansCondensed-Oblique.ttf',
  bolditalics: 'DejaVuSansCondensed-BoldOblique.ttf',
  /** Regular width, for chart labels. */
  chart: 'DejaVuSans.ttf',
  chartBold: 'DejaVuSans-Bold.ttf',
} as const;
export const WASM_FILE = 'resvg.wasm';

function bundled(name: string): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const dirs = [process.env.LAKIP_ASSET_DIR, join(here, 'assets'), join(process.cwd(), 'assets')];
  for (const d of dirs) if (d && existsSync(join(d, name))) return join(d, name);
  return undefined;
}

function fromPackages(name: string): string | undefined {
  try {
    const req = createRequire(import.meta.url);
    if (name === WASM_FILE) return req.resolve('@resvg/resvg-wasm/index_bg.wasm');
    return join(dirname(req.resolve('dejavu-fonts-ttf/package.json')), 'ttf', name);
  } catch {
    return undefined;
  }
}

/** The path of a font or wasm file; a clear error when the bundle lacks it. */
export function assetPath(name: string): string {
  const found = bundled(name) ?? fromPackages(name);
  if (!found || !existsSync(found))
    throw new Error(
      `berkas pendukung dokumen '${name}' tidak ditemukan (salin ke folder assets/ di samping fungsi atau atur LAKIP_ASSET_DIR)`,
    );
  return found;
}

const cache = new Map<string, Buffer>();
export function asset(name: string): Buffer {
  let b = cache.get(name);
  if (!b) {
    b = readFileSync(assetPath(name));
    cache.set(name, b);
  }
  return b;
}

/** Source paths of every asset, for the bundling step that copies them (infra). */
export function assetSources(): Record<string, string> {
  const names = [...Object.values(FONT_FILES), WASM_FILE];
  return Object.fromEntries(names.map((n) => [n, fromPackages(n) ?? '']));
}
