import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_REGION } from './constants.ts';
import type { Written } from './guard.ts';
import type { LocalTemplate } from './template.ts';

/**
 * The table's stream (NEW_IMAGE), as far as the local runtime needs it: after a function's write goes
 * through the IAM check, the item as it now is is matched against each event source mapping's filter
 * patterns and handed to the mapped function, as Lambda's stream poller would. Deletions are not
 * emulated (no mapping filters on them); writes made outside functions (tests) do not reach the stream.
 */
export class LocalStream {
  private readonly ddb: DynamoDBClient;

  constructor(
    endpoint: string,
    private readonly template: LocalTemplate,
    private readonly invoke: (functionId: string, event: unknown) => Promise<unknown>,
  ) {
    this.ddb = new DynamoDBClient({
      endpoint,
      region: LOCAL_REGION,
      credentials: { accessKeyId: 'lokal', secretAccessKey: 'lokal' },
    });
  }

  async written(w: Written): Promise<void> {
    if (w.table !== this.template.table.name || this.template.streams.length === 0) return;
    const keyNames = (this.template.table.create.KeySchema ?? []).map((k) => k.AttributeName!);
    const Keys = Object.fromEntries(keyNames.map((k) => [k, w.key[k]])) as never;
    const { Item } = await this.ddb.send(
      new GetItemCommand({ TableName: w.table, Key: Keys, ConsistentRead: true }),
    );
    if (!Item) return;
    const record = {
      eventName: 'MODIFY',
      eventSource: 'aws:dynamodb',
      dynamodb: { Keys, NewImage: Item, StreamViewType: 'NEW_IMAGE' },
    };
    await Promise.all(
      this.template.streams
        .filter((s) => s.patterns.length === 0 || s.patterns.some((p) => matches(p, record)))
        .map((s) => this.invoke(s.functionId, { Records: [record] })),
    );
  }

  close(): void {
    this.ddb.destroy();
  }
}

/** An event filter pattern: nested objects, and arrays of accepted values at the leaves (nothing else). */
export function matches(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) {
    if (pattern.some((p) => p !== null && typeof p === 'object'))
      throw new Error(`filter ${JSON.stringify(pattern)}: only exact values are emulated locally`);
    return pattern.includes(value as never);
  }
  if (!pattern || typeof pattern !== 'object')
    throw new Error(`filter ${JSON.stringify(pattern)}: not a pattern`);
  if (!value || typeof value !== 'object') return false;
  return Object.entries(pattern).every(([k, p]) => matches(p, (value as Record<string, unknown>)[k]));
}
