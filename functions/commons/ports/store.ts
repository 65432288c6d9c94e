import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCycleStore } from '#lib/adapters/dynamodb-store.ts';
import { provide, required } from '../ports.ts';

/** The table (TABLE_NAME); the SDK reads AWS_ENDPOINT_URL_DYNAMODB itself when set (local runtime). */
provide('store', () => new DynamoCycleStore(required('TABLE_NAME'), new DynamoDBClient({})));
