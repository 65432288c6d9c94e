import { describe, expect, it } from 'vitest';
import { tteSecretId } from '../../infra/constructs/tte-secrets.ts';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { configWithBsre } from '../helpers/bsre-config.ts';
import { actionsOf, type CfnTemplate, functionsOf, refs, synth } from './synth.ts';

const CONTEXT = { 'lakip:mailFrom': 'LAKIP <lakip@diskominfo.example.go.id>' };
const secretsOf = (t: CfnTemplate) =>
  Object.entries(t.Resources).filter(([, r]) => r.Type === 'AWS::SecretsManager::Secret');
const secretReaders = (t: CfnTemplate) =>
  functionsOf(t).filter((f) =>
    f.statements.some((s) => actionsOf(s).some((a) => a.startsWith('secretsmanager:'))),
  );

describe('the PSrE credentials of an agency that signs through BSrE', () => {
  it('are not made at all when no agency signs through a PSrE (the seeds)', () => {
    const { template } = synth(CONTEXT);
    expect(secretsOf(template)).toEqual([]);
    expect(secretReaders(template)).toEqual([]);
    for (const f of functionsOf(template)) expect(Object.keys(f.env)).not.toContain('TTE_SECRETS');
  });

  it('live in one secret per agency, kept with the stack, read by the signing function only', () => {
    const cat = loadCatalogue(configWithBsre('https://esign.example.go.id', 'BSRE_BALANGAN'));
    const { template } = synth(CONTEXT, cat);
    const secrets = secretsOf(template);
    expect(secrets.map(([id]) => id)).toEqual([tteSecretId('dkukmtk-balangan')]);
    const [id, secret] = secrets[0]!;
    expect(secret.Properties.Name).toBe('LakipFlow/tte/dkukmtk-balangan');
    expect((secret as { DeletionPolicy?: string }).DeletionPolicy).toBe('Retain');
    // Created empty: the value is put by provincial IT, never written in the template.
    expect(secret.Properties.GenerateSecretString).toMatchObject({ SecretStringTemplate: '{"username":""}' });
    expect(secret.Properties.SecretString).toBeUndefined();
    expect(secret.Metadata).toMatchObject({
      'lakip:agency': 'dkukmtk-balangan',
      'lakip:kredensial': 'BSRE_BALANGAN',
    });

    const readers = secretReaders(template);
    expect(readers.map((f) => f.handler)).toEqual(['sign']);
    const [sign] = readers;
    const grants = sign!.statements.filter((s) => actionsOf(s).some((a) => a.startsWith('secretsmanager:')));
    expect(grants.flatMap(actionsOf)).toEqual(['secretsmanager:GetSecretValue']);
    for (const s of grants) expect([...refs(s.Resource)]).toEqual([id]);
    expect([...refs(sign!.env.TTE_SECRETS)]).toEqual([id]);
    expect(JSON.stringify(sign!.env.TTE_SECRETS)).toContain('dkukmtk-balangan');
    expect(Object.keys(template.Outputs)).toContain(`${id}Nama`);
  });
});
