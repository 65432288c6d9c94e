import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { ensureTable, TABLE_NAME } from '../../infra/local/runtime.ts';
import { LOCAL_REGION } from '../../infra/local/template.ts';
import { DynamoCycleStore } from '../../lib/adapters/dynamodb-store.ts';

/** A fresh in-memory dynalite with the project's table, and a store using the real SDK client. */
export async function startDynamo(): Promise<{
  store: DynamoCycleStore;
  client: DynamoDBClient;
  stop: () => Promise<void>;
}> {
  const server: Server = dynalite({ createTableMs: 0 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await ensureTable(endpoint);
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  return {
    store: new DynamoCycleStore(TABLE_NAME, client),
    client,
    stop: async () => {
      client.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
