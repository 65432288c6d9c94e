import { describe, expect, it } from 'vitest';
import type { OperatorApi } from '../../lib/adapters/operator-api.ts';
import { holderAt, sebutanJabatan } from '../../lib/agency/offices.ts';
import { agencySchema } from '../../lib/agency/schema.ts';
import { pejabatCommand } from '../../lib/cli/pejabat.ts';
import { actingOf, setActing } from '../../lib/cycle/acting.ts';
import { stepContext } from '../../lib/cycle/context.ts';
import { delegateTask } from '../../lib/cycle/delegation.ts';
import { decide, HANDED_ON, taskByLink } from '../../lib/cycle/people.ts';
import { requestRevisionUpload } from '../../lib/cycle/revisions.ts';
import { signByLink } from '../../lib/cycle/sign-task.ts';
import { signerOf } from '../../lib/cycle/signer-of.ts';
import { STEP_KINDS } from '../../lib/cycle/steps/index.ts';
import { renderReport } from '../../lib/cycle/steps/shared.ts';
import { route } from '../../lib/http/api.ts';
import { event } from '../helpers/api-event.ts';
import { BALANGAN, CycleRun, seedCatalogue } from '../helpers/cycle-run.ts';
import { linkIdIn } from '../helpers/memory-ports.ts';

const cat = seedCatalogue();
const json = (b: unknown) => ({ body: JSON.stringify(b), type: 'application/json' });
const form = (b: Record<string, string>) => ({ body: new URLSearchParams(b).toString() });
const balangan = cat.agencies.get(BALANGAN.agencyId)!;
const PLT = {
  jabatan: 'kepala',
  jenis: 'Plt.' as const,
  nama: 'Rahmat Hidayat (contoh)',
  email: 'sekretaris@dkukmtk.balangan.example',
  mulai: '2026-01-01',
  selesai: '2026-01-31',
};

describe('holderAt', () => {
  const agency = { ...balangan, pelaksana_tugas: [PLT] };

  it('gives the acting official on the days of the range, in the agency zone, and the official otherwise', () => {
    // 31 Jan 2026 23:30 WITA is still in the range; 1 Feb 00:30 WITA is not.
    const inside = holderAt(agency, 'kepala', new Date('2026-01-31T15:30:00Z'));
    expect(inside).toEqual({
      orang: { jabatan: 'Kepala Dinas', nama: PLT.nama, email: PLT.email },
      sebutan: 'Plt.',
    });
    expect(sebutanJabatan(inside)).toBe('Plt. Kepala Dinas');
    const after = holderAt(agency, 'kepala', new Date('2026-01-31T16:30:00Z'));
    expect(after.sebutan).toBeUndefined();
    expect(after.orang).toEqual(balangan.pejabat.kepala);
    expect(holderAt(agency, 'sekretaris', new Date('2026-01-10T00:00:00Z')).orang.nama).toBe(
      'Rahmat Hidayat (contoh)',
    );
  });

  it('prefers an operator-written range over the file, and reads a unit office only with its unit', () => {
    const extra = [
      { ...PLT, jenis: 'Plh.' as const, nama: 'Ratna', email: 'perencanaan@dkukmtk.balangan.example' },
    ];
    const at = new Date('2026-01-10T02:00:00Z');
    expect(holderAt(agency, 'kepala', at, extra)).toMatchObject({
      orang: { nama: 'Ratna' },
      sebutan: 'Plh.',
    });
    const unitActing = [{ ...PLT, jabatan: 'kepala-unit', unit: 'bidang-koperasi', nama: 'Hendra' }];
    expect(holderAt(balangan, 'kepala-unit', at, unitActing, 'bidang-koperasi')).toMatchObject({
      orang: { nama: 'Hendra', jabatan: 'Kepala Bidang Koperasi' },
      sebutan: 'Plt.',
    });
    expect(holderAt(balangan, 'kepala-unit', at, unitActing, 'bidang-ukm').sebutan).toBeUndefined();
    expect(() => holderAt(balangan, 'bendahara', at)).toThrow(/jabatan 'bendahara'/);
  });

  it('refuses a range that ends before it starts, in the agency file', () => {
    const r = agencySchema.safeParse({ ...balangan, pelaksana_tugas: [{ ...PLT, selesai: '2025-12-31' }] });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('selesai tidak boleh sebelum mulai');
  });
});

describe('acting officials in a running cycle', () => {
  it("gives a task opened in the range to the operator's Plt., named 'Plt. Kepala Dinas'", async () => {
    const run = await new CycleRun().start();
    await expect(setActing(run.ports, balangan, { ...PLT, jabatan: 'bendahara' })).rejects.toThrow(
      /jabatan 'bendahara' tidak ada/,
    );
    await setActing(run.ports, balangan, PLT);
    const { task, mail } = await run.open(1);
    expect(task.assignee).toEqual({ nama: PLT.nama, jabatan: 'Plt. Kepala Dinas', email: PLT.email });
    expect(task.jabatan).toBe('kepala');
    expect(mail.to).toEqual([PLT.email]);
  });

  it("has the acting head sign the report's stamp and the cover letter as 'Plt. Kepala Dinas'", async () => {
    const run = await new CycleRun().start();
    await setActing(run.ports, balangan, PLT);
    const acting = await actingOf(run.ports, balangan.id);
    const at = run.ports.clock.now();
    // Step 9 of SOP 001 is the head's signature: the stamp names whoever holds the office that day.
    expect(signerOf(stepContext(cat, run.siklus, 9), at, acting)).toMatchObject({
      nama: PLT.nama,
      jabatan: 'Plt. Kepala Dinas DKUKMTK',
      sebutan: 'Plt.',
    });
    // Outside the range the definitive head signs.
    expect(signerOf(stepContext(cat, run.siklus, 9), new Date('2026-03-02T02:00:00Z'), acting)).toMatchObject(
      {
        nama: balangan.pejabat.kepala!.nama,
        jabatan: 'Kepala Dinas DKUKMTK',
      },
    );
    let letter: { penandatangan: { nama: string; sebutan?: string } } | undefined;
    const real = run.ports.renderer!;
    run.ports.renderer = {
      ...real,
      suratPengantar: async (input) => {
        letter = input;
        return new Uint8Array();
      },
      suratPengantarPdf: async () => new Uint8Array(),
    };
    const ctx = stepContext(cat, run.siklus, 10);
    await STEP_KINDS['surat-pengantar'].selesai!({
      ports: run.ports,
      ctx,
      cycle: await run.cycle(),
      putaran: 1,
    });
    expect(letter?.penandatangan).toMatchObject({ nama: PLT.nama, sebutan: 'Plt.' });
  });

  it("prints the acting head on the signed report as 'Plt. Kepala Dinas'", async () => {
    const run = await new CycleRun().start();
    await setActing(run.ports, balangan, PLT);
    let signer: unknown;
    const real = run.ports.renderer!;
    run.ports.renderer = {
      ...real,
      lakip: async (input) => {
        signer = input.tandaTangan;
        return new Uint8Array();
      },
    };
    const ctx = stepContext(cat, run.siklus, 9);
    await renderReport(
      { ports: run.ports, ctx, cycle: await run.cycle(), putaran: 1 },
      { final: { sidik: 'x' } },
    );
    // The office stays the head's; the renderer prints the appointment before the full title.
    expect(signer).toMatchObject({
      nama: PLT.nama,
      jabatan: 'Kepala Dinas DKUKMTK',
      plt: true,
      sebutan: 'Plt.',
    });
    const { signer: block } = await import('../../lib/documents/lakip/common.ts');
    const kepala = cat.agencies.get(run.siklus.agencyId)!.pejabat[
      cat.agencies.get(run.siklus.agencyId)!.pimpinan
    ]!;
    expect(
      block(cat.agencies.get(run.siklus.agencyId)!, { ...kepala, nama: PLT.nama, sebutan: 'Plt.' }).jabatan,
    ).toMatch(/^Plt\. Kepala Dinas Koperasi/);
  });

  it('takes and checks a Plt. through the operator route, with specific messages', async () => {
    const run = await new CycleRun().start();
    const deps = { ports: run.ports, cat };
    const bad = await route(
      event(
        'POST',
        '/api/instansi/dkukmtk-balangan/pelaksana-tugas',
        json({ ...PLT, jenis: 'Pj.', mulai: '1 Januari' }),
      ),
      deps,
    );
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body!).pesan).toContain("jenis harus 'Plt.' atau 'Plh.'");
    expect(JSON.parse(bad.body!).pesan).toContain('mulai harus berformat YYYY-MM-DD');
    const ok = await route(event('POST', '/api/instansi/dkukmtk-balangan/pelaksana-tugas', json(PLT)), deps);
    expect(ok.statusCode).toBe(201);
    expect(JSON.parse(ok.body!).pesan).toContain('Plt. untuk jabatan kepala: Rahmat Hidayat (contoh)');
    const list = await route(event('GET', '/api/instansi/dkukmtk-balangan/pelaksana-tugas'), deps);
    expect(JSON.parse(list.body!).tercatat).toHaveLength(1);
    const unknown = await route(event('POST', '/api/instansi/tidak-ada/pelaksana-tugas', json(PLT)), deps);
    expect(unknown.statusCode).toBe(404);
  });

  it('lakip pejabat plt sends the range to the operator API and prints its answer', async () => {
    const calls: unknown[] = [];
    const api: OperatorApi = async (method, path, body) => {
      calls.push({ method, path, body });
      return { status: 201, body: { pesan: 'Plt. dicatat' } };
    };
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(`ERR ${s}`) };
    expect(await pejabatCommand(['plt', 'dkukmtk-balangan'], api, io, { jabatan: 'kepala' })).toBe(2);
    expect(out.at(-1)).toContain('Opsi wajib belum diisi: --jenis, --nama, --email, --mulai, --selesai');
    expect(await pejabatCommand(['plt', 'dkukmtk-balangan'], api, io, PLT)).toBe(0);
    expect(calls).toEqual([
      { method: 'POST', path: '/api/instansi/dkukmtk-balangan/pelaksana-tugas', body: PLT },
    ]);
    expect(out.at(-1)).toBe('Plt. dicatat');
  });
});

describe('delegation', () => {
  it('hands the Kepala task to the Sekretaris with a reason; the Kepala keeps a read-only view', async () => {
    const run = await new CycleRun().start();
    const { ports } = run;
    const { task, linkId, token } = await run.open(1);
    expect(await delegateTask(ports, cat, linkId, { kepada: BALANGAN.kepala, alasan: 'x' })).toEqual({
      ok: false,
      pesan: 'Tugas tidak dapat dialihkan kepada diri sendiri; pilih pejabat lain.',
    });
    expect(
      await delegateTask(ports, cat, linkId, { kepada: 'orang@lain.example', alasan: 'dinas luar' }),
    ).toMatchObject({ ok: false, pesan: expect.stringContaining('bukan pejabat Dinas Koperasi') });
    expect(
      await delegateTask(ports, cat, linkId, { kepada: BALANGAN.sekretaris, alasan: ' ' }),
    ).toMatchObject({
      ok: false,
      pesan: expect.stringContaining('Alasan pengalihan wajib diisi'),
    });
    expect(await ports.store.getTask(task.agencyId, task.cycleId, task.taskId)).toMatchObject({
      assignee: { email: BALANGAN.kepala },
    });

    const before = ports.mailer.sent.length;
    const out = await delegateTask(ports, cat, linkId, {
      kepada: BALANGAN.sekretaris,
      alasan: 'dinas luar kota',
    });
    expect(out).toMatchObject({ ok: true, delegasi: { kepada: { email: BALANGAN.sekretaris } } });
    // A second submission of the same form changes nothing and mails nobody.
    expect(
      await delegateTask(ports, cat, linkId, { kepada: BALANGAN.sekretaris, alasan: 'dinas luar kota' }),
    ).toMatchObject({ ok: false });
    const mails = run.mailsSince(before);
    expect(mails.map((m) => m.to)).toEqual([[BALANGAN.sekretaris], [BALANGAN.kepala]]);
    expect(mails[0]!.text).toContain('dengan alasan: "dinas luar kota"');
    // The delegator's receipt: to whom and why, and no link to act with.
    expect(mails[1]!.subject).toContain('Tugas sudah dialihkan: langkah 1 kepada Sekretaris');
    expect(mails[1]!.text).toContain('sudah Anda alihkan kepada Rahmat Hidayat (contoh) (Sekretaris)');
    expect(mails[1]!.text).not.toMatch(/\/t\/[A-Za-z0-9_-]{22}/);

    const view = await taskByLink(ports, cat, linkId);
    expect(view).toMatchObject({ ok: true, hanyaLihat: true });
    expect(await decide(ports, cat, linkId, { hasil: 'selesai' })).toEqual({
      ok: false,
      alasan: 'tidak-sah',
      pesan: HANDED_ON,
    });

    const delegateLink = linkIdIn(mails[0]!);
    expect(
      await decide(ports, cat, delegateLink, { hasil: 'selesai', catatan: 'Atas nama Kepala' }),
    ).toMatchObject({
      ok: true,
      keputusan: { oleh: { email: BALANGAN.sekretaris }, atasNama: { email: BALANGAN.kepala } },
    });
    await run.finish(1, token);
    const [record] = await run.steps(1);
    expect(record).toMatchObject({
      oleh: { email: BALANGAN.sekretaris },
      keputusan: { atasNama: { email: BALANGAN.kepala } },
    });
  });

  it("refuses the delegator's old link everything that acts: signing, a revised file, its upload page", async () => {
    const run = await new CycleRun().start();
    const { ports } = run;
    // Step 9: the Kepala signs the report; she hands it to the Sekretaris.
    const { task, linkId } = await run.open(9);
    expect(
      await delegateTask(ports, cat, linkId, { kepada: BALANGAN.sekretaris, alasan: 'cuti' }),
    ).toMatchObject({
      ok: true,
    });
    expect(await signByLink(ports, cat, linkId, {})).toEqual({
      ok: false,
      alasan: 'tidak-sah',
      pesan: HANDED_ON,
    });
    expect(await requestRevisionUpload(ports, cat, linkId, 'laporan-ekspor-word.pdf')).toEqual({
      ok: false,
      pesan: HANDED_ON,
    });
    const page = await route(event('GET', `/t/${linkId}/revisi`), { ports, cat });
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('hanya untuk dilihat');
    // Nothing was recorded: the task waits for the delegate.
    expect(await ports.store.getTask(task.agencyId, task.cycleId, task.taskId)).toMatchObject({
      status: 'terbuka',
      assignee: { email: BALANGAN.sekretaris },
    });
  });

  it('answers the page form with the way back to the task', async () => {
    const run = await new CycleRun().start();
    const { linkId } = await run.open(1);
    const deps = { ports: run.ports, cat };
    const self = await route(
      event('POST', `/t/${linkId}/alihkan`, form({ kepada: BALANGAN.kepala, alasan: 'x' })),
      deps,
    );
    expect(self.statusCode).toBe(400);
    expect(self.body).toContain('diri sendiri');
    expect(self.body).toContain(`href="/t/${linkId}"`);
    const ok = await route(
      event('POST', `/t/${linkId}/alihkan`, form({ kepada: BALANGAN.sekretaris, alasan: 'cuti' })),
      deps,
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Tugas dialihkan');
    const page = await route(event('GET', `/t/${linkId}`), deps);
    expect(page.body).toContain('Tugas ini sudah Anda alihkan kepada Rahmat Hidayat (contoh) (Sekretaris)');
    expect(page.body).not.toContain('name="hasil"');
  });
});
