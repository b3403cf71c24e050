import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/shared/error-codes';
import { type ApiOperation, type GeneratedRequest, operationsOf, requestArbitrary } from '../support/openapi-arbitrary';
import { testDialects } from '../support/test-db';
import { runSeed } from '../support/test-seed';
import { type DatabaseWatch, watchDatabase } from './database-fingerprint';
import { createFuzzWorld, type FuzzWorld } from './fuzz-world';

/** The run's seed (printed), so every run explores other requests; `FUZZ_SEED=<n>` or `TEST_SEED=<n>` repeats a run. */
const SEED = Number(process.env.FUZZ_SEED ?? runSeed());
/** Generated requests per dialect: the full count on SQLite, fewer on PostgreSQL to keep the suite fast. */
const REQUESTS: Record<string, number> = {
  sqlite: Number(process.env.FUZZ_REQUESTS ?? 10_000),
  postgres: Number(process.env.FUZZ_REQUESTS_POSTGRES ?? 1_000),
};
/** The floor for the SQLite run. */
const MINIMUM_REQUESTS = 10_000;

// Each call of these costs tens of milliseconds on purpose (argon2id hashing or verification, also
// for unknown addresses; a logout makes the next request sign in again; a PDF is rendered), so they
// get a tenth of the others' share of requests.
const SLOW_ROUTES = new Set([
  'POST /api/session',
  'DELETE /api/session',
  'POST /api/password-resets',
  'POST /api/password-resets/complete',
  'POST /api/invitations/accept',
  'POST /api/setup',
  'POST /api/me/password',
  'POST /api/me/sessions/end-others',
  'POST /api/me/mfa/enrollment',
  'GET /api/schools/:schoolId/selfscan/rounds/:roundId/report.pdf',
  'GET /api/schools/:schoolId/plan/export.pdf',
]);

function nameOf(operation: ApiOperation): string {
  return `${operation.method} ${operation.url}`;
}

/** Splits the request budget over the operations by weight. */
function runsPerOperation(operations: ApiOperation[], total: number): Map<ApiOperation, number> {
  const weightOf = (operation: ApiOperation) => (SLOW_ROUTES.has(nameOf(operation)) ? 0.1 : 1);
  const sum = operations.reduce((acc, operation) => acc + weightOf(operation), 0);
  return new Map(operations.map((operation) => [operation, Math.ceil((total * weightOf(operation)) / sum)]));
}

describe.each(testDialects())('requests generated from the OpenAPI document on %s', (dialect) => {
  let fuzz: FuzzWorld;
  let operations: ApiOperation[];
  let watch: DatabaseWatch;
  let needsSignIn = false;
  let sent = 0;
  /** Answers per route by status class, e.g. `{ '2xx': 120, '4xx': 69 }`. */
  const answers = new Map<string, Record<string, number>>();

  beforeAll(async () => {
    fuzz = await createFuzzWorld(dialect);
    operations = operationsOf(fuzz.doc);
    watch = await watchDatabase(fuzz.test.deps.db);
  });
  afterAll(async () => fuzz?.test.close());

  it('reads every API route of the app from the document', () => {
    const documented = new Set(operations.map(nameOf));
    const registered = fuzz.test.app.registeredRoutes
      .filter((route) => route.url.startsWith('/api/') && route.url !== '/api/openapi.json')
      .map((route) => `${route.method} ${route.url}`);
    expect(registered.filter((route) => !documented.has(route))).toEqual([]);
    expect(operations.length).toBe(registered.length);
  });

  /** One generated request and the properties every answer must have; throws to report a counterexample. */
  async function sendAndCheck(operation: ApiOperation, request: GeneratedRequest): Promise<void> {
    if (needsSignIn) {
      // The pupil and kiosk routes answer 401 to a staff session that is still fine: only sign in (argon2, slow
      // on purpose) when the session really ended.
      if (!(await fuzz.isSignedIn())) await fuzz.signInAgain();
      await watch.changedSinceLastLook();
      needsSignIn = false;
    }
    const response = await fuzz.send(operation, request);
    sent += 1;
    const changed = await watch.changedSinceLastLook();
    const status = response.statusCode;
    const tally = answers.get(nameOf(operation)) ?? {};
    const key = process.env.FUZZ_VERBOSE && status >= 400 ? `${status} ${response.json().error?.code}` : `${Math.floor(status / 100)}xx`;
    tally[key] = (tally[key] ?? 0) + 1;
    answers.set(nameOf(operation), tally);
    if (!request.isAnonymous && (status === 401 || (nameOf(operation) === 'DELETE /api/session' && status < 300))) needsSignIn = true;
    if (status >= 500) throw new Error(`answered ${status}: ${response.body.slice(0, 300)}`);
    if (status >= 400) {
      const error = (response.json() as { error?: { code?: string; message?: unknown } }).error;
      if (!error || !(ERROR_CODES as readonly string[]).includes(error.code ?? '') || typeof error.message !== 'string') {
        throw new Error(`answered ${status} without the error shape: ${response.body.slice(0, 300)}`);
      }
      if (changed.length > 0) throw new Error(`refused with ${status} ${error.code} but changed ${changed.join(', ')}`);
      return;
    }
    if (!request.isValid) throw new Error(`accepted (${status}) a request that breaks its schema: ${response.body.slice(0, 300)}`);
    fuzz.remember(operation, response);
  }

  it(
    'never answers 5xx, refuses bad shapes, and leaves the database unchanged whenever it refuses',
    async () => {
      const runs = runsPerOperation(operations, REQUESTS[dialect]!);
      const failures: string[] = [];
      for (const [index, operation] of operations.entries()) {
        const property = fc.asyncProperty(requestArbitrary(operation, fuzz.hints), (request) => sendAndCheck(operation, request));
        const t0 = performance.now();
        const details = await fc.check(property, { seed: SEED + index, numRuns: runs.get(operation)!, maxSkipsPerRun: 0 });
        if (process.env.FUZZ_VERBOSE) console.info(`${(performance.now() - t0).toFixed(0)} ms ${JSON.stringify(answers.get(nameOf(operation)))} ${nameOf(operation)}`);
        if (details.failed) failures.push(`${nameOf(operation)}: ${String(details.errorInstance)}\n${fc.defaultReportMessage(details)}`);
      }
      const accepted = [...answers.values()].reduce((sum, tally) => sum + (tally['2xx'] ?? 0), 0);
      console.info(`OpenAPI fuzzing on ${dialect}: ${operations.length} routes, ${sent} generated requests, ${accepted} accepted (seed ${SEED}: FUZZ_SEED=${SEED} repeats them)`);
      expect(failures).toEqual([]);
      // A fuzzer whose requests all bounce off sign-in or validation would prove nothing.
      expect(accepted).toBeGreaterThan(sent / 10);
      expect(sent).toBeGreaterThanOrEqual(REQUESTS[dialect]!);
      if (dialect === 'sqlite' && !process.env.FUZZ_REQUESTS) expect(sent).toBeGreaterThanOrEqual(MINIMUM_REQUESTS);
    },
    600_000,
  );
});
