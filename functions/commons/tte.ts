import type { CycleStore } from '#lib/cycle/ports.ts';
import { bsreSigner } from '#lib/signing/bsre.ts';
import { keySigner } from '#lib/signing/key-signer.ts';
import { localSigningKey } from '#lib/signing/local-key.ts';
import type { Signer, SigningKey, Tte } from '#lib/signing/port.ts';
import { tteOf } from '#lib/signing/tte.ts';

/**
 * The signers of a function, from its environment: an agency with `tte: { penyedia: bsre }` signs
 * through its PSrE (client credentials from the variable its file names); every other agency with the
 * system's key: the local key under LAKIP_TTE_LOKAL (`npm start`), or the KMS key SIGNING_KEY (cloud),
 * its certificate per agency kept in the table.
 */
const cache = new Map<string, Tte>();

export function tteFromEnv(store: () => CycleStore): Tte {
  const env = `${process.env.LAKIP_TTE_LOKAL ?? ''}\u0000${process.env.SIGNING_KEY ?? ''}`;
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
  return tteOf((agency) => {
    if (agency.tte?.penyedia !== 'bsre') return ownSigner();
    const kredensial = process.env[agency.tte.kredensial] ?? '';
    const sep = kredensial.indexOf(':');
    if (sep < 1)
      throw new Error(
        `kredensial TTE instansi ${agency.id} tidak tersedia: variabel ${agency.tte.kredensial} harus berisi "pengguna:sandi"`,
      );
    return bsreSigner({
      url: agency.tte.url,
      username: kredensial.slice(0, sep),
      password: kredensial.slice(sep + 1),
    });
  });
}
