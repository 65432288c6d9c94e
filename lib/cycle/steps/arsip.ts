import { sha256Hex, verificationPath } from '../../signing/verification.ts';
import { archiveManifest } from '../archive-manifest.ts';
import { CONTENT_TYPE, isFinal } from '../documents.ts';
import { barisEsakip } from '../esakip.ts';
import type { Berkas } from '../model.ts';
import type { StepKind, StepWork } from './kind.ts';
import { cycleRecords, putBerkas, renderer } from './shared.ts';

export const arsip: StepKind = {
  uraian: {
    sistem:
      'Menyalin laporan final dan surat pengantar ke arsip (Object Lock) dan menyusun daftar unggah e-SAKIP Reviu.',
    orang: 'Mengunggah berkas ke e-SAKIP Reviu lalu mengonfirmasi.',
  },
  fungsi: 'arsip',
  menghasilkan: ['laporan-final', 'surat-pengantar', 'daftar-esakip', 'manifest-arsip'],
  ringkasan: false,
  kantor: [],
  async mulai(w) {
    const { ctx } = w;
    const base = ['arsip', ctx.agency.id, String(ctx.siklus.tahun), ctx.siklus.cycleId];
    const finals = (await cycleRecords(w))
      .flatMap((s) => s.berkas)
      .filter((b) => b.bucket === 'kerja' && isFinal(b.jenis));
    const out: Berkas[] = [];
    for (const f of finals) {
      const key = [...base, f.key.split('/').at(-1)!].join('/');
      if (!(await w.ports.blobs.exists('arsip', key)))
        await w.ports.blobs.put('arsip', key, await w.ports.blobs.get('kerja', f.key), f.contentType);
      out.push({ ...f, label: `Arsip: ${f.label}`, key, bucket: 'arsip' });
    }
    out.push(await putManifest(w, base, out));
    // What to upload to e-SAKIP Reviu, as a workbook a person reads (ESR type by number and name).
    out.push(
      await putBerkas(
        w,
        {
          key: [...base, 'daftar-unggah-esakip.xlsx'].join('/'),
          jenis: 'daftar-esakip',
          body: await renderer(w).daftarEsakip({
            agency: ctx.agency,
            tahun: ctx.siklus.tahun,
            baris: barisEsakip(out, ctx.siklus.tahun),
          }),
          contentType: CONTENT_TYPE.xlsx,
        },
        'arsip',
      ),
    );
    return out;
  },
};

/** The archive's readable table of contents (lib/cycle/archive-manifest.ts), archived beside the files. */
async function putManifest(w: StepWork, base: string[], files: Berkas[]): Promise<Berkas> {
  const { ctx } = w;
  const berkas = await Promise.all(
    files.map(async (f) => {
      const bytes = await w.ports.blobs.get('arsip', f.key);
      const id = /\/verifikasi\/([A-Z2-7]{26})/.exec(Buffer.from(bytes).toString('latin1'))?.[1];
      return {
        label: f.label.replace(/^Arsip: /, ''),
        nama: f.key.split('/').at(-1)!,
        sha256: sha256Hex(bytes),
        ukuran: bytes.length,
        ...(id ? { verifikasi: `${w.ports.publicUrl}${verificationPath(id)}` } : {}),
      };
    }),
  );
  const text = archiveManifest({
    instansi: `${ctx.agency.nama} ${ctx.agency.pemerintah}`,
    sopNama: ctx.sop.identitas.nama,
    tahun: ctx.siklus.tahun,
    cycleId: ctx.siklus.cycleId,
    waktu: w.ports.clock.now(),
    zona: ctx.agency.zona_waktu,
    berkas,
  });
  return putBerkas(
    w,
    {
      key: [...base, 'daftar-isi-arsip.txt'].join('/'),
      jenis: 'manifest-arsip',
      body: Buffer.from(text, 'utf8'),
      contentType: CONTENT_TYPE.teks,
    },
    'arsip',
  );
}
