import { beforeAll, describe, expect, it } from 'vitest';
import { pathTemplate, routeSpecs } from '../../infra/constructs/routes.ts';
import { OPERATOR_ROUTES } from '../../lib/http/operator-routes.ts';
import { PUBLIC_ROUTES } from '../../lib/http/public-routes.ts';
import type { Route } from '../../lib/http/router.ts';
import { SIGNING_ROUTES } from '../../lib/http/signing-routes.ts';
import { type CfnTemplate, functionsOf, refs, synth } from './synth.ts';

let template: CfnTemplate;
beforeAll(() => {
  template = synth().template;
});

/** Route key → [function handler folder, authorization type], as deployed. */
function deployed(): Map<string, [string, string]> {
  const fns = new Map(functionsOf(template).map((f) => [f.id, f.handler]));
  const integrations = new Map(
    Object.entries(template.Resources)
      .filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Integration')
      .map(([id, r]) => [id, fns.get([...refs(r.Properties.IntegrationUri)][0]!)!]),
  );
  return new Map(
    Object.values(template.Resources)
      .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map((r) => {
        const integration = [...refs(r.Properties.Target)].find((id) => integrations.has(id))!;
        return [
          String(r.Properties.RouteKey),
          [integrations.get(integration)!, String(r.Properties.AuthorizationType)] as [string, string],
        ];
      }),
  );
}

const keysOf = (routes: readonly Route[]) =>
  routeSpecs(routes).flatMap((r) => r.methods.map((m) => `${m} ${r.path}`));

describe('the HTTP API routes what lib/http serves, split by trust', () => {
  it('sends every public link route to the page function, without an AWS authorizer', () => {
    const routes = deployed();
    for (const key of keysOf(PUBLIC_ROUTES)) expect(routes.get(key), key).toEqual(['pages', 'NONE']);
  });

  it('sends the signing POST to the signing function alone, without an AWS authorizer', () => {
    const routes = deployed();
    const keys = keysOf(SIGNING_ROUTES);
    expect(keys).toEqual(['POST /t/{p1}/tanda-tangan']);
    for (const key of keys) expect(routes.get(key), key).toEqual(['sign', 'NONE']);
  });

  it('sends every operator route to the operator function, behind IAM', () => {
    const routes = deployed();
    for (const key of keysOf(OPERATOR_ROUTES)) expect(routes.get(key), key).toEqual(['operator', 'AWS_IAM']);
  });

  it('routes nothing else (a method or path the tables lack never reaches a function)', () => {
    expect([...deployed().keys()].sort()).toEqual(
      [...keysOf(PUBLIC_ROUTES), ...keysOf(SIGNING_ROUTES), ...keysOf(OPERATOR_ROUTES)].sort(),
    );
  });

  it('lets link prefetches (HEAD) reach the task page', () => {
    expect(deployed().get('HEAD /t/{p1}')).toEqual(['pages', 'NONE']);
  });
});

describe('route templates from the tables’ paths', () => {
  it('turns literal segments and captures into an API Gateway path', () => {
    expect(pathTemplate(/^\/api\/siklus\/([a-z0-9-]+)\/([a-z0-9-]+)$/)).toBe('/api/siklus/{p1}/{p2}');
    expect(pathTemplate(/^\/t\/([^/]+)\/lini-masa$/)).toBe('/t/{p1}/lini-masa');
  });

  it('refuses a path it cannot express as a template', () => {
    expect(() => pathTemplate(/\/t\/([^/]+)/)).toThrow(/anchored/);
    expect(() => pathTemplate(/^\/t\/(a|b)x$/)).toThrow(/neither literal nor one capture/);
    expect(() => pathTemplate(/^\/api\/.*$/)).toThrow(/neither literal nor one capture/);
  });
});
