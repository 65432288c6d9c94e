import type { ZonaWaktu } from '../calendar/working-time.ts';
import type { StepContext } from '../cycle/context.ts';
import type { HumanTask } from '../cycle/model.ts';
import type { Ports } from '../cycle/ports.ts';
import { draftRounds, type Putaran, REVISED, revisionTypes } from '../cycle/revisions.ts';
import { tanggalJam } from '../format/indonesia.ts';
import { esc } from '../html.ts';
import { cardTable } from './cards.ts';
import { acceptedRevisionLine } from './revision-upload-page.ts';
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
  // The file the preparer or signer sent that counts, seen before they answer (revision-upload-page.ts).
  const accepted = types.length
    ? acceptedRevisionLine(
        (await ports.store.listUploads(task.agencyId, task.cycleId)).filter((u) => u.taskId === task.taskId),
        zona,
        task.status === 'terbuka',
      )
    : '';
  // The upload has a page of its own (/t/<link>/revisi): the task page keeps one form, the answer.
  const form =
    task.status === 'terbuka' && preparer && types.length
      ? `<p>Unduh versi terakhir, perbaiki sesuai catatan, lalu <a class="tombol kedua" href="/t/${esc(linkId)}/revisi">Unggah dokumen revisi (.docx/.pdf)</a>. Bila tidak mengunggah, draf yang disusun ulang sistem yang diteruskan. Catatan Anda pada konfirmasi di bawah menjadi balasan untuk peninjau.</p>`
      : '';
  // Above the figures, next to the notes: what changed is what the reviewer checks against them.
  const changed = versionChangesCard(await changes);
  return {
    atas: `${notesHtml || form || accepted ? `<div class="kartu"><h2>Catatan dan revisi</h2>${notesHtml}${form}${accepted}</div>` : ''}${changed}`,
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
