import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoCycleStore } from '#lib/adapters/dynamodb-store.ts';
import { NodemailerMailer } from '#lib/adapters/mailer.ts';
import { S3Blobs } from '#lib/adapters/s3-blobs.ts';
import { SfnWorkflow } from '#lib/adapters/sfn-workflow.ts';
import { type Catalogue, loadCatalogue } from '#lib/catalogue.ts';
import type { Ports } from '#lib/cycle/ports.ts';

/**
 * The ports every handler uses, built once per container from environment variables. Which runtime
 * this is (cloud or `npm start`) shows only in endpoints: the SDK reads AWS_ENDPOINT_URL_DYNAMODB,
 * AWS_ENDPOINT_URL_S3 and AWS_ENDPOINT_URL_SFN itself; mail goes to SMTP when MAIL_SMTP_URL is set.
 */
let ports: Ports | undefined;
let catalogue: Catalogue | undefined;

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`environment variable ${name} is not set`);
  return v;
}

export function getPorts(): Ports {
  if (ports) return ports;
  const forcePathStyle = process.env.S3_FORCE_PATH_STYLE === 'true';
  const s3 = new S3Client({ forcePathStyle });
  const presignEndpoint = process.env.S3_PUBLIC_ENDPOINT;
  const presignS3 = presignEndpoint ? new S3Client({ forcePathStyle, endpoint: presignEndpoint }) : s3;
  const smtp = process.env.MAIL_SMTP_URL;
  ports = {
    store: new DynamoCycleStore(required('TABLE_NAME'), new DynamoDBClient({})),
    blobs: new S3Blobs(
      { kerja: required('WORK_BUCKET'), arsip: process.env.ARCHIVE_BUCKET ?? '' },
      s3,
      presignS3,
    ),
    workflow: new SfnWorkflow(JSON.parse(process.env.STATE_MACHINES ?? '{}'), new SFNClient({})),
    mailer: new NodemailerMailer(
      required('MAIL_FROM'),
      smtp ? { smtpUrl: smtp } : { ses: new SESv2Client({}) },
    ),
    clock: { now: () => new Date() },
    publicUrl: required('PUBLIC_URL').replace(/\/$/, ''),
  };
  return ports;
}

export function getCatalogue(): Catalogue {
  catalogue ??= loadCatalogue();
  return catalogue;
}

/** For the local runtime and tests: forget cached ports after the environment changed. */
export function resetRuntime(): void {
  ports = undefined;
  catalogue = undefined;
}
