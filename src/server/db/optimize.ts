import { sql } from 'kysely';
import { type BackgroundJob, startBackgroundJob } from '../background-job';
import type { Deps } from '../deps';
import type { Db } from './database';

// The query planners choose indexes from table statistics. Without any, SQLite guessed: a pupil's 26-week
// history went through checkins(school_id, school_date) — every check-in of the school in those weeks —
// instead of checkins(pupil_id, school_date): 32 ms instead of 0.33 ms on a board's year (issue 18).
// SQLite keeps statistics only when asked (ANALYZE, or PRAGMA optimize which runs it where it helps);
// PostgreSQL's autovacuum analyses by itself, but only some time after a table has grown.

/** When the statistics are brought up to date: once at start-up after the migrations, or on the daily run. */
export type OptimizeMoment = 'start' | 'daily';

// SQLite reads about this many rows per index instead of all of them: the statistics come out good enough
// for the planner's choices, and the first PRAGMA optimize on the board (1.85 M check-ins) took
// 0.35 s at start-up (bench/scale.ts) instead of reading every index whole while no request is answered
// (better-sqlite3 is synchronous). SQLite's documentation suggests 100 to 1000 with PRAGMA optimize.
const SQLITE_ANALYSIS_LIMIT = 400;

/**
 * Brings the database's statistics up to date. SQLite: `PRAGMA optimize`, at start-up with 0x10002 (look at
 * every table, not only those this connection has queried: it has queried none yet), as SQLite's
 * documentation advises for a long-lived connection; it analyses only tables never analysed or much
 * changed since. PostgreSQL: `ANALYZE` of the whole database (it samples; a board's tables take seconds
 * in the database server, not in this process).
 */
export async function optimizeDatabase(db: Db, moment: OptimizeMoment): Promise<void> {
  if (db.dialect === 'postgres') {
    await sql`analyze`.execute(db.kysely);
    return;
  }
  await sql`pragma analysis_limit = ${sql.raw(String(SQLITE_ANALYSIS_LIMIT))}`.execute(db.kysely);
  await (moment === 'start' ? sql`pragma optimize = 0x10002` : sql`pragma optimize`).execute(db.kysely);
}

/**
 * Copies what the WAL holds into the database file now, as far as no reader is in the way (SQLite's PASSIVE
 * checkpoint); PostgreSQL does its own. SQLite checkpoints by itself in the commit that takes the WAL past 1,000
 * pages, and on a board's yearly purge (bench/scale.ts) such a commit held every request up for up to 110 ms; a
 * long batched job calls this between its batches instead, so each checkpoint is small and no commit carries one.
 */
export async function checkpointWal(db: Db): Promise<{ walFrames: number; copied: number } | null> {
  if (db.dialect !== 'sqlite') return null;
  const [result] = (await sql<{ log: number; checkpointed: number }>`pragma wal_checkpoint(passive)`.execute(db.kysely)).rows;
  return { walFrames: result?.log ?? 0, copied: result?.checkpointed ?? 0 };
}

const RUN_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Starts the daily statistics update in the server (main.ts `serve`; start-up already did one). Failures are logged, and retried the next day. */
export function startDatabaseOptimizeJob(deps: Deps): BackgroundJob {
  return startBackgroundJob({
    name: 'database-optimize',
    deps,
    firstDelayMs: RUN_INTERVAL_MS,
    intervalMs: RUN_INTERVAL_MS,
    run: async () => optimizeDatabase(deps.db, 'daily'),
    onError: (error) => deps.logger?.error({ err: error }, 'updating the database statistics failed; it runs again tomorrow'),
  });
}
