/**
 * A value built on its first use, once (a failed build is retried on the next use). The adapters load
 * the AWS SDK this way: the Lambda runtime provides it outside the bundle, and a function's cold start
 * then pays only for the clients the request in hand uses (bench/bundles.ts measures both the import
 * and the first use of every client).
 */
export function once<T>(build: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= build().catch((e: unknown) => {
      value = undefined;
      throw e;
    });
    return value;
  };
}

/** A client given as is (tests, the local tools) or as a factory called on first use. */
export type ClientOf<T> = T | (() => Promise<T>);

export const clientOnce = <T extends object>(c: ClientOf<T>): (() => Promise<T>) =>
  once(async () => (typeof c === 'function' ? (c as () => Promise<T>)() : c));
