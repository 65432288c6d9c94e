import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { route } from '#lib/http/api.ts';
import { type HttpResponse, loggablePath, serverError } from '#lib/http/response.ts';
import type { Deps } from '#lib/http/router.ts';
import { log, observe } from '../commons/log.ts';
import { getCatalogue, getPorts } from '../commons/runtime.ts';

// Getters: a request no route matches builds no clients; resetRuntime() is seen by the next request.
const deps: Deps = {
  get ports() {
    return getPorts();
  },
  get cat() {
    return getCatalogue();
  },
  log: (message, fields) => log('error', message, fields),
};

/** The API Gateway (HTTP API) routes (lib/http/api.ts); the same handler serves the local HTTP server of `npm start`. */
export const handler = middy<APIGatewayProxyEventV2, HttpResponse>()
  .use(observe('api'))
  .handler(async (e) => {
    try {
      return await route(e, deps);
    } catch (err) {
      log('error', 'permintaan gagal', { path: loggablePath(e.rawPath), error: (err as Error).message });
      return serverError(e.rawPath);
    }
  });
