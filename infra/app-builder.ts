import { App } from 'aws-cdk-lib';
import { type Catalogue, loadCatalogue } from '../lib/catalogue.ts';
import { LakipStack } from './lakip-stack.ts';

export const STACK_NAME = 'LakipFlow';

export interface BuildOptions {
  catalogue?: Catalogue;
  /** Skip bundling the Lambda code (tests and the local runtime only need the definitions). */
  skipBundling?: boolean;
  outdir?: string;
  context?: Record<string, unknown>;
}

/** Builds the CDK app. Used by `cdk synth/deploy` (infra/app.ts), the CDK assertion tests and `npm start`. */
export function buildApp(opts: BuildOptions = {}): { app: App; stack: LakipStack } {
  const app = new App({
    outdir: opts.outdir,
    context: {
      ...(opts.skipBundling ? { 'aws:cdk:bundling-stacks': [] } : {}),
      ...opts.context,
    },
  });
  const ctx = (key: string) => app.node.tryGetContext(key) as string | undefined;
  const stack = new LakipStack(app, STACK_NAME, {
    catalogue: opts.catalogue ?? loadCatalogue(),
    mailFrom: ctx('lakip:mailFrom') ?? 'lakip@lakip-flow.example',
    publicUrl: ctx('lakip:publicUrl'),
    archiveRetentionYears: Number(ctx('lakip:archiveRetentionYears') ?? 10),
    humanWaitDays: Number(ctx('lakip:humanWaitDays') ?? 20),
    env: process.env.CDK_DEFAULT_ACCOUNT
      ? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION }
      : undefined,
    description: 'lakip-flow: SOP penyusunan LAKIP/LKjIP sebagai state machine Step Functions',
  });
  return { app, stack };
}
