import { CfnOutput, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { type CfnSecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { Catalogue } from '../../lib/catalogue.ts';

/** `KredensialTte<Agency>`: the secret's logical id, and the output that names it after a deploy. */
export const tteSecretId = (agencyId: string) =>
  `KredensialTte${agencyId.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase())}`;

/** The secret's name: one per stack and agency, stable across deploys. */
export const tteSecretName = (stackName: string, agencyId: string) => `${stackName}/tte/${agencyId}`;

/**
 * One Secrets Manager secret per agency that signs through a PSrE (`tte: { penyedia: bsre }`), holding
 * the application's client credentials the PSrE issued (JSON `{"username": …, "password": …}`). The stack
 * creates it with an empty username, so a signature tried before provincial IT has put the real value
 * fails with a message that says so; the value is set once with `aws secretsmanager put-secret-value`
 * (README), never in a file of this repository. Kept when the stack goes, like the signing key.
 *
 * Locally (`npm start`) the same secret is served by the local runtime from the variable the agency file
 * names in `kredensial` ("pengguna:sandi"), recorded here as metadata (infra/local/secrets.ts).
 */
export function tteSecrets(scope: Construct, catalogue: Catalogue): Record<string, Secret> {
  const out: Record<string, Secret> = {};
  for (const agency of catalogue.agencies.values()) {
    if (agency.tte?.penyedia !== 'bsre') continue;
    const id = tteSecretId(agency.id);
    const secret = new Secret(scope, id, {
      secretName: tteSecretName(Stack.of(scope).stackName, agency.id),
      description: `lakip-flow: kredensial aplikasi pada layanan TTE BSrE (${agency.tte.url}) untuk ${agency.id}`,
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ username: '' }),
        generateStringKey: 'password',
        excludePunctuation: true,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const cfn = secret.node.defaultChild as CfnSecret;
    // Pinned: the secret holds a value IT put by hand; a refactor of construct paths must not replace it.
    cfn.overrideLogicalId(id);
    cfn.addMetadata('lakip:agency', agency.id);
    cfn.addMetadata('lakip:kredensial', agency.tte.kredensial);
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The PSrE (BSrE) issues these client credentials and changes them on its side; AWS cannot rotate them. Provincial IT puts the new value when the PSrE issues one.',
    });
    new CfnOutput(scope, `${id}Nama`, {
      value: secret.secretName,
      description: `Isi kredensial BSrE ${agency.id}: aws secretsmanager put-secret-value --secret-id <nilai ini> --secret-string '{"username":"…","password":"…"}'`,
    });
    out[agency.id] = secret;
  }
  return out;
}
