import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCRIPT, type DemoResult, runDemo } from '../../infra/local/demo.ts';
import { LINK_PATTERN } from '../../infra/local/people.ts';
import {
  ARCHIVE_BUCKET,
  type LocalRuntime,
  startLocalRuntime,
  WORK_BUCKET,
} from '../../infra/local/runtime.ts';
import { COLLECTION_CLOSED } from '../../lib/cycle/people.ts';
import { SEED_SOPS } from '../helpers/files.ts';
import { localS3 } from '../helpers/local-clients.ts';
import { pdfsig, pdfText } from '../helpers/pdf.ts';

let rt: LocalRuntime;
let result: DemoResult;
let s3: S3Client;

beforeAll(async () => {
  rt = await startLocalRuntime({ dataDir: mkdtempSync(join(tmpdir(), 'lakip-e2e-')), persist: false });
  s3 = localS3(rt);
  result = await runDemo(rt, { script: DEFAULT_SCRIPT, log: () => undefined });
}, 180_000);
afterAll(async () => {
  s3?.destroy();
  await rt?.stop();
});

const cycleOf = (sopId: string) => result.cycles.find((c) => c.cycle.sopId === sopId)!;

async function keys(bucket: string, prefix: string): Promise<string[]> {
  const r = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (r.Contents ?? []).map((o) => o.Key!);
}

async function bytesOf(bucket: string, key: string): Promise<Uint8Array> {
  return (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray();
}

async function docxText(key: string): Promise<string> {
  const body = await (
    await s3.send(new GetObjectCommand({ Bucket: WORK_BUCKET, Key: key }))
  ).Body!.transformToByteArray();
  return (await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string')).replace(
    /<[^>]+>/g,
    '',
  );
}

describe('a whole cycle of every seed SOP on the local runtime', () => {
  it.each(SEED_SOPS)('%s reaches its end', (sopId) => {
    const c = cycleOf(sopId);
    expect(c.status, c.error).toBe('SUCCEEDED');
    expect(c.cycle.status).toBe('selesai');
    expect(result.people.errors).toEqual([]);
    // No function reached beyond its IAM policy from the template (checked locally on every call).
    expect(rt.denied).toEqual([]);
  });

  it.each(SEED_SOPS)("%s: the step records match the SOP's steps one to one", (sopId) => {
    const sop = rt.catalogue.sops.get(sopId)!;
    const { steps, cycle } = cycleOf(sopId);
    const units = rt.catalogue.agencies
      .get(cycle.agencyId)!
      .unit.map((u) => u.id)
      .sort();
    expect([...new Set(steps.map((s) => s.no))].sort((a, b) => a - b)).toEqual(sop.langkah.map((l) => l.no));
    for (const l of sop.langkah) {
      const mine = steps.filter((s) => s.no === l.no && s.putaran === 1);
      if (l.per_unit) expect(mine.map((s) => s.unit).sort()).toEqual(units);
      else expect(mine.map((s) => s.unit)).toEqual(['-']);
      for (const s of mine) {
        expect(s).toMatchObject({ kegiatan: l.kegiatan, waktu: l.waktu, output: l.output });
        expect(s.selesai).toBeDefined();
        expect(s.oleh?.nama).toBeTruthy();
        expect(typeof s.menitKerja).toBe('number');
        expect(new Date(s.tenggat).getTime()).toBeGreaterThan(new Date(s.mulai).getTime());
      }
    }
    expect(steps.every((s) => s.selesai)).toBe(true);
  });
});

describe('a unit that first uploads an invalid workbook', () => {
  it('is told what is wrong, keeps its task open, and is accepted on the second try', async () => {
    const c = cycleOf('dkukmtk-balangan-lakip');
    const linkMail = rt.mailbox.messages.find(
      (m) =>
        m.subject.includes('Unggahan ditolak') &&
        m.to.includes('bidang-koperasi.kepala@dkukmtk.balangan.example'),
    );
    expect(linkMail?.text).toMatch(
      /lembar Kinerja, baris 9, kolom H \(Realisasi\): bukan angka; isi dengan angka saja tanpa satuan, misalnya 12,5 \(isi: 'sepuluh persen'\)/,
    );
    const step4 = c.steps.find((s) => s.no === 4 && s.unit === 'bidang-koperasi')!;
    expect(step4.putaran).toBe(1);
    expect(step4.keputusan?.catatan).toBe('Data diterima dari berkas data-kinerja-bidang-koperasi.xlsx');
    const uploads = await keys(
      WORK_BUCKET,
      `unggahan/${c.cycle.agencyId}/${c.cycle.cycleId}/04.bidang-koperasi.1/`,
    );
    expect(uploads).toHaveLength(2);
    // The accepted data is the second file's; the rejected one is kept but never used.
    const accepted = await keys(
      WORK_BUCKET,
      `siklus/${c.cycle.agencyId}/${c.cycle.cycleId}/data/bidang-koperasi/`,
    );
    expect(accepted).toHaveLength(1);
  });

  it('cannot replace accepted data once the task is done', async () => {
    const taskMail = rt.mailbox.messages.find(
      (m) =>
        m.subject.includes('Tugas langkah 4') &&
        m.to.includes('bidang-koperasi.kepala@dkukmtk.balangan.example'),
    )!;
    const linkId = LINK_PATTERN.exec(taskMail.text)![1]!;
    const r = await fetch(`${rt.urls.api}/api/tugas/${linkId}/unggahan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ namaBerkas: 'ulang.xlsx' }),
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { pesan: string }).pesan).toBe(COLLECTION_CLOSED);
  });
});

describe('a reviewer who returns the draft once with notes', () => {
  it('sends the draft back to step 6, which is redone, then approves', () => {
    const { steps } = cycleOf('dkukmtk-balangan-lakip');
    const reviews = steps.filter((s) => s.no === 7).sort((a, b) => a.putaran - b.putaran);
    expect(reviews.map((r) => r.keputusan?.hasil)).toEqual(['kembali', 'setuju']);
    expect(reviews[0]!.keputusan!.catatan).toBe(DEFAULT_SCRIPT.returnOnce![0]!.catatan);
    expect(reviews[0]!.oleh!.jabatan).toBe('Sekretaris');
    expect(
      steps
        .filter((s) => s.no === 6)
        .map((s) => s.putaran)
        .sort(),
    ).toEqual([1, 2]);
    expect(steps.filter((s) => s.no === 5)).toHaveLength(1);
  });

  it('tells the Kasubbag Perencanaan: returned with the notes, then approved', () => {
    const toDrafter = rt.mailbox.messages.filter((m) =>
      m.to.includes('perencanaan@dkukmtk.balangan.example'),
    );
    const returned = toDrafter.find((m) => m.subject.includes('Dikembalikan dengan catatan: langkah 7'))!;
    expect(returned.text).toContain(`Catatan: ${DEFAULT_SCRIPT.returnOnce![0]!.catatan}`);
    expect(returned.text).toContain('Langkah 6 dikerjakan ulang');
    expect(toDrafter.some((m) => m.subject.includes('Disetujui: langkah 7'))).toBe(true);
  });

  it('prints the notes in the second draft', async () => {
    const c = cycleOf('dkukmtk-balangan-lakip');
    const drafts = await keys(WORK_BUCKET, `siklus/${c.cycle.agencyId}/${c.cycle.cycleId}/draf/`);
    expect(drafts.map((k) => k.split('/').at(-1))).toEqual([
      'LAKIP-2025-draf-v1.docx',
      'LAKIP-2025-draf-v1.pdf',
      'LAKIP-2025-draf-v2.docx',
      'LAKIP-2025-draf-v2.pdf',
    ]);
    const v2 = await docxText(drafts.find((k) => k.endsWith('-draf-v2.docx'))!);
    expect(v2).toContain('CATATAN KOREKSI (INTERNAL)');
    expect(v2).toContain('Lengkapi penjelasan kendala pada Sasaran 2');
    expect(v2).toContain('DRAF VERSI 2');
  });

  it('lets the head of 004 send the signed-to-be report back to step 6 (the decision diamond)', () => {
    const { steps } = cycleOf('diskominfotik-gorontalo-lkip');
    expect(steps.filter((s) => s.no === 9).map((s) => s.keputusan?.hasil)).toEqual(['kembali', 'setuju']);
    expect(steps.filter((s) => s.no === 6)).toHaveLength(2);
  });
});

describe("the cycle's documents and records", () => {
  it('keeps formats, uploads, drafts, the signed report and the numbered cover letter, and archives them', async () => {
    const c = cycleOf('dkukmtk-balangan-lakip');
    const base = `siklus/${c.cycle.agencyId}/${c.cycle.cycleId}/`;
    const all = await keys(WORK_BUCKET, base);
    expect(all.filter((k) => k.includes('/format/'))).toHaveLength(4);
    const signedKey = all.find((k) => /\/final\/LAKIP-2025-ditandatangani-[a-z2-7]{10}\.pdf$/.test(k))!;
    expect(signedKey, all.join(', ')).toBeDefined();
    expect(all).toContain(`${base}final/surat-pengantar.docx`);
    expect(all.some((k) => k.endsWith('-disposisi-1-paraf.docx'))).toBe(true);
    // The signed report is a PDF with a valid PAdES signature over the whole file, and no internal history.
    const signedPdf = await bytesOf(WORK_BUCKET, signedKey);
    expect(pdfsig(signedPdf).out).toContain('Signature is Valid');
    const signed = pdfText(signedPdf);
    expect(signed).toContain('Ditandatangani secara elektronik oleh');
    expect(signed).toContain('BAB III');
    expect(signed).not.toContain('DRAF VERSI');
    expect(signed).not.toContain('CATATAN KOREKSI');
    const letter = await docxText(`${base}final/surat-pengantar.docx`);
    expect(letter).toMatch(/Nomor\s*:\s*000\.5\.2\.3\/001\/DKUKMTK-BLG\/20\d\d/);
    const archived = await keys(ARCHIVE_BUCKET, `arsip/${c.cycle.agencyId}/2025/${c.cycle.cycleId}/`);
    expect(archived.map((k) => k.split('/').at(-1)).sort()).toEqual(
      [
        signedKey.split('/').at(-1),
        'daftar-isi-arsip.txt',
        'daftar-unggah-esakip.xlsx',
        'surat-pengantar.docx',
        'surat-pengantar.pdf',
      ].sort(),
    );
  });

  it('numbers each agency letters on its own pattern (004 inserts the month in Roman numerals)', async () => {
    const c = cycleOf('diskominfotik-gorontalo-lkip');
    const letter = await docxText(`siklus/${c.cycle.agencyId}/${c.cycle.cycleId}/final/surat-pengantar.docx`);
    expect(letter).toMatch(/Nomor\s*:\s*000\.5\.2\/1\/DKIP\/(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\/20\d\d/);
  });

  it('emails links that carry an opaque id, never a task token', () => {
    const assignments = rt.mailbox.messages.filter((m) => m.subject.includes('Tugas langkah'));
    const humanSteps = result.cycles.flatMap((c) => c.steps).filter((s) => s.tugas !== 'otomatis');
    expect(assignments).toHaveLength(humanSteps.length);
    for (const m of assignments) {
      const links = m.text.match(/https?:\/\/\S+/g) ?? [];
      expect(links).toHaveLength(1);
      expect(links[0]).toMatch(/\/t\/[A-Za-z0-9_-]{22}$/);
      expect(m.html).not.toMatch(/taskToken|Task\.Token/);
    }
  });

  it('mails completion notices whose own timeline link opens the timeline, one per recipient', async () => {
    for (const c of result.cycles) {
      const done = rt.mailbox.messages.filter((m) =>
        m.subject.startsWith(`[${rt.catalogue.agencies.get(c.cycle.agencyId)!.singkatan}] Selesai:`),
      );
      expect(done.length).toBeGreaterThan(0);
      for (const m of done) {
        expect(m.to).toHaveLength(1);
        expect(m.text).not.toContain('/siklus/');
        const id = LINK_PATTERN.exec(m.text)![1]!;
        const page = await fetch(`${rt.urls.api}/t/${id}/lini-masa`);
        expect(page.status).toBe(200);
        const body = await page.text();
        expect(body).toContain('<h1>Lini masa ');
        expect(body).toContain('<b>selesai</b>');
      }
    }
  });

  it('mails the format with a link, not a presigned URL, which ends with its cycle and offers a resend', async () => {
    const mails = rt.mailbox.messages.filter((m) => m.subject.includes('Format pengumpulan data kinerja'));
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) expect(m.text).not.toMatch(/X-Amz-|Signature=/);
    const id = LINK_PATTERN.exec(mails[0]!.text)![1]!;
    const r = await fetch(`${rt.urls.api}/t/${id}`, { redirect: 'manual' });
    expect(r.status).toBe(410);
    expect(await r.text()).toContain(`action="/t/${id}/kirim-ulang"`);
  });

  it('answers a GET on a task link with a page and changes nothing', async () => {
    const m = rt.mailbox.messages.find((x) => x.subject.includes('Tugas langkah 7'))!;
    const linkId = LINK_PATTERN.exec(m.text)![1]!;
    // Presigned download URLs carry the signing time, so compare the task's state, not its links.
    const state = async () => {
      const t = (await (await fetch(`${rt.urls.api}/api/tugas/${linkId}`)).json()) as {
        berkas: { url?: string }[];
      };
      return { ...t, berkas: t.berkas.map(({ url: _url, ...b }) => b) };
    };
    const before = await state();
    const page = await fetch(`${rt.urls.api}/t/${linkId}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('Tugas ini sudah selesai; tidak ada yang perlu Anda lakukan.');
    expect(await state()).toEqual(before);
    const again = await fetch(`${rt.urls.api}/t/${linkId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'hasil=setuju',
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Sudah diproses');
  });
});
