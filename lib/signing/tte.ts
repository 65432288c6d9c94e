import { signPdf } from './pades.ts';
import type { AgencyTte, Signer, Tte } from './port.ts';

/** The signing port over a choice of signer per agency. */
export function tteOf(signerFor: (agency: AgencyTte) => Signer): Tte {
  return {
    signPdf: (pdf, req, agency, zona) => signPdf(pdf, req, signerFor(agency), zona),
  };
}
