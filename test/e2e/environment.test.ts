import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDLER_ENV } from '../../functions/commons/env.ts';
import type { CaughtMail } from '../../infra/local/mailbox.ts';
import { LINK_PATTERN } from '../../infra/local/people.ts';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.ts';
import { LOCAL_REGION } from '../../infra/local/template.ts';
import { DynamoCycleStore } from '../../lib/adapters/dynamodb-store.ts';

/**
 * The local runtime runs what deploys: each function with exactly its synthesized environment, the table
 * as the template defines it, requests routed as the HTTP API routes them.
 */
let rt: LocalRuntime;
let ddb: DynamoDBClient;

beforeAll(async () => {
  rt = await startLocalRuntime({ dataDir: mkdtempSync(join(tmpdir(), 'lakip-env-')), persist: false });
  ddb = new DynamoDBClient({
    endpoint: rt.urls.dynamodb,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'lokal', secretAccessKey: 'lokal' },
  });
}, 120_000);
afterAll(async () => {
  ddb?.destroy();
  await rt?.stop();
});

const only = (id: string) => rt.functions.ids.find((f) => f.startsWith(id))!;
/** An API Gateway (payload 2.0) GET for a task link that is well formed but was never issued. */
const unknownLink = (method = 'GET') => ({
  version: '2.0',
  routeKey: `${method} /t/{link}`,
  rawPath: '/t/AAAAAAAAAAAAAAAAAAAAAA',
  rawQueryString: '',
  headers: {},
  requestContext: { http: { method, path: '/t/AAAAAAAAAAAAAAAAAAAAAA' }, routeKey: `${method} /t/{link}` },
  isBase64Encoded: false,
});

describe('each function runs with exactly its synthesized environment', () => {
  it('gives every function its template variables, resolved locally, and no other resource names', () => {
    const resourceVars = [
      'TABLE_NAME',
      'WORK_BUCKET',
      'ARCHIVE_BUCKET',
      'STATE_MACHINES',
      'MAIL_FROM',
      'PUBLIC_URL',
    ];
    for (const f of rt.template.functions) {
      const env = rt.functions.environmentOf(f.id);
      const named = Object.keys(env).filter((k) => resourceVars.includes(k));
      expect(named.sort(), f.id).toEqual(
        Object.keys(f.variables)
          .filter((k) => resourceVars.includes(k))
          .sort(),
      );
      for (const k of named) expect(env[k], `${f.id} ${k}`).not.toMatch(/Fn::|"Ref"|\[object|undefined/);
      for (const v of HANDLER_ENV[f.handler]!.required) expect(env[v], `${f.id} lacks ${v}`).toBeTruthy();
    }
    // The public page function holds no state machine: it cannot start or resume an execution.
    expect(rt.functions.environmentOf(only('Halaman')).STATE_MACHINES).toBeUndefined();
  });

  it('answers a task page with the page function’s own environment (it once lacked PUBLIC_URL)', async () => {
    const r = (await rt.functions.invoke(
      only('Halaman'),
      unknownLink(),
    )) as APIGatewayProxyStructuredResultV2;
    expect(r.body).not.toContain('Terjadi kesalahan');
    expect(r.statusCode).toBe(404);
    expect(r.body).toContain('Tautan tidak dikenal');
  });

  it('fails, naming nothing secret, when a function lacks a variable its handler needs', async () => {
    const env = rt.functions.environmentOf(only('Halaman'));
    delete env.TABLE_NAME;
    const r = (await rt.functions.invoke(
      only('Halaman'),
      unknownLink(),
      env,
    )) as APIGatewayProxyStructuredResultV2;
    expect(r.statusCode).toBe(500);
    expect(r.body).toContain('Terjadi kesalahan');
  });

  it("marks an upload that kept failing as 'gagal' from the upload function's failure record", async () => {
    const store = new DynamoCycleStore(rt.template.table.name, ddb);
    const event = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'events', 'sqs-unggahan-gagal.json'), 'utf8'),
    );
    const key = 'unggahan/dkukmtk-balangan/2025-tahunan-uji/04.bidang-ukm.1/mabc-0123456789ab.xlsx';
    await store.putUpload({
      agencyId: 'dkukmtk-balangan',
      cycleId: '2025-tahunan-uji',
      taskId: '04.bidang-ukm.1',
      uploadId: 'mabc-0123456789ab',
      unit: 'bidang-ukm',
      namaBerkas: 'isian.xlsx',
      key,
      dibuat: new Date().toISOString(),
      status: 'menunggu',
    });
    await rt.functions.invoke(only('UnggahanGagalDiproses'), event);
    expect(await store.getUpload('dkukmtk-balangan', '2025-tahunan-uji', 'mabc-0123456789ab')).toMatchObject({
      status: 'gagal',
      gagal: { alasan: expect.stringMatching(/\S/) },
    });
  });

  it('runs the scheduled sweep with its own environment', async () => {
    const [fn] = rt.template.schedules.map((s) => s.functionId);
    expect(rt.functions.handlerOf(fn!)).toBe('sweep');
    await expect(rt.functions.invoke(fn!, {})).resolves.toMatchObject({ pengingat: 0, eskalasi: 0 });
  });
});

describe('the table and the API come from the template', () => {
  it('creates the table with the template’s keys and indexes', async () => {
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName: rt.template.table.name }));
    expect(Table?.KeySchema).toEqual(rt.template.table.create.KeySchema);
    expect(Table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.KeySchema])).toEqual(
      rt.template.table.create.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.KeySchema]),
    );
    expect(rt.template.table.ttlAttribute).toBe('ttl');
  });

  it('writes the TTL attribute on every mailed link', async () => {
    const first = new Promise<CaughtMail>((resolve) => rt.mailbox.once('mail', resolve));
    const res = await fetch(`${rt.urls.api}/api/siklus`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agencyId: 'dkukmtk-balangan', sopId: 'dkukmtk-balangan-lakip', tahun: 2025 }),
    });
    expect(res.status).toBe(201);
    await first;
    const { Items = [] } = await ddb.send(new ScanCommand({ TableName: rt.template.table.name }));
    const links = Items.filter((i) => i.pk?.S?.startsWith('LINK#'));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      const expiry = Date.parse(l.kedaluwarsa!.S!) / 1000;
      expect(Number(l.ttl?.N)).toBeGreaterThan(expiry);
    }
  });

  it('records an answer on the public page and hands it over from the stream, not from the page', async () => {
    const mail = rt.mailbox.messages.find((m) => m.subject.includes('Tugas langkah 1'))!;
    const linkId = LINK_PATTERN.exec(mail.text)![1]!;
    const handed = new Promise<{ fungsi: string; result: unknown }>((resolve) => {
      const on = (e: { handler: string; fungsi: string; result: unknown }) => {
        if (e.handler !== 'deliver') return;
        rt.events.off('handler', on);
        resolve(e);
      };
      rt.events.on('handler', on);
    });
    const r = await fetch(`${rt.urls.api}/t/${linkId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'hasil=selesai&catatan=Lanjutkan',
    });
    expect(r.status).toBe(200);
    expect(await handed).toMatchObject({ fungsi: only('Penerus'), result: { diteruskan: 1 } });
    expect(rt.denied).toEqual([]);
  });

  it('routes as API Gateway does: unknown paths never reach a function', async () => {
    const r = await fetch(`${rt.urls.api}/tidak-ada`);
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ message: 'Not Found' });
    expect((await fetch(`${rt.urls.api}/t/AAAAAAAAAAAAAAAAAAAAAA`, { method: 'HEAD' })).status).toBe(404);
    expect((await fetch(`${rt.urls.api}/t/AAAAAAAAAAAAAAAAAAAAAA`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('each function holds only its IAM policy from the template', () => {
  /** Clients as the function `id` has them: its endpoints, which carry its identity locally. */
  const as = (id: string) => {
    const env = rt.functions.environmentOf(id);
    const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
    return {
      ddb: new DynamoDBClient({ endpoint: env.AWS_ENDPOINT_URL_DYNAMODB, region: LOCAL_REGION, credentials }),
      s3: new S3Client({
        endpoint: env.AWS_ENDPOINT_URL_S3,
        region: LOCAL_REGION,
        credentials,
        forcePathStyle: true,
      }),
    };
  };

  it('refuses a write outside the partition-key prefixes the function is granted', async () => {
    const { ddb: c } = as(only('Pengingat'));
    const put = (pk: string) =>
      c.send(new PutItemCommand({ TableName: 'lakip-data', Item: { pk: { S: pk }, sk: { S: 'uji' } } }));
    await expect(put('AG#uji')).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(put('LINK#uji')).resolves.toBeDefined();
    expect(rt.denied).toContainEqual(
      expect.objectContaining({ action: 'dynamodb:PutItem', leadingKeys: ['AG#uji'] }),
    );
    c.destroy();
  });

  it('answers a missing key with 403 unless the function may list the bucket, as S3 does', async () => {
    const head = (id: string) =>
      as(id).s3.send(new HeadObjectCommand({ Bucket: 'lakip-kerja', Key: 'siklus/tidak/ada.docx' }));
    await expect(head(only('Langkah'))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    await expect(head(only('Halaman'))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    await expect(head(only('Tugas'))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
  });
});
