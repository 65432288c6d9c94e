import { describe, expect, it } from 'vitest';
import { runAutomaticStep } from '../../lib/cycle/engine.ts';
import { receiveUpload } from '../../lib/cycle/receive-upload.ts';
import { API_ROUTES } from '../../lib/http/api.ts';
import { router } from '../../lib/http/router.ts';
import { event } from '../helpers/api-event.ts';
import { CycleRun } from '../helpers/cycle-run.ts';
import { smallPdf } from '../helpers/pdf.ts';

/** Balangan: 6 the Kasubbag drafts (konfirmasi), 7 the Sekretaris corrects (keputusan). */
const DRAFT = 6;
const REVIEW = 7;
const SUBMIT = 8;
const SIGN = 9;
const route = router(API_ROUTES);

const get = async (run: CycleRun, path: string) =>
  (await route(event('GET', path), { ports: run.ports, cat: run.cat })).body!;

/** Asks for the presigned form (what the page's script does); the file itself is sent by `send`. */
async function request(run: CycleRun, linkId: string, name: string) {
  const r = await route(
    event('POST', `/api/tugas/${linkId}/dokumen`, {
      body: JSON.stringify({ namaBerkas: name }),
      type: 'application/json',
    }),
    { ports: run.ports, cat: run.cat },
  );
  expect(r.statusCode).toBe(200);
  return JSON.parse(r.body!) as { uploadId: string; form: { url: string; fields: Record<string, string> } };
}

async function send(run: CycleRun, linkId: string, name: string, bytes: Uint8Array) {
  const j = await request(run, linkId, name);
  const outcome = await receiveUpload(run.ports, run.cat, await run.ports.blobs.post(j.form, bytes));
  run.ports.clock.advance({ minutes: 5 });
  return outcome;
}

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the revised-file page shows what became of each upload', () => {
  it('lists rejected and accepted files newest first, marks the one handed on, and the task page names it', async () => {
    const run = await new CycleRun().start();
    const opened = await run.open(DRAFT);
    const draft = await run.ports.blobs.get(
      'kerja',
      opened.task.berkas.find((b) => b.jenis === 'naskah-sunting')!.key,
    );
    const empty = await get(run, `/t/${opened.linkId}/revisi`);
    expect(empty).toContain('id="revisi"');
    expect(empty).not.toContain('Riwayat unggahan');
    // The agency's header, not the generic one.
    expect(empty).toContain('Pemerintah Kabupaten Balangan');
    // The button the task page really has.
    expect(empty).toContain('tekan <b>Tandai selesai</b>');
    expect(empty).not.toContain('Konfirmasi selesai');
    expect(await get(run, `/t/${opened.linkId}`)).toContain('>Tandai selesai</button>');
    expect(await get(run, `/t/${opened.linkId}`)).not.toContain('Revisi yang akan diteruskan');

    expect(await send(run, opened.linkId, 'draf-lama.docx', await smallPdf())).toMatchObject({
      status: 'ditolak',
    });
    const rejected = textOf(await get(run, `/t/${opened.linkId}/revisi`));
    expect(rejected).toContain('Ditolak: 1 masalah');
    expect(rejected).toContain('berisi PDF');

    expect(await send(run, opened.linkId, 'LAKIP revisi.docx', draft)).toMatchObject({ status: 'diterima' });
    expect(await send(run, opened.linkId, 'rusak.docx', new Uint8Array([1, 2, 3]))).toMatchObject({
      status: 'ditolak',
    });
    const html = await get(run, `/t/${opened.linkId}/revisi`);
    const text = textOf(html);
    // The newest (rejected) on top, and the accepted one still counts.
    expect(text).toContain('Ditolak: 1 masalah');
    expect(text).toContain('Data yang diterima sebelumnya (LAKIP revisi.docx');
    expect(text).toContain('Revisi yang akan diteruskan: LAKIP revisi.docx , diterima');
    const history = html.slice(html.indexOf('Riwayat unggahan'));
    const order = ['rusak.docx', 'LAKIP revisi.docx', 'draf-lama.docx'].map((n) => history.indexOf(n));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(history.match(/lencana selesai">dipakai/g)).toHaveLength(1);
    expect(history).toMatch(
      /LAKIP revisi\.docx<\/td><td[^>]*><span class="ok">diterima<\/span> <span class="lencana selesai">dipakai/,
    );
    expect(history).toContain('bukan dokumen Word .docx');

    const task = textOf(await get(run, `/t/${opened.linkId}`));
    expect(task).toContain(
      'Revisi yang akan diteruskan: LAKIP revisi.docx , diterima 5 Januari 2026 pukul 08.05 WITA.',
    );
    // Answered: the file has been handed on.
    const answered = await route(
      event('POST', `/t/${opened.linkId}`, { body: new URLSearchParams({ hasil: 'selesai' }).toString() }),
      { ports: run.ports, cat: run.cat },
    );
    expect(answered.statusCode).toBe(200);
    const after = textOf(await get(run, `/t/${opened.linkId}`));
    expect(after).toContain('Revisi yang diteruskan: LAKIP revisi.docx');
    expect(after).not.toContain('akan diteruskan');
  });

  it('an upload still being checked is watched on load; the script reports a failed request', async () => {
    const run = await new CycleRun().start();
    const opened = await run.open(DRAFT);
    const { uploadId } = await request(run, opened.linkId, 'revisi.pdf');
    const html = await get(run, `/t/${opened.linkId}/revisi`);
    expect(textOf(html)).toContain('Sedang diperiksa');
    expect(html).toContain(`watch(${JSON.stringify(uploadId)})`);
    expect(html).toContain(`fetch("/api/tugas/${opened.linkId}")`);
    expect(html).toContain('halaman tidak dapat menghubungi server');
    expect(html).toContain('jawaban server tidak dapat dibaca');
    expect(html).not.toContain('Muat ulang halaman ini sebentar lagi untuk melihat hasilnya');
  });

  it('the signer is told to press the signing button', async () => {
    const run = await new CycleRun().start();
    await run.act(DRAFT, 'selesai');
    await run.act(REVIEW, 'setuju');
    await runAutomaticStep(run.ports, run.cat, { ...run.payload(SUBMIT), fase: 'otomatis' });
    const sign = await run.open(SIGN);
    const html = await get(run, `/t/${sign.linkId}/revisi`);
    expect(html).toContain('accept=".pdf"');
    // Balangan signs without a PSrE: the task page's own button is "Tandatangani".
    expect(html).toContain('tekan <b>Tandatangani</b>');
    expect(await get(run, `/t/${sign.linkId}`)).toContain('>Tandatangani</button>');
    expect((await send(run, sign.linkId, 'laporan.pdf', await smallPdf())).status).toBe('diterima');
    expect(textOf(await get(run, `/t/${sign.linkId}`))).toContain(
      'Revisi yang akan diteruskan: laporan.pdf , diterima',
    );
  });
});

describe('the timeline shows each round of a review with its own decision', () => {
  it('round 1 returned, round 2 approved: both labelled, none read as the other', async () => {
    const run = await new CycleRun().start();
    await run.act(DRAFT, 'selesai');
    await run.act(REVIEW, 'kembali', 'Lengkapi penjelasan kendala pada Sasaran 2.');
    await run.act(DRAFT, 'selesai', 'Sudah dilengkapi.');
    const { linkId } = await run.act(REVIEW, 'setuju', 'Sudah sesuai catatan.');
    const html = await get(run, `/t/${linkId}/lini-masa`);
    const step7 = textOf(html.slice(html.indexOf('<b>7. '), html.indexOf('<b>8. ')));
    expect(step7).toContain(
      'Putaran 1 — dikembalikan oleh Rahmat Hidayat (contoh): Lengkapi penjelasan kendala pada Sasaran 2.',
    );
    expect(step7).toContain('Putaran 2 — disetujui oleh Rahmat Hidayat (contoh): Sudah sesuai catatan.');
    expect(step7).not.toContain('Dikembalikan:');
    expect(step7.indexOf('Putaran 1')).toBeLessThan(step7.indexOf('Putaran 2'));
    // The preparer's reply on the second pass is its own round's note.
    const step6 = textOf(html.slice(html.indexOf('<b>6. '), html.indexOf('<b>7. ')));
    expect(step6).toContain('Putaran 2 — dikonfirmasi oleh');
    expect(step6).toContain('Sudah dilengkapi.');
    expect(step6).not.toContain('Putaran 1 —');
  });

  it('a single approval says who approved it, without a round label', async () => {
    const run = await new CycleRun().start();
    await run.act(DRAFT, 'selesai');
    const { linkId } = await run.act(REVIEW, 'setuju');
    const html = await get(run, `/t/${linkId}/lini-masa`);
    const step7 = textOf(html.slice(html.indexOf('<b>7. '), html.indexOf('<b>8. ')));
    expect(step7).toContain('Disetujui oleh Rahmat Hidayat (contoh)');
    expect(step7).not.toContain('Putaran');
  });
});
