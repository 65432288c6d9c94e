import { describe, expect, it } from 'vitest';
import { startStep } from '../../lib/cycle/engine.ts';
import type { Cycle } from '../../lib/cycle/model.ts';
import { quarterlyPrefill } from '../../lib/cycle/prefill.ts';
import type { Periode, Submission } from '../../lib/performance/submission.ts';
import { readSubmission } from '../../lib/workbook/read.ts';
import { CycleRun, seedCatalogue } from '../helpers/cycle-run.ts';

const cat = seedCatalogue();
const AGENCY = 'dkukmtk-balangan';
const UNIT = 'bidang-tenaga-kerja';
const pk = cat.kinerja.get(`${AGENCY}/2025`)!;

/** A quarterly cycle of the agency with the unit's accepted submission for that quarter. */
async function acceptedQuarter(run: CycleRun, periode: Periode, tpt: number, anggaran: number) {
  const cycle: Cycle = {
    agencyId: AGENCY,
    cycleId: `2025-${periode.toLowerCase()}-uji`,
    sopId: 'kuartal',
    sopVersi: 1,
    tahun: 2025,
    periode,
    status: 'selesai',
    dimulai: `2025-0${['TW1', 'TW2', 'TW3', 'TW4'].indexOf(periode) * 3 + 1}-10T01:00:00.000Z`,
    catatanKoreksi: [],
  };
  await run.ports.store.createCycle(cycle);
  const submission: Submission = {
    instansi: AGENCY,
    unit: UNIT,
    tahun: 2025,
    periode,
    versiTemplate: 2,
    indikator: [
      {
        kode: 'IKU-2.1',
        realisasi: tpt,
        penjelasan: { penyebab: `Sebab ${periode}`, kendala: '', solusi: '' },
        bukti: '',
      },
      {
        kode: 'IKU-2.2',
        realisasi: 30 + tpt,
        penjelasan: { penyebab: '', kendala: '', solusi: '' },
        bukti: '',
      },
      { kode: 'IKU-2.3', realisasi: 1, penjelasan: { penyebab: '', kendala: '', solusi: '' }, bukti: '' },
    ],
    anggaran: [
      { kode: '2.07.03', realisasi: anggaran },
      { kode: '2.07.04', realisasi: 50_000_000 },
      { kode: '2.07.05', realisasi: 25_000_000 },
    ],
  };
  const key = `siklus/${AGENCY}/${cycle.cycleId}/data/${UNIT}/u-${periode}.json`;
  await run.ports.blobs.put('kerja', key, Buffer.from(JSON.stringify(submission)), 'application/json');
  await run.ports.store.putUpload({
    agencyId: AGENCY,
    cycleId: cycle.cycleId,
    taskId: `03.${UNIT}.1`,
    uploadId: `u-${periode.toLowerCase()}`,
    unit: UNIT,
    namaBerkas: `${periode}.xlsx`,
    key: `unggahan/${AGENCY}/${cycle.cycleId}/03.${UNIT}.1/u.xlsx`,
    dibuat: cycle.dimulai,
    status: 'diterima',
    submissionKey: key,
  });
}

describe('the yearly workbook starts from the quarters the unit already reported', () => {
  it('prefills each indicator by its aggregation rule and the budget cumulatively; the unit only confirms', async () => {
    const run = new CycleRun();
    await acceptedQuarter(run, 'TW2', 4.2, 200_000_000);
    await acceptedQuarter(run, 'TW1', 4.5, 150_000_000);
    await acceptedQuarter(run, 'TW4', 3.9, 250_000_000);
    await acceptedQuarter(run, 'TW3', 4.0, 200_000_000);
    await run.start();
    await run.act(1, 'selesai');
    const step2 = await startStep(run.ports, cat, { ...run.payload(2), fase: 'mulai' });
    const format = step2.berkas.find((b) => b.key.endsWith(`/format/${UNIT}.xlsx`))!;
    const agency = cat.agencies.get(AGENCY)!;
    // The prefilled workbook, returned unchanged, is a valid yearly submission with the year's figures.
    const year = await readSubmission(
      { name: 'isian.xlsx', bytes: await run.ports.blobs.get('kerja', format.key) },
      { agency, unit: agency.unit.find((u) => u.id === UNIT)!, pk, periode: 'tahunan' },
    ).catch((e) => {
      throw new Error(JSON.stringify(e.masalah));
    });
    expect(year.indikator.find((b) => b.kode === 'IKU-2.1')).toMatchObject({
      realisasi: 3.9,
      penjelasan: { penyebab: 'Sebab TW4' },
    });
    expect(year.indikator.find((b) => b.kode === 'IKU-2.2')!.realisasi).toBe(33.9);
    expect(year.anggaran.find((a) => a.kode === '2.07.03')!.realisasi).toBe(800_000_000);
  });

  it('leaves the workbook blank where no quarter was collected, and never prefills a quarterly one', async () => {
    const run = new CycleRun();
    expect(
      await quarterlyPrefill(run.ports, { agencyId: AGENCY, tahun: 2025, periode: 'tahunan' }, pk, UNIT),
    ).toBeUndefined();
    await acceptedQuarter(run, 'TW1', 4.5, 150_000_000);
    expect(
      await quarterlyPrefill(run.ports, { agencyId: AGENCY, tahun: 2025, periode: 'TW2' }, pk, UNIT),
    ).toBeUndefined();
    expect(
      await quarterlyPrefill(run.ports, { agencyId: AGENCY, tahun: 2026, periode: 'tahunan' }, pk, UNIT),
    ).toBeUndefined();
    expect(
      await quarterlyPrefill(
        run.ports,
        { agencyId: AGENCY, tahun: 2025, periode: 'tahunan' },
        pk,
        'bidang-ukm',
      ),
    ).toBeUndefined();
  });
});
