import { createHash, createHmac } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';

/** Talks to the operators' API: the CLI's way to start, resume and inspect cycles. */
export type OperatorApi = (
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: { pesan?: string } & Record<string, unknown> }>;

/** SHA-256 for SigV4 from node:crypto (HMAC when given a secret). */
type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Data) =>
  typeof d === 'string'
    ? d
    : d instanceof ArrayBuffer
      ? new Uint8Array(d)
      : new Uint8Array(d.buffer, d.byteOffset, d.byteLength);

class NodeSha256 {
  private readonly h;
  constructor(secret?: Data) {
    this.h = secret ? createHmac('sha256', bytes(secret)) : createHash('sha256');
  }
  update(data: Data) {
    this.h.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.h.digest());
  }
}

const isLocal = (u: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);

/**
 * The operators' API at `baseUrl`: plain HTTP against the local runtime, requests signed with the
 * caller's AWS credentials (SigV4, service execute-api) against the cloud, where API Gateway lets the
 * operator routes through only with IAM.
 */
export function operatorApi(baseUrl: string, region = process.env.AWS_REGION): OperatorApi {
  return async (method, path, body) => {
    const url = new URL(path, baseUrl);
    const payload = body === undefined ? '' : JSON.stringify(body);
    let headers: Record<string, string> = { 'content-type': 'application/json', host: url.host };
    if (!isLocal(url)) {
      const r = region ?? /\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/.exec(url.hostname)?.[1];
      if (!r) throw new Error('wilayah AWS tidak diketahui: setel AWS_REGION');
      const signer = new SignatureV4({
        service: 'execute-api',
        region: r,
        credentials: defaultProvider(),
        sha256: NodeSha256,
      });
      const signed = await signer.sign({
        method,
        protocol: url.protocol,
        hostname: url.hostname,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
        body: payload,
      });
      headers = signed.headers as Record<string, string>;
    }
    const res = await fetch(url, { method, headers, body: method === 'GET' ? undefined : payload });
    const text = await res.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { pesan: text.slice(0, 300) };
    }
    return { status: res.status, body: parsed };
  };
}
