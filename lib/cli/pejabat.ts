import type { OperatorApi } from '../adapters/operator-api.ts';
import type { Io } from './main.ts';

const USAGE =
  'Penggunaan: lakip pejabat plt <instansi> --jabatan <kunci> --jenis Plt.|Plh. --nama <nama> --email <email>\n' +
  '              --mulai <YYYY-MM-DD> --selesai <YYYY-MM-DD> [--unit <unit>] [--nip <nip>]\n' +
  '  atau  lakip pejabat daftar <instansi>\n' +
  'Contoh: lakip pejabat plt dkukmtk-balangan --jabatan kepala --jenis Plt. --nama "Rahmat Hidayat" \\\n' +
  '          --email sekretaris@dkukmtk.balangan.example --mulai 2026-11-01 --selesai 2026-12-31';

export interface PejabatOpts {
  jabatan?: string;
  jenis?: string;
  nama?: string;
  email?: string;
  mulai?: string;
  selesai?: string;
  unit?: string;
  nip?: string;
}

interface Entry {
  jabatan: string;
  unit?: string;
  jenis: string;
  nama: string;
  mulai: string;
  selesai: string;
}

const line = (p: Entry) =>
  `  ${p.jenis} ${p.jabatan}${p.unit ? ` (unit ${p.unit})` : ''}: ${p.nama}, ${p.mulai} s.d. ${p.selesai}`;

/**
 * `lakip pejabat plt <instansi> …`: names an acting official (Plt./Plh.) for an office over a date range,
 * through the operators' API, so it takes effect without a redeployment. `lakip pejabat daftar`: lists
 * the agency file's and the recorded ones.
 */
export async function pejabatCommand(
  args: string[],
  api: OperatorApi,
  io: Io,
  o: PejabatOpts,
): Promise<number> {
  const [sub, agencyId] = args;
  if ((sub !== 'plt' && sub !== 'daftar') || !agencyId || !/^[a-z0-9][a-z0-9-]*$/.test(agencyId)) {
    io.err(USAGE);
    return 2;
  }
  const path = `/api/instansi/${agencyId}/pelaksana-tugas`;
  if (sub === 'daftar') {
    const r = await api('GET', path);
    if (r.status !== 200) {
      io.err(r.body.pesan ?? `Gagal (HTTP ${r.status}).`);
      return 1;
    }
    const berkas = (r.body.berkas ?? []) as Entry[];
    const tercatat = (r.body.tercatat ?? []) as Entry[];
    io.out(
      `Pelaksana tugas di berkas instansi: ${berkas.length ? `\n${berkas.map(line).join('\n')}` : 'tidak ada'}`,
    );
    io.out(`Dicatat operator: ${tercatat.length ? `\n${tercatat.map(line).join('\n')}` : 'tidak ada'}`);
    return 0;
  }
  const missing = (['jabatan', 'jenis', 'nama', 'email', 'mulai', 'selesai'] as const).filter((k) => !o[k]);
  if (missing.length) {
    io.err(`Opsi wajib belum diisi: ${missing.map((k) => `--${k}`).join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const body = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  const r = await api('POST', path, body);
  if (r.status === 201) {
    io.out(r.body.pesan ?? 'Pelaksana tugas dicatat.');
    return 0;
  }
  io.err(r.body.pesan ?? `Gagal mencatat pelaksana tugas (HTTP ${r.status}).`);
  return 1;
}
