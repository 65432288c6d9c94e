import { randomBytes } from 'node:crypto';
import type { HumanTask, Keputusan, StepRecord, UploadRecord } from '../../lib/cycle/model.ts';
import { cycleFixture, taskFixture } from './fixtures.ts';

let n = 0;

/**
 * A fresh agency and cycle for one case of the store contract, with builders of its records. Agencies
 * are unique per call, so cases sharing one store never see each other's items.
 */
export function scope() {
  const tag = `${++n}-${randomBytes(3).toString('hex')}`;
  const cycle = cycleFixture({ agencyId: `uji-${tag}` });
  const email = `sekretaris@${tag}.example`;
  const person = { nama: 'Rahmat Hidayat (contoh)', jabatan: 'Sekretaris', email };
  const task = (over: Partial<HumanTask> = {}): HumanTask =>
    taskFixture(cycle, { assignee: person, ...over });
  const step = (over: Partial<StepRecord> = {}): StepRecord => ({
    agencyId: cycle.agencyId,
    cycleId: cycle.cycleId,
    no: 4,
    unit: 'bidang-koperasi',
    putaran: 1,
    kegiatan: 'Menghimpun',
    jenis: 'himpun',
    tugas: 'unggah',
    pelaksana: 'Kasubbag Perencanaan',
    mulai: '2026-01-05T01:00:00.000Z',
    tenggat: '2026-01-05T04:00:00.000Z',
    waktu: '3 Jam',
    output: 'Format',
    berkas: [],
    ...over,
  });
  const upload = (over: Partial<UploadRecord> = {}): UploadRecord => ({
    agencyId: cycle.agencyId,
    cycleId: cycle.cycleId,
    taskId: '04.bidang-koperasi.1',
    uploadId: 'a1-x',
    unit: 'bidang-koperasi',
    namaBerkas: 'isian.xlsx',
    key: 'unggahan/k',
    dibuat: '2026-01-05T02:00:00.000Z',
    status: 'menunggu',
    ...over,
  });
  const decision = (catatan = ''): Keputusan => ({
    hasil: 'setuju',
    catatan,
    oleh: person,
    waktu: '2026-01-05T03:00:00.000Z',
  });
  return { tag, cycle, person, email, task, step, upload, decision };
}
