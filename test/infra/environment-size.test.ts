import { App, Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import {
  LakipFunction,
  STATE_MACHINES_MAX_BYTES,
  stateMachinesBytes,
} from '../../infra/constructs/lakip-function.ts';

const arn = (name: string) => `arn:aws:states:ap-southeast-3:123456789012:stateMachine:${name}`;
const versions = (n: number) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `sop-lakip-tahunan@${i + 1}`,
      arn(`LakipFlow-sop-lakip-tahunan-v${i + 1}`),
    ]),
  );

describe('the STATE_MACHINES variable', () => {
  it('measures the rendered map with the longest ARN prefix an account can have', () => {
    const one = versions(1);
    expect(stateMachinesBytes(one)).toBe(JSON.stringify(one).length + 'aws-us-gov'.length - 'aws'.length);
  });

  it('refuses at synthesis, in Indonesian, a map that would break the 4 KB environment limit', () => {
    const fits = Math.floor(STATE_MACHINES_MAX_BYTES / stateMachinesBytes(versions(1)));
    // No bundling: only the binding is under test.
    const stack = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Ukuran');
    const fn = (id: string) => new LakipFunction(stack, id, { handler: 'deliver', description: 'uji' });
    expect(() => fn('Muat').bindStateMachines(versions(fits - 2), { respond: true })).not.toThrow();
    expect(() => fn('Penuh').bindStateMachines(versions(fits + 2), { respond: true })).toThrow(
      /STATE_MACHINES akan berukuran ±\d+ bita untuk \d+ versi SOP; Lambda membatasi/,
    );
  });
});
