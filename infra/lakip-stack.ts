import { CfnOutput, type CfnResource, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { Catalogue } from '../lib/catalogue.ts';
import { Alarms } from './constructs/alarms.ts';
import { LakipFunction } from './constructs/lakip-function.ts';
import { addLinkRoutes, addOperatorRoutes, createApi } from './constructs/public-api.ts';
import { SopStateMachine } from './constructs/sop-state-machine.ts';
import { createStorage, type ObjectLockModeName } from './constructs/storage.ts';

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

/** The names of the stack outputs README "Deploy to AWS" promises (one state machine output per SOP). */
export const OUTPUTS = {
  pageUrl: 'AlamatHalaman',
  table: 'TabelData',
  workBucket: 'NamaBucketKerja',
  archiveBucket: 'NamaBucketArsip',
  alarmTopic: 'TopikPeringatan',
  // Logical ids keep only letters and digits; this is the name `cdk deploy` prints.
  stateMachine: (sopId: string) => `StateMachine${sopId.replace(/[^A-Za-z0-9]/g, '')}`,
} as const;

export class LakipStack extends Stack {
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
    const fn = (fid: string, handler: string, description: string, memorySize?: number) => {
      const f = new LakipFunction(this, fid, { handler, description, memorySize });
      this.functions.push(f);
      return f;
    };
    /** Everything a function that mails people needs: the sender, and the base of the links it mails. */
    const mails = (f: LakipFunction) => f.bindMail(props.mailFrom).bindSetting('PUBLIC_URL', publicUrl);

    // Step work: records and notices, no rendering (once rendering moves to `dokumen`; see below).
    const langkah = fn('Langkah', 'step', 'Bagian sistem dari setiap langkah SOP', 1024)
      .bindTable(table, { read: ['AG#', 'CY#'], write: ['AG#', 'CY#'] })
      .bindBucket('WORK_BUCKET', work, { read: ['siklus/*'], write: ['siklus/*'], list: true });
    mails(langkah);
    // Document rendering (docx/exceljs live only in this bundle once the integrator's Renderer port lands).
    const dokumen = fn('Dokumen', 'document', 'Menyusun dokumen langkah SOP (draf, format, surat)', 1769)
      .bindTable(table, { read: ['AG#', 'CY#'], write: ['AG#', 'CY#'] })
      .bindBucket('WORK_BUCKET', work, { read: ['siklus/*'], write: ['siklus/*'], list: true });
    mails(dokumen);
    // The archiving step: the only writer of the archive bucket.
    const arsip = fn('FungsiArsip', 'document', 'Langkah pengarsipan: menyalin laporan final ke bucket arsip')
      .bindTable(table, { read: ['AG#', 'CY#'], write: ['AG#', 'CY#'] })
      .bindBucket('WORK_BUCKET', work, { read: ['siklus/*'] })
      .bindBucket('ARCHIVE_BUCKET', archive, { read: ['arsip/*'], write: ['arsip/*'], list: true });
    mails(arsip);
    const tugas = fn('Tugas', 'human-task', 'Membuka tugas seseorang dan mengirim email tautan').bindTable(
      table,
      { read: ['AG#', 'CY#'], write: ['CY#', 'LINK#'] },
    );
    mails(tugas);
    const unggahan = fn('Unggahan', 'upload-received', 'Memeriksa buku kerja yang diunggah unit', 1024)
      .bindTable(table, { read: ['AG#', 'CY#'], write: ['CY#', 'LINK#'] })
      .bindBucket('WORK_BUCKET', work, { read: ['unggahan/*'], write: ['siklus/*/data/*'] });
    mails(unggahan);
    const pengingat = fn(
      'Pengingat',
      'sweep',
      'Pengingat sebelum tenggat dan eskalasi ke atasan bila terlambat',
    ).bindTable(table, { read: ['AG#'], write: ['CY#', 'LINK#'], indexes: ['gsi2'] });
    mails(pengingat);
    // Public task pages and operator routes share this function until the route tables are split
    // (remaining step: `halaman` for link routes, `operator` for IAM routes; see README).
    const halaman = fn('Halaman', 'api', 'Halaman tugas, keputusan, unggahan, dan API operator')
      .bindTable(table, { read: ['LINK#', 'AG#', 'CY#'], write: ['AG#', 'CY#'], indexes: ['gsi1'] })
      // Signs download links and upload forms: the signed request can do only what the signer may.
      .bindBucket('WORK_BUCKET', work, { read: ['siklus/*'], write: ['unggahan/*'] })
      .bindBucket('ARCHIVE_BUCKET', archive, { read: ['arsip/*'] });

    // Every 15 minutes: reminders are measured in working time, so this is fine-grained enough.
    new Rule(this, 'JadwalPengingat', {
      schedule: Schedule.rate(Duration.minutes(15)),
      targets: [new LambdaFunction(pengingat)],
    });
    work.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(unggahan), {
      prefix: 'unggahan/',
    });
    // S3 invokes asynchronously: an event that still fails after the retries lands here, and alarms.
    const uploadFailures = new Queue(this, 'UnggahanGagal', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(uploadFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter destination of the upload function.',
    });
    unggahan.configureAsyncInvoke({ onFailure: new SqsDestination(uploadFailures), retryAttempts: 2 });

    const sopIds = [...new Set([...props.catalogue.agencies.values()].flatMap((a) => a.sop))].sort();
    for (const sopId of sopIds) {
      const m = new SopStateMachine(this, `Sop-${sopId}`, {
        sop: props.catalogue.sops.get(sopId)!,
        functions: { langkah, dokumen, arsip, tugas },
        humanWait: Duration.days(props.humanWaitDays),
      });
      acknowledgeMachine(m, [langkah, dokumen, arsip, tugas]);
      this.machines[sopId] = m;
      new CfnOutput(this, OUTPUTS.stateMachine(sopId), { value: m.stateMachine.stateMachineArn });
    }
    const machines = Object.fromEntries(sopIds.map((s) => [s, this.machines[s]!.stateMachine]));
    halaman.bindStateMachines(machines, { start: true, respond: true });
    unggahan.bindStateMachines(machines, { respond: true });

    addLinkRoutes(api, halaman, [
      // HEAD too: mail scanners prefetch links with it, and API Gateway does not map HEAD to GET.
      { path: '/t/{link}', methods: [HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST] },
      { path: '/t/{link}/lini-masa', methods: [HttpMethod.GET] },
      { path: '/t/{link}/instansi', methods: [HttpMethod.GET] },
      { path: '/api/tugas/{link}', methods: [HttpMethod.GET] },
      { path: '/api/tugas/{link}/keputusan', methods: [HttpMethod.POST] },
      { path: '/api/tugas/{link}/unggahan', methods: [HttpMethod.POST] },
    ]);
    // Operator routes: only callers with IAM credentials (provincial IT) start cycles or read timelines.
    addOperatorRoutes(api, halaman, [
      { path: '/api/siklus', methods: [HttpMethod.POST] },
      { path: '/api/tugas', methods: [HttpMethod.GET] },
      { path: '/api/siklus/{agency}/{cycle}', methods: [HttpMethod.GET] },
    ]);

    const alarms = new Alarms(this, 'Peringatan', {
      email: props.alarmEmail,
      machines,
      functions: Object.fromEntries(this.functions.map((f) => [f.node.id, f])),
      stage,
      uploadFailures,
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
