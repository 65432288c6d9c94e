import middy from '@middy/core';
import type { S3Event } from 'aws-lambda';
import { receiveUpload } from '#lib/cycle/receive-upload.ts';
import { log, observe } from '../commons/log.ts';
import { getCatalogue, getPorts } from '../commons/runtime.ts';

/** S3 ObjectCreated on unggahan/…: validates the unit's workbook and completes or keeps open its task. */
export const handler = middy<S3Event>()
  .use(observe('upload-received'))
  .handler(async (event) => {
    const results = [];
    for (const record of event.Records) {
      const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
      const outcome = await receiveUpload(getPorts(), getCatalogue(), key);
      log('info', 'unggahan diproses', { status: outcome.status, key });
      results.push(outcome.status);
    }
    return results;
  });
