import type { Kysely } from 'kysely';
import { type BackgroundJob, startBackgroundJob } from '../../background-job';
import type { Database } from '../../db/database';
import type { Clock, Deps } from '../../deps';
import { schoolDateOf } from '../../../shared/school-time';
import { recountClassDaysBefore } from './checkin-class-days.repository';

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

/** The first day kept raw: 1 August of the school year `extraYears` before the one `today` falls in. */
export function retentionStartOf(today: string, extraYears: number): string {
  const [year = 0, month = 1] = today.split('-').map(Number);
  const currentSchoolYearStart = month >= 8 ? year : year - 1;
  return `${String(currentSchoolYearStart - extraYears).padStart(4, '0')}-08-01`;
}

/**
 * In ONE transaction: counts every class-day before the retention start once more from its raw
 * check-ins into checkin_class_days (the same count the write queue keeps, so normally nothing changes;
 * rows that reached the table another way are counted too), then deletes the raw check-ins and the
 * notes of those days. The counts stay.
 */
export async function purgeOldCheckins(db: Kysely<Database>, clock: Clock, extraYears: number): Promise<CheckinPurgeResult> {
  const keptFrom = retentionStartOf(schoolDateOf(clock.now()), extraYears);
  return db.transaction().execute(async (trx) => {
    const classDays = await recountClassDaysBefore(trx, keptFrom);
    const checkins = await trx.deleteFrom('checkins').where('school_date', '<', keptFrom).executeTakeFirst();
    const notes = await trx.deleteFrom('checkin_notes').where('school_date', '<', keptFrom).executeTakeFirst();
    return { keptFrom, classDays, deletedCheckins: Number(checkins.numDeletedRows), deletedNotes: Number(notes.numDeletedRows) };
  });
}

// First run a while after start (not in the middle of starting up or of a quick restart), then daily.
const FIRST_RUN_DELAY_MS = 5 * 60 * 1000;
const RUN_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Starts the daily purge in the server (main.ts `serve`; never in tests). Failures are logged, and retried the next day. */
export function startCheckinRetentionTimer(deps: Deps): BackgroundJob {
  return startBackgroundJob({
    firstDelayMs: FIRST_RUN_DELAY_MS,
    intervalMs: RUN_INTERVAL_MS,
    run: async () => {
      const result = await purgeOldCheckins(deps.db.kysely, deps.clock, deps.config.checkinRetentionExtraYears);
      deps.logger?.info({ retention: result }, 'check-in retention: older check-ins summarised per class and deleted');
    },
    onError: (error) => deps.logger?.error({ err: error }, 'check-in retention failed; it runs again tomorrow'),
  });
}
