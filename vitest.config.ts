import { randomInt } from 'node:crypto';
import { defineConfig } from 'vitest/config';

// One seed per run for the sampled tests (test/support/test-seed.ts); the test workers inherit it.
process.env.TEST_SEED ??= String(randomInt(1, 2 ** 31));
console.info(`Sampled tests: seed ${process.env.TEST_SEED}${process.env.TEST_SAMPLE === 'all' ? ', everything (TEST_SAMPLE=all)' : ` (TEST_SEED=${process.env.TEST_SEED} replays it, TEST_SAMPLE=all runs everything)`}`);

// Two projects, two tiers of `npm test`: unit + integration tests, and browser tests.
export default defineConfig({
  test: {
    // Two files at once even on a 2-core machine (vitest would use one): most of a test's time is spent
    // waiting for a database, a browser or a child server. Both projects share these two workers, so browser
    // and integration files run side by side. (A project with fileParallelism: false would form a group of
    // its own that vitest 4 runs only after the others: the browser files then ran alone on one core.)
    maxWorkers: 2,
    // Prints each project's (tier's) wall time at the end; test/run-tiers.ts collects it for its summary.
    reporters: ['default', './test/support/tier-timing-reporter.ts'],
    projects: [
      {
        test: {
          name: 'integration',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          // As in the browser project: a worker keeps the imported modules from one test file to the next instead
          // of evaluating the whole server again for every file — that evaluation took longer than the tests
          // themselves (40 feature files: import 264 s → 43 s, wall 4 min 01 s → 2 min 20 s). Every file still
          // builds its own app on its own database; nothing a test relies on lives in module state.
          isolate: false,
          // Room for a loaded machine: two PostgreSQL tests that take 12-25 s there alone (the authorization
          // matrix's, bad input's) passed 30 s with browser files beside them on a busy 2-core machine.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['test/support/test-db-setup.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          // A worker keeps the imported modules (the whole server, playwright) from one browser file to the next
          // instead of importing them again: that was most of each file's start (import 35 → 14 s for three
          // files). Every file starts its own server (own port and database) and browser, so nothing is shared
          // that a test relies on, and two browser files may run at once.
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
