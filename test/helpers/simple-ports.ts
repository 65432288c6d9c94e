import type { BlobStore, CycleStore, Mail, Ports, Workflow } from '../../lib/cycle/ports.ts';

type Bucket = 'kerja' | 'arsip';

/** Objects in memory; download URLs name the bucket and key so a test can follow them. */
export class MapBlobs implements BlobStore {
  readonly objects = new Map<string, Uint8Array>();
  async put(bucket: Bucket, key: string, body: Uint8Array) {
    this.objects.set(`${bucket}/${key}`, body);
  }
  async get(bucket: Bucket, key: string) {
    const o = this.objects.get(`${bucket}/${key}`);
    if (!o) throw Object.assign(new Error(`tidak ada ${key}`), { name: 'NoSuchKey' });
    return o;
  }
  async exists(bucket: Bucket, key: string) {
    return this.objects.has(`${bucket}/${key}`);
  }
  async size(bucket: Bucket, key: string) {
    return (await this.get(bucket, key)).byteLength;
  }
  async downloadUrl(bucket: Bucket, key: string, fileName: string) {
    return `https://unduh.test/${bucket}/${key}?nama=${encodeURIComponent(fileName)}`;
  }
  async uploadForm(key: string) {
    return { url: 'https://unggah.test/', fields: { key } };
  }
}

/**
 * Ports over a real store (dynalite in integration tests) with mail, files and the workflow in memory,
 * and a clock the test moves.
 */
export function simplePorts(store: CycleStore, at = '2026-01-05T01:00:00Z') {
  const mails: Mail[] = [];
  const started: { sopId: string; name: string }[] = [];
  const resumed: { token: string; output: unknown }[] = [];
  const clock = { t: new Date(at), now: () => new Date(clock.t) };
  const workflow: Workflow = {
    async start(sopId, name) {
      started.push({ sopId, name });
      return `arn:lokal:${name}`;
    },
    async succeed(token, output) {
      resumed.push({ token, output });
    },
  };
  const ports: Ports = {
    store,
    blobs: new MapBlobs(),
    workflow,
    mailer: { send: async (m) => void mails.push(m) },
    clock,
    publicUrl: 'https://lakip.test',
  };
  return {
    ports,
    blobs: ports.blobs as MapBlobs,
    mails,
    started,
    resumed,
    /** Moves the clock to an instant (ISO text or a Date), or on by a number of milliseconds. */
    setTime: (to: string | Date | number) => {
      clock.t = typeof to === 'number' ? new Date(clock.t.getTime() + to) : new Date(to);
    },
  };
}

/** The link id in a mail's text (https://lakip.test/t/<id>…). */
export function linkIdIn(m: Mail): string {
  const id = /\/t\/([A-Za-z0-9_-]{22})/.exec(m.text)?.[1];
  if (!id) throw new Error(`tidak ada tautan di email "${m.subject}"`);
  return id;
}
