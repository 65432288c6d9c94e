import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { CONTENT_TYPE } from '../../lib/cycle/documents.ts';
import type { Cycle, HumanTask } from '../../lib/cycle/model.ts';
import type { TimelineRow } from '../../lib/cycle/timeline.ts';
import { taskPage } from '../../lib/pages/task-page.ts';
import { timelinePage } from '../../lib/pages/timeline-page.ts';

const cat = loadCatalogue('config');
const agency = cat.agencies.get('dkukmtk-balangan')!;
const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
const person = { nama: evil, jabatan: 'Sekretaris', email: 'sekretaris@dkukmtk.balangan.example' };

const task: HumanTask = {
  agencyId: agency.id,
  cycleId: '2025-tahunan-uji',
  taskId: '04.bidang-koperasi.1',
  no: 4,
  unit: 'bidang-koperasi',
  putaran: 1,
  jenisTugas: 'unggah',
  kegiatan: 'Menghimpun',
  kelengkapan: 'Format',
  output: 'Format',
  assignee: person,
  tenggat: '2026-01-06T01:00:00Z',
  dibuat: '2026-01-05T01:00:00Z',
  status: 'terbuka',
  jabatan: 'kepala-unit',
  berkas: [
    {
      label: evil,
      key: 'siklus/x/format/a.xlsx',
      bucket: 'kerja',
      jenis: 'format',
      contentType: CONTENT_TYPE.xlsx,
    },
  ],
};

describe('pages escape everything a user supplied', () => {
  it('the upload page: names, file names and validation messages', () => {
    const html = taskPage(
      {
        task,
        zona: 'WITA',
        sopNama: 'SOP',
        agencyNama: agency.nama,
        downloads: [{ label: evil, url: 'http://s3/x?a=1&b="2"' }],
        uploads: [
          {
            agencyId: agency.id,
            cycleId: task.cycleId,
            taskId: task.taskId,
            uploadId: 'u1',
            unit: task.unit,
            namaBerkas: `${evil}.xlsx`,
            key: 'k',
            dibuat: '2026-01-05T02:00:00Z',
            status: 'ditolak',
            masalah: [
              { lembar: 'Kinerja', baris: 9, kolom: 'H (Realisasi)', nilai: evil, pesan: 'bukan angka' },
            ],
          },
        ],
        action: '/t/x',
        uploadEndpoint: '/api/tugas/x/unggahan',
        nav: { lini: '/t/x/lini-masa', instansi: '/t/x/instansi' },
      },
      'NONCE123',
    );
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('baris 9, kolom H (Realisasi): bukan angka');
    expect(html).toContain('<script nonce="NONCE123">');
    expect(html).not.toContain('RAHASIA-TOKEN');
    expect(html).toContain('accept=".xlsx,.csv"');
  });

  it('the timeline: return notes and names', () => {
    const cycle: Cycle = {
      agencyId: agency.id,
      cycleId: 'c',
      sopId: 's',
      sopVersi: 1,
      tahun: 2025,
      periode: 'tahunan',
      status: 'berjalan',
      dimulai: '2026-01-05T01:00:00Z',
      catatanKoreksi: [],
    };
    const row: TimelineRow = {
      agencyId: agency.id,
      cycleId: 'c',
      no: 7,
      unit: '-',
      putaran: 1,
      kegiatan: 'Mengoreksi',
      jenis: 'koreksi',
      tugas: 'keputusan',
      pelaksana: 'Sekretaris',
      oleh: person,
      mulai: '2026-01-05T01:00:00Z',
      tenggat: '2026-01-06T01:00:00Z',
      waktu: '1 Hari',
      selesai: '2026-01-07T01:00:00Z',
      menitKerja: 900,
      tepatWaktu: false,
      output: 'Dokumen',
      berkas: [],
      keputusan: { hasil: 'kembali', catatan: evil, oleh: person, waktu: '2026-01-07T01:00:00Z' },
      menitKerjaSekarang: 900,
      terlambat: true,
    };
    const html = timelinePage(agency, 'SOP', cycle, [row], '/t/x');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('Dikembalikan oleh &lt;script&gt;');
    expect(html).toContain(': <q>&lt;script&gt;alert');
    expect(html).toContain('15 jam');
    expect(html).toContain('terlambat');
  });
});
