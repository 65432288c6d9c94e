import type { Berkas } from '../model.ts';
import { handedOn } from '../revisions.ts';
import {
  GAGAL_TIDAK_TERSEDIA,
  PDF_TIDAK_TERSEDIA,
  type PerubahanVersi,
  perubahanKey,
  unavailable,
} from '../version-diff.ts';
import type { StepWork } from './kind.ts';
import { renderer } from './shared.ts';

/** The version the previous pass of this step handed on (the one its reviewers returned), if any. */
export async function previousVersion(w: StepWork): Promise<Berkas | undefined> {
  if (w.putaran < 2) return undefined;
  const records = await w.ports.store.listSteps(w.ctx.siklus.agencyId, w.ctx.siklus.cycleId);
  const before = records.find((r) => r.no === w.ctx.step.no && r.unit === '-' && r.putaran === w.putaran - 1);
  return before && handedOn(before.berkas);
}

/**
 * The version with the key of what changed since `previous`, stored once (lib/cycle/version-diff.ts). A
 * comparison that breaks (a corrupt or huge file, a storage hiccup) is logged and never fails the step: the
 * summary then says the comparison is not available, or the version carries none at all.
 */
export async function withChanges(w: StepWork, version: Berkas, previous?: Berkas): Promise<Berkas> {
  if (!previous) return version;
  const key = perubahanKey(version.key);
  try {
    // Deterministic key: a retried step finds the summary already there.
    if (!(await w.ports.blobs.exists(version.bucket, key))) {
      const summary = await summarize(w, previous, version);
      await w.ports.blobs.put(version.bucket, key, Buffer.from(JSON.stringify(summary)), 'application/json');
    }
    return { ...version, perubahan: key };
  } catch (e) {
    console.warn('ringkasan perubahan versi tidak tersimpan', { key, error: (e as Error).message });
    return version;
  }
}

const isPdf = (b: Berkas) => b.key.endsWith('.pdf');

async function summarize(w: StepWork, before: Berkas, after: Berkas): Promise<PerubahanVersi> {
  const versi = { dari: w.putaran - 1, ke: w.putaran };
  if (isPdf(before) || isPdf(after)) return unavailable(versi.dari, versi.ke, PDF_TIDAK_TERSEDIA);
  try {
    const [a, b] = await Promise.all([before, after].map((x) => w.ports.blobs.get(x.bucket, x.key)));
    return { ...versi, ...(await renderer(w).compareDocx(a!, b!)) };
  } catch (e) {
    console.warn('perbandingan versi gagal', { key: after.key, error: (e as Error).message });
    return unavailable(versi.dari, versi.ke, GAGAL_TIDAK_TERSEDIA);
  }
}
