import { defineConfig } from 'vitest/config';

// Two projects: fast unit/integration tests in parallel, browser tests one file at a time.
export default defineConfig({
  test: {
    // Two files at once even on a 2-core machine (vitest would use one): most of a test's time is spent
    // waiting for a database, a browser or a child server, so a browser file and an integration file overlap
    // well (the whole suite took 13.5 instead of ~16.5 minutes here).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'integration',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
