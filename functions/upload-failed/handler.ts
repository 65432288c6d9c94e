import middy from '@middy/core';
import type { S3Event, SQSEvent } from 'aws-lambda';
import { markUploadFailed } from '#lib/cycle/upload-keys.ts';
import { log, observe } from '../commons/log.ts';
import '../commons/ports/store.ts';
import { getPorts } from '../commons/ports.ts';
import { s3Keys } from '../commons/s3.ts';

/**
 * The upload function's failure destination (SQS): an upload whose processing still failed after Lambda's
 * retries (a crash, a timeout) is marked `gagal`, so the unit's page says so instead of waiting forever.
 */
export const handler = middy<SQSEvent>()
  .use(observe('upload-failed'))
  .handler(async (event) => {
    for (const m of event.Records) {
      const failed = JSON.parse(m.body) as { requestPayload?: S3Event };
      for (const key of s3Keys(failed.requestPayload)) {
        const marked = await markUploadFailed(getPorts(), key);
        log('warn', 'unggahan gagal diproses', { key, ditandai: marked });
      }
    }
  });
