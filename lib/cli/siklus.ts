import type { OperatorApi } from '../adapters/operator-api.ts';
import type { Io } from './main.ts';

const SIKLUS_ID = /^([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9-]*)$/;

/**
 * `lakip siklus lanjutkan <instansi>/<siklus>`: resumes a stopped cycle from the step it stopped at,
 * once the operator fixed the cause. `lakip siklus status <instansi>/<siklus>`: where it stands.
 * `lakip siklus pindahkan <instansi>/<siklus> --versi N`: moves it to version N of its SOP.
 */
export async function siklusCommand(
  args: string[],
  api: OperatorApi,
  io: Io,
  opts: { versi?: string } = {},
): Promise<number> {
  const [sub, id] = args;
  const m = id ? SIKLUS_ID.exec(id) : null;
  if ((sub !== 'lanjutkan' && sub !== 'status' && sub !== 'pindahkan') || !m) {
    io.err(
      'Penggunaan: lakip siklus lanjutkan <instansi>/<siklus>  atau  lakip siklus status <instansi>/<siklus>\n' +
        '  atau  lakip siklus pindahkan <instansi>/<siklus> --versi <N>\n' +
        'Contoh: lakip siklus lanjutkan dkukmtk-balangan/2025-tahunan-ab12cd34',
    );
    return 2;
  }
  const [, agencyId, cycleId] = m;
  if (sub === 'pindahkan') {
    if (!opts.versi || !/^\d+$/.test(opts.versi)) {
      io.err('Sebutkan versi SOP tujuan, misalnya: lakip siklus pindahkan <instansi>/<siklus> --versi 2');
      return 2;
    }
    const r = await api('POST', `/api/siklus/${agencyId}/${cycleId}/pindahkan`, {
      versi: Number(opts.versi),
    });
    if (r.status === 202) {
      io.out(r.body.pesan ?? 'Siklus dipindahkan.');
      return 0;
    }
    io.err(r.body.pesan ?? `Gagal memindahkan siklus (HTTP ${r.status}).`);
    return 1;
  }
  if (sub === 'status') {
    const r = await api('GET', `/api/siklus/${agencyId}/${cycleId}`);
    if (r.status !== 200) {
      io.err(r.body.pesan ?? `Gagal (HTTP ${r.status}).`);
      return 1;
    }
    const c = r.body.cycle as { status: string; terhenti?: { langkah: number; alasan: string } };
    io.out(`Siklus ${cycleId}: ${c.status}`);
    if (c.status === 'terhenti' && c.terhenti)
      io.out(`Terhenti di langkah ${c.terhenti.langkah}: ${c.terhenti.alasan}`);
    return 0;
  }
  const r = await api('POST', `/api/siklus/${agencyId}/${cycleId}/lanjutkan`);
  if (r.status === 202) {
    io.out(r.body.pesan ?? 'Siklus dilanjutkan.');
    return 0;
  }
  io.err(r.body.pesan ?? `Gagal melanjutkan siklus (HTTP ${r.status}).`);
  return 1;
}
