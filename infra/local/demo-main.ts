import './polyfill.ts';
import { join } from 'node:path';
import { ROOT } from '../constructs/lakip-function.ts';
import { runDemo } from './demo.ts';
import { startLocalRuntime } from './runtime.ts';

/**
 * `npm run demo` / `lakip demo`: one complete cycle of every SOP in the catalogue, on a fresh local
 * runtime, with scripted people. Exits 0 only when every cycle reached its end.
 */
export async function demoMain(): Promise<number> {
  // Kept after the run, beside (not inside) the data of `npm start`, so both can exist at once.
  const dir = process.env.LAKIP_DEMO_DIR ?? join(ROOT, '.lakip-local', 'demo');
  process.env.LAKIP_LOG ??= 'off';
  const rt = await startLocalRuntime({ dataDir: dir, persist: true });
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
    console.log(`  ${rt.mailbox.messages.length} email di kotak surat lokal.`);
    console.log(`\nDokumen, catatan langkah dan surat tersimpan di ${dir}.`);
    console.log(`Untuk menelusurinya: LAKIP_DATA_DIR=${dir} npm start, lalu buka kotak surat lokal.`);
    return ok ? 0 : 1;
  } finally {
    await rt.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(await demoMain());
}
