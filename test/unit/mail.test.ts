import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import type { HumanTask } from '../../lib/cycle/model.ts';
import { assignmentMail, kalimat } from '../../lib/mail/messages.ts';

const agency = loadCatalogue('config').agencies.get('kominfo-lumajang')!;

const task = (kegiatan: string, kelengkapan: string, output: string): HumanTask => ({
  agencyId: agency.id,
  cycleId: 'c1',
  taskId: 't1',
  no: 3,
  unit: '',
  putaran: 1,
  jenisTugas: 'konfirmasi',
  kegiatan,
  kelengkapan,
  output,
  assignee: { nama: 'Sri', jabatan: 'Kasubbag Perencanaan', email: 'sri@example.test' },
  tenggat: '2025-03-03T02:00:00.000Z',
  dibuat: '2025-03-01T02:00:00.000Z',
  status: 'terbuka',
  jabatan: 'perencanaan',
  berkas: [],
});

describe('the task mail', () => {
  it('ends each SOP text with exactly one full stop, whether the SOP wrote one or not', () => {
    const written = assignmentMail(
      agency,
      task('Menyusun Laporan Kinerja Triwulan/Tahunan.', 'Data kinerja.', 'Laporan Tahunan'),
      'https://contoh.test/t',
      'SOP Uji',
    );
    for (const body of [written.text, written.html]) {
      expect(body).not.toMatch(/\.\./);
      expect(body).not.toMatch(/\.<\/b>\./);
    }
    expect(written.text).toContain('langkah 3: Menyusun Laporan Kinerja Triwulan/Tahunan.\n');
    expect(written.text).toContain('Kelengkapan: Data kinerja. Output: Laporan Tahunan.\n');
    expect(written.html).toContain('<b>Menyusun Laporan Kinerja Triwulan/Tahunan.</b>');
  });

  it('keeps a question or an ellipsis as written', () => {
    expect(kalimat('Sudah lengkap?')).toBe('Sudah lengkap?');
    expect(kalimat('Peraturan Bupati…')).toBe('Peraturan Bupati…');
    expect(kalimat('Draf LAKIP  ')).toBe('Draf LAKIP.');
    expect(kalimat('A & B', (t) => `<b>${t.replace('&', '&amp;')}</b>`)).toBe('<b>A &amp; B</b>.');
  });
});
