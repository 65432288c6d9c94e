import { describe, expect, it } from 'vitest';
import { deliverDecision } from '../../lib/cycle/decisions.ts';
import { timeline } from '../../lib/cycle/timeline.ts';
import { serverError } from '../../lib/http/response.ts';
import { agencyPage, timelinePage } from '../../lib/pages/timeline-page.ts';
import { BALANGAN, CycleRun } from '../helpers/cycle-run.ts';

describe('the timeline and the overview', () => {
  it('names the unit head for per-unit rows, counts units that sent, and lists every SOP step', async () => {
    const run = await new CycleRun().start();
    const { ports, cat } = run;
    await run.act(1, 'selesai');
    await run.act(2, 'selesai');
    const units = cat.agencies.get(BALANGAN.agencyId)!.unit.map((u) => u.id);
    for (const u of units) await run.open(4, u);
    // One unit's data is accepted: its task is answered and the workflow takes the answer.
    const done = units[0]!;
    const t = (await ports.store.listTasks(run.siklus.agencyId, run.siklus.cycleId)).find(
      (x) => x.unit === done,
    )!;
    const k = {
      hasil: 'selesai' as const,
      catatan: '',
      oleh: t.assignee,
      waktu: ports.clock.now().toISOString(),
    };
    await ports.store.decideTask(t.agencyId, t.cycleId, t.taskId, k);
    await deliverDecision(ports, t, k);
    await run.finish(4, (await ports.store.getTaskToken(t))!, done);

    const tl = (await timeline(ports, cat, run.siklus.agencyId, run.siklus.cycleId))!;
    const row = tl.rows.find((r) => r.no === 4 && r.unit === 'bidang-koperasi')!;
    expect(row.pelaksana).toBe('Kasubbag Perencanaan');
    expect(row.pelaku).toEqual({ nama: 'Dewi Kurniawan (contoh)', jabatan: 'Kepala Bidang Koperasi' });
    const agency = cat.agencies.get(BALANGAN.agencyId)!;
    const html = timelinePage(agency, 'Penyusunan LAKIP (LAKIP)', tl.cycle, tl.rows, '/t/x', {
      langkah: tl.langkah,
    });
    expect(html).toContain('1 dari 4 unit sudah mengirim');
    expect(html).toContain('<h1>Lini masa LAKIP 2025</h1>');
    expect(html.match(/<li>/g)).toHaveLength(11);
    expect(html).toContain('belum dimulai');
    expect(html).toContain('id="bagan-alur"');
    expect(html).toContain('Pemerintah Kabupaten Balangan');

    const open = await ports.store.listTasks(run.siklus.agencyId, run.siklus.cycleId);
    const overview = agencyPage(
      agency,
      [
        {
          cycle: tl.cycle,
          sopNama: 'Penyusunan LAKIP (LAKIP)',
          rows: tl.rows,
          langkah: tl.langkah,
          open: open.filter((x) => x.status === 'terbuka'),
          lini: '/t/x/lini-masa/c',
        },
      ],
      '/t/x',
    );
    expect(overview).toContain('<a href="/t/x/lini-masa/c">LAKIP 2025</a>');
    expect(overview).toContain('2 dari 11 langkah selesai');
    expect(overview).toContain('Yusuf Pratama (contoh) (Kepala Bidang Usaha Kecil dan Menengah), langkah 4');
    expect(overview).not.toContain(run.siklus.cycleId);
  });

  it('offers the way back to the task on a failed page behind a task link', () => {
    const id = 'A'.repeat(22);
    expect(serverError(`/t/${id}/lini-masa`).body).toContain(`href="/t/${id}"`);
    expect(serverError('/lain').body).not.toContain('Kembali ke tugas');
  });
});
