import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import type { PerubahanVersi } from '../../lib/cycle/version-diff.ts';
import { type DocxParagraph, docxParagraphs, paragraphsOfXml } from '../../lib/documents/docx-text.ts';
import { renderLakip } from '../../lib/documents/lakip.ts';
import { compareParagraphs, MAX_SHOWN, TERLALU_BANYAK } from '../../lib/documents/text-diff.ts';
import { versionChangeHtml } from '../../lib/pages/version-changes.ts';
import { analisis } from '../../lib/performance/analysis.ts';
import { editDocx, replaceOnce } from '../helpers/docx-edit.ts';

const SENTENCE = 'Laporan ini diharapkan menjadi bahan evaluasi dan perbaikan kinerja pada tahun berikutnya.';
const v = { dari: 1, ke: 2 };
const cmp = (a: DocxParagraph[], b: DocxParagraph[]): PerubahanVersi => ({
  ...v,
  ...compareParagraphs(a, b),
});
const words = (s: string) => s.split(/\s+/).filter(Boolean).join(' ');
const paras = (...teks: string[]): DocxParagraph[] => teks.map((t) => ({ teks: t }));
/** The text a changed paragraph shows, with deleted runs as [-…] and added runs as {+…}. */
const marked = (p: PerubahanVersi, i = 0) =>
  p.rincian[i]!.potongan.map((x) =>
    x.ubah === 'hapus' ? `[-${x.teks}]` : x.ubah === 'tambah' ? `{+${x.teks}}` : x.teks,
  ).join('');

let draft: Uint8Array;
beforeAll(async () => {
  const cat = loadCatalogue('config');
  const pk = cat.kinerja.get('diskominfotik-gorontalo/2025')!;
  draft = await renderLakip({
    agency: cat.agencies.get('diskominfotik-gorontalo')!,
    pk,
    analisis: analisis(pk, []),
    singkatan: 'LKIP',
    dibuat: new Date('2026-01-20T02:00:00Z'),
    versi: 1,
    catatanKoreksi: [],
  });
});

describe('the text of a Word file', () => {
  it("reads the project's own draft: headings with their level, table cells, no empty paragraphs", async () => {
    const ps = await docxParagraphs(draft);
    expect(ps.length).toBeGreaterThan(100);
    expect(ps.some((p) => p.teks.startsWith(SENTENCE))).toBe(true);
    expect(ps).toContainEqual({ teks: 'BAB I PENDAHULUAN', tingkat: 1 });
    expect(ps).toContainEqual({ teks: 'A. Latar Belakang', tingkat: 2 });
    // The table of contents lists the same words as plain paragraphs (no heading style).
    expect(ps).toContainEqual({ teks: 'A. Latar Belakang' });
    // Table cells are paragraphs of their own: the PK table's header cells.
    expect(ps.filter((p) => p.teks === 'Target').length).toBeGreaterThan(0);
    expect(ps.every((p) => p.teks.trim() === p.teks && p.teks !== '')).toBe(true);
    // Field codes (page references) are not text.
    expect(ps.some((p) => p.teks.includes('PAGEREF'))).toBe(false);
  });

  it('reads a file edited by hand: tabs and breaks as spaces, entities, tracked deletions and text-box fallbacks left out', () => {
    const xml = `<w:document><w:body>
<w:p><w:pPr><w:pStyle w:val="Judul1"/></w:pPr><w:r><w:t>BAB II</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">PERENCANAAN  KINERJA</w:t></w:r></w:p>
<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>A. Rencana Strategis</w:t></w:r></w:p>
<w:p><w:r><w:t>Target</w:t></w:r><w:r><w:tab/><w:t>90 &amp; naik &#x2014; &lt;tetap&gt;</w:t></w:r><w:del><w:r><w:delText>lama</w:delText></w:r></w:del><w:ins><w:r><w:t xml:space="preserve"> baru</w:t></w:r></w:ins></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>Kotak teks</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Kotak teks</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Sesudah kotak</w:t></w:r></w:p>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr></w:p><w:p/>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Sel satu</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>BAB III dalam sel</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>`;
    expect(paragraphsOfXml(xml)).toEqual([
      { teks: 'BAB II PERENCANAAN KINERJA', tingkat: 1 },
      { teks: 'A. Rencana Strategis', tingkat: 2 },
      { teks: 'Target 90 & naik \u2014 <tetap> baru' },
      { teks: 'Kotak teks' },
      { teks: 'Sesudah kotak' },
      { teks: 'Sel satu' },
      { teks: 'BAB III dalam sel', tingkat: 1 },
    ]);
  });
});

describe('what changed between two versions', () => {
  it('finds the sentence a person changed in Word, word by word, under its chapter', async () => {
    const edited = await editDocx(
      draft,
      replaceOnce(
        'bahan evaluasi dan perbaikan kinerja',
        'bahan evaluasi, pembelajaran dan perbaikan layanan',
      ),
    );
    const p = cmp(await docxParagraphs(draft), await docxParagraphs(edited));
    expect(p.jumlah).toEqual({ diubah: 1, ditambah: 0, dihapus: 0 });
    expect(p.lainnya).toBe(0);
    expect(p.rincian[0]).toMatchObject({ jenis: 'diubah', bagian: 'KATA PENGANTAR' });
    expect(marked(p)).toContain(
      'bahan evaluasi{+, pembelajaran }dan perbaikan [-kinerja]{+layanan} pada tahun',
    );
  });

  it('tells an inserted paragraph from an edited neighbour, and counts deletions', () => {
    const before = paras(
      'BAB I',
      'Satu dua tiga empat lima.',
      'Paragraf yang akan dihapus seluruhnya.',
      'Akhir.',
    );
    const after = paras('BAB I', 'Sisipan baru yang lain sekali.', 'Satu dua tiga empat enam.', 'Akhir.');
    const p = cmp(before, after);
    expect(p.jumlah).toEqual({ diubah: 1, ditambah: 1, dihapus: 1 });
    expect(p.rincian.map((r) => r.jenis)).toEqual(['ditambah', 'diubah', 'dihapus']);
    expect(marked(p, 1)).toBe('Satu dua tiga empat [-lima]{+enam}.');
  });

  it('places a change under the heading path it sits in, and a heading under its parents', () => {
    const p = cmp(
      [
        { teks: 'BAB III AKUNTABILITAS', tingkat: 1 },
        { teks: 'A. Capaian', tingkat: 2 },
        { teks: 'Naik 5 persen.' },
      ],
      [
        { teks: 'BAB III AKUNTABILITAS', tingkat: 1 },
        { teks: 'A. Capaian', tingkat: 2 },
        { teks: 'Naik 7 persen.' },
        { teks: 'B. Anggaran', tingkat: 2 },
      ],
    );
    expect(p.rincian.map((r) => [r.jenis, r.bagian])).toEqual([
      ['diubah', 'BAB III AKUNTABILITAS › A. Capaian'],
      ['ditambah', 'BAB III AKUNTABILITAS'],
    ]);
  });

  it('shows at most the first 30 changed paragraphs and counts the rest', () => {
    const before = Array.from(
      { length: 50 },
      (_, i) => `Paragraf ${i} berisi kalimat tentang capaian kinerja.`,
    );
    const after = before.map((t) => t.replace('capaian', 'realisasi'));
    const p = cmp(paras(...before), paras(...after));
    expect(p.jumlah.diubah).toBe(50);
    expect(p.rincian).toHaveLength(MAX_SHOWN);
    expect(p.lainnya).toBe(20);
    expect(versionChangeHtml(p)).toContain('dan 20 perubahan lain — unduh kedua versi untuk membandingkan');
  });

  it('keeps only the words around a change in a long paragraph, and cuts long added ones', () => {
    const long = Array.from({ length: 200 }, (_, i) => `kata${i}`).join(' ');
    const p = cmp(paras(long), paras(long.replace('kata100', 'KATA100'), 'x'.repeat(2000)));
    const shown = p.rincian[0]!.potongan.map((x) => x.teks).join('');
    expect(shown.length).toBeLessThan(250);
    expect(shown).toMatch(/^…/);
    expect(shown).toMatch(/…$/);
    expect(marked(p)).toContain('[-kata100]{+KATA100}');
    expect(p.rincian[1]!.potongan[0]!.teks.length).toBeLessThanOrEqual(400);
    expect(JSON.stringify(p).length).toBeLessThan(2000);
  });
});

describe('the comparison, whatever the text', () => {
  const paragraph = fc
    .array(fc.constantFrom('target', 'realisasi', 'capaian', 'naik', 'turun', '90%', 'Rp1.000'), {
      minLength: 1,
      maxLength: 8,
    })
    .map((w) => w.join(' '));

  it('counts add up, and a changed paragraph reads as its old text without additions, new without deletions', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 25 }), fc.array(paragraph, { maxLength: 25 }), (a, b) => {
        const p = compareParagraphs(paras(...a), paras(...b));
        const { diubah, ditambah, dihapus } = p.jumlah;
        expect(p.rincian.length + p.lainnya).toBe(diubah + ditambah + dihapus);
        // Paragraphs neither changed, added nor deleted are the same on both sides.
        expect(a.length - diubah - dihapus).toBe(b.length - diubah - ditambah);
        for (const r of p.rincian.filter((x) => x.jenis === 'diubah')) {
          const old = r.potongan
            .filter((x) => x.ubah !== 'tambah')
            .map((x) => x.teks)
            .join('');
          const neu = r.potongan
            .filter((x) => x.ubah !== 'hapus')
            .map((x) => x.teks)
            .join('');
          // Whitespace between words may come from either side (jsdiff keeps the new text's).
          expect(a.map(words)).toContain(words(old));
          expect(b.map(words)).toContain(words(neu));
        }
        expect(compareParagraphs(paras(...a), paras(...a)).jumlah).toEqual({
          diubah: 0,
          ditambah: 0,
          dihapus: 0,
        });
      }),
    );
  });

  it('never throws on any document.xml text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '<w:p>',
            '</w:p>',
            '<w:t>',
            '</w:t>',
            '<w:tab/>',
            '<mc:Fallback>',
            '</mc:Fallback>',
            'kata',
            '&amp;',
            '&#xZZ;',
            '<w:pStyle w:val="Heading2"/>',
          ),
          { maxLength: 40 },
        ),
        (parts) => {
          for (const p of paragraphsOfXml(parts.join(''))) expect(p.teks).not.toBe('');
        },
      ),
    );
  });

  it('gives up plainly on a rewrite too large to compare in time', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `lama ${i} ${(i * 7919) % 3001}`);
    const after = Array.from({ length: 3000 }, (_, i) => `baru ${i} ${(i * 104729) % 3001}`);
    expect(compareParagraphs(paras(...before), paras(...after), { timeoutMs: 1 })).toMatchObject({
      tidakTersedia: TERLALU_BANYAK,
      rincian: [],
    });
  });
});

describe('the summary on a page', () => {
  it('marks deleted and added words so that they read without colour, and escapes the text', () => {
    const html = versionChangeHtml(cmp(paras('Nilai <b>lama</b> tetap.'), paras('Nilai <b>baru</b> tetap.')));
    expect(html).toContain('Perubahan dari v1 ke v2:</b> 1 paragraf diubah, 0 ditambah, 0 dihapus.');
    expect(html).toContain('<del><span class="sr">[dihapus: </span>lama<span class="sr">]</span></del>');
    expect(html).toMatch(/<ins><span class="sr">\[ditambah: <\/span>baru/);
    expect(html).toContain('&lt;b&gt;');
    expect(html).not.toContain('<b>baru');
    expect(html).toContain('<del>teks dicoret</del> = dihapus');
  });

  it('says plainly when versions cannot be compared, and when only pictures or layout changed', () => {
    expect(
      versionChangeHtml({
        dari: 1,
        ke: 2,
        tidakTersedia:
          'Perubahan tidak dapat ditampilkan untuk berkas PDF; unduh kedua versi untuk membandingkan.',
        jumlah: { diubah: 0, ditambah: 0, dihapus: 0 },
        rincian: [],
        lainnya: 0,
      }),
    ).toContain('tidak dapat ditampilkan untuk berkas PDF');
    expect(versionChangeHtml(cmp(paras('Sama.'), paras('Sama.')))).toContain('tidak ada perubahan pada teks');
  });
});
