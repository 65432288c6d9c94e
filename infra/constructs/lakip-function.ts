import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, type CfnFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { allowedVariables, HANDLER_ENV, type Variable } from '../../functions/commons/env.ts';
import { FONT_FILES, WASM_FILE } from '../../lib/documents/assets.ts';

/** Shell commands copying the document renderer's fonts and wasm into the bundle's assets/ folder. */
function documentAssets(inputDir: string, outputDir: string): string[] {
  const assets = join(outputDir, 'assets');
  const fonts = [...new Set(Object.values(FONT_FILES))].map(
    (f) => `cp "${join(inputDir, 'node_modules', 'dejavu-fonts-ttf', 'ttf', f)}" "${join(assets, f)}"`,
  );
  return [
    `mkdir -p "${assets}"`,
    ...fonts,
    `cp "${join(inputDir, 'node_modules', '@resvg', 'resvg-wasm', 'index_bg.wasm')}" "${join(assets, WASM_FILE)}"`,
  ];
}

import { KATALOG_JSON } from '../../lib/data/catalogue-json.ts';
import {
  type BucketAccess,
  bucketPatternFindings,
  bucketStatements,
  type MachineAccess,
  machineStatements,
  mailStatement,
  type TableAccess,
  tableStatements,
} from './access.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface LakipFunctionProps {
  /** Folder under functions/ holding handler.ts; its variables are declared in functions/commons/env.ts. */
  handler: string;
  description: string;
  memorySize?: number;
  timeout?: Duration;
  /** The checked catalogue as JSON (lib/data/catalogue-json.ts), shipped as config/katalog.json. */
  catalogueJson?: string;
}

/**
 * Every function's defaults in one place: the latest Node.js on arm64, a minified ESM bundle, X-Ray, a log
 * group with retention, its own role (no managed policies: only its log group and what it is bound to),
 * and the project's config/ folder copied beside the bundle (the SOPs, agencies and Perjanjian Kinerja the
 * handlers read). The handler folder is recorded as metadata so the local runtime can run the same module.
 *
 * A function reaches a resource only through a `bind…` call, which grants the access and sets the
 * variable naming the resource in the same step (the idea of Powertools' example app `bindTable`), so a
 * grant and its variable cannot drift apart; synthesis fails when a function's variables differ from
 * what its handler declares in functions/commons/env.ts.
 */
export class LakipFunction extends NodejsFunction {
  readonly handlerName: string;
  readonly serviceRole: Role;
  private readonly bound = new Set<Variable>();

  constructor(scope: Construct, id: string, props: LakipFunctionProps) {
    if (!HANDLER_ENV[props.handler]) throw new Error(`functions/${props.handler}: no entry in HANDLER_ENV`);
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `lakip-flow ${props.handler}: ${props.description}`.slice(0, 1000),
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      entry: join(ROOT, 'functions', props.handler, 'handler.ts'),
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(60),
      tracing: Tracing.ACTIVE,
      description: props.description,
      logGroup,
      role,
      depsLockFilePath: join(ROOT, 'package-lock.json'),
      projectRoot: ROOT,
      environment: { LAKIP_CONFIG_DIR: '/var/task/config' },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        // No source maps: `--enable-source-maps` parses the whole map at load and more than doubled the
        // import time of every bundle (bench/bundles.ts). Kept names make stack traces readable enough.
        sourceMap: false,
        minify: true,
        keepNames: true,
        mainFields: ['module', 'main'],
        // The SDK is the Lambda runtime's own; nodemailer is the local runtime's SMTP path only (loaded
        // on first use: lib/adapters/mailer.ts), never reached in the cloud.
        externalModules: ['@aws-sdk/*', 'nodemailer'],
        // With the catalogue shipped as JSON, the YAML loader and the validation schemas drop out of the
        // bundle (functions/commons/catalogue.ts; lib is marked side-effect free in package.json).
        ...(props.catalogueJson ? { define: { 'process.env.LAKIP_KATALOG': '"json"' } } : {}),
        // Some dependencies (exceljs, docx) are CommonJS and call require().
        banner:
          "import { createRequire as __lakipRequire } from 'module'; const require = __lakipRequire(import.meta.url);",
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            `cp -r "${join(inputDir, 'config')}" "${join(outputDir, 'config')}"`,
            ...(props.catalogueJson
              ? [`cp "${props.catalogueJson}" "${join(outputDir, 'config', KATALOG_JSON)}"`]
              : []),
            // The PDF embeds these fonts (Lambda has no system fonts) and DOCX charts need the resvg wasm:
            // lib/documents/assets.ts finds them in assets/ beside the handler.
            ...(props.handler === 'document' ? documentAssets(inputDir, outputDir) : []),
          ],
        },
      },
    });
    this.handlerName = props.handler;
    this.serviceRole = role;
    (this.node.defaultChild as CfnFunction).addMetadata('lakip:handler', props.handler);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Actions without resource-level permissions: X-Ray trace upload (xray:PutTraceSegments, xray:PutTelemetryRecords) for active tracing, and for the stream consumer dynamodb:ListStreams.',
    });
    this.node.addValidation({ validate: () => this.environmentProblems() });
  }

  /** Read and/or write items of the table by partition-key prefix; sets TABLE_NAME. */
  bindTable(table: ITable, access: TableAccess): this {
    for (const s of tableStatements(table, access)) this.serviceRole.addToPrincipalPolicy(s);
    return this.setVariable('TABLE_NAME', table.tableName);
  }

  /** Objects of one bucket by key pattern; sets the variable naming that bucket. */
  bindBucket(variable: 'WORK_BUCKET' | 'ARCHIVE_BUCKET', bucket: IBucket, access: BucketAccess): this {
    for (const s of bucketStatements(bucket, access)) this.serviceRole.addToPrincipalPolicy(s);
    for (const id of bucketPatternFindings(bucket, access)) {
      Validations.of(this.serviceRole).acknowledge({
        id,
        reason: `Scoped to one key prefix of the ${variable === 'WORK_BUCKET' ? 'working' : 'archive'} bucket, the part of the key layout this function reads or writes.`,
      });
    }
    return this.setVariable(variable, bucket.bucketName);
  }

  /**
   * Start and/or resume the SOP state machines; sets STATE_MACHINES (SOP id → ARN). The ARNs are built
   * from the machines' names, not referenced: a function a machine invokes may then resume it without a
   * dependency cycle (machine → function → its policy → machine).
   */
  bindStateMachines(arns: Record<string, string>, access: MachineAccess): this {
    const bytes = stateMachinesBytes(arns);
    if (bytes > STATE_MACHINES_MAX_BYTES)
      throw new Error(
        `${this.node.path}: STATE_MACHINES akan berukuran ±${bytes} bita untuk ${Object.keys(arns).length} versi SOP; ` +
          `Lambda membatasi seluruh variabel lingkungan satu fungsi 4 KB. Hapus dari config/sop/arsip/ versi yang ` +
          'tidak lagi dijalankan siklus mana pun (lakip siklus status), lalu sintesis ulang.',
      );
    for (const s of machineStatements(Object.values(arns), access)) this.serviceRole.addToPrincipalPolicy(s);
    if (access.stop)
      for (const arn of Object.values(arns)) {
        const name = arn.split(':stateMachine:')[1];
        Validations.of(this.serviceRole).acknowledge({
          id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${name}:*]`,
          reason: `StopExecution on the executions of one state machine (${name}), whose names are the cycles' ids: known only when a cycle starts.`,
        });
      }
    return this.setVariable('STATE_MACHINES', Stack.of(this).toJsonString(arns));
  }

  /**
   * Sign with the asymmetric KMS key (the private key never leaves KMS): Sign and GetPublicKey on that
   * key only; sets SIGNING_KEY.
   */
  bindSigner(key: IKey): this {
    this.serviceRole.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['kms:Sign', 'kms:GetPublicKey'], resources: [key.keyArn] }),
    );
    return this.setVariable('SIGNING_KEY', key.keyArn);
  }

  /**
   * Read the PSrE client credentials of the agencies that sign through one: GetSecretValue on exactly
   * those secrets; sets TTE_SECRETS (agency id → secret ARN).
   */
  bindTteSecrets(secrets: Record<string, ISecret>): this {
    const arns = Object.fromEntries(Object.entries(secrets).map(([agency, s]) => [agency, s.secretArn]));
    this.serviceRole.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: Object.values(arns) }),
    );
    return this.setVariable('TTE_SECRETS', Stack.of(this).toJsonString(arns));
  }

  /** Send mail as the verified SES sender; sets MAIL_FROM. */
  bindMail(from: string): this {
    this.serviceRole.addToPrincipalPolicy(mailStatement(Stack.of(this), from));
    return this.setVariable('MAIL_FROM', from);
  }

  /** A setting that names no resource (the public URL of the task pages). */
  bindSetting(variable: 'PUBLIC_URL', value: string): this {
    return this.setVariable(variable, value);
  }

  /** The variables bound so far (for tests and the stack's own checks). */
  get variables(): ReadonlySet<Variable> {
    return this.bound;
  }

  private setVariable(name: Variable, value: string): this {
    if (this.bound.has(name)) throw new Error(`${this.node.path}: ${name} is bound twice`);
    this.bound.add(name);
    this.addEnvironment(name, value);
    return this;
  }

  private environmentProblems(): string[] {
    const declared = HANDLER_ENV[this.handlerName]!;
    const allowed = allowedVariables(this.handlerName);
    return [
      ...declared.required
        .filter((v) => !this.bound.has(v))
        .map((v) => `functions/${this.handlerName} requires ${v}, which is not bound to ${this.node.id}`),
      ...[...this.bound]
        .filter((v) => !allowed.has(v))
        .map((v) => `${this.node.id} is bound to ${v}, which functions/${this.handlerName} does not declare`),
    ];
  }
}

/**
 * Lambda caps a function's whole environment at 4 KB; STATE_MACHINES grows by one entry per SOP version
 * (about 130 bytes). Leave room for the other variables.
 */
export const STATE_MACHINES_MAX_BYTES = 3072;

/** The rendered size of STATE_MACHINES, with the longest partition, region and account an ARN can carry. */
export function stateMachinesBytes(arns: Record<string, string>): number {
  const entries = Object.entries(arns).map(([key, arn]) => {
    const name = arn.split(':stateMachine:')[1] ?? arn;
    const rendered = `arn:aws-us-gov:states:ap-southeast-3:123456789012:stateMachine:${name}`;
    return `${JSON.stringify(key)}:${JSON.stringify(rendered)}`;
  });
  return `{${entries.join(',')}}`.length;
}
