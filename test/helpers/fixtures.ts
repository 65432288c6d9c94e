import type { Cycle, HumanTask, Person } from '../../lib/cycle/model.ts';

/** A running yearly Balangan LAKIP cycle (2025), for tests that need one record without running it. */
export function cycleFixture(over: Partial<Cycle> = {}): Cycle {
  return {
    agencyId: 'dkukmtk-balangan',
    cycleId: '2025-tahunan-uji',
    sopId: 'dkukmtk-balangan-lakip',
    sopVersi: 1,
    tahun: 2025,
    periode: 'tahunan',
    status: 'berjalan',
    dimulai: '2026-01-05T01:00:00.000Z',
    catatanKoreksi: [],
    ...over,
  };
}

export const SEKRETARIS: Person = {
  nama: 'Rahmat Hidayat (contoh)',
  jabatan: 'Sekretaris',
  email: 'sekretaris@dkukmtk.balangan.example',
};

/** The Sekretaris's open review of the draft (step 7, a decision) in `cycle`. */
export function taskFixture(
  cycle: Pick<Cycle, 'agencyId' | 'cycleId'>,
  over: Partial<HumanTask> = {},
): HumanTask {
  return {
    agencyId: cycle.agencyId,
    cycleId: cycle.cycleId,
    taskId: '07.-.1',
    no: 7,
    unit: '-',
    putaran: 1,
    jenisTugas: 'keputusan',
    kegiatan: 'Mengoreksi Dokumen LAKIP',
    kelengkapan: 'Dokumen LAKIP',
    output: 'Dokumen LAKIP',
    assignee: SEKRETARIS,
    tenggat: '2026-01-06T01:00:00.000Z',
    dibuat: '2026-01-05T01:00:00.000Z',
    status: 'terbuka',
    jabatan: 'sekretaris',
    berkas: [],
    ...over,
  };
}
