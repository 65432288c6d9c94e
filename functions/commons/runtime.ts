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
import type { Variable } from './env.ts';

/**
 * The ports a handler uses, built from its environment (functions/commons/env.ts says which variables
 * each handler has). Each port reads its variable when it is first used, not before: a function carries
 * only the variables of the resources it is granted, and a handler reaching for one it was not given
 * fails with the variable's name. Which runtime this is (cloud or `npm start`) shows only in endpoints:
 * the SDK reads AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_S3 and AWS_ENDPOINT_URL_SFN itself; mail
 * goes to SMTP when MAIL_SMTP_URL is set.
 */
function required(name: Variable): string {
  const v = process.env[name];
  if (!v) throw new Error(`environment variable ${name} is not set for this function`);
  return v;
}

/** Everything a port is built from; ports are cached per distinct environment (one in the cloud). */
const INPUTS = [
  'TABLE_NAME',
  'WORK_BUCKET',
  'ARCHIVE_BUCKET',
  'STATE_MACHINES',
  'MAIL_FROM',
  'PUBLIC_URL',
  'MAIL_SMTP_URL',
  'S3_FORCE_PATH_STYLE',
  'S3_PUBLIC_ENDPOINT',
  'AWS_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_ENDPOINT_URL_DYNAMODB',
  'AWS_ENDPOINT_URL_S3',
  'AWS_ENDPOINT_URL_SFN',
];

/**
 * A port built on first use: reading `ports.store` (or spreading the ports, as the document handler does
 * to add its renderer) constructs nothing; calling one of its methods builds it, reading its variables.
 */
function lazy<T extends object>(build: () => T): T {
  let instance: T | undefined;
  return new Proxy({} as T, {
    get(_t, prop) {
      instance ??= build();
      const v = Reflect.get(instance, prop, instance);
      return typeof v === 'function' ? v.bind(instance) : v;
    },
  });
}

function buildPorts(): Ports {
  return {
    store: lazy(() => new DynamoCycleStore(required('TABLE_NAME'), new DynamoDBClient({}))),
    blobs: lazy(() => {
      const forcePathStyle = process.env.S3_FORCE_PATH_STYLE === 'true';
      const s3 = new S3Client({ forcePathStyle });
      const presignEndpoint = process.env.S3_PUBLIC_ENDPOINT;
      const presignS3 = presignEndpoint ? new S3Client({ forcePathStyle, endpoint: presignEndpoint }) : s3;
      const names = {
        kerja: required('WORK_BUCKET'),
        // Only the archiving function has the archive; the others fail here, by name, if they reach for it.
        get arsip() {
          return required('ARCHIVE_BUCKET');
        },
      };
      return new S3Blobs(names, s3, presignS3);
    }),
    workflow: lazy(() => new SfnWorkflow(JSON.parse(required('STATE_MACHINES')), new SFNClient({}))),
    mailer: lazy(() => {
      const smtp = process.env.MAIL_SMTP_URL;
      return new NodemailerMailer(
        required('MAIL_FROM'),
        smtp ? { smtpUrl: smtp } : { ses: new SESv2Client({}) },
      );
    }),
    clock: { now: () => new Date() },
    // A string cannot wait for its first use: read when the ports are read (or spread).
    get publicUrl() {
      return required('PUBLIC_URL').replace(/\/$/, '');
    },
  };
}

const portsByEnv = new Map<string, Ports>();
const catalogues = new Map<string, Catalogue>();

export function getPorts(): Ports {
  const key = INPUTS.map((k) => process.env[k] ?? '').join('\u0000');
  let ports = portsByEnv.get(key);
  if (!ports) {
    ports = buildPorts();
    portsByEnv.set(key, ports);
  }
  return ports;
}

export function getCatalogue(): Catalogue {
  const key = process.env.LAKIP_CONFIG_DIR ?? '';
  let cat = catalogues.get(key);
  if (!cat) {
    cat = loadCatalogue();
    catalogues.set(key, cat);
  }
  return cat;
}

/** For tests: forget cached ports and catalogues. */
export function resetRuntime(): void {
  portsByEnv.clear();
  catalogues.clear();
}
