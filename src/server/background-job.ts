import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from './db/database';
import { type Deps, isoInstant } from './deps';
import { recordJobRun } from './metrics';

// Every `groeiwijzer serve` starts the same timers. With several servers on one PostgreSQL a job must still run
// once per period, not once per server: before each run the job claims its row in job_leases for (almost) one
// interval. Whichever server ticks first after the lease ended runs; the others skip until it ends again. A
// crashed server's lease simply runs out. A failed run hands its lease back, so the next tick anywhere tries
// again. On SQLite (one server) the claim always succeeds after an interval and costs one small write.

/** A job the server runs in the background; `stop` cancels it and waits for a run in progress. */
export interface BackgroundJob {
  stop(): Promise<void>;
}

/** What a job needs besides its own work: the lease lives in the database, and time comes from the clock. */
export type BackgroundJobDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/** How one tick ended: ran and succeeded, ran and failed, or skipped because another server holds the period. */
export type JobOutcome = 'ok' | 'failed' | 'skipped';

// A lease is a little shorter than the interval: the holder's next tick comes one interval after the previous
// tick, and the claim itself was made a moment after that tick.
function leaseLengthMs(intervalMs: number): number {
  return intervalMs - Math.min(intervalMs / 10, 60_000);
}

/**
 * Claims a job's lease for `leaseMs` when nobody holds it (no row, or its lease ended): one atomic statement, so
 * of several servers claiming at once exactly one gets it (PostgreSQL re-checks the condition on the row it
 * waited for). True when this holder got it.
 */
export async function claimJobLease(db: Kysely<Database>, name: string, holder: string, now: Date, leaseMs: number): Promise<boolean> {
  const nowText = isoInstant(now);
  const lease = { name, holder, claimed_at: nowText, lease_until: isoInstant(new Date(now.getTime() + leaseMs)) };
  const claimed = await db
    .insertInto('job_leases')
    .values(lease)
    .onConflict((conflict) =>
      conflict
        .column('name')
        .doUpdateSet({ holder: lease.holder, claimed_at: lease.claimed_at, lease_until: lease.lease_until })
        .where('job_leases.lease_until', '<=', nowText),
    )
    .returning('name')
    .executeTakeFirst();
  return claimed !== undefined;
}

/** Ends this holder's lease now (its run failed), so the next tick on any server may run the job again. */
export async function releaseJobLease(db: Kysely<Database>, name: string, holder: string, now: Date): Promise<void> {
  await db.updateTable('job_leases').set({ lease_until: isoInstant(now) }).where('name', '=', name).where('holder', '=', holder).execute();
}

/**
 * Runs `run` after `firstDelayMs` (not in the middle of starting up or of a quick restart; JOB_FIRST_DELAY_SECONDS
 * overrides it), then every `intervalMs`, never twice at once in this process and once per period across servers
 * (the lease above). A failing run is handed to `onError` and tried again at the next tick. Each tick is counted
 * in the metrics under `name`. The timers do not keep the process alive.
 */
export function startBackgroundJob(options: {
  name: string;
  deps: BackgroundJobDeps;
  firstDelayMs: number;
  intervalMs: number;
  run: () => Promise<void>;
  onError: (error: unknown) => void;
}): BackgroundJob {
  const { name, deps } = options;
  const holder = `${hostname()} ${process.pid} ${randomUUID().slice(0, 8)}`;
  const runOnce = async (): Promise<void> => {
    const started = performance.now();
    let outcome: JobOutcome = 'failed';
    try {
      if (!(await claimJobLease(deps.db.kysely, name, holder, deps.clock.now(), leaseLengthMs(options.intervalMs)))) {
        outcome = 'skipped';
        return;
      }
      try {
        await options.run();
        outcome = 'ok';
      } catch (error) {
        await releaseJobLease(deps.db.kysely, name, holder, deps.clock.now()).catch(() => undefined);
        throw error;
      }
    } catch (error) {
      options.onError(error);
    } finally {
      recordJobRun(name, outcome, (performance.now() - started) / 1000);
    }
  };
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runOnce().finally(() => (running = null));
  };
  let interval: NodeJS.Timeout | undefined;
  const firstDelayMs = deps.config.jobFirstDelaySeconds === undefined ? options.firstDelayMs : deps.config.jobFirstDelaySeconds * 1000;
  const first = setTimeout(() => {
    tick();
    interval = setInterval(tick, options.intervalMs);
    interval.unref();
  }, firstDelayMs);
  first.unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(interval);
      await running;
    },
  };
}
