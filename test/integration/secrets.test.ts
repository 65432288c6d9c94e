import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Policies } from '../../infra/local/iam.ts';
import { LocalSecrets } from '../../infra/local/secrets.ts';
import { secretReader } from '../../lib/adapters/secrets.ts';
import { TandaTanganGagal } from '../../lib/signing/port.ts';
import { parsePsreCredentials } from '../../lib/signing/psre-credentials.ts';

const ARN = 'arn:aws:secretsmanager:ap-southeast-3:000000000000:secret:KredensialTteBalangan';
const OTHER = 'arn:aws:secretsmanager:ap-southeast-3:000000000000:secret:KredensialTteLain';

let local: LocalSecrets;
let url: string;
const denied: string[] = [];
const client = (path = '') =>
  new SecretsManagerClient({
    endpoint: `${url}${path}`,
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });

beforeAll(async () => {
  local = new LocalSecrets(
    [
      { arn: ARN, name: 'LakipFlow/tte/balangan', agencyId: 'balangan', kredensial: 'BSRE_A' },
      { arn: OTHER, name: 'LakipFlow/tte/lain', agencyId: 'lain', kredensial: 'BSRE_B' },
    ],
    { BSRE_A: 'lakip-prov:rahasia' },
  );
  url = await local.listen(0);
  local.enforce(
    new Policies(
      {
        TandaTangan: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: ARN }],
        Halaman: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }],
      },
      (v) => String(v),
    ),
    (d) => denied.push(`${d.fn} ${d.action}`),
  );
});
afterAll(() => local.close());

describe('the PSrE credentials through the real Secrets Manager client, on the local runtime’s endpoint', () => {
  it('reads the secret the function may read, from the variable `npm start` was given', async () => {
    const read = secretReader(client('/fn/TandaTangan'));
    expect(parsePsreCredentials(await read(ARN), 'balangan')).toEqual({
      username: 'lakip-prov',
      password: 'rahasia',
    });
  });

  it('refuses a function whose role does not name the secret, and records the denial', async () => {
    await expect(secretReader(client('/fn/Halaman'))(ARN)).rejects.toThrow(/not authorized/);
    await expect(secretReader(client('/fn/TandaTangan'))(OTHER)).rejects.toThrow(/not authorized/);
    expect(denied).toEqual([
      'Halaman secretsmanager:GetSecretValue',
      'TandaTangan secretsmanager:GetSecretValue',
    ]);
  });

  it('serves a secret with no variable as the stack creates it: "not set yet" for the signer', async () => {
    const value = await secretReader(client())(OTHER);
    expect(value).toBe('{"username":""}');
    expect(() => parsePsreCredentials(value, 'lain')).toThrow(TandaTanganGagal);
    expect(() => parsePsreCredentials(value, 'lain')).toThrow(/belum diisi oleh pengelola TI/);
  });

  it('keeps a value for five minutes, then reads it again', async () => {
    let t = 0;
    let calls = 0;
    const inner = client();
    const counting = new Proxy(inner, {
      get: (c, k) =>
        k === 'send'
          ? (...a: Parameters<typeof inner.send>) => {
              calls++;
              return c.send(...a);
            }
          : Reflect.get(c, k),
    });
    const read = secretReader(counting, () => t);
    await read(ARN);
    t += 4 * 60_000;
    await read(ARN);
    expect(calls).toBe(1);
    t += 2 * 60_000;
    await read(ARN);
    expect(calls).toBe(2);
  });
});

describe('the credentials a secret may hold', () => {
  it('takes the cloud JSON and the local "pengguna:sandi", a colon in the password included', () => {
    expect(parsePsreCredentials('{"username":"a","password":"b:c"}', 'x')).toEqual({
      username: 'a',
      password: 'b:c',
    });
    expect(parsePsreCredentials('a:b:c', 'x')).toEqual({ username: 'a', password: 'b:c' });
  });

  it('calls anything else "not set yet", without repeating the value', () => {
    for (const bad of [undefined, '', 'tanpa-titik-dua', ':sandi', 'pengguna:', '{"username":"a"}', '{rusak'])
      expect(() => parsePsreCredentials(bad, 'balangan'), String(bad)).toThrow(
        'Kredensial aplikasi TTE BSrE untuk instansi balangan belum diisi oleh pengelola TI',
      );
  });
});
