import { tanggalJam } from '../../format/indonesia.ts';
import type { Bagian, Blok, Dokumen } from '../content.ts';
import { bab1, bab2 } from './bab1-2.ts';
import { bab3 } from './bab3.ts';
import { bab4, lampiranAnalisis, lampiranPk } from './bab4-lampiran.ts';
import { h, type LakipInput, namaLaporan, para, periodeText } from './common.ts';
import { cover, daftar, ikhtisar, kataPengantar } from './front.ts';
import { unitReport } from './unit.ts';

export type { CatatanKoreksi, LakipInput } from './common.ts';

/**
 * The LAKIP/LKjIP as content (PermenPAN-RB 53/2014, Lampiran III): cover, Kata Pengantar, Ikhtisar
 * Eksekutif, the three lists, Bab I–IV, Lampiran PK and the analysis recapitulation. A unit's report
 * (input.unit) is a different, shorter document. `internal` adds the reviewers' notes as a clearly
 * marked last section — only for the editable draft, never for a PDF or a signed report.
 */
export function lakipContent(input: LakipInput, opts: { internal?: boolean } = {}): Dokumen {
  if (input.unit) return unitReport(input);
  const { agency, pk, singkatan } = input;
  const judul = `${namaLaporan(singkatan)} (${singkatan}) ${agency.nama} ${agency.pemerintah} ${periodeText(input.periode, pk.tahun)}`;
  const status = input.tandaTangan ? undefined : `DRAF VERSI ${input.versi}`;
  const footer = {
    pageNumbers: 'arabic' as const,
    text: `${singkatan} ${agency.singkatan} ${agency.pemerintah} ${periodeText(input.periode, pk.tahun)}`,
  };
  const body: Blok[] = [
    ...kataPengantar(input),
    ...ikhtisar(input),
    ...daftar(),
    ...bab1(input),
    ...bab2(input),
    ...bab3(input),
    ...bab4(input),
    ...lampiranPk(input),
    ...lampiranAnalisis(input),
  ];
  const sections: Bagian[] = [{ blocks: cover(input) }, { blocks: body, footer, header: status }];
  if (opts.internal && !input.tandaTangan && input.catatanKoreksi.length > 0)
    sections.push({
      header: 'CATATAN INTERNAL — BUKAN BAGIAN LAPORAN',
      footer,
      blocks: [
        h(1, 'CATATAN KOREKSI (INTERNAL)', { toc: false }),
        para('Catatan pemeriksa pada putaran sebelumnya; bagian ini tidak dicetak pada laporan final.', {
          italics: true,
        }),
        ...input.catatanKoreksi.map((c) =>
          para(`${tanggalJam(c.waktu, agency.zona_waktu)}, ${c.oleh}: ${c.catatan}`),
        ),
      ],
    });
  return {
    title: judul,
    subject: status
      ? `${status} — ${agency.nama} ${agency.pemerintah}`
      : `Final — ${agency.nama} ${agency.pemerintah}`,
    author: agency.nama,
    page: { size: 'A4', orientation: 'portrait' },
    watermark: status ? 'DRAF' : undefined,
    sections,
  };
}
