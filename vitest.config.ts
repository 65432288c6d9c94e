import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Benchmarks measure speed; tests never do.
    benchmark: { include: [] },
    env: { LAKIP_LOG: 'off', CDK_VALIDATION: 'false' },
  },
});
