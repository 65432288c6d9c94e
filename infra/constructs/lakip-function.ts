import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, type CfnFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface LakipFunctionProps {
  /** Folder under functions/ holding handler.ts. */
  handler: string;
  description: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
}

/**
 * Every function's defaults in one place: Node.js 22 on arm64, ESM bundle with source maps, X-Ray,
 * a log group with retention, and the project's config/ folder copied beside the bundle (the SOPs,
 * agencies and Perjanjian Kinerja the handlers read). The handler folder is recorded as metadata so the
 * local runtime can bind each Task state of the synthesized definitions to the same handler module.
 */
export class LakipFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: LakipFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    super(scope, id, {
      entry: join(ROOT, 'functions', props.handler, 'handler.ts'),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(60),
      tracing: Tracing.ACTIVE,
      description: props.description,
      logGroup,
      depsLockFilePath: join(ROOT, 'package-lock.json'),
      projectRoot: ROOT,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        LAKIP_CONFIG_DIR: '/var/task/config',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        sourceMap: true,
        minify: true,
        mainFields: ['module', 'main'],
        // Some dependencies (exceljs, docx) are CommonJS and call require().
        banner:
          "import { createRequire as __lakipRequire } from 'module'; const require = __lakipRequire(import.meta.url);",
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            `cp -r "${join(inputDir, 'config')}" "${join(outputDir, 'config')}"`,
          ],
        },
      },
    });
    (this.node.defaultChild as CfnFunction).addMetadata('lakip:handler', props.handler);
  }
}
