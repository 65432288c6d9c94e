import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * The browser end-to-end test needs Debian's Chromium (scripts/siapkan-peramban.sh installs it; .ci/run
 * always does). Without it the test is not collected at all, and we say so, rather than skip it.
 */
export const CHROMIUM = process.env.LAKIP_CHROMIUM ?? '/usr/bin/chromium';
const browser = existsSync(CHROMIUM);
if (!browser) {
  console.log(
    `\nUji peramban (test/browser) TIDAK dijalankan: Chromium tidak ada di ${CHROMIUM}. Pasang dengan: bash scripts/siapkan-peramban.sh\n`,
  );
}

export default defineConfig({
  test: {
    include: [
      'test/unit/**/*.test.ts',
      'test/infra/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/e2e/**/*.test.ts',
      ...(browser ? ['test/browser/**/*.test.ts'] : []),
    ],
    pool: 'forks',
    // Vitest's default is one worker per core minus one: a single worker on the two-core CI machine. The
    // end-to-end files spend much of their time waiting on the local runtime, so two share the cores well.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    benchmark: { include: [] },
    env: { LAKIP_LOG: 'off', CDK_VALIDATION: 'false', LAKIP_RETRY_MS: '20' },
  },
});
