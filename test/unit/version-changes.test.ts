import { describe, expect, it } from 'vitest';
import type { Berkas } from '../../lib/cycle/model.ts';
import { PDF_TIDAK_TERSEDIA, type PerubahanVersi } from '../../lib/cycle/version-diff.ts';
import { event } from '../helpers/api-event.ts';
import { CycleRun } from '../helpers/cycle-run.ts';
import { editDocx, replaceOnce } from '../helpers/docx-edit.ts';
import { linkRoute, taskPageOf, uploadRevision } from '../helpers/link-requests.ts';
import { smallPdf } from '../helpers/pdf.ts';

/** Balangan: 6 the Kasubbag drafts, 7 the Sekretaris corrects (returns to 6). */
const DRAFT = 6;
const REVIEW = 7;
const route = linkRoute;
const page = taskPageOf;

const summaryOf = async (run: CycleRun, b: Berkas | undefined): Promise<PerubahanVersi> => {
  expect(b?.perubahan, `${b?.key} has no summary`).toBe(`${b?.key.replace('/draf/', '/perubahan/')}.json`);
  return JSON.parse(Buffer.from(await run.ports.blobs.get('kerja', b!.perubahan!)).toString('utf8'));
};

/** Pass 1 drafted and returned with notes; pass 2's draft step open. */
async function returned(run: CycleRun) {
  const first = await run.act(DRAFT, 'selesai', 'Draf pertama.');
  await run.act(REVIEW, 'kembali', 'Perjelas kendala Sasaran 2.');
  return {
    v1: first.task.berkas.find((b) => b.key.endsWith('-draf-v1.docx'))!,
    again: await run.open(DRAFT),
  };
}

describe('what changed between versions of the report', () => {
  it('summarises a revised Word file against the returned version, on the reviewer page', async () => {
    const run = await new CycleRun().start();
    const { again } = await returned(run);
    // The regenerated pass-2 draft is compared too; with the same data its report text is the same: the
    // version mark and the notes appendix are not the report's text, so they are not counted as changes.
    const [, open2] = await run.steps(DRAFT);
    const rendered = await summaryOf(
      run,
      open2!.berkas.find((b) => b.key.endsWith('-draf-v2.docx')),
    );
    expect(rendered).toMatchObject({ dari: 1, ke: 2, jumlah: { diubah: 0, ditambah: 0, dihapus: 0 } });
    expect(open2!.berkas.find((b) => b.key.endsWith('-draf-v2.pdf'))?.perubahan).toBeUndefined();

    const sunting = again.task.berkas.find((b) => b.jenis === 'naskah-sunting')!;
    const edited = await editDocx(
      await run.ports.blobs.get('kerja', sunting.key),
      replaceOnce('bahan evaluasi dan perbaikan kinerja', 'bahan evaluasi dan perbaikan layanan publik'),
    );
    expect((await uploadRevision(run, again.linkId, 'revisi.docx', edited)).outcome).toMatchObject({
      status: 'diterima',
    });
    await route(
      event('POST', `/t/${again.linkId}`, {
        body: new URLSearchParams({ hasil: 'selesai', catatan: 'Sudah diperjelas.' }).toString(),
      }),
      { ports: run.ports, cat: run.cat },
    );
    await run.finish(DRAFT, again.token);
    const [, pass2] = await run.steps(DRAFT);
    const revised = await summaryOf(
      run,
      pass2!.berkas.find((b) => b.key.endsWith('-draf-v2-revisi.docx')),
    );
    // Against what the reviewer returned (v1), not against the regenerated v2: the one sentence, and the
    // final form's signature line (the clean file is the report as it will be signed).
    expect(revised.jumlah).toEqual({ diubah: 1, ditambah: 1, dihapus: 0 });
    expect(revised.rincian[1]!.potongan.map((p) => p.teks).join('')).toMatch(
      /^Ditandatangani secara elektronik/,
    );

    const review = await run.open(REVIEW);
    const html = await page(run, review.linkId);
    expect(html).toContain('Perubahan antarversi');
    expect(html).toContain('Perubahan dari v1 ke v2:</b> 1 paragraf diubah, 1 ditambah, 0 dihapus.');
    expect(html).toMatch(
      /<del><span class="sr">\[dihapus: <\/span>kinerja<span class="sr">\]<\/span><\/del>/,
    );
    expect(html).toMatch(/<ins><span class="sr">\[ditambah: <\/span>layanan publik/);
    expect(html).toContain('KATA PENGANTAR');
    // The timeline says it in a line per later version, without the words.
    const timeline = (
      await route(event('GET', `/t/${review.linkId}/lini-masa`), { ports: run.ports, cat: run.cat })
    ).body!;
    expect(timeline).toContain('Perubahan dari v1 ke v2:</b> 1 paragraf diubah, 1 ditambah, 0 dihapus.');
    expect(timeline).not.toContain('<del>');
  });

  it('says a PDF revision cannot be compared, nor the version after it', async () => {
    const run = await new CycleRun().start();
    const { again } = await returned(run);
    expect(
      (await uploadRevision(run, again.linkId, 'revisi.pdf', await smallPdf('Revisi'))).outcome,
    ).toMatchObject({
      status: 'diterima',
    });
    await route(
      event('POST', `/t/${again.linkId}`, { body: new URLSearchParams({ hasil: 'selesai' }).toString() }),
      { ports: run.ports, cat: run.cat },
    );
    await run.finish(DRAFT, again.token);
    const [, pass2] = await run.steps(DRAFT);
    const pdf = await summaryOf(
      run,
      pass2!.berkas.find((b) => b.key.endsWith('-draf-v2-revisi.pdf')),
    );
    expect(pdf.tidakTersedia).toBe(PDF_TIDAK_TERSEDIA);
    const review = await run.open(REVIEW);
    expect(await page(run, review.linkId)).toContain(
      'Perubahan dari v1 ke v2:</b> Perubahan tidak dapat ditampilkan untuk berkas PDF',
    );

    // Pass 3's regenerated draft is compared with pass 2's PDF: not comparable either.
    await decideReturn(run, review.linkId, review.token);
    const [, , pass3] = await run.steps(DRAFT);
    const v3 = await summaryOf(
      run,
      pass3!.berkas.find((b) => b.key.endsWith('-draf-v3.docx')),
    );
    expect(v3).toMatchObject({ dari: 2, ke: 3, tidakTersedia: PDF_TIDAK_TERSEDIA });
  });

  it('stores a "not available" summary when the earlier version cannot be read, and the step goes on', async () => {
    const run = await new CycleRun().start();
    const first = await run.act(DRAFT, 'selesai');
    const v1 = first.task.berkas.find((b) => b.key.endsWith('-draf-v1.docx'))!;
    await run.ports.blobs.put('kerja', v1.key, new TextEncoder().encode('PK\u0003\u0004rusak'), 'x');
    await run.act(REVIEW, 'kembali', 'Ulangi.');
    const again = await run.open(DRAFT);
    expect(again.task.putaran).toBe(2);
    const [, pass2] = await run.steps(DRAFT);
    const s = await summaryOf(
      run,
      pass2!.berkas.find((b) => b.key.endsWith('-draf-v2.docx')),
    );
    expect(s.tidakTersedia).toContain('tidak tersedia');
    expect(await page(run, again.linkId)).toContain('Perbandingan dengan versi sebelumnya tidak tersedia');
  });
});

async function decideReturn(run: CycleRun, linkId: string, token: string) {
  await route(
    event('POST', `/t/${linkId}`, {
      body: new URLSearchParams({ hasil: 'kembali', catatan: 'Kirim Word, bukan PDF.' }).toString(),
    }),
    { ports: run.ports, cat: run.cat },
  );
  await run.finish(REVIEW, token);
  await run.open(DRAFT);
}
