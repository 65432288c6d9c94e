import { type CfnResource, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectLockMode,
  ObjectLockRetention,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { TTL_ATTRIBUTE } from '../../lib/adapters/dynamodb-store.ts';

export type ObjectLockModeName = 'COMPLIANCE' | 'GOVERNANCE';

export interface StorageProps {
  /** Years the archive keeps signed reports under Object Lock. */
  archiveRetentionYears: number;
  objectLockMode: ObjectLockModeName;
  /** The only origin whose pages may POST uploads straight to the working bucket. */
  uploadOrigin: string;
}

export interface Storage {
  table: Table;
  work: Bucket;
  archive: Bucket;
}

/** Raw uploads are read once (validated into siklus/…/data/); kept a year for questions, then removed. */
export const RAW_UPLOAD_DAYS = 365;

/**
 * The table and buckets, created in the stack's own scope so their logical ids stay those of the first
 * deployments. Each carries `lakip:local-name`: the name the local runtime gives its counterpart.
 */
export function createStorage(scope: Construct, props: StorageProps): Storage {
  const table = new Table(scope, 'Data', {
    partitionKey: { name: 'pk', type: AttributeType.STRING },
    sortKey: { name: 'sk', type: AttributeType.STRING },
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: TableEncryption.AWS_MANAGED,
    deletionProtection: true,
    // Links (and whatever else the store marks) carry an expiry in epoch seconds.
    timeToLiveAttribute: TTL_ATTRIBUTE,
    // Recorded answers are handed to the workflow from the stream (the `penerus` function).
    stream: StreamViewType.NEW_IMAGE,
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
  localName(table, 'lakip-data');

  const abortMultipart = { abortIncompleteMultipartUploadAfter: Duration.days(7) };
  const accessLogs = new Bucket(scope, 'AccessLogs', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    lifecycleRules: [{ expiration: Duration.days(365), ...abortMultipart }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Validations.of(accessLogs).acknowledge({
    id: 'AwsSolutions-S1',
    reason: 'This is the access-log bucket itself; logging its own access would loop.',
  });

  const work = new Bucket(scope, 'BucketKerja', {
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
        allowedOrigins: [props.uploadOrigin],
        allowedHeaders: ['*'],
        maxAge: 3000,
      },
    ],
    lifecycleRules: [
      { noncurrentVersionExpiration: Duration.days(400), ...abortMultipart },
      { prefix: 'unggahan/', expiration: Duration.days(RAW_UPLOAD_DAYS) },
    ],
  });
  localName(work, 'lakip-kerja');

  const archive = new Bucket(scope, 'BucketArsip', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    objectLockEnabled: true,
    objectLockDefaultRetention: retention(props.objectLockMode, props.archiveRetentionYears),
    serverAccessLogsBucket: accessLogs,
    serverAccessLogsPrefix: 'arsip/',
    lifecycleRules: [abortMultipart],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  localName(archive, 'lakip-arsip');
  return { table, work, archive };
}

function retention(mode: ObjectLockModeName, years: number): ObjectLockRetention {
  const d = Duration.days(365 * years);
  return mode === 'GOVERNANCE' ? ObjectLockRetention.governance(d) : ObjectLockRetention.compliance(d);
}

/** Parses the `lakip:objectLockMode` context value. */
export function objectLockMode(value: string | undefined): ObjectLockModeName {
  const v = (value ?? ObjectLockMode.COMPLIANCE).toUpperCase();
  if (v === 'COMPLIANCE' || v === 'GOVERNANCE') return v;
  throw new Error(
    `lakip:objectLockMode '${value}' tidak dikenal: gunakan COMPLIANCE (bawaan; laporan bertanda tangan tidak dapat dihapus siapa pun sampai masa simpannya habis) atau GOVERNANCE (dapat dihapus oleh pemegang izin s3:BypassGovernanceRetention).`,
  );
}

function localName(c: Table | Bucket, name: string) {
  (c.node.defaultChild as CfnResource).addMetadata('lakip:local-name', name);
}
