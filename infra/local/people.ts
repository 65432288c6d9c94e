import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import type { Catalogue } from '../../lib/catalogue.ts';
import { requireKinerja } from '../../lib/catalogue.ts';
import type { HumanTask, UploadRecord } from '../../lib/cycle/model.ts';
import { fillWorkbook, type Isian } from '../../lib/workbook/fill.ts';
import type { CaughtMail, Mailbox } from './mailbox.ts';

/** What the scripted people do differently from "do the task well". */
export interface Script {
  /** Return the document once with notes at these (sopId, step) decisions, then approve. */
  returnOnce?: { sopId: string; no: number; catatan: string }[];
  /** Upload an invalid workbook first for these (sopId, unit, step), then a valid one. */
  invalidFirst?: { sopId: string; unit: string; no: number }[];
  /**
   * After a return, the preparer at this draft step uploads a revised Word file (the draft edited) before
   * confirming; the signer then uploads the PDF exported from it on the signing page. `ganti`: the words
   * the preparer changes in Word (else the draft goes back as it was rendered).
   */
  reviseOnce?: { sopId: string; no: number; ganti?: { dari: string; menjadi: string } }[];
  /**
   * Signers of an agency that signs through a PSrE type this passphrase in the signing page's form (a
   * wrong one first when `salahDulu` is given, reading the refusal before trying again).
   */
  passphrase?: {
    sopId: string;
    benar: string;
    salahDulu?: string;
    /** Signs in a real browser instead, from the task page's URL (tests with Chromium). */
    peramban?: (taskUrl: string) => Promise<void>;
  }[];
}

export interface Action {
  cycleId: string;
  no: number;
  unit: string;
  who: string;
  did: string;
}

type TaskJson = Omit<HumanTask, 'taskToken' | 'linkHash' | 'berkas'> & {
  berkas: { label: string; key: string; url: string }[];
  unggahan: UploadRecord[];
};

const LINK = /\/t\/([A-Za-z0-9_-]{22})/;

/** Deterministic "realisasi" a unit reports: target × a factor between 0.85 and 1.12, by indicator code. */
export function sampleRealisasi(kode: string, target: number | string, labels?: string[]): number | string {
  const h = createHash('sha256').update(kode).digest()[0]! / 255;
  if (typeof target === 'string')
    return labels && h < 0.3 ? (labels[labels.indexOf(target) + 1] ?? target) : target;
  return Math.round(target * (0.85 + 0.27 * h) * 100) / 100;
}

/**
 * People who act through the same paths a person would: they read the local inbox, follow the link in
 * each assignment email, look at the task (GET), confirm or decide (POST), and upload filled workbooks
 * through the presigned POST the upload page would use.
 */
export class ScriptedPeople {
  readonly actions: Action[] = [];
  readonly errors: Error[] = [];
  private readonly seen = new Set<string>();
  private readonly returned = new Set<string>();
  private readonly pending = new Set<Promise<void>>();
  private readonly sopOfCycle = new Map<string, string>();
  private readonly onMail = (m: CaughtMail) => this.track(this.handle(m));
  private fail: (e: Error) => void = () => undefined;
  /** Rejects with the first action that failed: a cycle waiting on that person would wait for ever. */
  readonly failed: Promise<never> = new Promise<never>((_r, reject) => {
    this.fail = reject;
  });

  constructor(
    private readonly api: string,
    private readonly mailbox: Mailbox,
    private readonly catalogue: Catalogue,
    private readonly script: Script = {},
    private readonly log: (line: string) => void = () => undefined,
  ) {
    mailbox.on('mail', this.onMail);
    this.failed.catch(() => undefined);
  }

  follow(cycleId: string, sopId: string) {
    this.sopOfCycle.set(cycleId, sopId);
  }

  /** Acts on the mails already in the inbox (e.g. sent before a restart), as a person reading back would. */
  catchUp() {
    for (const m of this.mailbox.messages) this.track(this.handle(m));
  }

  stop() {
    this.mailbox.off('mail', this.onMail);
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private track(p: Promise<void>) {
    const q = p.catch((e: Error) => {
      this.errors.push(e);
      this.fail(e);
      this.log(`  ! ${e.message}`);
    });
    this.pending.add(q);
    q.finally(() => this.pending.delete(q));
  }

  private async handle(mail: CaughtMail) {
    const m = LINK.exec(mail.text);
    // Only assignment mails ask for action; rejection notices are handled by the uploader itself.
    if (!m || !mail.subject.includes('Tugas langkah')) return;
    const linkId = m[1]!;
    if (this.seen.has(linkId)) return;
    this.seen.add(linkId);
    const task = await this.getJson<TaskJson>(`/api/tugas/${linkId}`);
    if (task.status !== 'terbuka') return;
    const sopId = this.sopOfCycle.get(task.cycleId);
    if (!sopId) return;
    const page = await fetch(`${this.api}/t/${linkId}`);
    if (page.status !== 200) throw new Error(`halaman tugas ${task.no} menjawab ${page.status}`);
    const html = await page.text();
    const who = `${task.assignee.nama} (${task.assignee.jabatan})`;
    const tte = this.script.passphrase?.find((p) => p.sopId === sopId);
    if (tte && html.includes('name="passphrase"')) {
      await this.revise(linkId, task, sopId, who);
      await this.sign(linkId, task, who, tte);
    } else if (task.jenisTugas === 'konfirmasi') {
      await this.revise(linkId, task, sopId, who);
      await this.post(linkId, {
        hasil: 'selesai',
        catatan: task.no === 1 ? 'Segera dilaksanakan sesuai SOP.' : 'Sudah sesuai.',
      });
      this.record(task, who, 'konfirmasi');
    } else if (task.jenisTugas === 'keputusan') {
      const ret = this.script.returnOnce?.find((r) => r.sopId === sopId && r.no === task.no);
      const key = `${task.cycleId}/${task.no}/${task.unit}`;
      if (ret && !this.returned.has(key)) {
        this.returned.add(key);
        await this.post(linkId, { hasil: 'kembali', catatan: ret.catatan });
        this.record(task, who, `mengembalikan dengan catatan: ${ret.catatan}`);
      } else {
        await this.post(linkId, { hasil: 'setuju', catatan: 'Disetujui.' });
        this.record(task, who, 'menyetujui');
      }
    } else if (task.jenisTugas === 'unggah') {
      await this.upload(linkId, task, sopId, who);
    }
  }

  /** The signing page's passphrase form, as the signer would fill it (form-encoded, one POST each). */
  private async sign(
    linkId: string,
    task: TaskJson,
    who: string,
    tte: NonNullable<Script['passphrase']>[number],
  ) {
    const submit = (passphrase: string) =>
      fetch(`${this.api}/t/${linkId}/tanda-tangan`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ passphrase }).toString(),
      });
    if (tte.peramban) {
      await tte.peramban(`${this.api}/t/${linkId}`);
      this.record(task, who, 'menandatangani dengan passphrase BSrE di peramban');
      return;
    }
    if (tte.salahDulu) {
      const r = await submit(tte.salahDulu);
      const text = await r.text();
      const pesan = /<p[^>]*>([^<]*BSrE[^<]*)<\/p>/.exec(text)?.[1] ?? `status ${r.status}`;
      this.record(task, who, `passphrase ditolak: ${pesan}`);
      if (r.ok) throw new Error('passphrase yang salah diterima');
    }
    const r = await submit(tte.benar);
    if (!r.ok) throw new Error(`tanda tangan ditolak (${r.status}): ${await r.text()}`);
    this.record(task, who, 'menandatangani dengan passphrase BSrE');
  }

  private record(task: TaskJson, who: string, did: string) {
    this.actions.push({ cycleId: task.cycleId, no: task.no, unit: task.unit, who, did });
  }

  private async upload(linkId: string, task: TaskJson, sopId: string, who: string) {
    const format = task.berkas.find((b) => b.key.endsWith('.xlsx'));
    if (!format) throw new Error(`tugas unggah langkah ${task.no} tanpa format`);
    const res = await fetch(format.url);
    if (!res.ok) throw new Error(`unduh format gagal: ${res.status}`);
    const blank = new Uint8Array(await res.arrayBuffer());
    const cycle = this.catalogue.agencies.get(task.agencyId)!;
    const pk = requireKinerja(this.catalogue, cycle.id, Number(task.cycleId.slice(0, 4)));
    const indicators = pk.sasaran.flatMap((s) => s.indikator).filter((i) => i.unit === task.unit);
    const isian: Isian = {
      realisasi: Object.fromEntries(
        indicators.map((i) => [
          i.kode,
          sampleRealisasi(i.kode, i.target, Object.keys(i.nilai_kualitatif ?? {})),
        ]),
      ),
      penjelasan: Object.fromEntries(
        indicators.map((i) => [
          i.kode,
          {
            penyebab: 'Kegiatan pendampingan berjalan sesuai rencana aksi.',
            kendala: 'Keterbatasan anggaran perjalanan dinas pada triwulan I.',
            solusi: 'Menjadwalkan ulang kegiatan dan memperkuat koordinasi lintas bidang.',
            bukti: `bukti-${i.kode}.pdf`,
          },
        ]),
      ),
      anggaran: Object.fromEntries(
        pk.program.filter((p) => p.unit === task.unit).map((p) => [p.kode, Math.round(p.pagu * 0.92)]),
      ),
    };
    if (
      this.script.invalidFirst?.some((x) => x.sopId === sopId && x.unit === task.unit && x.no === task.no)
    ) {
      const first = indicators[0]!;
      const bad = await fillWorkbook(blank, {
        ...isian,
        realisasi: { ...isian.realisasi, [first.kode]: 'sepuluh persen' },
      });
      await this.send(linkId, 'data-kinerja-salah.xlsx', bad);
      this.record(task, who, 'mengunggah berkas yang salah');
      await this.untilUpload(linkId, 'ditolak');
    }
    await this.send(linkId, `data-kinerja-${task.unit}.xlsx`, await fillWorkbook(blank, isian));
    this.record(task, who, 'mengunggah data kinerja');
  }

  /** Script `reviseOnce`: a revised Word file at the draft step's second pass, its PDF at signing. */
  private async revise(linkId: string, task: TaskJson, sopId: string, who: string) {
    if (!this.script.reviseOnce?.some((r) => r.sopId === sopId)) return;
    const draftStep = this.script.reviseOnce.find((r) => r.sopId === sopId && r.no === task.no);
    const revised = task.berkas.some((b) => b.key.endsWith('-revisi.docx'));
    // The preparer edits the clean Word file of the pass (no DRAF mark, no notes), as the page offers. At
    // signing, a person exports the approved Word file to PDF; with no Word here, the pass's rendered PDF
    // stands in for that export (it lacks the preparer's edit and carries the draft mark).
    const pick =
      draftStep && task.putaran > 1 ? /-naskah-v\d+\.docx$/ : revised ? /-draf-v\d+\.pdf$/ : undefined;
    const source = pick && task.berkas.find((b) => pick.test(b.key));
    if (!source) return;
    let bytes: Uint8Array = new Uint8Array(await (await fetch(source.url)).arrayBuffer());
    const ganti = draftStep?.ganti;
    if (ganti && source.key.endsWith('.docx')) {
      const zip = await JSZip.loadAsync(bytes);
      const xml = await zip.file('word/document.xml')!.async('string');
      zip.file('word/document.xml', xml.replace(ganti.dari, ganti.menjadi));
      bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    }
    const name = source.key.endsWith('.pdf') ? 'laporan-ekspor-word.pdf' : 'laporan-revisi.docx';
    await this.send(linkId, name, bytes, 'dokumen');
    await this.untilUpload(linkId, 'diterima');
    this.record(task, who, `mengunggah ${name}`);
  }

  /** The upload page's two requests: ask for a presigned POST, then post the file straight to S3. */
  private async send(linkId: string, name: string, bytes: Uint8Array, route = 'unggahan') {
    const r = await fetch(`${this.api}/api/tugas/${linkId}/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ namaBerkas: name }),
    });
    const j = (await r.json()) as { form: { url: string; fields: Record<string, string> }; pesan?: string };
    if (!r.ok) throw new Error(`permintaan unggah ditolak: ${j.pesan}`);
    const fd = new FormData();
    for (const [k, v] of Object.entries(j.form.fields)) fd.append(k, v);
    fd.append('file', new Blob([new Uint8Array(bytes)]), name);
    const up = await fetch(j.form.url, { method: 'POST', body: fd });
    if (!up.ok && up.status !== 204) throw new Error(`unggah ke S3 gagal: ${up.status} ${await up.text()}`);
  }

  /** Waits for the upload's verdict by watching the task page's data, as the person would reload it. */
  private async untilUpload(linkId: string, status: UploadRecord['status']) {
    for (let i = 0; i < 600; i++) {
      const t = await this.getJson<TaskJson>(`/api/tugas/${linkId}`);
      if (t.unggahan.some((u) => u.status === status)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`unggahan tidak pernah berstatus ${status}`);
  }

  private async post(linkId: string, body: Record<string, string>) {
    const r = await fetch(`${this.api}/api/tugas/${linkId}/keputusan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`keputusan ditolak (${r.status}): ${await r.text()}`);
  }

  private async getJson<T>(path: string): Promise<T> {
    const r = await fetch(`${this.api}${path}`);
    if (!r.ok) throw new Error(`${path.replace(LINK, '/t/…')} menjawab ${r.status}`);
    return (await r.json()) as T;
  }
}

export const LINK_PATTERN = LINK;
