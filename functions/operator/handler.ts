import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { OPERATOR_ROUTES } from '#lib/http/operator-routes.ts';
import { type HttpResponse, loggablePath, serverError } from '#lib/http/response.ts';
import { type Deps, router } from '#lib/http/router.ts';
import { log, observe } from '../commons/log.ts';
import '../commons/ports/store.ts';
import '../commons/ports/workflow.ts';
import { getCatalogue } from '../commons/catalogue.ts';
import { getPorts } from '../commons/ports.ts';

const route = router(OPERATOR_ROUTES);
const deps: Deps = {
  get ports() {
    return getPorts();
  },
  get cat() {
    return getCatalogue();
  },
};

/**
 * The operators' routes (`operator`): start and resume cycles, list tasks, read timelines. API Gateway
 * lets only IAM-signed requests through (provincial IT); this is the only function that starts executions.
 */
export const handler = middy<APIGatewayProxyEventV2, HttpResponse>()
  .use(observe('operator'))
  .handler(async (e) => {
    try {
      return await route(e, deps);
    } catch (err) {
      log('error', 'permintaan gagal', { path: loggablePath(e.rawPath), error: (err as Error).message });
      return serverError(e.rawPath);
    }
  });
