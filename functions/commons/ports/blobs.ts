import { S3Blobs } from '#lib/adapters/s3-blobs.ts';
import { provide, required } from '../ports.ts';

/**
 * The working bucket (WORK_BUCKET) and, for the functions given it, the archive (ARCHIVE_BUCKET). Links
 * and upload forms are signed for S3_PUBLIC_ENDPOINT when set (the local S3 as people's browsers reach it).
 */
provide('blobs', () => {
  const forcePathStyle = process.env.S3_FORCE_PATH_STYLE === 'true';
  const presignEndpoint = process.env.S3_PUBLIC_ENDPOINT;
  // The client module is imported on the first call that needs it.
  const client = (endpoint?: string) => async () =>
    new (await import('@aws-sdk/client-s3')).S3Client({ forcePathStyle, endpoint });
  const s3 = client();
  const presignS3 = presignEndpoint ? client(presignEndpoint) : s3;
  const names = {
    kerja: required('WORK_BUCKET'),
    // Only the archiving function has the archive; the others fail here, by name, if they reach for it.
    get arsip() {
      return required('ARCHIVE_BUCKET');
    },
  };
  return new S3Blobs(names, s3, presignS3);
});
