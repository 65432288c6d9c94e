import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { asset, FONT_FILES, WASM_FILE } from './assets.ts';

/**
 * SVG → PNG with resvg compiled to WebAssembly (no native binary, so it runs on Lambda arm64). DOCX keeps
 * the vector chart and needs this PNG only as the fallback for readers that cannot show SVG.
 */
let init: Promise<void> | undefined;

export async function svgToPng(svg: string, widthPx: number): Promise<Uint8Array> {
  init ??= initWasm(asset(WASM_FILE));
  await init;
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(widthPx) },
    background: '#ffffff',
    font: {
      fontBuffers: [asset(FONT_FILES.chart)],
      defaultFontFamily: 'DejaVu Sans',
      loadSystemFonts: false,
    },
  });
  const png = r.render().asPng();
  r.free();
  return png;
}
