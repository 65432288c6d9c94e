import { unitHead } from '../../agency/offices.ts';
import { formatDistributedMail } from '../../mail/messages.ts';
import { issueFileLink } from '../access-links.ts';
import type { Berkas } from '../model.ts';
import type { StepKind } from './kind.ts';
import { ensureFormat } from './shared.ts';

export const distribusi: StepKind = {
  uraian: {
    sistem: 'Mengirim format pengumpulan data setiap unit ke kepala unit melalui email.',
    orang: 'Mengonfirmasi bahwa format sudah disampaikan.',
  },
  fungsi: 'dokumen',
  menghasilkan: ['format'],
  ringkasan: false,
  kantor: [],
  async selesai(w) {
    const { ctx } = w;
    const out: Berkas[] = [];
    for (const unit of ctx.agency.unit) {
      const f = await ensureFormat(w, unit.id);
      // A retried invocation (a later write failed) does not mail the unit twice.
      if (
        await w.ports.store.markOnce(
          ctx.siklus.agencyId,
          ctx.siklus.cycleId,
          `format/${ctx.step.no}/${unit.id}/${w.putaran}`,
        )
      ) {
        // A link that works as long as the cycle runs, not a presigned URL that dies within hours.
        const url = await issueFileLink(w.ports, ctx.siklus, {
          unit: unit.id,
          bucket: f.bucket,
          key: f.key,
          namaBerkas: `format-${ctx.agency.id}-${unit.id}-${ctx.siklus.tahun}.xlsx`,
        });
        await w.ports.mailer.send(
          formatDistributedMail(ctx.agency, unitHead(unit), unit.nama, ctx.sop.identitas.nama, url),
        );
      }
      out.push(f);
    }
    return out;
  },
};
