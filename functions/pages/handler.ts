import { PUBLIC_ROUTES } from '#lib/http/public-routes.ts';
import '../commons/ports/store.ts';
import '../commons/ports/blobs.ts';
import '../commons/ports/mailer.ts';
import { getCatalogue } from '../commons/catalogue.ts';
import { httpHandler } from '../commons/http.ts';
import { getPorts } from '../commons/ports.ts';

/**
 * The public task-link routes (`halaman`): what a person reaches from a mailed link. It records a
 * person's answer but holds no Step Functions permission: the answer, once recorded (`diputuskan`), is
 * handed to the workflow by the `deliver` function from the table's stream.
 */
export const handler = httpHandler('pages', PUBLIC_ROUTES, {
  ports: getPorts,
  catalogue: getCatalogue,
});
