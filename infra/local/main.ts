import './polyfill.ts';
import { join } from 'node:path';
import { ROOT } from '../constructs/lakip-function.ts';
import { startLocalRuntime } from './runtime.ts';

/**
 * `npm start`: the embedded default. Everything in one process, data under .lakip-local/ (git-ignored)
 * so it survives a restart, even a SIGKILL. The interpreter keeps executions in memory, so at start every
 * cycle the table says is running is resumed at its open step (links mailed before keep working).
 */
const base = Number(process.env.LAKIP_PORT_BASE ?? 4500);
const rt = await startLocalRuntime({
  dataDir: process.env.LAKIP_DATA_DIR ?? join(ROOT, '.lakip-local'),
  persist: true,
  resumeOpen: true,
  ports: { api: base, s3: base + 1, dynamodb: base + 2, sfn: base + 3, smtp: base + 25 },
});
// The cloud runs the reminder sweep every 15 minutes (EventBridge); locally every minute.
rt.scheduleSweep(60_000);
const lines = [
  'lakip-flow berjalan secara lokal.',
  '',
  `  Halaman tugas & API     ${rt.urls.api}`,
  `  Kotak surat lokal       ${rt.urls.inbox}`,
  `  Step Functions lokal    ${rt.urls.sfn}`,
  `  DynamoDB (dynalite)     ${rt.urls.dynamodb}`,
  `  S3 (s3rver)             ${rt.urls.s3}`,
  `  SMTP penangkap surat    ${rt.urls.smtp}`,
  '',
  `  SOP terpasang: ${[...rt.catalogue.sops.keys()].join(', ')}`,
  // An agency signing through BSrE needs the application's credentials in the variable its file names.
  ...rt.template.secrets
    .filter((x) => !process.env[x.kredensial])
    .map(
      (x) =>
        `  Perhatian: ${x.agencyId} menandatangani melalui BSrE, tetapi variabel ${x.kredensial} tidak diisi; penandatanganan akan ditolak. Mulai dengan ${x.kredensial}=pengguna:sandi npm start`,
    ),
  ...(rt.resumed.length > 0
    ? [`  Siklus dilanjutkan setelah mulai ulang: ${rt.resumed.map((c) => c.cycleId).join(', ')}`]
    : []),
  '',
  'Mulai satu siklus:',
  `  curl -X POST ${rt.urls.api}/api/siklus -H 'content-type: application/json' \\`,
  `       -d '{"agencyId":"dkukmtk-balangan","sopId":"dkukmtk-balangan-lakip","tahun":2025}'`,
  'lalu ikuti email tugasnya di kotak surat lokal. Atau jalankan `npm run demo` untuk satu siklus penuh otomatis.',
  `Tekan Ctrl+C untuk berhenti; data tersimpan di ${process.env.LAKIP_DATA_DIR ?? '.lakip-local/'}.`,
];
console.log(lines.join('\n'));
const stop = async () => {
  await rt.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
