import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { LOCAL_REGION } from '../../infra/local/constants.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';

/** The real S3 client a test reads the local runtime's buckets with (s3rver's fixed credentials). */
export const localS3 = (rt: Pick<LocalRuntime, 'urls'>) =>
  new S3Client({
    endpoint: rt.urls.s3,
    forcePathStyle: true,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });

/** The real DynamoDB client a test reads the local runtime's table with. */
export const localDynamo = (rt: Pick<LocalRuntime, 'urls'>) =>
  new DynamoDBClient({
    endpoint: rt.urls.dynamodb,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
