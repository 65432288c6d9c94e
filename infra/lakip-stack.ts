import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ArnFormat,
  CfnOutput,
  type CfnResource,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { CfnStateMachine, IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { type Catalogue, requireSop, versionsOf } from '../lib/catalogue.ts';
import { catalogueToJson, KATALOG_JSON } from '../lib/data/catalogue-json.ts';
import { OPERATOR_ROUTES } from '../lib/http/operator-routes.ts';
import { PUBLIC_ROUTES } from '../lib/http/public-routes.ts';
import { SIGNING_ROUTES } from '../lib/http/signing-routes.ts';
import { versionKey } from '../lib/sop/version-key.ts';
import { Alarms } from './constructs/alarms.ts';
import { LakipFunction } from './constructs/lakip-function.ts';
import { addLinkRoutes, addOperatorRoutes, createApi } from './constructs/public-api.ts';
import { routeSpecs } from './constructs/routes.ts';
import { SopStateMachine } from './constructs/sop-state-machine.ts';
import { createStorage, type ObjectLockModeName } from './constructs/storage.ts';
import { tteSecrets } from './constructs/tte-secrets.ts';

export interface LakipStackProps extends StackProps {
  catalogue: Catalogue;
  /** Verified SES identity the mail comes from, e.g. lakip@diskominfo.example.go.id. */
  mailFrom: string;
  /** Public base URL of the task pages (custom domain); defaults to the HTTP API's own URL. */
  publicUrl?: string;
  /** Years the archive keeps signed reports under Object Lock. */
  archiveRetentionYears: number;
  /** COMPLIANCE (default): nobody can delete a signed report before its retention ends. */
  objectLockMode: ObjectLockModeName;
  /** Where alarm notices go (SNS email subscription); without it the topic has no subscriber. */
  alarmEmail?: string;
  humanWaitDays: number;
}

/**
 * The name part of one SOP version's machine: `<id>` for versi 1, `<id>-v<n>` after. Fixed per version,
 * so that adding a version adds a machine and never renames or replaces one that cycles still run on
 * (and a stack deployed before versions existed keeps its machines).
 */
export const machineSuffix = (sopId: string, versi: number) => (versi === 1 ? sopId : `${sopId}-v${versi}`);

/** `LakipFlow-<SOP id>[-v<n>]`: one stack per account and region, so the name is unique there. */
function machineName(stack: Stack, suffix: string): string {
  const name = `${stack.stackName}-${suffix}`;
  if (name.length > 80)
    throw new Error(`id SOP '${suffix}' terlalu panjang untuk nama state machine (maks. 80 karakter).`);
  return name;
}

/** Where events that still fail after their retries wait for the operator (each queue alarms). */
function failureQueue(scope: Construct, id: string): Queue {
  const q = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    // Above the consuming function's timeout (60 s), as Lambda requires of an SQS event source.
    visibilityTimeout: Duration.minutes(6),
  });
  Validations.of(q).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: 'This queue is itself a dead-letter destination (of an asynchronous invocation or a stream).',
  });
  return q;
}

/** The state machines' own findings, acknowledged one by one. */
function acknowledgeMachine(m: SopStateMachine, invoked: LakipFunction[]) {
  const v = Validations.of(m.stateMachine);
  v.acknowledge({
    id: 'AwsSolutions-SF1',
    reason:
      'Logs at ERROR without execution data: execution data carries task tokens, and the step records in DynamoDB are the audit trail of every state.',
  });
  v.acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'Active X-Ray tracing and log delivery (xray:PutTraceSegments, logs:CreateLogDelivery and related) support no resource-level permissions.',
  });
  for (const f of invoked) {
    const id = Stack.of(f).resolve((f.node.defaultChild as CfnResource).logicalId) as string;
    v.acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${id}.Arn>:*]`,
      reason: `LambdaInvoke grants ${f.node.id} and its qualified ARNs (versions, aliases); the machine invokes only that function.`,
    });
  }
}

/** The names of the stack outputs README "Deploy to AWS" promises (one state machine output per SOP version). */
export const OUTPUTS = {
  pageUrl: 'AlamatHalaman',
  table: 'TabelData',
  workBucket: 'NamaBucketKerja',
  archiveBucket: 'NamaBucketArsip',
  alarmTopic: 'TopikPeringatan',
  // Logical ids keep only letters and digits; this is the name `cdk deploy` prints.
  stateMachine: (sopId: string, versi = 1) =>
    `StateMachine${machineSuffix(sopId, versi).replace(/[^A-Za-z0-9]/g, '')}`,
} as const;

export class LakipStack extends Stack {
  /** One machine per SOP version, keyed `<id>@<versi>` (the keys of STATE_MACHINES). */
  readonly machines: Record<string, SopStateMachine> = {};
  readonly functions: LakipFunction[] = [];

  constructor(scope: Construct, id: string, props: LakipStackProps) {
    super(scope, id, props);

    const { api, stage } = createApi(this);
    const publicUrl = props.publicUrl ?? api.apiEndpoint;
    const { table, work, archive } = createStorage(this, {
      archiveRetentionYears: props.archiveRetentionYears,
      objectLockMode: props.objectLockMode,
      uploadOrigin: props.publicUrl ? new URL(props.publicUrl).origin : api.apiEndpoint,
    });
    // The catalogue checked here ships as JSON beside every bundle (no YAML or schemas in the functions).
    const catalogueJson = join(mkdtempSync(join(tmpdir(), 'lakip-katalog-')), KATALOG_JSON);
    writeFileSync(catalogueJson, catalogueToJson(props.catalogue));
    const fn = (fid: string, handler: string, description: string, memorySize?: number) => {
      const f = new LakipFunction(this, fid, { handler, description, memorySize, catalogueJson });
      this.functions.push(f);
      return f;
    };
    /** Everything a function that mails people needs: the sender, and the base of the links it mails. */
    const mails = (f: LakipFunction) => f.bindMail(props.mailFrom).bindSetting('PUBLIC_URL', publicUrl);

    // Step work: records and notices, no rendering (once rendering moves to `dokumen`; see below).
    // Steps mail links (the completion notice's timeline link, the format's link): they write LINK#.
    const langkah = fn('Langkah', 'step', 'Bagian sistem dari setiap langkah SOP', 1024)
      .bindTable(table, { read: ['AG#', 'CY#'], write: ['AG#', 'CY#', 'LINK#'] })
      .bindBucket('WORK_BUCKET', work, { read: ['siklus/*'], write: ['siklus/*'], list: true });
    mails(langkah);
    // Document rendering (docx/exceljs live only in this bundle once the integrator's Renderer port lands).
    const dokumen = fn('Dokumen', 'document', 'Menyusun dokumen langkah SOP (draf, format, surat)', 1769)
      .bindTable(table, { read: ['AG#', 'CY#'], write: ['AG#', 'CY#', 'LINK#', 'VER#'] })
      // unggahan/*: a revised report the preparer uploaded becomes its pass's version (lib/cycle/revisions.ts).
      .bindBucket('WORK_BUCKET', work, { read: ['siklus/*', 'unggahan/*'], write: ['siklus/*'], list: true })
      // The signing step signs the report here (lib/signing): the agency certificates are AG# items.
      .bindSigner(signingKey(this));
    mails(dokumen);
    // The archiving step: the only writer of the archive bucket.
    const arsip = fn('FungsiArsip', 'document', 'Langkah pengarsipan: menyalin laporan final ke bucket arsip')
      .bindTable(table, { read: ['AG#', 'CY#'], write: ['AG#', 'CY#'] })
      .bindBucket('WORK_BUCKET', work, { read: ['siklus/*'] })
      .bindBucket('ARCHIVE_BUCKET', archive, { read: ['arsip/*'], write: ['arsip/*'], list: true });
    mails(arsip);
    // Task tokens (TOKEN#) are written by the function that opens tasks and read only by those that
    // resume executions; the public pages read tasks but never their tokens.
    const tugas = fn('Tugas', 'human-task', 'Membuka tugas seseorang dan mengirim email tautan').bindTable(
      table,
      { read: ['AG#', 'CY#', 'TOKEN#'], write: ['CY#', 'LINK#', 'TOKEN#'] },
    );
    mails(tugas);
    const unggahan = fn('Unggahan', 'upload-received', 'Memeriksa buku kerja yang diunggah unit', 1024)
      .bindTable(table, { read: ['AG#', 'CY#', 'TOKEN#'], write: ['CY#', 'LINK#'] })
      .bindBucket('WORK_BUCKET', work, { read: ['unggahan/*'], write: ['siklus/*/data/*'] });
    mails(unggahan);
    const pengingat = fn(
      'Pengingat',
      'sweep',
      'Pengingat sebelum tenggat dan eskalasi ke atasan bila terlambat',
    ).bindTable(table, { read: ['AG#', 'TOKEN#'], write: ['CY#', 'LINK#'], indexes: ['gsi2'] });
    mails(pengingat);
    // Split by trust. The public link pages record answers but neither start executions nor resume them:
    // `penerus` hands recorded answers over from the table's stream. Operators (IAM) start and resume.
    const halaman = fn('Halaman', 'pages', 'Halaman tugas dari tautan email: lihat, putuskan, unggah')
      // VER#: the verification pages (read only: `TandaTangan` records signatures).
      .bindTable(table, { read: ['LINK#', 'AG#', 'CY#', 'VER#'], write: ['CY#', 'LINK#'] })
      // Signs download links and upload forms: the signed request can do only what the signer may.
      .bindBucket('WORK_BUCKET', work, { read: ['siklus/*', 'unggahan/*'], write: ['unggahan/*'] })
      .bindBucket('ARCHIVE_BUCKET', archive, { read: ['arsip/*'] });
    // A link's holder may ask for a fresh one (resend, rate-limited): mailed from here.
    mails(halaman);
    // The signing page's POST, apart from the pages: the PDF/signing libraries and the PSrE credentials
    // live only here. It records the answer (and, for a PSrE, the signed PDF and its verification record).
    const tandaTangan = fn('TandaTangan', 'sign', 'Tanda tangan elektronik dari halaman tugas (PSrE)', 1024)
      .bindTable(table, { read: ['LINK#', 'AG#', 'CY#', 'VER#'], write: ['CY#', 'VER#'] })
      .bindBucket('WORK_BUCKET', work, { read: ['siklus/*'], write: ['siklus/*/final/*'] })
      .bindSetting('PUBLIC_URL', publicUrl);
    const secrets = tteSecrets(this, props.catalogue);
    if (Object.keys(secrets).length > 0) tandaTangan.bindTteSecrets(secrets);
    const operator = fn(
      'Operator',
      'operator',
      'API operator (IAM): mulai dan lanjutkan siklus, daftar tugas',
    ).bindTable(table, { read: ['AG#', 'CY#'], write: ['AG#'], indexes: ['gsi1'] });
    const penerus = fn(
      'Penerus',
      'deliver',
      'Meneruskan jawaban yang tercatat ke eksekusi yang menunggu',
      256,
    ).bindTable(table, { read: ['CY#', 'TOKEN#'], write: ['CY#'] });
    const deliveryFailures = failureQueue(this, 'PenerusanGagal');
    penerus.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 10,
        retryAttempts: 5,
        bisectBatchOnError: true,
        onFailure: new SqsDlq(deliveryFailures),
        // Only a task whose answer was just recorded; everything else on the stream is not its business.
        filters: [
          FilterCriteria.filter({
            dynamodb: { NewImage: { status: { S: FilterRule.isEqual('diputuskan') } } },
          }),
        ],
      }),
    );

    // Every 15 minutes: reminders are measured in working time, so this is fine-grained enough.
    new Rule(this, 'JadwalPengingat', {
      schedule: Schedule.rate(Duration.minutes(15)),
      targets: [new LambdaFunction(pengingat)],
    });
    work.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(unggahan), {
      prefix: 'unggahan/',
    });
    // S3 invokes asynchronously: an event that still fails after the retries lands here, and alarms.
    const uploadFailures = failureQueue(this, 'UnggahanGagal');
    unggahan.configureAsyncInvoke({ onFailure: new SqsDestination(uploadFailures), retryAttempts: 2 });
    // ... and is marked `gagal` for the unit's page (the operator still hears of it from the error alarm).
    fn(
      'UnggahanGagalDiproses',
      'upload-failed',
      'Menandai unggahan yang gagal diproses agar unit diberi tahu',
      256,
    )
      .bindTable(table, { read: ['CY#'], write: ['CY#'] })
      .addEventSource(new SqsEventSource(uploadFailures, { batchSize: 10 }));

    // Every version of every SOP an agency runs: running cycles finish on the version they started with.
    const sopIds = [...new Set([...props.catalogue.agencies.values()].flatMap((a) => a.sop))].sort();
    const versions = sopIds.flatMap((id) =>
      versionsOf(props.catalogue, id).map((v) => ({
        key: versionKey(id, v),
        suffix: machineSuffix(id, v),
        id,
        v,
      })),
    );
    const machines: Record<string, IStateMachine> = {};
    const arns: Record<string, string> = {};
    for (const { key, suffix, id, v } of versions) {
      const m = new SopStateMachine(this, `Sop-${suffix}`, {
        sop: requireSop(props.catalogue, id, v),
        functions: { langkah, dokumen, arsip, tugas },
        humanWait: Duration.days(props.humanWaitDays),
      });
      acknowledgeMachine(m, [langkah, dokumen, arsip, tugas]);
      // A fixed name, so that functions can name the machine's ARN without referring to the resource.
      (m.stateMachine.node.defaultChild as CfnStateMachine).stateMachineName = machineName(this, suffix);
      this.machines[key] = m;
      machines[suffix] = m.stateMachine;
      new CfnOutput(this, OUTPUTS.stateMachine(id, v), { value: m.stateMachine.stateMachineArn });
      arns[key] = this.formatArn({
        service: 'states',
        resource: 'stateMachine',
        resourceName: machineName(this, suffix),
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
    }
    operator.bindStateMachines(arns, { start: true, stop: true });
    for (const f of [penerus, unggahan, tugas, pengingat]) f.bindStateMachines(arns, { respond: true });

    // The routes of the tables the two functions serve (lib/http): public link routes, IAM operator routes.
    addLinkRoutes(api, halaman, routeSpecs(PUBLIC_ROUTES));
    addLinkRoutes(api, tandaTangan, routeSpecs(SIGNING_ROUTES), 'TandaTangan');
    addOperatorRoutes(api, operator, routeSpecs(OPERATOR_ROUTES));

    const alarms = new Alarms(this, 'Peringatan', {
      email: props.alarmEmail,
      machines,
      functions: Object.fromEntries(this.functions.map((f) => [f.node.id, f])),
      stage,
      failureQueues: { UnggahanGagal: uploadFailures, PenerusanGagal: deliveryFailures },
    });

    // CDK's singleton that writes the bucket's notification configuration during deployment.
    const notifications = this.node.tryFindChild(
      'BucketNotificationsHandler050a0587b7544547bf325f094a3db834',
    ) as Construct | undefined;
    if (notifications)
      Validations.of(notifications).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's deployment-time handler for S3 bucket notifications (not application code): it only writes its own logs with this managed policy.",
      });

    new CfnOutput(this, OUTPUTS.pageUrl, { value: publicUrl });
    new CfnOutput(this, OUTPUTS.table, { value: table.tableName });
    new CfnOutput(this, OUTPUTS.workBucket, { value: work.bucketName });
    new CfnOutput(this, OUTPUTS.archiveBucket, { value: archive.bucketName });
    new CfnOutput(this, OUTPUTS.alarmTopic, { value: alarms.topic.topicArn });
  }
}

/**
 * The key that signs the reports (PAdES) and issues each agency's certificate: RSA 2048 for signing
 * only; the private key never leaves KMS. Kept when the stack goes: signed documents outlive it.
 */
function signingKey(scope: Construct): Key {
  return new Key(scope, 'KunciTandaTangan', {
    description: 'lakip-flow: tanda tangan elektronik laporan kinerja (PAdES)',
    keySpec: KeySpec.RSA_2048,
    keyUsage: KeyUsage.SIGN_VERIFY,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
