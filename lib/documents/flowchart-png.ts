import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

/**
 * Rasterises a flowchart SVG to PNG (the fallback image Word versions without SVG support show).
 * resvg sees no system fonts, so the sans-serif faces are read from where Debian and the Lambda layer
 * put them; the flowchart measures its text for DejaVu Sans, the widest of them.
 */
const FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
  '/opt/fonts/DejaVuSans.ttf',
  '/opt/fonts/DejaVuSans-Bold.ttf',
];

let ready: Promise<Uint8Array[]> | undefined;

function init(): Promise<Uint8Array[]> {
  ready ??= (async () => {
    const wasm = createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
    await initWasm(readFileSync(wasm));
    return FONT_FILES.filter((f) => existsSync(f)).map((f) => readFileSync(f));
  })();
  return ready;
}

export async function svgToPng(svg: string, widthPx: number): Promise<Uint8Array> {
  const fonts = await init();
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(widthPx) },
    font: { fontBuffers: fonts, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return r.render().asPng();
}
