import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type ClientOf, clientOnce } from './once.ts';

/** How long a secret's value is reused before it is read again (a value put by IT is seen within it). */
const TTL_MS = 5 * 60_000;

/**
 * Reads a Secrets Manager secret's string by ARN, kept in memory for a few minutes: a warm function asks
 * once, and a value provincial IT has just changed is picked up without a redeploy.
 */
export function secretReader(
  client: ClientOf<SecretsManagerClient> = async () => {
    const { SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    return new SecretsManagerClient({});
  },
  now: () => number = Date.now,
): (arn: string) => Promise<string | undefined> {
  const sm = clientOnce(client);
  const cache = new Map<string, { at: number; value: string | undefined }>();
  return async (arn) => {
    const hit = cache.get(arn);
    if (hit && now() - hit.at < TTL_MS) return hit.value;
    const { GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
    const r = await (await sm()).send(new GetSecretValueCommand({ SecretId: arn }));
    cache.set(arn, { at: now(), value: r.SecretString });
    return r.SecretString;
  };
}
