import './polyfill.ts';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { type Catalogue, loadCatalogue } from '../../lib/catalogue.ts';
import type { Cycle } from '../../lib/cycle/model.ts';
import { resumeRunningCycles } from '../../lib/cycle/resume.ts';
import { startHttpApi } from './http-api.ts';
import { inboxPage, messagePage } from './inbox-page.ts';
import { Mailbox } from './mailbox.ts';
import { LocalStepFunctions } from './sfn-local.ts';
import { LOCAL_REGION, synthesizeMachines } from './template.ts';

export interface LocalRuntimeOptions {
  /** Where emulator data lives (git-ignored). */
  dataDir: string;
  /** Keep DynamoDB, S3 and mail on disk so they survive a restart (npm start); tests use memory. */
  persist: boolean;
  /** Fixed ports for `npm start`; 0 picks free ports (tests). */
  ports?: { api: number; s3: number; dynamodb: number; sfn: number; smtp: number };
  host?: string;
  catalogue?: Catalogue;
  /** Resume the cycles the table says are running (their executions died with the last process). */
  resumeOpen?: boolean;
}

export interface LocalRuntime {
  urls: { api: string; s3: string; dynamodb: string; sfn: string; smtp: string; inbox: string };
  /** Cycles resumed at start (resumeOpen). */
  resumed: Cycle[];
  sfn: LocalStepFunctions;
  mailbox: Mailbox;
  catalogue: Catalogue;
  /** 'handler' events: { handler, payload, result } after every handler invocation. */
  events: EventEmitter;
  /** Resolves when every upload event seen so far has been handled. */
  settled(): Promise<void>;
  /** Runs the reminder sweep every `ms` (the EventBridge schedule in the cloud); returns a stop function. */
  scheduleSweep(ms: number): () => void;
  stop(): Promise<void>;
}

export const TABLE_NAME = 'lakip-data';
export const WORK_BUCKET = 'lakip-kerja';
export const ARCHIVE_BUCKET = 'lakip-arsip';

const CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>POST</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader></CORSRule></CORSConfiguration>`;

/** Creates the single table (same keys and index as the CDK stack) unless it exists. */
export async function ensureTable(endpoint: string) {
  const ddb = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'lokal', secretAccessKey: 'lokal' },
  });
  try {
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName: TABLE_NAME }));
    const have = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    const missing = ['gsi1', 'gsi2'].filter((i) => !have.has(i));
    if (missing.length > 0) {
      // Data kept from an older version of the project: say what to do instead of failing later.
      console.warn(
        `Tabel lokal ${TABLE_NAME} dibuat oleh versi lama (indeks ${missing.join(', ')} belum ada). Hapus folder data lokal (.lakip-local/) lalu jalankan ulang.`,
      );
    }
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException) && (e as Error).name !== 'ResourceNotFoundException')
      throw e;
    // Same keys and index as the table in infra/lakip-stack.ts.
    await ddb.send(
      new CreateTableCommand({
        TableName: TABLE_NAME,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'gsi1pk', AttributeType: 'S' },
          { AttributeName: 'gsi1sk', AttributeType: 'S' },
          { AttributeName: 'gsi2pk', AttributeType: 'S' },
          { AttributeName: 'gsi2sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'gsi1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: 'gsi2',
            KeySchema: [
              { AttributeName: 'gsi2pk', KeyType: 'HASH' },
              { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
  }
  ddb.destroy();
}

const lambdaContext = (name: string) => ({
  functionName: `lakip-lokal-${name}`,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:000000000000:function:lakip-lokal-${name}`,
  memoryLimitInMB: '1024',
  awsRequestId: `${Date.now()}`,
  logGroupName: `/aws/lambda/lakip-lokal-${name}`,
  logStreamName: 'lokal',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 60_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

/**
 * Boots the embedded default in one process: dynalite, s3rver, the SMTP catcher, the local Step
 * Functions endpoint running the definitions synthesized from the CDK app, and the HTTP API serving
 * the same handlers API Gateway calls. Handlers run in-process with the real AWS SDK clients,
 * pointed at these endpoints through the SDK's own AWS_ENDPOINT_URL_* variables.
 */
export async function startLocalRuntime(opts: LocalRuntimeOptions): Promise<LocalRuntime> {
  const host = opts.host ?? '127.0.0.1';
  const ports = opts.ports ?? { api: 0, s3: 0, dynamodb: 0, sfn: 0, smtp: 0 };
  mkdirSync(opts.dataDir, { recursive: true });
  const catalogue = opts.catalogue ?? loadCatalogue();

  const ddbServer: Server = dynalite(
    opts.persist ? { path: join(opts.dataDir, 'dynamodb'), createTableMs: 0 } : { createTableMs: 0 },
  );
  await new Promise<void>((r) => ddbServer.listen(ports.dynamodb, host, r));
  const dynamodbUrl = `http://${host}:${(ddbServer.address() as AddressInfo).port}`;

  const s3Dir = join(opts.dataDir, 's3');
  mkdirSync(s3Dir, { recursive: true });
  const s3 = new S3rver({
    port: ports.s3,
    address: host,
    directory: s3Dir,
    silent: true,
    resetOnClose: !opts.persist,
    vhostBuckets: false,
    configureBuckets: [{ name: WORK_BUCKET, configs: [CORS] }, { name: ARCHIVE_BUCKET }],
  });
  const s3Addr = await s3.run();
  const s3Url = `http://${host}:${s3Addr.port}`;

  const mailbox = new Mailbox(opts.persist ? join(opts.dataDir, 'surat') : undefined);
  const smtpPort = await mailbox.listen(ports.smtp, host);

  const events = new EventEmitter();
  events.setMaxListeners(100);
  const modules = new Map<string, Promise<{ handler: (e: unknown, c: unknown) => Promise<unknown> }>>();
  const invoke = async (handler: string, payload: unknown) => {
    if (!/^[a-z-]+$/.test(handler)) throw new Error(`bad handler name ${handler}`);
    if (!modules.has(handler)) modules.set(handler, import(`../../functions/${handler}/handler.ts`));
    const mod = await modules.get(handler)!;
    const result = await mod.handler(structuredClone(payload), lambdaContext(handler));
    events.emit('handler', { handler, payload, result });
    return result;
  };

  // The handlers' configuration: the same variables the CDK stack sets, with local endpoints.
  const machines = synthesizeMachines(catalogue, join(opts.dataDir, 'cdk.out'));
  const sfn = new LocalStepFunctions(machines, invoke);
  const sfnUrl = await sfn.listen(ports.sfn, host);

  let apiUrl = '';
  const inFlight = new Set<Promise<unknown>>();
  s3.on('event', (event: { Records: { eventName: string; s3: { object: { key: string } } }[] }) => {
    const record = event.Records?.[0];
    if (!record?.eventName.startsWith('ObjectCreated') || !record.s3.object.key.startsWith('unggahan/'))
      return;
    // In the cloud this is the bucket notification to the upload function.
    const p = invoke('upload-received', event).catch((e: Error) =>
      events.emit('error-handler', { handler: 'upload-received', error: e }),
    );
    inFlight.add(p);
    p.finally(() => inFlight.delete(p));
  });

  const api = await startHttpApi(
    ports.api,
    host,
    (e) => invoke('api', e) as never,
    async (path: string, e: APIGatewayProxyEventV2) => {
      if (path === '/_lokal/surat' || path === '/')
        return {
          statusCode: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: inboxPage(mailbox.messages),
        };
      if (path === '/_lokal/pengingat' && e.requestContext.http.method === 'POST') {
        // Runs the reminder sweep now (it also runs on a timer).
        return {
          statusCode: 200,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(await invoke('sweep', {})),
        };
      }
      const m = /^\/_lokal\/surat\/([0-9a-f-]+)$/.exec(path);
      if (m) {
        const mail = mailbox.messages.find((x) => x.id === m[1]);
        return mail
          ? {
              statusCode: 200,
              headers: { 'content-type': 'text/html; charset=utf-8' },
              body: messagePage(mail, e.queryStringParameters?.tampil === 'teks'),
            }
          : { statusCode: 404, body: 'Surat tidak ditemukan' };
      }
      return undefined;
    },
  );
  apiUrl = api.url;

  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_DYNAMODB: dynamodbUrl,
    AWS_ENDPOINT_URL_S3: s3Url,
    AWS_ENDPOINT_URL_SFN: sfnUrl,
    S3_FORCE_PATH_STYLE: 'true',
    S3_PUBLIC_ENDPOINT: s3Url,
    TABLE_NAME,
    WORK_BUCKET,
    ARCHIVE_BUCKET,
    MAIL_FROM: 'lakip-flow <lakip@lakip-flow.example>',
    MAIL_SMTP_URL: `smtp://${host}:${smtpPort}`,
    PUBLIC_URL: apiUrl,
    STATE_MACHINES: JSON.stringify(Object.fromEntries(machines.map((m) => [m.sopId, m.arn]))),
    LAKIP_CONFIG_DIR: catalogue.dir,
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
  });
  const commons = await import('../../functions/commons/runtime.ts');
  commons.resetRuntime();
  await ensureTable(dynamodbUrl);
  // The interpreter's executions did not survive the last stop; the cycles in the table did.
  const resumed = opts.resumeOpen
    ? await resumeRunningCycles(commons.getPorts(), commons.getCatalogue())
    : [];

  return {
    urls: {
      api: apiUrl,
      s3: s3Url,
      dynamodb: dynamodbUrl,
      sfn: sfnUrl,
      smtp: `smtp://${host}:${smtpPort}`,
      inbox: `${apiUrl}/_lokal/surat`,
    },
    sfn,
    mailbox,
    catalogue,
    resumed,
    events,
    scheduleSweep(ms: number) {
      const timer = setInterval(() => {
        invoke('sweep', {}).catch((e: Error) => events.emit('error-handler', { handler: 'sweep', error: e }));
      }, ms);
      timer.unref();
      return () => clearInterval(timer);
    },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async stop() {
      await sfn.close();
      await new Promise<void>((r) => api.server.close(() => r()));
      await mailbox.close();
      await s3.close();
      await new Promise<void>((r) => ddbServer.close(() => r()));
    },
  };
}
