import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { LocalRoute } from './template.ts';

type Result = APIGatewayProxyStructuredResultV2;

/** Invokes a function of the template by logical id. */
export interface Invoker {
  invoke(functionId: string, payload: unknown): Promise<unknown>;
}

const MAX_BODY = 1024 * 1024;

/** Turns a Node request into the API Gateway HTTP API (payload 2.0) event the cloud would deliver. */
export function toEvent(req: IncomingMessage, body: Buffer): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  const method = req.method ?? 'GET';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
    requestContext: {
      accountId: '000000000000',
      apiId: 'lokal',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'lokal',
      http: {
        method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: `${Date.now()}`,
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: body.length ? body.toString('base64') : undefined,
    isBase64Encoded: body.length > 0,
  };
}

/** `GET /t/{link}` → a matcher giving the path parameters. */
function matcher(r: LocalRoute) {
  const names: string[] = [];
  const pattern = r.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const greedy = name.endsWith('+');
    names.push(greedy ? name.slice(0, -1) : name);
    return greedy ? '(.+)' : '([^/]+)';
  });
  const re = new RegExp(`^${pattern}$`);
  return (method: string, path: string) => {
    if (r.method !== 'ANY' && r.method !== method) return undefined;
    const m = re.exec(path);
    return m ? Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) : undefined;
  };
}

/**
 * The local HTTP API: the routes of the synthesized HTTP API, each to its function, as API Gateway routes
 * them (an unmatched method or path gets API Gateway's own 404, never a function), plus local-only routes
 * under /_lokal/. IAM authorization is not emulated: operator routes answer locally without signing.
 */
export async function startHttpApi(
  port: number,
  host: string,
  routes: LocalRoute[],
  functions: Invoker,
  local: (path: string, e: APIGatewayProxyEventV2) => Promise<Result | undefined>,
): Promise<{ server: Server; url: string }> {
  const table = routes.map((r) => ({ r, match: matcher(r) }));
  const handler = async (e: APIGatewayProxyEventV2): Promise<Result> => {
    for (const { r, match } of table) {
      const pathParameters = match(e.requestContext.http.method, e.rawPath);
      if (!pathParameters) continue;
      const routeKey = `${r.method} ${r.path}`;
      const event = { ...e, routeKey, pathParameters, requestContext: { ...e.requestContext, routeKey } };
      return (await functions.invoke(r.functionId, event)) as Result;
    }
    return {
      statusCode: 404,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"Not Found"}',
    };
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        res.statusCode = 413;
        res.end('Permintaan terlalu besar');
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', async () => {
      try {
        const event = toEvent(req, Buffer.concat(chunks));
        const out = (await local(event.rawPath, event)) ?? (await handler(event));
        res.statusCode = out.statusCode ?? 200;
        for (const [k, v] of Object.entries(out.headers ?? {})) res.setHeader(k, String(v));
        res.end(out.isBase64Encoded ? Buffer.from(out.body ?? '', 'base64') : (out.body ?? ''));
      } catch (e) {
        res.statusCode = 500;
        res.end(`Kesalahan lokal: ${(e as Error).message}`);
      }
    });
  });
  await new Promise<void>((r) => server.listen(port, host, r));
  return { server, url: `http://${host}:${(server.address() as AddressInfo).port}` };
}
