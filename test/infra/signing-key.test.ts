import { beforeAll, describe, expect, it } from 'vitest';
import { actionsOf, type CfnTemplate, functionsOf, refs, synth } from './synth.ts';

let template: CfnTemplate;
beforeAll(() => {
  template = synth({ 'lakip:mailFrom': 'LAKIP <lakip@diskominfo.example.go.id>' }).template;
});

describe('the report signing key', () => {
  it('is an RSA 2048 KMS key for signing only, kept when the stack goes', () => {
    const keys = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::KMS::Key');
    expect(keys).toHaveLength(1);
    const [, key] = keys[0]!;
    expect(key.Properties).toMatchObject({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
    expect((key as { DeletionPolicy?: string }).DeletionPolicy).toBe('Retain');
  });

  it('may be used (Sign, GetPublicKey) by the document function only, which is told its ARN', () => {
    const keyId = Object.entries(template.Resources).find(([, r]) => r.Type === 'AWS::KMS::Key')![0];
    const users = functionsOf(template).filter((f) =>
      f.statements.some((s) => actionsOf(s).some((a) => a.startsWith('kms:'))),
    );
    expect(users.map((f) => f.handler)).toEqual(['document']);
    const [dokumen] = users;
    const kms = dokumen!.statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));
    expect(kms.flatMap(actionsOf).sort()).toEqual(['kms:GetPublicKey', 'kms:Sign']);
    for (const s of kms) expect([...refs(s.Resource)]).toEqual([keyId]);
    expect([...refs(dokumen!.env.SIGNING_KEY)]).toEqual([keyId]);
  });
});
