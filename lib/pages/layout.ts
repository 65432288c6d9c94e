import { esc } from '../html.ts';

/** Page shell: readable on a phone, no external CDN, strict CSP with a per-response script nonce. */
export function page(title: string, body: string, nonce?: string): string {
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${esc(title)} — lakip-flow</title>
<style>
body{font-family:system-ui,Arial,sans-serif;margin:0;background:#f4f6f9;color:#1d2733;line-height:1.5}
main{max-width:760px;margin:0 auto;padding:16px}
header{background:#1f4e79;color:#fff;padding:12px 16px}
h1{font-size:1.3rem;margin:.4rem 0}
.kartu{background:#fff;border-radius:8px;padding:14px 16px;margin:12px 0;box-shadow:0 1px 2px #0002}
.tombol{display:inline-block;border:0;border-radius:6px;padding:10px 16px;font-size:1rem;cursor:pointer;background:#1f4e79;color:#fff;text-decoration:none}
.tombol.kedua{background:#8a3b12}
textarea,input[type=file]{width:100%;box-sizing:border-box;font-size:1rem;margin:6px 0}
table{border-collapse:collapse;width:100%;font-size:.92rem}td,th{border:1px solid #ccd;padding:4px 6px;text-align:left;vertical-align:top}
.ok{color:#17692b}.tolak{color:#a11}.peringatan{border-left:4px solid #a11}.kecil{font-size:.85rem;color:#555}.angka{text-align:right;white-space:nowrap}.gulir{overflow-x:auto}nav a{margin-right:12px}
</style>${nonce ? '' : ''}</head>
<body><header>lakip-flow</header><main>${body}</main></body></html>`;
}

export function messagePage(title: string, message: string): string {
  return page(title, `<div class="kartu"><h1>${esc(title)}</h1><p>${esc(message)}</p></div>`);
}
