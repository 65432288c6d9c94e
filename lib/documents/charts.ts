import * as echarts from 'echarts';
import { angka } from '../format/indonesia.ts';
import type { Konvensi } from '../performance/model.ts';
import { formatCapaian } from './format.ts';

/**
 * Vector charts for the reports: ECharts rendered server-side to SVG (no DOM, no canvas). The PDF draws
 * the SVG as vectors; DOCX embeds it with a PNG fallback (charts-raster.ts). Scale and colours follow the
 * agency's category scale: the y axis stops at the agency's cap (batas_atas) when it has one, each bar
 * takes its category's colour, and the categories show as faint bands behind the bars.
 */

export interface Chart {
  svg: string;
  /** Points. */
  width: number;
  height: number;
}

/** Listed first in the SVG font-family so the PDF renderer finds its embedded font; resvg falls back to DejaVu Sans. */
const FONT = 'Sans, DejaVu Sans';
/** The PDF renderer ignores paint-order and would draw ECharts' white label halo over the text itself. */
const NO_HALO = { color: '#222222', textBorderWidth: 0 };
const AXIS_LABEL = { fontSize: 9, color: '#333333' };
const PALETTE = ['#1E7B34', '#5A9E2F', '#C99A00', '#E06C00', '#B22222'];

/** A colour per category, best green to worst red, whatever the number of categories. */
export function categoryColours(skala: Konvensi['skala']): Map<string, string> {
  const sorted = [...skala].sort((a, b) => b.min - a.min);
  const n = sorted.length;
  return new Map(
    sorted.map((k, i) => [k.nama, PALETTE[n === 1 ? 0 : Math.round((i * (PALETTE.length - 1)) / (n - 1))]!]),
  );
}

function render(option: echarts.EChartsCoreOption, width: number, height: number): Chart {
  // 1 pt of page = 1 SVG unit: the chart is drawn at its printed size, so text stays legible.
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT, fontSize: 9, color: '#222222' },
    ...option,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return { svg, width, height };
}

export interface CapaianBar {
  label: string;
  capaian: number | null;
  kategori: string | null;
}

/** The bars of analysed indicators: their code, capaian (none when it could not be computed) and category. */
export function barsOf(
  indicators: readonly {
    kode: string;
    hasil: { dihitung: boolean; capaian?: number | null; kategori?: string | null };
  }[],
): CapaianBar[] {
  return indicators.map((x) => ({
    label: x.kode,
    capaian: x.hasil.dihitung ? (x.hasil.capaian ?? null) : null,
    kategori: x.hasil.kategori ?? null,
  }));
}

/** Capaian per indicator (or sasaran) against the 100% target line, on the agency's scale. */
export function capaianChart(items: CapaianBar[], k: Konvensi, width = 440, height = 230): Chart {
  const colours = categoryColours(k.skala);
  const top = Math.max(...items.map((i) => i.capaian ?? 0), 100);
  const max = k.batas_atas ?? Math.ceil((top + 5) / 20) * 20;
  const bands = [...k.skala]
    .sort((a, b) => a.min - b.min)
    .map((s, i, all) => [
      { yAxis: Math.max(0, s.min), itemStyle: { color: colours.get(s.nama), opacity: 0.07 } },
      { yAxis: Math.min(max, all[i + 1]?.min ?? max) },
    ])
    .filter(([a, b]) => (a!.yAxis as number) < (b!.yAxis as number));
  return render(
    {
      grid: { left: 44, right: 12, top: 16, bottom: items.length > 10 ? 48 : 28 },
      xAxis: {
        type: 'category',
        data: items.map((i) => i.label),
        axisLabel: { ...AXIS_LABEL, interval: 0, rotate: items.length > 10 ? 35 : 0 },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max,
        axisLabel: { ...AXIS_LABEL, formatter: (v: number) => `${angka(v, 0)}%` },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 36,
          data: items.map((i) => ({
            value: i.capaian ?? 0,
            itemStyle: { color: (i.kategori && colours.get(i.kategori)) || '#999999' },
          })),
          label: {
            show: true,
            position: 'top',
            fontSize: 8,
            ...NO_HALO,
            formatter: (p: { dataIndex: number }) => {
              const c = items[p.dataIndex]?.capaian;
              return c === null || c === undefined ? 'tidak dihitung' : formatCapaian(c);
            },
          },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#000000', type: 'dashed', width: 1 },
            label: { formatter: 'Target 100%', position: 'insideStartTop', fontSize: 8, ...NO_HALO },
            data: [{ yAxis: 100 }],
          },
          markArea: { silent: true, data: bands },
        },
      ],
    },
    width,
    height,
  );
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(v * 1.1));
  return Math.ceil((v * 1.1) / step) * step;
}

export interface TrendPoint {
  tahun: number;
  nilai: number;
}

/** Realisasi over the years, with this year's target and the Renstra target as dashed lines. */
export function trendChart(
  points: TrendPoint[],
  opts: { satuan: string; target?: number; renstra?: number; tahunRenstra?: number },
  width = 440,
  height = 200,
): Chart {
  const lines: { yAxis: number; name: string }[] = [];
  if (opts.target !== undefined) lines.push({ yAxis: opts.target, name: `Target ${angka(opts.target)}` });
  if (opts.renstra !== undefined)
    lines.push({
      yAxis: opts.renstra,
      name: `Target Renstra ${opts.tahunRenstra ?? ''} ${angka(opts.renstra)}`.trim(),
    });
  return render(
    {
      grid: { left: 52, right: 16, top: 22, bottom: 26 },
      xAxis: { type: 'category', data: points.map((p) => String(p.tahun)), axisLabel: AXIS_LABEL },
      yAxis: {
        type: 'value',
        name: opts.satuan,
        // Room for the target lines: a target above every realisasi must still show.
        max: (v: { max: number }) => niceMax(Math.max(v.max, ...lines.map((l) => l.yAxis))),
        nameTextStyle: { fontSize: 8, align: 'left' },
        axisLabel: { ...AXIS_LABEL, formatter: (v: number) => angka(v) },
      },
      series: [
        {
          type: 'line',
          data: points.map((p) => p.nilai),
          symbolSize: 6,
          lineStyle: { color: '#1F3864', width: 2 },
          itemStyle: { color: '#1F3864' },
          label: { show: true, fontSize: 8, ...NO_HALO, formatter: (p: { value: number }) => angka(p.value) },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#7F7F7F', type: 'dashed', width: 1 },
            label: { formatter: '{b}', position: 'insideEndTop', fontSize: 8, ...NO_HALO },
            data: lines,
          },
        },
      ],
    },
    width,
    height,
  );
}
