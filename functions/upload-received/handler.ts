import middy from '@middy/core';
import type { S3Event } from 'aws-lambda';
import { receiveUpload } from '#lib/cycle/receive-upload.ts';
import { log, observe } from '../commons/log.ts';
import '../commons/ports/store.ts';
import '../commons/ports/blobs.ts';
import '../commons/ports/workflow.ts';
import '../commons/ports/mailer.ts';
import { getCatalogue } from '../commons/catalogue.ts';
import { getPorts } from '../commons/ports.ts';
import { s3Keys } from '../commons/s3.ts';

/** S3 ObjectCreated on unggahan/…: validates the unit's workbook and completes or keeps open its task. */
export const handler = middy<S3Event>()
  .use(observe('upload-received'))
  .handler(async (event) => {
    const results = [];
    for (const key of s3Keys(event)) {
      const outcome = await receiveUpload(getPorts(), getCatalogue(), key);
      log('info', 'unggahan diproses', { status: outcome.status, key });
      results.push(outcome.status);
    }
    return results;
  });
