import { DynamoCycleStore } from '#lib/adapters/dynamodb-store.ts';
import { provide, required } from '../ports.ts';

/**
 * The table (TABLE_NAME); the SDK reads AWS_ENDPOINT_URL_DYNAMODB itself when set (local runtime). The
 * client module is imported on the store's first call, not when the handler loads.
 */
provide(
  'store',
  () =>
    new DynamoCycleStore(
      required('TABLE_NAME'),
      async () => new (await import('@aws-sdk/client-dynamodb')).DynamoDBClient({}),
    ),
);
