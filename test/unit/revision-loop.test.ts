import { describe, expect, it } from 'vitest';
import { runAutomaticStep } from '../../lib/cycle/engine.ts';
import { checkRevision } from '../../lib/cycle/revisions.ts';
import { sha256Hex } from '../../lib/signing/verification.ts';
import { event } from '../helpers/api-event.ts';
import { CycleRun } from '../helpers/cycle-run.ts';
import { linkRoute, postTo, taskPageOf, uploadRevision } from '../helpers/link-requests.ts';
import { pdfsig, pdfText, smallPdf } from '../helpers/pdf.ts';
import { deflatedZeros, zipOf } from '../helpers/zip-bomb.ts';

/** Balangan: 6 the Kasubbag drafts (konfirmasi), 7 the Sekretaris corrects (keputusan), 8 goes up (automatic), 9 signs. */
const DRAFT = 6;
const REVIEW = 7;
const SUBMIT = 8;
const SIGN = 9;
const route = linkRoute;
const page = taskPageOf;
const post = postTo;

describe('the correction loop', () => {
  it('returned with notes: the preparer sees them, uploads a revised DOCX, the reviewer sees every pass', async () => {
    const run = await new CycleRun().start();
    const first = await run.act(DRAFT, 'selesai', 'Draf pertama siap diperiksa.');
    const v1 = first.task.berkas.find((b) => b.jenis === 'draf')!;
    await run.act(REVIEW, 'kembali', 'Lengkapi penjelasan kendala pada Sasaran 2.');

    const again = await run.open(DRAFT);
    expect(again.task.putaran).toBe(2);
    // The mail and the page's first sentence say it is another pass, after a return.
    expect(again.mail.text).toContain('Ini putaran ke-2: dokumen sebelumnya dikembalikan dengan catatan');
    const html = await page(run, again.linkId);
    expect(html).toContain('dikembalikan dengan catatan: perbaiki sesuai catatan peninjau (versi 2)');
    expect(html).toContain('Catatan peninjau untuk versi 1');
    expect(html).toContain('Lengkapi penjelasan kendala pada Sasaran 2.');
    expect(html).toContain(`href="/t/${again.linkId}/revisi"`);
    expect(html).not.toContain('type="file"');
    const uploadPage = await route(event('GET', `/t/${again.linkId}/revisi`), {
      ports: run.ports,
      cat: run.cat,
    });
    expect(uploadPage.body).toContain('id="revisi"');
    expect(uploadPage.body).toContain('accept=".docx,.pdf"');

    // Refused by name, by content, and an archive bomb; nothing of it is kept.
    expect(await uploadRevision(run, again.linkId, 'laporan.xlsx', new Uint8Array(10))).toMatchObject({
      status: 400,
      pesan: expect.stringContaining('yang diterima .docx atau .pdf'),
    });
    const pdfAsDocx = await uploadRevision(run, again.linkId, 'laporan.docx', await smallPdf());
    expect(pdfAsDocx.outcome).toMatchObject({
      status: 'ditolak',
      masalah: [{ pesan: expect.stringContaining('berisi PDF') }],
    });
    const bomb = await uploadRevision(
      run,
      again.linkId,
      'bom.docx',
      zipOf([
        {
          name: 'word/document.xml',
          data: await deflatedZeros(200 * 1024 * 1024),
          size: 200 * 1024 * 1024,
          method: 8,
        },
      ]),
    );
    expect(bomb.outcome).toMatchObject({ status: 'ditolak' });

    // The marked draft is refused as a revision: its DRAF mark and internal notes would reach the signed
    // report. The preparer edits the clean Word file the page offers and sends it back.
    const v1Hash = sha256Hex(await run.ports.blobs.get('kerja', v1.key));
    const marked = await uploadRevision(
      run,
      again.linkId,
      'draf.docx',
      await run.ports.blobs.get('kerja', v1.key),
    );
    expect(marked.outcome).toMatchObject({
      status: 'ditolak',
      masalah: [{ pesan: expect.stringContaining('Naskah untuk disunting (DOCX)') }],
    });
    const sunting = again.task.berkas.find((b) => b.jenis === 'naskah-sunting')!;
    expect(sunting.key).toMatch(/\/sunting\/LAKIP-2025-naskah-v2\.docx$/);
    expect(html).toContain('untuk disunting (DOCX, tanpa tanda DRAF dan catatan internal)');
    const edited = await run.ports.blobs.get('kerja', sunting.key);
    expect((await uploadRevision(run, again.linkId, 'LAKIP revisi.docx', edited)).outcome).toMatchObject({
      status: 'diterima',
    });
    expect(
      (await post(run, `/t/${again.linkId}`, { hasil: 'selesai', catatan: 'Sudah dilengkapi.' })).statusCode,
    ).toBe(200);
    await run.finish(DRAFT, again.token);
    const [, pass2] = await run.steps(DRAFT);
    const revised = pass2!.berkas.find((b) => b.key.endsWith('-draf-v2-revisi.docx'))!;
    expect(sha256Hex(await run.ports.blobs.get('kerja', revised.key))).toBe(sha256Hex(edited));
    // The regenerated draft of pass 2 is still there under its own key; v1 untouched.
    expect(pass2!.berkas.some((b) => b.key.endsWith('-draf-v2.docx'))).toBe(true);
    expect(sha256Hex(await run.ports.blobs.get('kerja', v1.key))).toBe(v1Hash);

    const review = await run.open(REVIEW);
    expect(review.task.berkas.map((b) => b.key)).toContain(revised.key);
    const reviewer = await page(run, review.linkId);
    expect(reviewer).toContain('Periksa versi 2 draf LAKIP 2025, perbaikan atas catatan sebelumnya');
    expect(reviewer).toContain('Versi laporan dan koreksi');
    expect(reviewer).toMatch(/<td data-label="Versi">1[\s\S]*dikembalikan[\s\S]*Lengkapi penjelasan kendala/);
    expect(reviewer).toMatch(/<td data-label="Versi">2[\s\S]*Sudah dilengkapi\./);
    expect(reviewer).toContain('revisi penyusun');
    expect(reviewer).not.toContain('/revisi"');
  });

  it('an approved Word revision is signed as the PDF exported from Word, uploaded on the signing page', async () => {
    const run = await new CycleRun().start();
    const first = await run.open(DRAFT);
    const docx = await run.ports.blobs.get(
      'kerja',
      first.task.berkas.find((b) => b.jenis === 'naskah-sunting')!.key,
    );
    expect((await uploadRevision(run, first.linkId, 'revisi.docx', docx)).outcome).toMatchObject({
      status: 'diterima',
    });
    await post(run, `/t/${first.linkId}`, { hasil: 'selesai', catatan: '' });
    await run.finish(DRAFT, first.token);
    await run.act(REVIEW, 'setuju');
    await runAutomaticStep(run.ports, run.cat, { ...run.payload(SUBMIT), fase: 'otomatis' });

    const sign = await run.open(SIGN);
    // No PDF rendered from data: it would not carry the Word edits.
    expect(sign.task.berkas.some((b) => b.jenis === 'naskah-final')).toBe(false);
    const html = await page(run, sign.linkId);
    expect(html).toContain('versi yang disetujui adalah dokumen Word');
    expect(html).toContain(`href="/t/${sign.linkId}/revisi"`);
    expect(html).not.toContain('Konfirmasi selesai');
    const uploadPage = await route(event('GET', `/t/${sign.linkId}/revisi`), {
      ports: run.ports,
      cat: run.cat,
    });
    expect(uploadPage.body).toContain('accept=".pdf"');
    // Nothing to sign yet: the answer is refused until the PDF is there.
    expect((await post(run, `/t/${sign.linkId}`, { hasil: 'selesai' })).statusCode).toBe(400);
    const exported = await smallPdf('Ekspor dari Word');
    expect((await uploadRevision(run, sign.linkId, 'revisi.docx', docx)).pesan).toContain('.pdf');
    expect((await uploadRevision(run, sign.linkId, 'laporan.pdf', exported)).outcome).toMatchObject({
      status: 'diterima',
    });
    expect((await post(run, `/t/${sign.linkId}/tanda-tangan`, {})).statusCode).toBe(200);
    await run.finish(SIGN, sign.token);
    // The signer's page now offers the signed report itself.
    expect(await page(run, sign.linkId)).toMatch(
      /ditandatangani secara elektronik \(PDF\) — sudah ditandatangani/,
    );
    const [record] = await run.steps(SIGN);
    const signed = await run.ports.blobs.get(
      'kerja',
      record!.berkas.find((b) => b.jenis === 'laporan-final')!.key,
    );
    expect(pdfsig(signed).out).toContain('Signature is Valid');
    expect(pdfText(signed)).toContain('Ekspor dari Word');
    expect(pdfText(signed)).toContain('Ditandatangani secara elektronik oleh');
  });

  it('says what is wrong with a file that is not what its name says', async () => {
    expect(await checkRevision(new TextEncoder().encode('PK\u0003\u0004rusak'), 'docx')).toMatchObject([
      { pesan: expect.stringContaining('.docx rusak') },
    ]);
    expect(await checkRevision(new TextEncoder().encode('%PDF-1.7 terpotong'), 'pdf')).toMatchObject([
      { pesan: expect.stringContaining('terpotong') },
    ]);
    expect(await checkRevision(new TextEncoder().encode('{\\rtf1 dokumen lama'), 'docx')).toMatchObject([
      { pesan: expect.stringContaining('bukan dokumen Word .docx') },
    ]);
    expect(await checkRevision(await smallPdf(), 'pdf')).toEqual([]);
  });
});
