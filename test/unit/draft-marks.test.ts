import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { draftLeftovers } from '../../lib/cycle/revision-marks.ts';
import { docxParagraphs } from '../../lib/documents/docx-text.ts';
import { draftMarksIn, reportParagraphs } from '../../lib/documents/draft-marks.ts';
import type { LakipInput } from '../../lib/documents/lakip/common.ts';
import { renderLakip } from '../../lib/documents/lakip.ts';
import { signingSection, signingViewOf } from '../../lib/pages/signing-page.ts';
import { analisis } from '../../lib/performance/analysis.ts';

/**
 * The approved Word file is what gets exported and signed: a revision edited from the marked draft (DRAF
 * VERSI n, the reviewers' internal notes) is refused, and the clean file offered instead carries neither.
 */
let draft: Uint8Array;
let clean: Uint8Array;
beforeAll(async () => {
  const cat = loadCatalogue('config');
  const pk = cat.kinerja.get('dkukmtk-balangan/2025')!;
  const input: LakipInput = {
    agency: cat.agencies.get('dkukmtk-balangan')!,
    pk,
    analisis: analisis(pk, []),
    singkatan: 'LAKIP',
    dibuat: new Date('2026-01-20T02:00:00Z'),
    versi: 2,
    catatanKoreksi: [
      { oleh: 'Sekretaris', waktu: new Date('2026-01-19T02:00:00Z'), catatan: 'Lengkapi Bab III.' },
    ],
  };
  draft = await renderLakip(input);
  clean = await renderLakip({
    ...input,
    catatanKoreksi: [],
    tandaTangan: { nama: 'Kepala', jabatan: 'Kepala Dinas', waktu: new Date(), sidik: '' },
  });
});

describe('a revised Word file that still carries the draft', () => {
  it('finds the DRAF mark and the internal notes in the marked draft, and refuses it saying what to edit', async () => {
    expect(await draftMarksIn(draft)).toEqual({ draf: true, catatanInternal: true });
    const [m] = await draftLeftovers(draft);
    expect(m!.pesan).toContain('tanda "DRAF VERSI"');
    expect(m!.pesan).toContain('bagian "CATATAN KOREKSI (INTERNAL)"');
    expect(m!.pesan).toContain('Sunting "Naskah untuk disunting (DOCX)"');
  });

  it('accepts the clean file: no mark, no notes', async () => {
    expect(await draftMarksIn(clean)).toEqual({ draf: false, catatanInternal: false });
    expect(await draftLeftovers(clean)).toEqual([]);
  });

  it('compares versions on the report text alone: no version mark, nothing after the internal heading', async () => {
    const all = await docxParagraphs(draft);
    expect(all.some((p) => p.teks === 'CATATAN KOREKSI (INTERNAL)')).toBe(true);
    const report = reportParagraphs(all);
    expect(report.some((p) => /DRAF VERSI|CATATAN KOREKSI|Lengkapi Bab III/.test(p.teks))).toBe(false);
    expect(report.length).toBeGreaterThan(100);
  });
});

describe('the signing page once the signer uploaded the PDF exported from Word', () => {
  const task = { status: 'terbuka', jenisTugas: 'konfirmasi' } as Parameters<typeof signingSection>[0];
  const ctx = { step: { jenis: 'tanda-tangan' }, agency: {} };
  const files = [
    { key: 'siklus/a/c/draf/LAKIP-2025-draf-v2-revisi.docx', url: 'https://s3/word', jenis: 'draf' },
  ] as Parameters<typeof signingViewOf>[2];
  const ANSWER = '<form id="jawab"><button>Tandatangani</button></form>';

  it('before: names the approved Word file to export, and has no signing answer', () => {
    const html = signingSection(task, signingViewOf(ctx, task, files, '/t/x')!, ANSWER);
    expect(html).toContain('<a href="https://s3/word">dokumen Word yang disetujui (revisi penyusun)</a>');
    expect(html).not.toContain('id="jawab"');
  });

  it('after: links the uploaded PDF to read and offers the answer that signs it', () => {
    const up = { url: 'https://s3/pdf', nama: 'laporan-final.pdf' };
    const html = signingSection(task, signingViewOf(ctx, task, files, '/t/x', up)!, ANSWER);
    expect(html).toContain(
      '<a href="https://s3/pdf">naskah final (laporan-final.pdf, PDF yang Anda unggah)</a>',
    );
    expect(html).toContain('id="jawab"');
  });
});
