import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An error the AWS JSON protocol carries back as `{ __type, message }` (the SDK throws it by name). */
export class AwsJsonError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A local endpoint speaking the AWS JSON protocol (Step Functions, Secrets Manager): the operation from
 * `X-Amz-Target` without its service prefix, the JSON body, and the calling function's id when the SDK
 * was pointed at `/fn/<id>` (so its IAM policy can be applied). Answers 400 with the error's type.
 */
export async function listenJsonApi(opts: {
  port: number;
  host: string;
  /** e.g. /^AWSStepFunctions\./ */
  targetPrefix: RegExp;
  contentType: string;
  /** The type of an error that is not an AwsJsonError. */
  otherError: string;
  handle: (target: string, body: Record<string, unknown>, fn: string | undefined) => unknown;
}): Promise<{ server: Server; url: string }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '').replace(opts.targetPrefix, '');
      res.setHeader('content-type', opts.contentType);
      try {
        const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        const fn = /^\/fn\/([A-Za-z0-9]+)/.exec(req.url ?? '')?.[1];
        res.end(JSON.stringify(opts.handle(target, body, fn)));
      } catch (e) {
        res.statusCode = 400;
        const type = e instanceof AwsJsonError ? e.type : opts.otherError;
        res.end(JSON.stringify({ __type: type, message: (e as Error).message }));
      }
    });
  });
  await new Promise<void>((r) => server.listen(opts.port, opts.host, r));
  return { server, url: `http://${opts.host}:${(server.address() as AddressInfo).port}` };
}
