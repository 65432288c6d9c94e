import type { CycleStore } from '#lib/cycle/ports.ts';
import { bsreSigner } from '#lib/signing/bsre.ts';
import { keySigner } from '#lib/signing/key-signer.ts';
import { localSigningKey } from '#lib/signing/local-key.ts';
import { type Signer, type SigningKey, TandaTanganGagal, type Tte } from '#lib/signing/port.ts';
import { parsePsreCredentials } from '#lib/signing/psre-credentials.ts';
import { tteOf } from '#lib/signing/tte.ts';

/**
 * The signers of a function, from its environment: an agency with `tte: { penyedia: bsre }` signs
 * through its PSrE, with the client credentials of its secret (TTE_SECRETS: agency → secret ARN, read
 * from Secrets Manager on the first signature; locally the runtime serves it); every other agency with the
 * system's key: the local key under LAKIP_TTE_LOKAL (`npm start`), or the KMS key SIGNING_KEY (cloud),
 * its certificate per agency kept in the table.
 */
const cache = new Map<string, Tte>();

export function tteFromEnv(store: () => CycleStore): Tte {
  const env = [process.env.LAKIP_TTE_LOKAL, process.env.SIGNING_KEY, process.env.TTE_SECRETS].join('\u0000');
  let tte = cache.get(env);
  if (!tte) {
    tte = buildTte(store);
    cache.set(env, tte);
  }
  return tte;
}

function buildTte(store: () => CycleStore): Tte {
  let own: Signer | undefined;
  const ownSigner = (): Signer => {
    if (own) return own;
    const localDir = process.env.LAKIP_TTE_LOKAL;
    if (localDir) {
      const local = localSigningKey(localDir);
      own = keySigner(local.key, local.certs);
      return own;
    }
    const keyId = process.env.SIGNING_KEY;
    if (!keyId) throw new Error('environment variable SIGNING_KEY is not set for this function');
    // The KMS client is loaded on the first signature only: most invocations sign nothing.
    let kms: Promise<SigningKey> | undefined;
    const load = () => {
      kms ??= import('#lib/adapters/kms-signer.ts').then((m) => m.kmsSigningKey(keyId));
      return kms;
    };
    own = keySigner(
      {
        publicKeyDer: async () => (await load()).publicKeyDer(),
        signDigest: async (d) => (await load()).signDigest(d),
      },
      {
        getCertificate: (id) => store().getCertificate(id),
        putCertificateIfAbsent: (id, pem) => store().putCertificateIfAbsent(id, pem),
      },
    );
    return own;
  };
  let secrets: Promise<(arn: string) => Promise<string | undefined>> | undefined;
  const readSecret = async (arn: string) => {
    secrets ??= import('#lib/adapters/secrets.ts').then((m) => m.secretReader());
    return (await secrets)(arn);
  };
  const secretArns = JSON.parse(process.env.TTE_SECRETS ?? '{}') as Record<string, string>;
  return tteOf((agency) => {
    if (agency.tte?.penyedia !== 'bsre') return ownSigner();
    const arn = secretArns[agency.id];
    return bsreSigner({
      url: agency.tte.url,
      credentials: async () => {
        // A catalogue changed without a redeploy: the stack made no secret for this agency yet.
        if (!arn)
          throw new TandaTanganGagal(
            `Kredensial aplikasi TTE BSrE untuk instansi ${agency.id} belum disiapkan di server (pasang ulang aplikasi dengan npx cdk deploy); laporan belum ditandatangani. Hubungi pengelola TI provinsi.`,
          );
        return parsePsreCredentials(await readSecret(arn), agency.id);
      },
    });
  });
}
