import type { Ports } from './ports.ts';

/**
 * Upload keys and the failed-processing mark: apart from the workbook reader, so the small function that
 * consumes the upload function's failure queue does not carry the spreadsheet libraries.
 */

/** Parses an upload key written by requestUpload; anything else is not ours. */
export function parseUploadKey(
  key: string,
): { agencyId: string; cycleId: string; taskId: string; uploadId: string } | undefined {
  const m =
    /^unggahan\/([a-z0-9-]+)\/([a-z0-9-]+)\/(\d{2}\.[a-z0-9-]+\.\d+)\/([a-z0-9-]+)\.(xlsx|csv|docx|pdf)$/.exec(
      key,
    );
  return m ? { agencyId: m[1]!, cycleId: m[2]!, taskId: m[3]!, uploadId: m[4]! } : undefined;
}

/** What the task page says when processing an upload broke (not the file's fault). */
export const UPLOAD_FAILED =
  'Berkas belum dapat diperiksa karena gangguan pada sistem, bukan karena isinya. Sistem mencoba lagi otomatis; bila status ini tidak berubah dalam beberapa menit, unggah ulang berkas yang sama atau hubungi Kasubbag Perencanaan.';

/**
 * Marks the upload behind `key` as failed, unless it was accepted or rejected meanwhile. Also for the
 * upload function's failure destination, once the retries are spent. True when marked.
 */
export async function markUploadFailed(ports: Ports, key: string, alasan = UPLOAD_FAILED): Promise<boolean> {
  const parsed = parseUploadKey(key);
  if (!parsed) return false;
  return ports.store.failUpload(parsed.agencyId, parsed.cycleId, parsed.uploadId, {
    alasan,
    waktu: ports.clock.now().toISOString(),
  });
}
