import type { ZonaWaktu } from '../calendar/working-time.ts';
import type { Delegasi, Person } from '../cycle/model.ts';
import { tanggalPendek } from '../format/tanggal-pendek.ts';
import { esc } from '../html.ts';

/** The hand-overs of a task, oldest first: who to whom, when, why. */
export function delegationNotice(delegasi: readonly Delegasi[] | undefined, zona: ZonaWaktu): string {
  if (!delegasi?.length) return '';
  return `<ul class="kecil">${delegasi
    .map(
      (d) =>
        `<li>Dialihkan oleh ${esc(d.dari.nama)} (${esc(d.dari.jabatan)}) kepada ${esc(d.kepada.nama)} (${esc(d.kepada.jabatan)}), ${esc(tanggalPendek(new Date(d.waktu), zona))}: <q>${esc(d.alasan)}</q></li>`,
    )
    .join('')}</ul>`;
}

/** "Alihkan tugas ini": to someone else in the agency, with a reason (both required in the browser too). */
export function delegationForm(action: string, people: readonly Person[], self: string): string {
  const options = people
    .filter((p) => p.email.toLowerCase() !== self.toLowerCase())
    .map((p) => `<option value="${esc(p.email)}">${esc(p.nama)} — ${esc(p.jabatan)}</option>`)
    .join('');
  return `<details class="kartu"><summary>Alihkan tugas ini kepada pejabat lain</summary>
<form method="post" action="${esc(action)}"><label for="kepada">Kepada</label>
<select id="kepada" name="kepada" required data-wajib="Pilih pejabat yang menerima tugas ini."><option value="">— pilih pejabat —</option>${options}</select>
<label for="alasan">Alasan (wajib)</label><textarea id="alasan" name="alasan" rows="2" required minlength="3" data-wajib="Tulis alasan pengalihan, misalnya: sedang dinas luar sampai Jumat."></textarea>
<p class="kecil">Penerima mendapat tautan tugas lewat email; Anda tetap dapat melihat tugas ini tanpa dapat bertindak.</p>
<button class="tombol kedua" type="submit">Alihkan</button></form></details>`;
}
