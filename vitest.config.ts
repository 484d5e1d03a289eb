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
        },
      },
    ],
  },
});
