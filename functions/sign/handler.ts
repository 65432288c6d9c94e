import { SIGNING_ROUTES } from '#lib/http/signing-routes.ts';
import '../commons/ports/store.ts';
import '../commons/ports/blobs.ts';
import { getCatalogue } from '../commons/catalogue.ts';
import { httpHandler } from '../commons/http.ts';
import { getPorts } from '../commons/ports.ts';
import { tteFromEnv } from '../commons/tte.ts';

/**
 * `tanda-tangan`: the signer's "Tandatangani" from a task link. A PSrE (BSrE) signs here, synchronously,
 * with the passphrase the signer typed (never stored). Split from the page function so that only this
 * function carries the PDF/signing libraries and the PSrE client credentials; a recorded answer is
 * handed to the workflow by `deliver`, as for every page.
 */
export const handler = httpHandler('sign', SIGNING_ROUTES, {
  ports: () => ({ ...getPorts(), tte: tteFromEnv(() => getPorts().store) }),
  catalogue: getCatalogue,
});
