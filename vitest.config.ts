import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          benchmark: { include: ['tests/bench/**/*.bench.ts'] },
          environment: 'node',
          // Builds dist-cli/stork.cjs once before the files run (bin/stork.mjs runs it).
          globalSetup: ['tests/unit/global-setup.ts'],
          // Property tests run hundreds of cases; on a busy two-core machine some take longer
          // than Vitest's 5 s default. A timeout here guards against hangs, not speed (speed
          // targets are benchmarks).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
          // expect.poll waits for what the page makes later (after an event, a timer, a worker
          // or IndexedDB). Vitest's 1 s default is shorter than a cold page load or a worker's
          // parse on a busy two-core machine; a poll passes as soon as it holds, so a longer
          // bound only matters when a test is failing.
          expect: { poll: { timeout: 15_000, interval: 50 } },
        },
      },
    ],
  },
});
