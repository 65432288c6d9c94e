import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Catalogue } from '#lib/catalogue.ts';
import type { Ports } from '#lib/cycle/ports.ts';
import { type HttpResponse, loggablePath, serverError } from '#lib/http/response.ts';
import { type Deps, type Route, router } from '#lib/http/router.ts';
import { log, observe } from './log.ts';

/**
 * An API Gateway (HTTP API, payload 2.0) handler over one route table of lib/http: the routes, the
 * ports and catalogue (getters, so a request no route matches builds no clients), failures logged
 * without the link in the path and answered with the generic page or JSON.
 */
export function httpHandler(
  name: string,
  routes: readonly Route[],
  env: { ports: () => Ports; catalogue: () => Catalogue },
) {
  const route = router(routes);
  const deps: Deps = {
    get ports() {
      return env.ports();
    },
    get cat() {
      return env.catalogue();
    },
    log: (message, fields) => log('error', message, fields),
  };
  return middy<APIGatewayProxyEventV2, HttpResponse>()
    .use(observe(name))
    .handler(async (e) => {
      try {
        return await route(e, deps);
      } catch (err) {
        log('error', 'permintaan gagal', { path: loggablePath(e.rawPath), error: (err as Error).message });
        return serverError(e.rawPath);
      }
    });
}
