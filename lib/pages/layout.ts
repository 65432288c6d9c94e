import type { Agency } from '../agency/schema.ts';
import { esc } from '../html.ts';

/** Whose page it is, in the header: the agency and the government (or parent) it belongs to. */
export interface Kop {
  instansi: string;
  induk: string;
}

/** "Dinas Koperasi …" and "Pemerintah Kabupaten Balangan" (a ministry or campus parent is named as is). */
export function kopOf(agency: Pick<Agency, 'nama' | 'pemerintah' | 'jenis_instansi'>): Kop {
  return {
    instansi: agency.nama,
    induk:
      agency.jenis_instansi === 'pemerintah daerah' ? `Pemerintah ${agency.pemerintah}` : agency.pemerintah,
  };
}

/**
 * The pages are read on phones first: nothing may scroll sideways at 390 px. Tables marked `tumpuk`
 * turn into stacked cards (each cell labelled by its `data-label`) below 640 px; long words wrap.
 */
const STYLE = `
*{box-sizing:border-box}
body{font-family:system-ui,Arial,sans-serif;margin:0;background:#f4f6f9;color:#1d2733;line-height:1.5;overflow-wrap:break-word}
main{max-width:820px;margin:0 auto;padding:12px}
header{background:#1f4e79;color:#fff;padding:10px 16px}
header .instansi{font-weight:600;display:block}header .induk{font-size:.85rem;opacity:.95}
h1{font-size:1.25rem;margin:.3rem 0}h2{font-size:1.08rem;margin:.6rem 0 .3rem}
.kartu{background:#fff;border-radius:8px;padding:14px 16px;margin:12px 0;box-shadow:0 1px 2px #0002}
.langkah-ini{border-left:5px solid #1f4e79}
.aksi-utama{font-size:1.12rem;font-weight:600;margin:.2rem 0 .6rem}
.tombol{display:inline-block;border:0;border-radius:6px;padding:11px 18px;font-size:1rem;cursor:pointer;background:#1f4e79;color:#fff;text-decoration:none;margin:4px 6px 4px 0}
.tombol.kedua{background:#8a3b12}
textarea,input[type=file],select,input[type=text],input[type=email]{width:100%;font-size:1rem;margin:6px 0;padding:6px}
label{font-weight:600}
table{border-collapse:collapse;width:100%;font-size:.92rem}td,th{border:1px solid #ccd;padding:4px 6px;text-align:left;vertical-align:top}
.ok{color:#17692b}.tolak{color:#a11}.peringatan{border-left:5px solid #a11}.diterima{border-left:5px solid #17692b}
.kecil{font-size:.85rem;color:#4a5560}.angka{text-align:right;white-space:nowrap}
nav{margin:8px 0}nav a{margin-right:14px;display:inline-block;padding:4px 0}
details>summary{cursor:pointer;font-weight:600;padding:4px 0}
ins{text-decoration:underline;text-decoration-thickness:2px;background:#dff3e3;color:#135b24}del{text-decoration:line-through;background:#f9e0de;color:#8a1111}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
ol.perubahan{padding-left:1.2rem}ol.perubahan>li{margin:6px 0}del+ins{margin-left:.2em}
.lencana{display:inline-block;border-radius:10px;padding:0 8px;font-size:.8rem;font-weight:600;white-space:nowrap}
.lencana.diubah{background:#fff1cc;color:#5c3f00}.lencana.ditambah{background:#dff3e3;color:#135b24}.lencana.dihapus{background:#f9e0de;color:#8a1111}
.lencana.selesai{background:#dff3e3;color:#135b24}.lencana.terbuka{background:#e3ecf7;color:#1f4e79}.lencana.terlambat{background:#f9e0de;color:#8a1111}
progress{width:100%;height:14px}
ol.langkah{padding-left:0;list-style:none}ol.langkah>li{border-top:1px solid #dde;padding:8px 0}
.slot-bagan:empty{display:none}
.bagan .gulir{overflow-x:auto}.bagan svg{min-width:720px;display:block}
@media (max-width:640px){
table.tumpuk,table.tumpuk tbody,table.tumpuk tr,table.tumpuk td,table.tumpuk caption{display:block;width:100%}
table.tumpuk caption{text-align:left;font-weight:600}
table.tumpuk thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.tumpuk tr{border:1px solid #ccd;border-radius:6px;margin:8px 0;padding:4px 8px;background:#fff}
table.tumpuk td{border:0;padding:2px 0}
table.tumpuk td[data-label]::before{content:attr(data-label) ": ";font-weight:600}
table.tumpuk td.angka{text-align:left;white-space:normal}
}`;

/** Page shell: readable on a phone, no external CDN, strict CSP (inline script only with its nonce). */
export function page(title: string, body: string, _nonce?: string, kop?: Kop): string {
  const head = kop
    ? `<span class="instansi">${esc(kop.instansi)}</span><span class="induk">${esc(kop.induk)}</span>`
    : '<span class="instansi">Laporan Kinerja Instansi</span>';
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${esc(title)}${kop ? ` — ${esc(kop.instansi)}` : ''}</title>
<style>${STYLE}</style></head>
<body><header>${head}</header><main>${body}</main></body></html>`;
}

/** A way onward from a message: back to the task, the timeline, a resend. */
export interface Onward {
  href: string;
  label: string;
}

export function onwardLinks(links: readonly Onward[]): string {
  return links.length
    ? `<nav aria-label="Langkah berikutnya">${links.map((l) => `<a href="${esc(l.href)}">${esc(l.label)}</a>`).join('')}</nav>`
    : '';
}

export function messagePage(
  title: string,
  message: string,
  onward: readonly Onward[] = [],
  kop?: Kop,
): string {
  return page(
    title,
    `<div class="kartu"><h1>${esc(title)}</h1><p>${esc(message)}</p>${onwardLinks(onward)}</div>`,
    undefined,
    kop,
  );
}
