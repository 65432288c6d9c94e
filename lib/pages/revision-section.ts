import type { ZonaWaktu } from '../calendar/working-time.ts';
import type { StepContext } from '../cycle/context.ts';
import type { HumanTask } from '../cycle/model.ts';
import type { Ports } from '../cycle/ports.ts';
import { draftRounds, type Putaran, REVISED, revisionTypes } from '../cycle/revisions.ts';
import { tanggalJam } from '../format/indonesia.ts';
import { esc } from '../html.ts';
import { cardTable } from './cards.ts';
import { page } from './layout.ts';
import { versionChanges, versionChangesCard } from './version-changes.ts';

const HASIL: Record<string, string> = {
  setuju: 'disetujui',
  kembali: 'dikembalikan',
  selesai: 'dikonfirmasi',
};

/** Above the figures: the notes to act on; below them: every pass. */
export interface RevisionHtml {
  atas: string;
  bawah: string;
}

/** The steps whose page shows the draft's passes: the draft itself and every step that judges it. */
const SHOWN = ['susun-draf', 'koreksi', 'ajukan', 'tanda-tangan', 'periksa'];

/**
 * The report's passes on a task page (lib/cycle/revisions.ts): every version with who made it and when,
 * the reviewers' notes and the preparer's reply, each version downloadable. The preparer's page puts the
 * latest notes first and takes a revised file; the signing page takes the PDF exported from Word when
 * the approved version was a Word file.
 */
export async function revisionSection(
  ports: Ports,
  ctx: StepContext,
  task: HumanTask,
  linkId: string,
): Promise<RevisionHtml> {
  const none = { atas: '', bawah: '' };
  if (task.unit !== '-' || !SHOWN.includes(ctx.step.jenis)) return none;
  const records = await ports.store.listSteps(task.agencyId, task.cycleId);
  const rounds = draftRounds(records);
  if (rounds.length === 0) return none;
  const changes = versionChanges(ports, rounds);
  const urls = new Map<string, string>();
  for (const r of rounds)
    for (const b of r.berkas)
      urls.set(b.key, await ports.blobs.downloadUrl(b.bucket, b.key, b.key.split('/').at(-1)!));
  const zona = ctx.agency.zona_waktu;
  const preparer = ctx.step.jenis === 'susun-draf';
  const last = rounds.at(-1)!;
  const previous = preparer ? rounds.at(-2) : undefined;
  const notes = previous?.tinjauan.filter((t) => t.keputusan.hasil === 'kembali') ?? [];
  const notesHtml = notes.length
    ? `<div class="peringatan"><h3>Catatan peninjau untuk versi ${previous!.versi}</h3>${notes
        .map(
          (n) =>
            `<p><b>${esc(n.oleh?.nama ?? '')}</b> (${esc(n.oleh?.jabatan ?? '')}, ${esc(tanggalJam(new Date(n.keputusan.waktu), zona))}):</p><blockquote>${esc(n.keputusan.catatan)}</blockquote>`,
        )
        .join('')}</div>`
    : '';
  const types = revisionTypes(ctx);
  // The upload has a page of its own (/t/<link>/revisi): the task page keeps one form, the answer.
  const form =
    task.status === 'terbuka' && preparer && types.length
      ? `<p>Unduh versi terakhir, perbaiki sesuai catatan, lalu <a class="tombol kedua" href="/t/${esc(linkId)}/revisi">Unggah dokumen revisi (.docx/.pdf)</a>. Bila tidak mengunggah, draf yang disusun ulang sistem yang diteruskan. Catatan Anda pada konfirmasi di bawah menjadi balasan untuk peninjau.</p>`
      : '';
  // Above the figures, next to the notes: what changed is what the reviewer checks against them.
  const changed = versionChangesCard(await changes);
  return {
    atas: `${notesHtml || form ? `<div class="kartu"><h2>Catatan dan revisi</h2>${notesHtml}${form}</div>` : ''}${changed}`,
    bawah: `<div class="kartu"><h2>Versi laporan dan koreksi</h2>${table(rounds, urls, zona, last)}</div>`,
  };
}

function table(rounds: Putaran[], urls: Map<string, string>, zona: ZonaWaktu, current: Putaran): string {
  const when = (iso?: string) => (iso ? tanggalJam(new Date(iso), zona) : '');
  const rows = rounds.map((r) => {
    // Short names: the row already says which version; the task's own file list keeps the long labels.
    const files = r.berkas
      .map((b) => {
        const name = `${b.key.endsWith('.pdf') ? 'PDF' : 'DOCX'}${REVISED.test(b.key) ? ' revisi penyusun' : ''}`;
        return `<a href="${esc(urls.get(b.key) ?? '#')}" title="${esc(b.label)}">${name}</a>`;
      })
      .join('<br>');
    const made = r.disusun
      ? `${esc(r.disusun.oleh?.nama ?? '')}<br><span class="kecil">${esc(when(r.disusun.waktu))}</span>`
      : '<span class="kecil">sedang disusun</span>';
    const reviews = r.tinjauan
      .map(
        (t) =>
          `<p><b>${esc(HASIL[t.keputusan.hasil] ?? t.keputusan.hasil)}</b> oleh ${esc(t.oleh?.nama ?? '')} (langkah ${t.langkah}, ${esc(when(t.waktu))})${t.keputusan.catatan ? `<br>${esc(t.keputusan.catatan)}` : ''}</p>`,
      )
      .join('');
    return [
      `${r.versi}${r === current ? ' <span class="lencana terbuka">terbaru</span>' : ''}`,
      made,
      files,
      esc(r.disusun?.balasan ?? ''),
      reviews,
    ];
  });
  // Stacked cards on a phone (lib/pages/cards.ts), a table on a wide screen.
  return cardTable(
    [
      { label: 'Versi' },
      { label: 'Disusun' },
      { label: 'Berkas' },
      { label: 'Balasan penyusun' },
      { label: 'Tinjauan' },
    ],
    rows,
    'Versi laporan dan tinjauannya',
  );
}

/** The page that takes a revised file (/t/<link>/revisi): the preparer's DOCX/PDF, the signer's PDF. */
export function revisionUploadPage(
  task: HumanTask,
  ctx: Pick<StepContext, 'step'>,
  linkId: string,
  nonce: string,
): string {
  const types = revisionTypes(ctx);
  const body =
    task.status !== 'terbuka' || types.length === 0
      ? '<p>Tugas ini tidak menerima dokumen revisi saat ini.</p>'
      : uploadForm(`/api/tugas/${linkId}/dokumen`, types, ctx.step.jenis === 'susun-draf', nonce);
  return page(
    'Unggah dokumen revisi',
    `<div class="kartu"><h1>Langkah ${task.no}: unggah dokumen revisi</h1>${body}<p><a href="/t/${esc(linkId)}">Kembali ke halaman tugas</a></p></div>`,
    nonce,
  );
}

function uploadForm(endpoint: string, types: string[], preparer: boolean, nonce: string): string {
  const accept = types.map((t) => `.${t}`).join(',');
  const intro = preparer
    ? `<p>Unggah draf yang sudah Anda perbaiki (.docx dari Word, atau PDF). Setelah unggahan diterima, kembali ke halaman tugas dan tekan <b>Konfirmasi selesai</b>; catatan Anda di sana menjadi balasan untuk peninjau.</p>`
    : `<p><b>Versi yang disetujui adalah dokumen Word.</b> Ekspor dokumen itu dari Word menjadi PDF (File → Save As → PDF) lalu unggah di sini; PDF itulah yang ditandatangani.</p>`;
  return `${intro}<form id="revisi"><label for="berkas-revisi">Berkas revisi (${esc(accept)}, maks. 5 MB)</label>
<input id="berkas-revisi" type="file" accept="${esc(accept)}" required>
<button class="tombol" type="submit">Unggah revisi</button><p id="status-revisi" class="kecil" aria-live="polite"></p></form>
<script nonce="${esc(nonce)}">
document.getElementById('revisi').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = document.getElementById('berkas-revisi').files[0]; const s = document.getElementById('status-revisi');
  if (!f) return; s.textContent = 'Mengunggah…';
  const r = await fetch(${JSON.stringify(endpoint)}, {method:'POST', headers:{'content-type':'application/json'}, body: JSON.stringify({namaBerkas: f.name})});
  const j = await r.json(); if (!r.ok) { s.textContent = j.pesan; return; }
  const fd = new FormData(); for (const [k, val] of Object.entries(j.form.fields)) fd.append(k, val); fd.append('file', f);
  const u = await fetch(j.form.url, {method:'POST', body: fd});
  s.textContent = u.ok ? 'Berkas terkirim dan sedang diperiksa. Muat ulang halaman ini sebentar lagi untuk melihat hasilnya.' : 'Unggahan gagal; periksa ukuran (maks. 5 MB) dan jenis berkas.';
});
</script>`;
}
