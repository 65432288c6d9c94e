import { Bench } from 'tinybench';
import type { Agency } from '../lib/agency/schema.ts';
import { deadline } from '../lib/calendar/working-time.ts';
import { calendarOf, loadCatalogue } from '../lib/catalogue.ts';
import { renderLakip } from '../lib/documents/lakip.ts';
import { analisis } from '../lib/performance/analysis.ts';
import { hitungCapaian } from '../lib/performance/capaian.ts';
import { buildFormatWorkbook } from '../lib/workbook/build.ts';
import { fillWorkbook, type Isian } from '../lib/workbook/fill.ts';
import { readSubmission } from '../lib/workbook/read.ts';
import { KONVENSI, syntheticPk, syntheticSubmissions } from './fixtures.ts';

/**
 * `npm run bench`: the hot paths against their goals, measured in one run and reported as medians
 * (machines here are noisy). `npm run bench -- --json` prints [{name, median_ms, goal_ms}].
 */
const json = process.argv.includes('--json');
const cat = loadCatalogue();
const base = cat.agencies.get('dkukmtk-balangan')!;

// 10 units for the report benchmark; one unit carrying 2,000 rows for the ingestion benchmark.
const units = Array.from({ length: 10 }, (_, i) => ({
  id: `bidang-${i + 1}`,
  nama: `Bidang ${i + 1}`,
  jenis: 'bidang' as const,
  kepala: base.unit[0]!.kepala,
  pejabat: base.unit[0]!.pejabat,
}));
const agency: Agency = { ...base, unit: units };

const capaianInputs = Array.from({ length: 10_000 }, (_, i) => ({
  ind: { polaritas: (i % 5 === 0 ? 'negatif' : 'positif') as 'positif' | 'negatif' },
  target: 10 + (i % 90),
  realisasi: i % 97 === 0 ? null : 5 + (i % 110),
}));

const bigPk = syntheticPk(agency, 2000, ['bidang-1']);
const bigUnit = units[0]!;
const blank = await buildFormatWorkbook({ agency, unit: bigUnit, pk: bigPk, periode: 'tahunan' });
const isian: Isian = {
  realisasi: Object.fromEntries(
    bigPk.sasaran.flatMap((s) => s.indikator.map((i) => [i.kode, Number(i.target) * 0.9])),
  ),
  penjelasan: Object.fromEntries(
    bigPk.sasaran.flatMap((s) =>
      s.indikator.map((i) => [i.kode, { penyebab: 'Sesuai rencana.', solusi: 'Lanjutkan.' }]),
    ),
  ),
  anggaran: Object.fromEntries(bigPk.program.map((p) => [p.kode, p.pagu * 0.9])),
};
const filled = await fillWorkbook(blank, isian);

const reportPk = syntheticPk(
  agency,
  300,
  units.map((u) => u.id),
);
const reportAnalysis = analisis(reportPk, syntheticSubmissions(reportPk));
const cal = calendarOf(cat, base);
const starts = Array.from({ length: 1000 }, (_, i) => new Date(Date.UTC(2025, 0, 1) + i * 7_919_000));

const goals: Record<string, number> = {
  'capaian untuk 10.000 indikator': 50,
  'membaca buku kerja 2.000 baris': 300,
  'menyusun draf LAKIP 300 indikator, 10 unit': 1000,
  'membuat format unit 2.000 baris': 1500,
  'tenggat waktu kerja untuk 1.000 langkah': 50,
};

const bench = new Bench({ iterations: 15, warmupIterations: 3, time: 0 });
bench
  .add('capaian untuk 10.000 indikator', () => {
    for (const x of capaianInputs) hitungCapaian(x.ind, x.target, x.realisasi, KONVENSI);
  })
  .add('membaca buku kerja 2.000 baris', async () => {
    await readSubmission(
      { name: 'isian.xlsx', bytes: filled },
      { agency, unit: bigUnit, pk: bigPk, periode: 'tahunan' },
    );
  })
  .add('menyusun draf LAKIP 300 indikator, 10 unit', async () => {
    await renderLakip({
      agency,
      pk: reportPk,
      analisis: reportAnalysis,
      singkatan: 'LAKIP',
      dibuat: new Date(),
      versi: 1,
      catatanKoreksi: [],
    });
  })
  .add('membuat format unit 2.000 baris', async () => {
    await buildFormatWorkbook({ agency, unit: bigUnit, pk: bigPk, periode: 'tahunan' });
  })
  .add('tenggat waktu kerja untuk 1.000 langkah', () => {
    for (const s of starts) deadline(cal, s, { jumlah: 4, satuan: 'hari' });
  });
await bench.run();

const rows = bench.tasks.map((t) => {
  const r = t.result as { latency?: { p50?: number }; median?: number } | undefined;
  const median = r?.latency?.p50 ?? r?.median ?? Number.NaN;
  return { name: t.name, median_ms: Math.round(median * 100) / 100, goal_ms: goals[t.name]! };
});
if (json) {
  console.log(JSON.stringify(rows));
} else {
  console.log('Tolok ukur lakip-flow (median dari 15 putaran, satu kali jalan)\n');
  console.log(
    `${'nama'.padEnd(46)}${'median (ms)'.padStart(13)}${'sasaran (ms)'.padStart(14)}${'rasio'.padStart(8)}  hasil`,
  );
  for (const r of rows) {
    const ratio = r.median_ms / r.goal_ms;
    console.log(
      `${r.name.padEnd(46)}${r.median_ms.toFixed(1).padStart(13)}${String(r.goal_ms).padStart(14)}${ratio.toFixed(2).padStart(8)}  ${ratio <= 1 ? 'tercapai' : 'MELEWATI'}`,
    );
  }
}
