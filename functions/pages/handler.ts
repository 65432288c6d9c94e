import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PUBLIC_ROUTES } from '#lib/http/public-routes.ts';
import { type HttpResponse, loggablePath, serverError } from '#lib/http/response.ts';
import { type Deps, router } from '#lib/http/router.ts';
import { log, observe } from '../commons/log.ts';
import '../commons/ports/store.ts';
import '../commons/ports/blobs.ts';
import '../commons/ports/mailer.ts';
import { getCatalogue } from '../commons/catalogue.ts';
import { getPorts } from '../commons/ports.ts';

const route = router(PUBLIC_ROUTES);
const deps: Deps = {
  get ports() {
    return getPorts();
  },
  get cat() {
    return getCatalogue();
  },
};

/**
 * The public task-link routes (`halaman`): what a person reaches from a mailed link. It records a
 * person's answer but holds no Step Functions permission: the answer, once recorded (`diputuskan`), is
 * handed to the workflow by the `deliver` function from the table's stream.
 */
export const handler = middy<APIGatewayProxyEventV2, HttpResponse>()
  .use(observe('pages'))
  .handler(async (e) => {
    try {
      return await route(e, deps);
    } catch (err) {
      log('error', 'permintaan gagal', { path: loggablePath(e.rawPath), error: (err as Error).message });
      return serverError(e.rawPath);
    }
  });
