import { setTimeout } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/audit.service';
import { type BackgroundJob, startBackgroundJob } from '../../background-job';
import { checkpointWal } from '../../db/optimize';
import type { Database } from '../../db/database';
import type { Clock, Deps } from '../../deps';
import { schoolDateOf } from '../../../shared/school-time';
import { type ClassDayKey, recountClassDays } from './checkin-class-days.repository';

// Retention of raw check-ins: kept for the current school year plus CHECKIN_RETENTION_EXTRA_YEARS
// before it. Older days keep only anonymous counts per class (checkin_class_days, which every batch of
// check-ins keeps up to date anyway); the raw rows and the "we talked" notes of those days are deleted.
// Runs daily in the server and as `groeiwijzer checkin purge`.

/** What one purge did. */
export interface CheckinPurgeResult {
  /** The first school day still kept raw (YYYY-MM-DD): 1 August of the oldest school year kept. */
  keptFrom: string;
  /** Class-days whose anonymous counts were written or updated. */
  classDays: number;
  deletedCheckins: number;
  deletedNotes: number;
}

/** How a purge runs: its batch size (tests use small ones) and a signal that stops it between batches. */
export interface CheckinPurgeOptions {
  rowsPerBatch?: number;
  signal?: AbortSignal;
  /** Runs after each batch's pause, with a pause of its own (the server passes the WAL checkpoint). */
  betweenBatches?: () => Promise<unknown>;
}

// A board's year is over a million rows (issue 18: one transaction took 48.5 s, and the server answered
// nothing else meanwhile, SQLite having one connection and better-sqlite3 running on the event loop). The
// commit is most of a batch's time: each row deleted dirties pages all over the indexes on random ids, and
// past 1,000 pages in the WAL the commit also checkpoints them into the database file. On the board of
// bench/scale.ts a commit of 500 rows took 57 ms every time (a checkpoint each), of 100 rows 3 ms (p99 41 ms),
// deleting as many rows a minute.
const ROWS_PER_BATCH = 100;
// After each batch the purge waits as long as the batch took. Giving the event loop back for one turn only
// (setImmediate) was not enough: a request needs several turns (accept, read, the database, write), so with
// back-to-back batches /healthz waited for nearly the whole purge in bench/scale.ts. Leaving the server
// half its time makes the purge take about twice as long; it runs at night, and only August's is large.
const MIN_PAUSE_MS = 5;

/** The first day kept raw: 1 August of the school year `extraYears` before the one `today` falls in. */
export function retentionStartOf(today: string, extraYears: number): string {
  const [year = 0, month = 1] = today.split('-').map(Number);
  const currentSchoolYearStart = month >= 8 ? year : year - 1;
  return `${String(currentSchoolYearStart - extraYears).padStart(4, '0')}-08-01`;
}

/**
 * Purges the days before the retention start in batches of whole class-days, oldest first, each batch in
 * its own transaction: its class-days are counted once more from their raw check-ins into
 * checkin_class_days (the same count the write queue keeps, so normally nothing changes; rows that
 * reached the table another way are counted too), then their check-ins are deleted. Then the notes of
 * those days go, also in batches. After each batch the server is left to its requests as long as the
 * batch took.
 * Stopped or crashed halfway, nothing is lost: every class-day is counted and deleted in one
 * transaction, so a class-day is either whole (counted again next run) or counted and gone.
 * A run that deleted anything leaves one audit event with its figures (the privacy officer's proof that
 * data goes on time); a run that found nothing to delete leaves none.
 */
export async function purgeOldCheckins(db: Kysely<Database>, clock: Clock, extraYears: number, options: CheckinPurgeOptions = {}): Promise<CheckinPurgeResult> {
  const keptFrom = retentionStartOf(schoolDateOf(clock.now()), extraYears);
  const rowsPerBatch = options.rowsPerBatch ?? ROWS_PER_BATCH;
  const result: CheckinPurgeResult = { keptFrom, classDays: 0, deletedCheckins: 0, deletedNotes: 0 };
  options.signal?.throwIfAborted();
  for (;;) {
    const started = performance.now();
    const batch = await db.transaction().execute(async (trx) => {
      const keys = await nextClassDaysBefore(trx, keptFrom, rowsPerBatch);
      const last = keys.at(-1);
      if (!last) return null;
      await recountClassDays(trx, keys);
      // The keys are every class-day up to the last one (nothing older is left): one range of the index. As a
      // row value SQLite ends the range there; with `school_date < keptFrom` beside it, it walked every old row
      // left, in each batch.
      const deleted = await trx
        .deleteFrom('checkins')
        .where((eb) => eb(eb.refTuple('school_date', 'class_id'), '<=', eb.tuple(last.date, last.classId)))
        .executeTakeFirst();
      return { classDays: keys.length, checkins: Number(deleted.numDeletedRows) };
    });
    if (!batch) break;
    result.classDays += batch.classDays;
    result.deletedCheckins += batch.checkins;
    await pauseAfterBatch(performance.now() - started, options.signal);
    await upkeepBetweenBatches(options);
  }
  for (;;) {
    const started = performance.now();
    const oldNotes = db.selectFrom('checkin_notes').select('id').where('school_date', '<', keptFrom).limit(rowsPerBatch);
    const deleted = Number((await db.deleteFrom('checkin_notes').where('id', 'in', oldNotes).executeTakeFirst()).numDeletedRows);
    result.deletedNotes += deleted;
    if (deleted < rowsPerBatch) break;
    await pauseAfterBatch(performance.now() - started, options.signal);
  }
  if (result.deletedCheckins + result.deletedNotes > 0) {
    await recordAudit(db, clock, { actorUserId: null, action: 'checkin.retention_applied', detail: { ...result } });
  }
  return result;
}

// The class-days of the oldest `rows` check-ins before `date`, oldest first; the last one may hold more
// rows, and is taken whole. A range scan of checkins_date_class_idx, in its own order.
async function nextClassDaysBefore(trx: Kysely<Database>, date: string, rows: number): Promise<ClassDayKey[]> {
  const oldest = trx.selectFrom('checkins').select(['school_date', 'class_id']).where('school_date', '<', date).orderBy('school_date').orderBy('class_id').limit(rows);
  const keys = await trx.selectFrom(oldest.as('oldest')).select(['school_date', 'class_id']).distinct().orderBy('school_date').orderBy('class_id').execute();
  return keys.map((key) => ({ classId: key.class_id, date: key.school_date }));
}

async function pauseAfterBatch(batchMs: number, signal: AbortSignal | undefined): Promise<void> {
  await setTimeout(Math.max(batchMs, MIN_PAUSE_MS));
  signal?.throwIfAborted();
}

// The database's own upkeep between two batches (the WAL checkpoint, db/optimize.ts), with its own pause: done
// inside a batch's commit it doubled that batch's stall.
async function upkeepBetweenBatches(options: CheckinPurgeOptions): Promise<void> {
  if (!options.betweenBatches) return;
  const started = performance.now();
  await options.betweenBatches();
  await pauseAfterBatch(performance.now() - started, options.signal);
}

// First run a while after start (not in the middle of starting up or of a quick restart), then daily.
const FIRST_RUN_DELAY_MS = 5 * 60 * 1000;
const RUN_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Starts the daily purge in the server (main.ts `serve`; never in tests). Failures are logged, and retried
 * the next day. Stopping the server stops a purge in progress after its current batch (the first run after
 * a school year ends can take minutes) instead of holding the shutdown up; the next run goes on from there.
 */
export function startCheckinRetentionTimer(deps: Deps): BackgroundJob {
  const stopping = new AbortController();
  const job = startBackgroundJob({
    name: 'checkin-retention',
    deps,
    firstDelayMs: FIRST_RUN_DELAY_MS,
    intervalMs: RUN_INTERVAL_MS,
    run: async () => {
      const result = await purgeOldCheckins(deps.db.kysely, deps.clock, deps.config.checkinRetentionExtraYears, { signal: stopping.signal, betweenBatches: () => checkpointWal(deps.db) });
      deps.logger?.info({ retention: result }, 'check-in retention: older check-ins summarised per class and deleted');
    },
    onError: (error) => {
      if (stopping.signal.aborted) deps.logger?.info('check-in retention stopped with the server; the next run goes on where it stopped');
      else deps.logger?.error({ err: error }, 'check-in retention failed; it runs again tomorrow');
    },
  });
  return {
    stop: async () => {
      stopping.abort();
      await job.stop();
    },
  };
}
