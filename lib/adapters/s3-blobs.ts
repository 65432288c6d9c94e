import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { BlobStore } from '../cycle/ports.ts';

/** Working and archive buckets. Links are short-lived; uploads are presigned POSTs bound to one key. */
export class S3Blobs implements BlobStore {
  constructor(
    private readonly buckets: { kerja: string; arsip: string },
    private readonly s3 = new S3Client({}),
    /** A second client whose endpoint is what the person's browser reaches (local: the same). */
    private readonly presignS3 = s3,
  ) {}

  async put(bucket: 'kerja' | 'arsip', key: string, body: Uint8Array, contentType: string) {
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.buckets[bucket], Key: key, Body: body, ContentType: contentType }),
    );
  }

  async get(bucket: 'kerja' | 'arsip', key: string) {
    const r = await this.s3.send(new GetObjectCommand({ Bucket: this.buckets[bucket], Key: key }));
    return r.Body!.transformToByteArray();
  }

  async exists(bucket: 'kerja' | 'arsip', key: string) {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.buckets[bucket], Key: key }));
      return true;
    } catch (e) {
      const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404 || (e as Error).name === 'NotFound' || (e as Error).name === 'NoSuchKey')
        return false;
      throw e;
    }
  }

  async size(bucket: 'kerja' | 'arsip', key: string) {
    const r = await this.s3.send(new HeadObjectCommand({ Bucket: this.buckets[bucket], Key: key }));
    return r.ContentLength ?? 0;
  }

  downloadUrl(bucket: 'kerja' | 'arsip', key: string, fileName: string) {
    const safe = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
    return getSignedUrl(
      this.presignS3,
      new GetObjectCommand({
        Bucket: this.buckets[bucket],
        Key: key,
        ResponseContentDisposition: `attachment; filename="${safe}"`,
      }),
      { expiresIn: 3600 },
    );
  }

  uploadForm(key: string, maxBytes: number, contentType: string) {
    return createPresignedPost(this.presignS3, {
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
