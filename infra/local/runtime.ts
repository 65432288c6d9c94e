import './polyfill.ts';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { type Catalogue, loadCatalogue } from '../../lib/catalogue.ts';
import type { Cycle } from '../../lib/cycle/model.ts';
import { resumeRunningCycles } from '../../lib/cycle/resume.ts';
import { FunctionHost } from './functions.ts';
import { type Denial, dynamoGuard, s3Guard } from './guard.ts';
import { startHttpApi } from './http-api.ts';
import { Policies } from './iam.ts';
import { inboxPage, messagePage } from './inbox-page.ts';
import { Mailbox } from './mailbox.ts';
import { LocalSecrets } from './secrets.ts';
import { LocalStepFunctions } from './sfn-local.ts';
import { LocalStream } from './stream.ts';
import { ensureTable } from './table.ts';
import { LOCAL_REGION, type LocalTemplate, readTemplate } from './template.ts';

export { ensureTable } from './table.ts';

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
  /** What was read from the synthesized template. */
  template: LocalTemplate;
  /** The functions, each with exactly its synthesized environment. */
  functions: FunctionHost;
  /** 'handler' events: { handler, fungsi, payload, result } after every handler invocation;
   * 'access-denied' events: a function called DynamoDB, S3 or Step Functions beyond its IAM policy. */
  events: EventEmitter;
  /** Every request a function's IAM policy (from the template) did not allow. */
  denied: Denial[];
  /** Resolves when every upload event seen so far has been handled. */
  settled(): Promise<void>;
  /** Runs the scheduled functions (the reminder sweep) every `ms`; returns a stop function. */
  scheduleSweep(ms: number): () => void;
  stop(): Promise<void>;
}

/** Local names of the table and buckets (the stack's `lakip:local-name` metadata; checked at start). */
export const TABLE_NAME = 'lakip-data';
export const WORK_BUCKET = 'lakip-kerja';
export const ARCHIVE_BUCKET = 'lakip-arsip';

/**
 * Boots the embedded default in one process: dynalite, s3rver, the SMTP catcher, the local Step
 * Functions endpoint and the HTTP API, all built from the synthesized CDK template: the table's keys and
 * indexes, the buckets and their CORS rule, the routes, the bucket notification, the schedule, and each
 * function's environment. Handlers run in-process with the real AWS SDK v3 clients, pointed at these
 * endpoints through the SDK's own AWS_ENDPOINT_URL_* variables.
 */
export async function startLocalRuntime(opts: LocalRuntimeOptions): Promise<LocalRuntime> {
  const host = opts.host ?? '127.0.0.1';
  const ports = opts.ports ?? { api: 0, s3: 0, dynamodb: 0, sfn: 0, smtp: 0 };
  mkdirSync(opts.dataDir, { recursive: true });
  const catalogue = opts.catalogue ?? loadCatalogue();
  const template = readTemplate(catalogue, mkdtempSync(join(tmpdir(), 'lakip-cdk-')));
  const names = [template.table.name, ...template.buckets.map((b) => b.name)].sort();
  if (names.join() !== [TABLE_NAME, WORK_BUCKET, ARCHIVE_BUCKET].sort().join())
    throw new Error(`local resource names changed in the stack: ${names.join(', ')}`);

  const events = new EventEmitter();
  events.setMaxListeners(100);
  const fns = new FunctionHost(template, catalogue, events);

  // The API first: its URL is the functions' PUBLIC_URL and the working bucket's CORS origin.
  const api = await startHttpApi(ports.api, host, template.routes, fns, (path, e) => localRoute(path, e));
  const apiUrl = api.url;

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
    // Functions reach s3rver through the IAM check below, which moves the path their requests signed.
    allowMismatchedSignatures: true,
    configureBuckets: template.buckets.map((b) => ({
      name: b.name,
      configs: b.cors ? [corsXml(b.cors, (v) => template.resolveValue(v, apiUrl))] : [],
    })),
  });
  const s3Addr = await s3.run();
  const s3Url = `http://${host}:${s3Addr.port}`;

  const mailbox = new Mailbox(opts.persist ? join(opts.dataDir, 'surat') : undefined);
  const smtpPort = await mailbox.listen(ports.smtp, host);

  const sfn = new LocalStepFunctions(template.machines, (fnId, payload) => fns.invoke(fnId, payload));
  const sfnUrl = await sfn.listen(ports.sfn, host);
  // PSrE credentials (only when an agency signs through one): the secrets the stack makes, served locally.
  const secrets = new LocalSecrets(template.secrets, process.env);
  const secretsUrl = await secrets.listen(0, host);

  // Each function's IAM policy from the template, enforced on its DynamoDB, S3 and Step Functions calls.
  const policies = new Policies(template.policies, (v) => template.resolveResource(v));
  const denied: Denial[] = [];
  const onDenied = (d: Denial) => {
    denied.push(d);
    events.emit('access-denied', d);
    if (opts.persist)
      console.warn(`Ditolak IAM (lokal): ${d.fn} tidak diizinkan ${d.action} pada ${d.resource}`);
  };
  const inFlight = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>, handler: string) => {
    const q = p.catch((error: Error) => events.emit('error-handler', { handler, error }));
    inFlight.add(q);
    q.finally(() => inFlight.delete(q));
  };
  const stream = new LocalStream(dynamodbUrl, template, (fnId, e) => fns.invoke(fnId, e));
  const ddbGuard = await dynamoGuard(dynamodbUrl, template.keySchemas, policies, onDenied, (w) =>
    track(stream.written(w), 'stream'),
  );
  const s3Checked = await s3Guard(s3Url, policies, onDenied);
  sfn.enforce(policies, onDenied);
  secrets.enforce(policies, onDenied);

  // What the Lambda service and this machine's emulators provide to every function.
  const provided = {
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_DYNAMODB: dynamodbUrl,
    AWS_ENDPOINT_URL_S3: s3Url,
    AWS_ENDPOINT_URL_SFN: sfnUrl,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsUrl,
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    S3_FORCE_PATH_STYLE: 'true',
    S3_PUBLIC_ENDPOINT: s3Url,
    MAIL_SMTP_URL: `smtp://${host}:${smtpPort}`,
    // Signing: a local key made on the first start, reused afterwards (lib/signing/local-key.ts).
    LAKIP_TTE_LOKAL: opts.dataDir,
  };
  fns.configure(apiUrl, (id) => ({
    ...provided,
    AWS_ENDPOINT_URL_DYNAMODB: `${ddbGuard.url}/fn/${id}`,
    AWS_ENDPOINT_URL_S3: `${s3Checked.url}/fn/${id}`,
    AWS_ENDPOINT_URL_SFN: `${sfnUrl}/fn/${id}`,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: `${secretsUrl}/fn/${id}`,
  }));
  // Outside invocations (tests, the demo, the CLI): the same endpoints and the local resource names.
  Object.assign(process.env, provided, {
    TABLE_NAME,
    WORK_BUCKET,
    ARCHIVE_BUCKET,
    MAIL_FROM: 'lakip-flow <lakip@lakip-flow.example>',
    PUBLIC_URL: apiUrl,
    STATE_MACHINES: JSON.stringify(Object.fromEntries(template.machines.map((m) => [m.sopId, m.arn]))),
    LAKIP_CONFIG_DIR: catalogue.dir,
  });
  await ensureTable(dynamodbUrl, template.table.create);
  // The interpreter's executions did not survive the last stop; the cycles in the table did. Resumed as
  // an operator would (POST /api/siklus/…/lanjutkan), with the process's own environment.
  const commons = await import('../../functions/commons/runtime.ts');
  const resumed = opts.resumeOpen
    ? await resumeRunningCycles(commons.getPorts(), commons.getCatalogue())
    : [];

  s3.on(
    'event',
    (event: {
      Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string } } }[];
    }) => {
      const record = event.Records?.[0];
      if (!record?.eventName.startsWith('ObjectCreated')) return;
      // In the cloud this is the bucket notification to the upload function (same bucket, same prefix).
      for (const n of template.notifications) {
        if (n.bucket !== record.s3.bucket.name || !record.s3.object.key.startsWith(n.prefix)) continue;
        track(fns.invoke(n.functionId, event), n.functionId);
      }
    },
  );

  const runSchedules = () => Promise.all(template.schedules.map((s) => fns.invoke(s.functionId, {})));
  async function localRoute(path: string, e: APIGatewayProxyEventV2) {
    if (path === '/_lokal/surat' || path === '/')
      return {
        statusCode: 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: inboxPage(mailbox.messages),
      };
    if (path === '/_lokal/pengingat' && e.requestContext.http.method === 'POST') {
      // Runs the scheduled reminder sweep now (it also runs on a timer).
      const [result] = await runSchedules();
      return {
        statusCode: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(result),
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
  }

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
    template,
    functions: fns,
    resumed,
    events,
    denied,
    scheduleSweep(ms: number) {
      const timer = setInterval(() => {
        runSchedules().catch((e: Error) => events.emit('error-handler', { handler: 'sweep', error: e }));
      }, ms);
      timer.unref();
      return () => clearInterval(timer);
    },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async stop() {
      await sfn.close();
      await secrets.close();
      for (const g of [ddbGuard, s3Checked]) await new Promise<void>((r) => g.server.close(() => r()));
      stream.close();
      await new Promise<void>((r) => api.server.close(() => r()));
      await mailbox.close();
      await s3.close();
      await new Promise<void>((r) => ddbServer.close(() => r()));
    },
  };
}

/** The bucket's CORS rules as s3rver reads them (the S3 XML), origins resolved locally. */
function corsXml(
  rules: NonNullable<LocalTemplate['buckets'][number]['cors']>,
  value: (v: unknown) => string,
) {
  const rule = (r: (typeof rules)[number]) =>
    [
      ...r.AllowedOrigins.map((o) => `<AllowedOrigin>${value(o)}</AllowedOrigin>`),
      ...r.AllowedMethods.map((m) => `<AllowedMethod>${m}</AllowedMethod>`),
      ...(r.AllowedHeaders ?? []).map((h) => `<AllowedHeader>${h}</AllowedHeader>`),
      r.MaxAge ? `<MaxAgeSeconds>${r.MaxAge}</MaxAgeSeconds>` : '',
    ].join('');
  return `<CORSConfiguration>${rules.map((r) => `<CORSRule>${rule(r)}</CORSRule>`).join('')}</CORSConfiguration>`;
}
