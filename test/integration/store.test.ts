import { DeleteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoCycleStore } from '../../lib/adapters/dynamodb-store.ts';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { issueLink } from '../../lib/cycle/issue-link.ts';
import { linkHash, newLinkId } from '../../lib/cycle/links.ts';
import type { HumanTask } from '../../lib/cycle/model.ts';
import { decide, taskByLink } from '../../lib/cycle/people.ts';
import type { Ports } from '../../lib/cycle/ports.ts';
import { startDynamo } from '../helpers/dynamo.ts';
import { cycleFixture, SEKRETARIS, taskFixture } from '../helpers/fixtures.ts';
import { cycleStoreContract } from '../helpers/store-contract.ts';
import { cycleStoreLinkContract } from '../helpers/store-contract-links.ts';
import { cycleStorePeopleContract } from '../helpers/store-contract-people.ts';
import { cycleStoreSigningContract } from '../helpers/store-contract-signing.ts';

let db: Awaited<ReturnType<typeof startDynamo>>;
let store: DynamoCycleStore;
beforeAll(async () => {
  db = await startDynamo();
  store = db.store;
  // The cycle the link and decision cases below belong to (the contract works in agencies of its own).
  await store.createCycle(cycle);
});
afterAll(() => db.stop());

const cycle = cycleFixture();
const person = SEKRETARIS;
const task = (over: Partial<HumanTask> = {}) => taskFixture(cycle, over);

cycleStoreContract('DynamoCycleStore on dynalite', () => store);
cycleStoreLinkContract('DynamoCycleStore on dynalite', () => store);
cycleStoreSigningContract('DynamoCycleStore on dynalite', () => store);

/** Issues a link the way the engine does, and returns its id (as the email would carry it). */
async function linkFor(t: HumanTask, now = new Date()): Promise<string> {
  const url = await issueLink(
    { store, clock: { now: () => now }, publicUrl: 'http://lokal' } as unknown as Ports,
    t,
  );
  return url.split('/t/')[1]!;
}

describe('links', () => {
  const portsAt = (iso: string) => ({ store, clock: { now: () => new Date(iso) } }) as unknown as Ports;
  const cat = loadCatalogue('config');

  it('open only their task, for the person they were sent to, until they expire', async () => {
    const t = task({ taskId: '07.-.9', putaran: 9 });
    await store.putTask(t);
    const id = await linkFor(t, new Date('2026-01-05T01:00:00Z'));
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await taskByLink(portsAt('2026-01-20T00:00:00Z'), cat, id)).toMatchObject({
      ok: true,
      task: { taskId: '07.-.9' },
    });
    // 30 days later the link has expired; the task itself is still open.
    expect(await taskByLink(portsAt('2026-02-05T01:00:00Z'), cat, id)).toEqual({
      ok: false,
      alasan: 'kedaluwarsa',
    });
    // One character changed: unknown, like any guess.
    const tampered = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    expect(await taskByLink(portsAt('2026-01-20T00:00:00Z'), cat, tampered)).toEqual({
      ok: false,
      alasan: 'tidak-dikenal',
    });
    // Only the hash is stored: the id itself is nowhere in the table.
    expect(await store.getLink(id)).toBeUndefined();
    expect(await store.getLink(linkHash(id))).toMatchObject({ taskId: '07.-.9', email: person.email });
  });

  it('stop working when the task is given to someone else', async () => {
    const t = task({ taskId: '07.-.8', putaran: 8 });
    await store.putTask(t);
    const id = await linkFor(t);
    // Reassign: the same task now belongs to another official.
    await DynamoDBDocumentClient.from(db.client).send(
      new DeleteCommand({
        TableName: 'lakip-data',
        Key: { pk: `CY#${t.agencyId}#${t.cycleId}`, sk: `TASK#${t.taskId}` },
      }),
    );
    await store.putTask({ ...t, assignee: { ...person, email: 'pengganti@dkukmtk.balangan.example' } });
    expect(await taskByLink(portsAt(new Date().toISOString()), cat, id)).toEqual({
      ok: false,
      alasan: 'tidak-dikenal',
    });
  });
});

describe('a decision through its link', () => {
  it('lets exactly one of 50 concurrent POSTs through and resumes the workflow once', async () => {
    const cat = loadCatalogue('config');
    const t = task({ taskId: '07.-.2', putaran: 2 });
    await store.putTaskToken(t, 'token-rahasia');
    await store.putTask(t);
    const linkId = await linkFor(t);
    const resumed: unknown[] = [];
    // A port double for Step Functions: the real endpoint is exercised by the end-to-end tests.
    const ports = {
      store,
      workflow: {
        start: async () => '',
        succeed: async (_token: string, out: unknown) => void resumed.push(out),
      },
      clock: { now: () => new Date('2026-01-05T02:00:00Z') },
    } as unknown as Ports;
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () => decide(ports, cat, linkId, { hasil: 'setuju', catatan: 'ok' })),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok && o.alasan === 'sudah-diproses')).toHaveLength(49);
    expect(resumed).toHaveLength(1);
  });

  it('requires notes to return a document, and refuses unknown links alike', async () => {
    const cat = loadCatalogue('config');
    const t = task({ taskId: '07.-.3', putaran: 3 });
    await store.putTask(t);
    const linkId = await linkFor(t);
    const ports = {
      store,
      workflow: { succeed: async () => undefined },
      clock: { now: () => new Date() },
    } as unknown as Ports;
    expect(await decide(ports, cat, linkId, { hasil: 'kembali', catatan: '  ' })).toMatchObject({
      ok: false,
      alasan: 'tidak-sah',
      pesan: expect.stringContaining('Catatan wajib diisi'),
    });
    expect(await decide(ports, cat, newLinkId(), { hasil: 'setuju' })).toMatchObject({
      ok: false,
      alasan: 'tidak-dikenal',
    });
    expect(await decide(ports, cat, '../../etc/passwd', { hasil: 'setuju' })).toMatchObject({
      ok: false,
      alasan: 'tidak-dikenal',
    });
  });
});
cycleStorePeopleContract('DynamoCycleStore on dynalite', () => store);
