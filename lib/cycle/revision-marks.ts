import { draftMarksIn, INTERNAL_HEADING } from '../documents/draft-marks.ts';
import type { MasalahBerkas } from '../workbook/errors.ts';

/**
 * A revised Word file must be the report as it will be signed: the approved version is what the signer
 * exports to PDF. One edited from the marked draft (DRAF VERSI n on the cover and every page, the
 * reviewers' notes at the end) is refused, with the clean file to edit instead.
 */
export async function draftLeftovers(bytes: Uint8Array): Promise<MasalahBerkas[]> {
  const marks = await draftMarksIn(bytes);
  const found = [
    marks.draf ? 'tanda "DRAF VERSI" (sampul dan kepala halaman)' : '',
    marks.catatanInternal ? `bagian "${INTERNAL_HEADING}" di akhir dokumen` : '',
  ].filter(Boolean);
  if (found.length === 0) return [];
  return [
    {
      pesan: `berkas ini disunting dari draf bertanda dan masih memuat ${found.join(' serta ')}; keduanya tidak boleh masuk laporan yang ditandatangani. Sunting "Naskah untuk disunting (DOCX)" dari halaman tugas (tanpa tanda draf dan catatan internal), lalu unggah kembali`,
    },
  ];
}
