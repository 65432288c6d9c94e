import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Route } from '../../lib/http/router.ts';
import type { RouteSpec } from './public-api.ts';

/**
 * API Gateway routes from the route tables the functions serve (lib/http), so that a route added there is
 * routed in the cloud, by the function of its table, with that table's authorization, without a second
 * list here. A table path is an anchored regular expression of literal segments and capture groups; each
 * capture group becomes a positional path parameter (`{p1}`, `{p2}`: the functions read captures by position).
 */
export function routeSpecs(routes: readonly Route[]): RouteSpec[] {
  return routes.map((r) => ({ path: pathTemplate(r.path), methods: r.methods.map(method) }));
}

export function pathTemplate(re: RegExp): string {
  const src = re.source;
  if (!src.startsWith('^\\/') || !src.endsWith('$'))
    throw new Error(`route ${src}: expected an anchored path (^\\/…$)`);
  let n = 0;
  return `/${src
    .slice(3, -1)
    .split('\\/')
    .map((segment) => {
      if (/^\([^()]+\)$/.test(segment)) return `{p${++n}}`;
      const literal = segment.replace(/\\-/g, '-');
      if (!/^[a-z0-9-]+$/.test(literal))
        throw new Error(`route ${src}: segment '${segment}' is neither literal nor one capture`);
      return literal;
    })
    .join('/')}`;
}

function method(m: string): HttpMethod {
  const v = (HttpMethod as Record<string, string>)[m];
  if (!v) throw new Error(`unknown HTTP method ${m}`);
  return v as HttpMethod;
}
