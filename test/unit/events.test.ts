import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/api/handler.ts';
import { s3Keys } from '../../functions/commons/s3.ts';
import { parseUploadKey } from '../../lib/cycle/receive-upload.ts';

const load = (name: string) => JSON.parse(readFileSync(`events/${name}`, 'utf8'));

describe('sample events', () => {
  it('the S3 upload event names a key the upload handler recognises', () => {
    const e = load('s3-unggahan-diterima.json');
    expect(parseUploadKey(e.Records[0].s3.object.key)).toEqual({
      agencyId: 'dkukmtk-balangan',
      cycleId: '2025-tahunan-abcd1234',
      taskId: '04.bidang-koperasi.1',
      uploadId: 'mk8x2c-9fq1zt0p',
    });
  });

  it("the upload function's failure record (SQS) names the upload that kept failing", () => {
    const e = load('sqs-unggahan-gagal.json');
    const keys = s3Keys(JSON.parse(e.Records[0].body).requestPayload);
    expect(keys.map(parseUploadKey)).toEqual([
      {
        agencyId: 'dkukmtk-balangan',
        cycleId: '2025-tahunan-uji',
        taskId: '04.bidang-ukm.1',
        uploadId: 'mabc-0123456789ab',
      },
    ]);
  });

  it('refuses upload keys that were not written by the system', () => {
    for (const key of [
      'unggahan/../x.xlsx',
      'unggahan/a/b/04.x.1/../../evil.xlsx',
      'siklus/a/b/format/x.xlsx',
      'unggahan/a/b/04.x.1/id.exe',
    ]) {
      expect(parseUploadKey(key)).toBeUndefined();
    }
  });

  it('a malformed task link gets the same "unknown link" page, without touching storage', async () => {
    process.env.TABLE_NAME = 'tidak-dipakai';
    process.env.WORK_BUCKET = 'tidak-dipakai';
    process.env.MAIL_FROM = 'a@b.example';
    process.env.PUBLIC_URL = 'http://127.0.0.1';
    const e = load('api-get-tugas.json');
    const r = await handler({ ...e, rawPath: '/t/bukan-tautan' }, {} as never);
    expect(r.statusCode).toBe(404);
    expect(r.body).toContain('Tautan tidak dikenal');
    expect(r.headers?.['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
