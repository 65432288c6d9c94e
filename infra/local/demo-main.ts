import './polyfill.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from './demo.ts';
import { startLocalRuntime } from './runtime.ts';

/**
 * `npm run demo` / `lakip demo`: one complete cycle of every SOP in the catalogue, on a fresh local
 * runtime, with scripted people. Exits 0 only when every cycle reached its end.
 */
export async function demoMain(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'lakip-demo-'));
  process.env.LAKIP_LOG ??= 'off';
  const rt = await startLocalRuntime({ dataDir: dir, persist: false });
  console.log(`Demo lakip-flow: runtime lokal di ${rt.urls.api} (kotak surat ${rt.urls.inbox})\n`);
  try {
    const result = await runDemo(rt);
    console.log('\nRingkasan:');
    let ok = true;
    for (const c of result.cycles) {
      const late = c.steps.filter((s) => s.tepatWaktu === false).length;
      const good = c.status === 'SUCCEEDED' && c.cycle.status === 'selesai';
      ok &&= good;
      console.log(
        `  ${good ? 'SELESAI' : 'GAGAL  '} ${c.cycle.sopId} (${c.cycle.cycleId}): ${c.steps.length} catatan langkah, ${late} terlambat${c.error ? `; ${c.error}` : ''}`,
      );
    }
    if (result.people.errors.length > 0) {
      ok = false;
      for (const e of result.people.errors) console.log(`  kesalahan: ${e.message}`);
    }
    console.log(`  ${rt.mailbox.messages.length} email terkirim ke kotak surat lokal.`);
    return ok ? 0 : 1;
  } finally {
    await rt.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(await demoMain());
}
