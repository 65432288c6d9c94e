import type { Server } from 'node:http';
import type { Denial } from './guard.ts';
import type { Policies } from './iam.ts';
import { AwsJsonError, listenJsonApi } from './json-api.ts';
import type { LocalSecret } from './template.ts';

const SecretsError = AwsJsonError;

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

  private handle(target: string, body: { SecretId?: unknown }, fn: string | undefined) {
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
    const { server, url } = await listenJsonApi({
      port,
      host,
      targetPrefix: /^secretsmanager\./,
      contentType: 'application/x-amz-json-1.1',
      otherError: 'InvalidRequestException',
      handle: (target, body, fn) => this.handle(target, body, fn),
    });
    this.server = server;
    return url;
  }

  async close(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
