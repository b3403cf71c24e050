import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../../test/support/test-app';
import { createTestDatabase, type TestDatabase, testDialects } from '../../test/support/test-db';
import { claimJobLease, releaseJobLease, startBackgroundJob } from './background-job';
import { loadConfig } from './config';
import { createDb } from './db/create-db';
import { systemClock } from './deps';
import { metricsRegistry } from './metrics';

const HOUR_MS = 3_600_000;

async function jobRunsCounted(job: string, outcome: string): Promise<number> {
  const metric = (await metricsRegistry.getMetricsAsJSON()).find((entry) => entry.name === 'groeiwijzer_job_runs_total');
  return metric?.values.filter((value) => value.labels.job === job && value.labels.outcome === outcome).reduce((sum, value) => sum + value.value, 0) ?? 0;
}

// Timers are faked (Date with them, so the lease's clock moves too); SQLite runs synchronously underneath, so no
// real timer of a database driver is frozen.
describe('background jobs: timers', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => database.drop());
  afterEach(() => vi.useRealTimers());
  const depsWith = (env: Record<string, string> = {}) => ({ db: database.db, clock: systemClock, config: loadConfig({ LOG_LEVEL: 'silent', ...env }) });

  it('runs first after the delay, then every interval, never twice at once, and goes on after a failure', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let runs = 0;
    let release: (() => void) | undefined;
    const job = startBackgroundJob({
      name: 'timer-test',
      deps: depsWith(),
      firstDelayMs: 1_000,
      intervalMs: 100,
      run: async () => {
        runs += 1;
        if (runs === 1) throw new Error('first run fails');
        if (runs === 2) await new Promise<void>((resolve) => (release = resolve));
      },
      onError: (error) => errors.push(error),
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    expect(errors).toHaveLength(1);
    // The failed run gave its lease back: the next tick runs again.
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(2);
    // The second run is still busy: the next ticks skip instead of starting another.
    await vi.advanceTimersByTimeAsync(300);
    expect(runs).toBe(2);
    release?.();
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(3);
    await job.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(3);
  });

  it('stop waits for a run in progress', async () => {
    vi.useFakeTimers();
    let finished = false;
    const job = startBackgroundJob({
      name: 'stop-test',
      deps: depsWith(),
      firstDelayMs: 10,
      intervalMs: 1_000,
      run: () => new Promise<void>((resolve) => setTimeout(() => ((finished = true), resolve()), 50)),
      onError: () => undefined,
    });
    await vi.advanceTimersByTimeAsync(10);
    const stopped = job.stop();
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    await stopped;
    expect(finished).toBe(true);
  });

  it('JOB_FIRST_DELAY_SECONDS replaces the first delay of every job', async () => {
    vi.useFakeTimers();
    let runs = 0;
    const job = startBackgroundJob({
      name: 'first-delay-test',
      deps: depsWith({ JOB_FIRST_DELAY_SECONDS: '2' }),
      firstDelayMs: 10 * 60_000,
      intervalMs: HOUR_MS,
      run: async () => void (runs += 1),
      onError: () => undefined,
    });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    await job.stop();
  });

  it('two servers with the same job on one database: one run per period, the other skips (and both are counted)', async () => {
    vi.useFakeTimers();
    const runsBy = [0, 0];
    const okBefore = await jobRunsCounted('shared-test', 'ok');
    const skippedBefore = await jobRunsCounted('shared-test', 'skipped');
    // The second server started 5 minutes later: its ticks fall between the first one's.
    const servers = [0, 5 * 60_000].map((offsetMs, index) =>
      startBackgroundJob({
        name: 'shared-test',
        deps: depsWith(),
        firstDelayMs: 60_000 + offsetMs,
        intervalMs: HOUR_MS,
        run: async () => void (runsBy[index]! += 1),
        onError: (error) => {
          throw error;
        },
      }),
    );
    await vi.advanceTimersByTimeAsync(60_000 + 5 * HOUR_MS + 10 * 60_000);
    // Ticks at 1 min, 61 min, … (server 1) and 6 min, 66 min, … (server 2): six periods, six runs in all.
    expect(runsBy[0]! + runsBy[1]!).toBe(6);
    expect(runsBy[0]).toBe(6);
    expect((await jobRunsCounted('shared-test', 'ok')) - okBefore).toBe(6);
    expect((await jobRunsCounted('shared-test', 'skipped')) - skippedBefore).toBe(6);
    for (const server of servers) await server.stop();
  });
});

describe.each(testDialects())('job leases on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database.drop());

  it('of three servers claiming at once on their own connections, exactly one gets the lease', async () => {
    const servers = [database.db, await createDb(database.url), await createDb(database.url)];
    try {
      const now = new Date('2026-12-07T06:00:00.000Z');
      for (let round = 0; round < 5; round += 1) {
        const at = new Date(now.getTime() + round * HOUR_MS);
        const claims = await Promise.all(servers.map((server, index) => claimJobLease(server.kysely, 'race', `server-${index}`, at, HOUR_MS - 1)));
        expect(claims.filter(Boolean)).toHaveLength(1);
      }
    } finally {
      for (const server of servers.slice(1)) await server.close();
    }
  });

  it('a lease is refused to others until it ends or its holder gives it back', async () => {
    const clock = new FakeClock(new Date('2026-12-07T06:00:00.000Z'));
    const db = database.db.kysely;
    expect(await claimJobLease(db, 'digest', 'a', clock.now(), HOUR_MS)).toBe(true);
    clock.advance(HOUR_MS - 1);
    expect(await claimJobLease(db, 'digest', 'b', clock.now(), HOUR_MS)).toBe(false);
    // Nor does the holder itself get a second run within its period.
    expect(await claimJobLease(db, 'digest', 'a', clock.now(), HOUR_MS)).toBe(false);
    // Another job's lease is its own.
    expect(await claimJobLease(db, 'purge', 'b', clock.now(), HOUR_MS)).toBe(true);
    clock.advance(1);
    expect(await claimJobLease(db, 'digest', 'b', clock.now(), HOUR_MS)).toBe(true);
    // Only the holder can give it back.
    await releaseJobLease(db, 'digest', 'a', clock.now());
    expect(await claimJobLease(db, 'digest', 'c', clock.now(), HOUR_MS)).toBe(false);
    await releaseJobLease(db, 'digest', 'b', clock.now());
    expect(await claimJobLease(db, 'digest', 'c', clock.now(), HOUR_MS)).toBe(true);
    const row = await db.selectFrom('job_leases').selectAll().where('name', '=', 'digest').executeTakeFirstOrThrow();
    expect(row.holder).toBe('c');
  });
});
