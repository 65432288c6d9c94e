import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { buildApp, STACK_NAME } from '../../infra/app-builder.ts';
import type { LakipStack } from '../../infra/lakip-stack.ts';
import { type Catalogue, loadCatalogue } from '../../lib/catalogue.ts';

export interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}
export interface CfnTemplate {
  Resources: Record<string, Resource>;
  Outputs: Record<string, { Value: unknown }>;
}

export const catalogue = loadCatalogue('config');

/**
 * The app exactly as `cdk synth` builds it (cdk.json flags, cdk-nag), without bundling: synthesis throws
 * on any unacknowledged AwsSolutions finding.
 */
export function synth(
  context: Record<string, unknown> = {},
  cat: Catalogue = catalogue,
): {
  stack: LakipStack;
  assembly: CloudAssembly;
  template: CfnTemplate;
  outdir: string;
} {
  const outdir = mkdtempSync(join(tmpdir(), 'lakip-cdk-'));
  const { app, stack } = buildApp({ catalogue: cat, skipBundling: true, outdir, context });
  const assembly = app.synth();
  return { stack, assembly, template: assembly.getStackByName(STACK_NAME).template, outdir };
}

/** Logical ids referenced anywhere inside a CloudFormation value (Ref and Fn::GetAtt). */
export function refs(v: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.Ref === 'string' && !o.Ref.startsWith('AWS::')) out.add(o.Ref);
      if (Array.isArray(o['Fn::GetAtt'])) out.add(String(o['Fn::GetAtt'][0]));
      for (const [k, y] of Object.entries(o)) if (k !== 'Ref' && k !== 'Fn::GetAtt') walk(y);
    }
  };
  walk(v);
  return out;
}

export interface Statement {
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
  Effect: string;
}

export const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
export const resourcesOf = (s: Statement) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);

/** The application functions (those built by LakipFunction) with their role's statements. */
export function functionsOf(t: CfnTemplate) {
  return Object.entries(t.Resources)
    .filter(
      ([, r]) => r.Type === 'AWS::Lambda::Function' && typeof r.Metadata?.['lakip:handler'] === 'string',
    )
    .map(([id, r]) => {
      const roleId = [...refs(r.Properties.Role)][0]!;
      const statements = Object.values(t.Resources)
        .filter((p) => p.Type === 'AWS::IAM::Policy' && refs(p.Properties.Roles).has(roleId))
        .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
      const managed = (t.Resources[roleId]!.Properties.ManagedPolicyArns as unknown[] | undefined) ?? [];
      const env = ((r.Properties.Environment as { Variables?: Record<string, unknown> })?.Variables ??
        {}) as Record<string, unknown>;
      return { id, handler: r.Metadata!['lakip:handler'] as string, env, roleId, statements, managed };
    });
}
