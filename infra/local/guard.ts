import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './constants.ts';
import type { Policies, Request } from './iam.ts';

/**
 * Proxies in front of dynalite and s3rver that enforce each function's IAM policy, as AWS would. A
 * function's SDK clients reach them at `…/fn/<function id>/` (their AWS_ENDPOINT_URL_* carry the path),
 * which is how a request is attributed to a role here; requests without that prefix (tests, the demo,
 * people's presigned uploads) pass unchecked. A denied request gets the service's AccessDenied error.
 */
export interface Denial {
  fn: string;
  action: string;
  resource: string;
  leadingKeys?: string[];
}

export type KeySchemas = Record<string, string>; // table or `table/index/name` → partition-key attribute

/**
 * A checked request; `ifMissing`: what the caller must also be allowed to learn that a key is absent;
 * `written`: the item a successful write changed (for the table's stream).
 */
type Checked = Request & { ifMissing?: Request; written?: Written };

/** A table item written through the guard: its table and its key (or whole item, for a PutItem). */
export interface Written {
  table: string;
  key: Record<string, unknown>;
}

type Decide = (
  req: { method: string; path: string; headers: IncomingMessage['headers'] },
  body: Buffer,
) => Checked | undefined;

async function startProxy(
  target: string,
  decide: Decide,
  policies: Policies,
  onDenied: (d: Denial) => void,
  denied: (r: Request) => { status: number; type: string; body: string },
  onWritten?: (w: Written) => void,
): Promise<{ url: string; server: Server }> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const method = req.method ?? 'GET';
      const m = /^\/fn\/([A-Za-z0-9]+)(\/.*)?$/.exec(req.url ?? '/');
      const path = m ? m[2] || '/' : (req.url ?? '/');
      let r: Checked | undefined;
      if (m) {
        try {
          r = decide({ method: req.method ?? 'GET', path, headers: req.headers }, body);
        } catch (e) {
          r = { action: `unsupported:${(e as Error).message}`, resource: path };
        }
        if (r && !policies.allows(m[1]!, r)) {
          onDenied({ fn: m[1]!, ...r });
          const d = denied(r);
          res.writeHead(d.status, { 'content-type': d.type });
          res.end(d.body);
          return;
        }
      }
      const out = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path, headers: req.headers },
        (up) => {
          // S3 answers 403, not 404, for a missing key unless the caller may list the bucket.
          if (m && up.statusCode === 404 && r?.ifMissing && !policies.allows(m[1]!, r.ifMissing)) {
            up.resume();
            onDenied({ fn: m[1]!, ...r.ifMissing });
            const d = denied(r.ifMissing);
            res.writeHead(d.status, { 'content-type': d.type });
            res.end(method === 'HEAD' ? undefined : d.body);
            return;
          }
          res.writeHead(up.statusCode ?? 500, up.headers);
          up.pipe(res);
          if (up.statusCode === 200 && r?.written && onWritten) up.on('end', () => onWritten(r!.written!));
        },
      );
      out.on('error', (e) => {
        res.statusCode = 502;
        res.end(e.message);
      });
      out.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, upstream.hostname, r));
  return { url: `http://${upstream.hostname}:${(server.address() as AddressInfo).port}`, server };
}

const message = (r: Request) =>
  `not authorized to perform: ${r.action} on resource: ${r.resource}${r.leadingKeys?.length ? ` (partition key ${r.leadingKeys.join(', ')})` : ''} (lakip-flow local IAM check)`;

/** DynamoDB: the action from X-Amz-Target, the table or index ARN, and the partition keys touched. */
export function dynamoGuard(
  target: string,
  keys: KeySchemas,
  policies: Policies,
  onDenied: (d: Denial) => void,
  onWritten: (w: Written) => void,
) {
  const decide: Decide = ({ headers }, body) => {
    const op = String(headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    const b = JSON.parse(body.toString('utf8') || '{}') as Record<string, never>;
    const table = `${b.TableName}${b.IndexName ? `/index/${b.IndexName}` : ''}`;
    const hash = keys[table];
    const s = (v?: { S?: string }) => (v?.S === undefined ? [] : [v.S]);
    let leadingKeys: string[] = [];
    if (hash && ['GetItem', 'UpdateItem', 'DeleteItem'].includes(op))
      leadingKeys = s((b.Key as never)?.[hash]);
    if (hash && op === 'PutItem') leadingKeys = s((b.Item as never)?.[hash]);
    if (hash && op === 'Query') leadingKeys = queryKey(b, hash);
    const changed = op === 'PutItem' ? b.Item : ['UpdateItem', 'DeleteItem'].includes(op) ? b.Key : undefined;
    return {
      action: `dynamodb:${op}`,
      resource: `arn:aws:dynamodb:${LOCAL_REGION}:${LOCAL_ACCOUNT}:table/${table}`,
      leadingKeys,
      written: changed ? { table: String(b.TableName), key: changed as Record<string, unknown> } : undefined,
    };
  };
  return startProxy(
    target,
    decide,
    policies,
    onDenied,
    (r) => ({
      status: 400,
      type: 'application/x-amz-json-1.0',
      body: JSON.stringify({ __type: 'com.amazon.coral.service#AccessDeniedException', message: message(r) }),
    }),
    onWritten,
  );
}

/** The partition-key value of a Query's key condition (`pk = :pk AND …`, names aliased or not). */
function queryKey(b: Record<string, never>, hash: string): string[] {
  const names = (b.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (b.ExpressionAttributeValues ?? {}) as Record<string, { S?: string }>;
  for (const [, name, value] of String(b.KeyConditionExpression ?? '').matchAll(
    /(#?[\w]+)\s*=\s*(:[\w]+)/g,
  )) {
    if ((names[name!] ?? name) === hash && values[value!]?.S !== undefined) return [values[value!]!.S!];
  }
  return [];
}

/** S3 (path style): object reads and writes by key, listing by bucket. */
export function s3Guard(target: string, policies: Policies, onDenied: (d: Denial) => void) {
  const decide: Decide = ({ method, path, headers }) => {
    const url = new URL(path, 'http://s3.local');
    const [bucket, ...rest] = url.pathname.slice(1).split('/');
    const key = rest.map(decodeURIComponent).join('/');
    if (!key) {
      if (method === 'GET' || method === 'HEAD')
        return { action: 's3:ListBucket', resource: `arn:aws:s3:::${bucket}` };
      throw new Error(`${method} on a bucket`);
    }
    const resource = `arn:aws:s3:::${bucket}/${key}`;
    if (method === 'GET' || method === 'HEAD')
      return {
        action: 's3:GetObject',
        resource,
        ifMissing: { action: 's3:ListBucket', resource: `arn:aws:s3:::${bucket}` },
      };
    if (method === 'PUT' && !headers['x-amz-copy-source']) return { action: 's3:PutObject', resource };
    if (method === 'DELETE') return { action: 's3:DeleteObject', resource };
    throw new Error(`${method} ${url.search} on an object`);
  };
  return startProxy(target, decide, policies, onDenied, (r) => ({
    status: 403,
    type: 'application/xml',
    body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>${message(r)}</Message></Error>`,
  }));
}
