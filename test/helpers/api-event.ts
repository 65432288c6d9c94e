import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** An API Gateway (HTTP API, payload 2.0) event with just what the router reads. */
export function event(
  method: string,
  path: string,
  opts: { body?: string; type?: string; base64?: boolean; query?: Record<string, string> } = {},
): APIGatewayProxyEventV2 {
  const body =
    opts.body === undefined ? undefined : opts.base64 ? Buffer.from(opts.body).toString('base64') : opts.body;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: opts.type ? { 'content-type': opts.type } : {},
    queryStringParameters: opts.query,
    requestContext: { http: { method, path } } as APIGatewayProxyEventV2['requestContext'],
    body,
    isBase64Encoded: opts.base64 ?? false,
  };
}
