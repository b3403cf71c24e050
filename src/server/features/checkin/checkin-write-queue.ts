import type { Db } from '../../db/database';
import { AppError } from '../../errors';
import { recordCheckinsCommitted } from '../../metrics';
import { insertCheckinBatch, type NewCheckin } from './checkin-submit.repository';

// Group commit for check-ins. A morning peak brings thousands of check-ins a second; committing each
// in its own transaction costs one fsync each (synchronous=FULL). The queue collects the check-ins
// that arrive while the previous batch is being written and commits them together, in one
// transaction; only then are their requests answered. Nothing is acknowledged before its commit.

/** How the queue batches and when it refuses (from Config: CHECKIN_*). */
export interface CheckinWriteQueueOptions {
  /** Check-ins waiting (queued or being written) above which `submit` refuses with `overloaded`. */
  limit: number;
  /** The most check-ins in one transaction. */
  batchSize: number;
  /** How long to wait for more check-ins before writing a batch that is not full yet (0: the next turn of the event loop). */
  batchWaitMs: number;
}

/** The outcome of one check-in: stored now, or its idempotency key was stored before (nothing new stored). */
export interface CheckinWriteResult {
  duplicate: boolean;
}

/** A write queue for check-ins; one per app. */
export interface CheckinWriteQueue {
  /** Queues a check-in and resolves once the transaction holding it committed. Throws AppError('overloaded') when full or closing. */
  submit(checkin: NewCheckin): Promise<CheckinWriteResult>;
  /** Check-ins queued or being written (not yet answered). */
  readonly pending: number;
  /** Refuses new check-ins and resolves when every one already queued is committed (or failed). */
  close(): Promise<void>;
}

interface Waiting {
  checkin: NewCheckin;
  resolve(result: CheckinWriteResult): void;
  reject(error: unknown): void;
}

/** Creates the write queue on the database; call `close` before closing the database. */
export function createCheckinWriteQueue(db: Db, options: CheckinWriteQueueOptions): CheckinWriteQueue {
  const queued: Waiting[] = [];
  let writing = 0;
  let isFlushScheduled = false;
  let flushing: Promise<void> | null = null;
  let isClosed = false;
  let timer: NodeJS.Timeout | null = null;

  const writeBatch = async (batch: Waiting[]) => {
    writing = batch.length;
    try {
      await commitOrSplit(db, batch);
    } finally {
      writing = 0;
    }
  };

  const flush = async () => {
    while (queued.length > 0) await writeBatch(queued.splice(0, options.batchSize));
  };

  const startFlush = () => {
    isFlushScheduled = false;
    timer = null;
    if (flushing) return;
    flushing = flush().finally(() => {
      flushing = null;
      // Check-ins that arrived during the last batch and found a flush running are written now.
      if (queued.length > 0) scheduleFlush();
    });
  };

  const scheduleFlush = () => {
    if (isFlushScheduled || flushing) return;
    isFlushScheduled = true;
    // A full batch need not wait; otherwise give the requests already parsed a chance to join.
    if (options.batchWaitMs === 0 || queued.length >= options.batchSize) setImmediate(startFlush);
    else timer = setTimeout(startFlush, options.batchWaitMs);
  };

  return {
    submit(checkin) {
      if (isClosed || queued.length + writing >= options.limit) return Promise.reject(new AppError('overloaded'));
      return new Promise<CheckinWriteResult>((resolve, reject) => {
        queued.push({ checkin, resolve, reject });
        if (timer && queued.length >= options.batchSize) {
          clearTimeout(timer);
          isFlushScheduled = false;
          timer = null;
        }
        scheduleFlush();
      });
    },
    get pending() {
      return queued.length + writing;
    },
    async close() {
      isClosed = true;
      if (timer) {
        clearTimeout(timer);
        timer = null;
        isFlushScheduled = false;
      }
      while (flushing || queued.length > 0) {
        if (!flushing) startFlush();
        await flushing;
      }
    },
  };
}

// Commits the batch and answers each waiting request. When the transaction fails (it rolled back: none
// of these was stored), one bad check-in — say its pupil was deleted a moment ago — must not fail the
// others: each is then tried in a transaction of its own, and only those that fail again are refused.
async function commitOrSplit(db: Db, batch: readonly Waiting[]): Promise<void> {
  try {
    const insertedIds = await insertCheckinBatch(db.kysely, batch.map((entry) => entry.checkin));
    recordCheckinsCommitted(insertedIds.size);
    for (const entry of batch) entry.resolve({ duplicate: !insertedIds.has(entry.checkin.id) });
  } catch (error) {
    if (batch.length === 1) {
      batch[0]?.reject(error);
      return;
    }
    for (const entry of batch) await commitOrSplit(db, [entry]);
  }
}
