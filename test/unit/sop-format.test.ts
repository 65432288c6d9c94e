import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { sebutanUnit } from '../../lib/agency/wording.ts';
import { addWorkingDays, deadline } from '../../lib/calendar/working-time.ts';
import { calendarOf, loadCatalogue } from '../../lib/catalogue.ts';
import { checkStart } from '../../lib/cycle/start.ts';
import { batasKerja } from '../../lib/data/batas.ts';
import { flowchartSvg } from '../../lib/documents/flowchart.ts';
import { renderLakip } from '../../lib/documents/lakip.ts';
import { renderSuratPengantar } from '../../lib/documents/letters.ts';
import { renderSopSheet } from '../../lib/documents/sop-sheet.ts';
import { analisis } from '../../lib/performance/analysis.ts';
import { DataFileError } from '../../lib/sop/load.ts';
import { configWithKampus, KAMPUS } from '../helpers/kampus.ts';

const text = async (docx: Uint8Array) =>
  (await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string'))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

function loadError(dir: string): string {
  try {
    loadCatalogue(dir);
    return '';
  } catch (e) {
    if (!(e instanceof DataFileError)) throw e;
    return e.message;
  }
}

function edit(dir: string, rel: string, from: string | RegExp, to: string): void {
  const f = join(dir, rel);
  const before = readFileSync(f, 'utf8');
  const after = before.replace(from, to);
  expect(after, `${rel}: ${from}`).not.toBe(before);
  writeFileSync(f, after);
}

const SOP_FILE = join('sop', `${KAMPUS.sopId}.yaml`);
const AGENCY_FILE = join('instansi', `${KAMPUS.agencyId}.yaml`);

describe('an SOP as real agencies write it (issue 12, part 1)', () => {
  const cat = loadCatalogue(configWithKampus());
  const sop = cat.sops.get(KAMPUS.sopId)!;
  const agency = cat.agencies.get(KAMPUS.agencyId)!;

  it('reads several pelaksana: the first accountable, the others taking part', () => {
    const step2 = sop.langkah[1]!;
    expect(step2.pelaksana).toBe('perencana');
    expect(step2.pelaksanaLain).toEqual(['staf']);
    expect(sop.langkah[0]!.pelaksanaLain).toEqual([]);
    const svg = flowchartSvg(sop);
    expect(svg).toMatch(/data-simbol="proses" data-langkah="2"/);
    expect(svg.match(/data-simbol="turut-serta" data-langkah="2"/g)).toHaveLength(1);
    expect(svg).not.toMatch(/data-simbol="turut-serta" data-langkah="1"/);
  });

  it('never invents a mutu baku: a step without waktu shows the agency working time as such', () => {
    expect(sop.langkah.every((l) => l.waktu === undefined)).toBe(true);
    const b = batasKerja(sop.langkah[1]!, sop, agency)!;
    expect(b).toMatchObject({ mutuBaku: false, waktu: { jumlah: 5, satuan: 'hari' } });
    expect(b.teks).toBe('tidak ditentukan (batas kerja: 5 hari, ketetapan instansi)');
  });

  it('prints every pelaksana and "tidak ditentukan" on the SOP sheet', async () => {
    const docx = await renderSopSheet(sop, agency);
    const zip = await JSZip.loadAsync(docx);
    const svgs = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => f.endsWith('.svg'))
        .map((f) => zip.file(f)!.async('string')),
    );
    const flow = svgs
      .join(' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    // The mutu baku column wraps inside its cell; the words are all there, in order.
    expect(flow).toMatch(/tidak\s+ditentukan\s+\(batas\s+kerja:\s+5\s+hari,\s+ketetapan\s+instansi\)/);
    expect(flow).toContain('Fungsional');
    expect(flow).toContain('Perencana');
    expect(flow).toContain('Turut serta');
    expect(await text(docx)).toContain(sop.identitas.nomor);
  });

  it('runs the SOP quarterly and yearly when it lists both', () => {
    expect(sop.siklus).toEqual(['triwulanan', 'tahunan']);
    const req = { agencyId: KAMPUS.agencyId, sopId: KAMPUS.sopId, tahun: 2025 };
    expect(checkStart(cat, { ...req, periode: 'tahunan' })).toEqual([]);
    expect(checkStart(cat, { ...req, periode: 'TW2' })).toEqual([]);
    const lumajang = cat.agencies.get('kominfo-lumajang')!;
    expect(
      checkStart(cat, { agencyId: lumajang.id, sopId: lumajang.sop[0]!, tahun: 2025, periode: 'tahunan' }),
    ).toEqual([expect.stringMatching(/berjalan per triwulan; pilih periode TW1–TW4/)]);
  });

  it('accepts bagian, unit and a declared unit kind, and refuses an undeclared one with a suggestion', () => {
    expect(agency.unit.map((u) => u.jenis)).toEqual(['bagian', 'unit', 'pusat']);
    expect(sebutanUnit(agency)).toBe('bagian, unit dan pusat');
    const dir = configWithKampus();
    edit(dir, AGENCY_FILE, 'jenis: pusat\n', 'jenis: pusa\n');
    expect(loadError(dir)).toMatch(
      /unit 'pusat-penelitian', jenis: harus salah satu dari: sekretariat, bidang, seksi, subbagian, bagian, unit, pusat, atau jenis yang dinyatakan sendiri di 'jenis_unit', ditemukan 'pusa'; maksud Anda 'pusat'\?/,
    );
  });

  it('refuses a step without waktu when neither the SOP nor the agency sets a waktu_bawaan', () => {
    const dir = configWithKampus();
    edit(dir, SOP_FILE, /\nwaktu_bawaan: 5 hari\n/, '\n');
    expect(loadError(dir)).toMatch(
      /SOP 'poltek-khatulistiwa-lkj' tidak menentukan waktu langkah 1, 2, 3, .*, 10; tulis 'waktu_bawaan' \(mis\. '5 hari'\) di SOP itu atau di berkas instansi ini/,
    );
    edit(dir, AGENCY_FILE, 'libur_tambahan: []\n', 'libur_tambahan: []\nwaktu_bawaan: 1 minggu\n');
    const withAgencyDefault = loadCatalogue(dir);
    const s = withAgencyDefault.sops.get(KAMPUS.sopId)!;
    expect(batasKerja(s.langkah[0]!, s, withAgencyDefault.agencies.get(KAMPUS.agencyId))!.teks).toBe(
      'tidak ditentukan (batas kerja: 1 minggu, ketetapan instansi)',
    );
  });

  it('names an unknown role inside a pelaksana list by its place', () => {
    const dir = configWithKampus();
    edit(dir, SOP_FILE, 'pelaksana: [perencana, staf]', 'pelaksana: [perencana, stafff]');
    expect(loadError(dir)).toMatch(
      /langkah 2, pelaksana ke-2: pelaksana 'stafff' tidak dikenal; peran yang ada:/,
    );
  });

  it('counts a week as 5 and a month as 20 working days', () => {
    const cal = calendarOf(cat, agency);
    const start = new Date('2025-03-03T03:00:00Z'); // Monday 10:00 WIB
    expect(deadline(cal, start, { jumlah: 1, satuan: 'minggu' })).toEqual(addWorkingDays(cal, start, 5));
    expect(deadline(cal, start, { jumlah: 1, satuan: 'bulan' })).toEqual(addWorkingDays(cal, start, 20));
    expect(deadline(cal, start, { jumlah: 1, satuan: 'minggu' }).toISOString()).toBe(
      '2025-03-10T03:00:00.000Z',
    );
  });

  it("words the report for the institution's kind: no 'perangkat daerah' on a campus", async () => {
    const pk = cat.kinerja.get(`${KAMPUS.agencyId}/2025`)!;
    const input = {
      pk,
      analisis: analisis(pk, []),
      singkatan: 'LKj',
      dibuat: new Date('2026-01-20T02:00:00Z'),
      versi: 1,
      catatanKoreksi: [],
    };
    const kampus = await text(await renderLakip({ ...input, agency }));
    expect(kampus).not.toContain('perangkat daerah');
    expect(kampus).toContain('satuan kerja perguruan tinggi');
    expect(kampus).toContain('seluruh bagian, unit dan pusat');
    expect(kampus).toContain('Pontianak, 20 Januari 2026');
    const pemda = await text(
      await renderLakip({ ...input, agency: { ...agency, jenis_instansi: 'pemerintah daerah' } }),
    );
    expect(pemda).toContain('setiap perangkat daerah');
    const surat = await text(
      await renderSuratPengantar({
        agency,
        nomor: '1',
        waktu: new Date('2026-01-22T02:00:00Z'),
        perihal: 'Penyampaian LKj',
        lampiran: '1 berkas',
        isi: 'Bersama ini',
        penandatangan: agency.pejabat.direktur!,
      }),
    );
    expect(surat).toContain('KEMENTERIAN PENDIDIKAN TINGGI');
    expect(surat).not.toContain('PEMERINTAH KEMENTERIAN');
  });
});
