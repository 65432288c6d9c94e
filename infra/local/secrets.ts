import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Denial } from './guard.ts';
import type { Policies } from './iam.ts';
import type { LocalSecret } from './template.ts';

class SecretsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The template's Secrets Manager secrets, served locally (GetSecretValue only, the one call the functions
 * make) under the functions' own IAM policies: a function reads a secret only if its role may. Each value
 * comes from the variable the agency file names in `tte.kredensial`, read once when `npm start` begins
 * (e.g. `BSRE_BALANGAN=pengguna:sandi npm start`); without it the secret holds what the stack first puts
 * in the cloud, an empty username, and the signer is told the credentials are not set yet.
 */
export class LocalSecrets {
  private readonly values = new Map<string, { secret: LocalSecret; value: string }>();
  private server?: Server;
  private policies?: { policies: Policies; onDenied: (d: Denial) => void };

  constructor(secrets: LocalSecret[], env: NodeJS.ProcessEnv) {
    for (const s of secrets)
      this.values.set(s.arn, { secret: s, value: env[s.kredensial] ?? JSON.stringify({ username: '' }) });
  }

  /** Checks calls made by functions (`/fn/<id>/` endpoints) against their IAM policies from now on. */
  enforce(policies: Policies, onDenied: (d: Denial) => void): void {
    this.policies = { policies, onDenied };
  }

  private handle(target: string, body: { SecretId?: string }, fn: string | undefined) {
    if (target !== 'GetSecretValue')
      throw new SecretsError('UnknownOperationException', `operation ${target} is not supported locally`);
    const id = String(body.SecretId ?? '');
    const found = this.values.get(id) ?? [...this.values.values()].find((v) => v.secret.name === id);
    const resource = found?.secret.arn ?? id;
    if (fn && this.policies) {
      const r = { action: 'secretsmanager:GetSecretValue', resource };
      if (!this.policies.policies.allows(fn, r)) {
        this.policies.onDenied({ fn, ...r });
        throw new SecretsError(
          'AccessDeniedException',
          `not authorized to perform: ${r.action} on ${resource}`,
        );
      }
    }
    if (!found)
      throw new SecretsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    return {
      ARN: found.secret.arn,
      Name: found.secret.name,
      SecretString: found.value,
      VersionId: 'lokal',
      VersionStages: ['AWSCURRENT'],
    };
  }

  async listen(port: number, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const target = String(req.headers['x-amz-target'] ?? '').replace(/^secretsmanager\./, '');
        res.setHeader('content-type', 'application/x-amz-json-1.1');
        try {
          const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
          const fn = /^\/fn\/([A-Za-z0-9]+)/.exec(req.url ?? '')?.[1];
          res.end(JSON.stringify(this.handle(target, body, fn)));
        } catch (e) {
          res.statusCode = 400;
          const type = e instanceof SecretsError ? e.type : 'InvalidRequestException';
          res.end(JSON.stringify({ __type: type, message: (e as Error).message }));
        }
      });
    });
    await new Promise<void>((r) => this.server!.listen(port, host, r));
    return `http://${host}:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
