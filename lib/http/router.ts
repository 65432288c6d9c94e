import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Catalogue } from '../catalogue.ts';
import type { Ports } from '../cycle/ports.ts';
import { parseBody } from './body.ts';
import { badRequest, type HttpResponse, notFound } from './response.ts';

/** What routes work with; the handler builds it from the environment (functions/commons/runtime.ts). */
export interface Deps {
  ports: Ports;
  cat: Catalogue;
  /** Where a route reports a failure it does not show to the caller (console.error when absent). */
  log?: (message: string, fields: Record<string, unknown>) => void;
}

/** A matched request, without the API Gateway envelope. */
export interface RouteRequest {
  /** The path's captured segments, in order (a link id, or agency and cycle ids). */
  params: string[];
  query: Record<string, string | undefined>;
  /** The body's fields (see parseBody): typed as sent, for the route's schema to check. */
  fields: Record<string, unknown>;
}

export type RouteHandler = (req: RouteRequest, deps: Deps) => Promise<HttpResponse>;

export interface Route {
  methods: readonly string[];
  /** Anchored; each capture group becomes one of `params`. */
  path: RegExp;
  run: RouteHandler;
}

/** The first route whose path and method match, with its captured segments. */
export function match(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: string[] } | undefined {
  for (const route of routes) {
    const m = route.path.exec(path);
    if (m && route.methods.includes(method)) return { route, params: m.slice(1) };
  }
  return undefined;
}

/** Serves a table of routes; anything else (a wrong method included) is not found. */
export function router(routes: readonly Route[]) {
  return (e: APIGatewayProxyEventV2, deps: Deps): Promise<HttpResponse> => {
    const found = match(routes, e.requestContext.http.method, e.rawPath);
    if (!found) return Promise.resolve(notFound(e.rawPath));
    const body = parseBody(e);
    if (!body.ok) return Promise.resolve(badRequest(e.rawPath, body.pesan));
    const req = { params: found.params, query: e.queryStringParameters ?? {}, fields: body.fields };
    return found.route.run(req, deps);
  };
}
