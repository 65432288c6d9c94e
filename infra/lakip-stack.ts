import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  EventType,
  HttpMethods,
  ObjectLockRetention,
} from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Construct } from 'constructs';
import type { Catalogue } from '../lib/catalogue.ts';
import { LakipFunction } from './constructs/lakip-function.ts';
import { SopStateMachine } from './constructs/sop-state-machine.ts';

export interface LakipStackProps extends StackProps {
  catalogue: Catalogue;
  /** Verified SES identity the mail comes from, e.g. lakip@diskominfo.example.go.id. */
  mailFrom: string;
  /** Public base URL of the task pages (custom domain); defaults to the HTTP API's own URL. */
  publicUrl?: string;
  /** Years the archive keeps signed reports under Object Lock (governance mode). */
  archiveRetentionYears: number;
  humanWaitDays: number;
}

export class LakipStack extends Stack {
  readonly machines: Record<string, SopStateMachine> = {};

  constructor(scope: Construct, id: string, props: LakipStackProps) {
    super(scope, id, props);

    const table = new Table(this, 'Data', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // gsi1: tasks per person; gsi2: open tasks by deadline (sparse), for the reminder sweep.
    for (const n of [1, 2]) {
      table.addGlobalSecondaryIndex({
        indexName: `gsi${n}`,
        partitionKey: { name: `gsi${n}pk`, type: AttributeType.STRING },
        sortKey: { name: `gsi${n}sk`, type: AttributeType.STRING },
      });
    }

    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const work = new Bucket(this, 'BucketKerja', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'kerja/',
      removalPolicy: RemovalPolicy.RETAIN,
      cors: [
        {
          allowedMethods: [HttpMethods.POST],
          allowedOrigins: [props.publicUrl ?? '*'],
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(400) }],
    });
    const archive = new Bucket(this, 'BucketArsip', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: ObjectLockRetention.governance(
        Duration.days(365 * props.archiveRetentionYears),
      ),
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'arsip/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const common = { TABLE_NAME: table.tableName, WORK_BUCKET: work.bucketName, MAIL_FROM: props.mailFrom };
    const api = new HttpApi(this, 'Api', { description: 'lakip-flow: halaman tugas dan API operator' });
    const publicUrl = props.publicUrl ?? api.apiEndpoint;
    const withUrl = { ...common, PUBLIC_URL: publicUrl };

    const langkah = new LakipFunction(this, 'Langkah', {
      handler: 'step',
      description: 'Bagian sistem dari setiap langkah SOP',
      environment: withUrl,
      memorySize: 1024,
    });
    const dokumen = new LakipFunction(this, 'Dokumen', {
      handler: 'document',
      description: 'Langkah yang menyusun dokumen (disposisi, format, draf, laporan, surat)',
      environment: withUrl,
      memorySize: 1024,
    });
    const arsip = new LakipFunction(this, 'FungsiArsip', {
      handler: 'document',
      description: 'Langkah pengarsipan: menyalin laporan final ke bucket arsip',
      environment: { ...withUrl, ARCHIVE_BUCKET: archive.bucketName },
    });
    const tugas = new LakipFunction(this, 'Tugas', {
      handler: 'human-task',
      description: 'Membuka tugas seseorang dan mengirim email tautan',
      environment: withUrl,
    });
    const unggahan = new LakipFunction(this, 'Unggahan', {
      handler: 'upload-received',
      description: 'Memeriksa buku kerja yang diunggah unit',
      environment: withUrl,
      memorySize: 1024,
    });
    const apiFn = new LakipFunction(this, 'Halaman', {
      handler: 'api',
      description: 'Halaman tugas, keputusan, unggahan, dan API operator',
      environment: { ...common, ARCHIVE_BUCKET: archive.bucketName },
    });

    const pengingat = new LakipFunction(this, 'Pengingat', {
      handler: 'sweep',
      description: 'Pengingat sebelum tenggat dan eskalasi ke atasan bila terlambat',
      environment: withUrl,
    });
    // Every 15 minutes: reminders are measured in working time, so this is fine-grained enough.
    new Rule(this, 'JadwalPengingat', {
      schedule: Schedule.rate(Duration.minutes(15)),
      targets: [new LambdaFunction(pengingat)],
    });

    for (const fn of [langkah, dokumen, arsip, tugas, unggahan, apiFn, pengingat])
      table.grantReadWriteData(fn);
    work.grantReadWrite(langkah);
    work.grantReadWrite(dokumen);
    work.grantRead(arsip);
    archive.grantPut(arsip);
    archive.grantRead(arsip);
    work.grantReadWrite(unggahan);
    // The page function signs downloads and upload forms: it needs what the signed request does.
    work.grantRead(apiFn);
    work.grantPut(apiFn, 'unggahan/*');
    archive.grantRead(apiFn);
    const mailIdentity = `arn:${this.partition}:ses:${this.region}:${this.account}:identity/${props.mailFrom.split('@')[1]}`;
    for (const fn of [langkah, dokumen, arsip, tugas, unggahan, pengingat]) {
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: [mailIdentity] }),
      );
    }
    work.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(unggahan), {
      prefix: 'unggahan/',
    });

    const sopIds = new Set([...props.catalogue.agencies.values()].flatMap((a) => a.sop));
    const arns: Record<string, string> = {};
    for (const sopId of [...sopIds].sort()) {
      const sop = props.catalogue.sops.get(sopId)!;
      const m = new SopStateMachine(this, `Sop-${sopId}`, {
        sop,
        functions: { langkah, dokumen, arsip, tugas },
        humanWait: Duration.days(props.humanWaitDays),
      });
      this.machines[sopId] = m;
      arns[sopId] = m.stateMachine.stateMachineArn;
      m.stateMachine.grantStartExecution(apiFn);
      m.stateMachine.grantTaskResponse(apiFn);
      m.stateMachine.grantTaskResponse(unggahan);
      new CfnOutput(this, `StateMachine-${sopId}`, { value: m.stateMachine.stateMachineArn });
    }
    apiFn.addEnvironment('STATE_MACHINES', Stack.of(this).toJsonString(arns));

    const pages = new HttpLambdaIntegration('Pages', apiFn);
    const iam = new HttpIamAuthorizer();
    api.addRoutes({ path: '/t/{link}', methods: [HttpMethod.GET, HttpMethod.POST], integration: pages });
    api.addRoutes({ path: '/t/{link}/lini-masa', methods: [HttpMethod.GET], integration: pages });
    api.addRoutes({ path: '/t/{link}/instansi', methods: [HttpMethod.GET], integration: pages });
    api.addRoutes({ path: '/api/tugas/{link}', methods: [HttpMethod.GET], integration: pages });
    api.addRoutes({ path: '/api/tugas/{link}/keputusan', methods: [HttpMethod.POST], integration: pages });
    api.addRoutes({ path: '/api/tugas/{link}/unggahan', methods: [HttpMethod.POST], integration: pages });
    // Operator routes: only callers with IAM credentials (provincial IT) start cycles or read timelines.
    api.addRoutes({ path: '/api/siklus', methods: [HttpMethod.POST], integration: pages, authorizer: iam });
    api.addRoutes({ path: '/api/tugas', methods: [HttpMethod.GET], integration: pages, authorizer: iam });
    api.addRoutes({
      path: '/api/siklus/{agency}/{cycle}',
      methods: [HttpMethod.GET],
      integration: pages,
      authorizer: iam,
    });
    // Resume a stopped cycle (lakip siklus lanjutkan): IAM only, like every operator route.
    api.addRoutes({
      path: '/api/siklus/{agency}/{cycle}/lanjutkan',
      methods: [HttpMethod.POST],
      integration: pages,
      authorizer: iam,
    });

    new CfnOutput(this, 'AlamatHalaman', { value: publicUrl });
    new CfnOutput(this, 'TabelData', { value: table.tableName });
    new CfnOutput(this, 'NamaBucketKerja', { value: work.bucketName });
    new CfnOutput(this, 'NamaBucketArsip', { value: archive.bucketName });
  }
}
