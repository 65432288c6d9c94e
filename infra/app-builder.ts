import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type Catalogue, loadCatalogue } from '../lib/catalogue.ts';
import { ROOT } from './constructs/lakip-function.ts';
import { objectLockMode } from './constructs/storage.ts';
import { LakipStack } from './lakip-stack.ts';

export const STACK_NAME = 'LakipFlow';

export interface BuildOptions {
  catalogue?: Catalogue;
  /** Skip bundling the Lambda code (tests and the local runtime only need the definitions). */
  skipBundling?: boolean;
  outdir?: string;
  context?: Record<string, unknown>;
}

/**
 * Builds the CDK app. Used by `cdk synth/deploy` (infra/app.ts), the CDK assertion tests, the bundle
 * benchmark and `npm start`. cdk-nag's AwsSolutions pack runs on every synthesis: a finding that is not
 * acknowledged (rule, resource and reason, next to the resource) fails it.
 */
export function buildApp(opts: BuildOptions = {}): { app: App; stack: LakipStack } {
  // The feature flags of cdk.json, so that tests and the local runtime synthesize what `cdk synth` does
  // (e.g. minimized IAM policies); context given on the command line still wins.
  const flags = (JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { context?: object }).context;
  const app = new App({
    outdir: opts.outdir,
    context: {
      ...flags,
      ...(opts.skipBundling ? { 'aws:cdk:bundling-stacks': [] } : {}),
      ...opts.context,
    },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const ctx = (key: string) => app.node.tryGetContext(key) as string | undefined;
  const stack = new LakipStack(app, STACK_NAME, {
    catalogue: opts.catalogue ?? loadCatalogue(),
    mailFrom: ctx('lakip:mailFrom') ?? 'lakip@lakip-flow.example',
    publicUrl: publicUrl(ctx('lakip:publicUrl')),
    archiveRetentionYears: positive(
      'lakip:archiveRetentionYears',
      ctx('lakip:archiveRetentionYears') ?? '10',
    ),
    objectLockMode: objectLockMode(ctx('lakip:objectLockMode')),
    alarmEmail: ctx('lakip:alarmEmail'),
    humanWaitDays: positive('lakip:humanWaitDays', ctx('lakip:humanWaitDays') ?? '20'),
    env: process.env.CDK_DEFAULT_ACCOUNT
      ? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION }
      : undefined,
    description: 'lakip-flow: SOP penyusunan LAKIP/LKjIP sebagai state machine Step Functions',
  });
  return { app, stack };
}

function publicUrl(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new Error(`lakip:publicUrl '${v}' bukan URL. Contoh: https://lakip.diskominfo.example.go.id`);
  }
  if (url.protocol !== 'https:')
    throw new Error(`lakip:publicUrl '${v}' harus memakai https:// (tautan tugas adalah kunci akses).`);
  return v.replace(/\/$/, '');
}

function positive(key: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${key} '${v}' harus bilangan bulat positif.`);
  return n;
}
