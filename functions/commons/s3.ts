import type { S3Event } from 'aws-lambda';

/** The object keys of an S3 notification (S3 encodes them like a form: '+' for a space). */
export function s3Keys(event: Pick<S3Event, 'Records'> | undefined): string[] {
  return (event?.Records ?? []).map((r) => decodeURIComponent(r.s3.object.key.replace(/\+/g, ' ')));
}
