import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { LOCAL_REGION } from './constants.ts';
import { readTemplate } from './template.ts';

let synthesized: CreateTableCommandInput | undefined;

/** The table as the synthesized template defines it (keys, attribute types, indexes). */
export function templateTable(): CreateTableCommandInput {
  synthesized ??= readTemplate(loadCatalogue(), mkdtempSync(join(tmpdir(), 'lakip-cdk-'))).table.create;
  return synthesized;
}

/**
 * Creates the table from its definition in the template unless it exists. dynalite has no TTL API: the
 * TTL attribute is written by the store but items are not expired locally.
 */
export async function ensureTable(endpoint: string, create: CreateTableCommandInput = templateTable()) {
  const ddb = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'lokal', secretAccessKey: 'lokal' },
  });
  try {
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName: create.TableName }));
    const have = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    const missing = (create.GlobalSecondaryIndexes ?? [])
      .map((i) => i.IndexName!)
      .filter((i) => !have.has(i));
    if (missing.length > 0) {
      // Data kept from an older version of the project: say what to do instead of failing later.
      console.warn(
        `Tabel lokal ${create.TableName} dibuat oleh versi lama (indeks ${missing.join(', ')} belum ada). Hapus folder data lokal (.lakip-local/) lalu jalankan ulang.`,
      );
    }
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException) && (e as Error).name !== 'ResourceNotFoundException')
      throw e;
    await ddb.send(new CreateTableCommand(create));
  } finally {
    ddb.destroy();
  }
}
