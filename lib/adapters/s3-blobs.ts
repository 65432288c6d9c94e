import type { S3Client } from '@aws-sdk/client-s3';
import type { BlobStore } from '../cycle/ports.ts';
import { type ClientOf, clientOnce, once } from './once.ts';

const s3lib = once(() => import('@aws-sdk/client-s3'));

/** Working and archive buckets. Links are short-lived; uploads are presigned POSTs bound to one key. */
export class S3Blobs implements BlobStore {
  private readonly s3: () => Promise<S3Client>;
  private readonly presignS3: () => Promise<S3Client>;

  constructor(
    private readonly buckets: { kerja: string; arsip: string },
    s3: ClientOf<S3Client>,
    /** A second client whose endpoint is what the person's browser reaches (local: the same). */
    presignS3: ClientOf<S3Client> = s3,
  ) {
    this.s3 = clientOnce(s3);
    this.presignS3 = presignS3 === s3 ? this.s3 : clientOnce(presignS3);
  }

  async put(bucket: 'kerja' | 'arsip', key: string, body: Uint8Array, contentType: string) {
    const { PutObjectCommand } = await s3lib();
    await (await this.s3()).send(
      new PutObjectCommand({ Bucket: this.buckets[bucket], Key: key, Body: body, ContentType: contentType }),
    );
  }

  async get(bucket: 'kerja' | 'arsip', key: string) {
    const { GetObjectCommand } = await s3lib();
    const r = await (await this.s3()).send(new GetObjectCommand({ Bucket: this.buckets[bucket], Key: key }));
    return r.Body!.transformToByteArray();
  }

  async exists(bucket: 'kerja' | 'arsip', key: string) {
    const { HeadObjectCommand } = await s3lib();
    try {
      await (await this.s3()).send(new HeadObjectCommand({ Bucket: this.buckets[bucket], Key: key }));
      return true;
    } catch (e) {
      const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404 || (e as Error).name === 'NotFound' || (e as Error).name === 'NoSuchKey')
        return false;
      throw e;
    }
  }

  async size(bucket: 'kerja' | 'arsip', key: string) {
    const { HeadObjectCommand } = await s3lib();
    const r = await (await this.s3()).send(new HeadObjectCommand({ Bucket: this.buckets[bucket], Key: key }));
    return r.ContentLength ?? 0;
  }

  async downloadUrl(bucket: 'kerja' | 'arsip', key: string, fileName: string) {
    const safe = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
    const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([
      s3lib(),
      import('@aws-sdk/s3-request-presigner'),
    ]);
    return getSignedUrl(
      await this.presignS3(),
      new GetObjectCommand({
        Bucket: this.buckets[bucket],
        Key: key,
        ResponseContentDisposition: `attachment; filename="${safe}"`,
      }),
      { expiresIn: 3600 },
    );
  }

  async uploadForm(key: string, maxBytes: number, contentType: string) {
    const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post');
    return createPresignedPost(await this.presignS3(), {
      Bucket: this.buckets.kerja,
      Key: key,
      Conditions: [
        ['content-length-range', 1, maxBytes],
        ['eq', '$Content-Type', contentType],
      ],
      Fields: { 'Content-Type': contentType },
      Expires: 900,
    });
  }
}
