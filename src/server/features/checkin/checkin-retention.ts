import { type Kysely, sql } from 'kysely';
import { type BackgroundJob, startBackgroundJob } from '../../background-job';
import type { Database } from '../../db/database';
import type { Clock, Deps } from '../../deps';
import { schoolDateOf } from './checkin-submit.service';

// Retention of raw check-ins: kept for the current school year plus CHECKIN_RETENTION_EXTRA_YEARS
// before it. Older days keep only anonymous counts per class (checkin_class_days); the raw rows and
// the "we talked" notes of those days are deleted. Runs daily in the server and as
// `groeiwijzer checkin purge`.

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
 * In ONE transaction: writes the anonymous counts per class and day of every check-in day before the
 * retention start into checkin_class_days (a day counted before is overwritten), then deletes the raw
 * check-ins and the notes of those days.
 */
export async function purgeOldCheckins(db: Kysely<Database>, clock: Clock, extraYears: number): Promise<CheckinPurgeResult> {
  const keptFrom = retentionStartOf(schoolDateOf(clock.now()), extraYears);
  return db.transaction().execute(async (trx) => {
    const classDays = await writeClassDayCounts(trx, keptFrom);
    const checkins = await trx.deleteFrom('checkins').where('school_date', '<', keptFrom).executeTakeFirst();
    const notes = await trx.deleteFrom('checkin_notes').where('school_date', '<', keptFrom).executeTakeFirst();
    return { keptFrom, classDays, deletedCheckins: Number(checkins.numDeletedRows), deletedNotes: Number(notes.numDeletedRows) };
  });
}

// Per class and day, each pupil counts once, with their latest check-in of that day (the latest counts).
async function writeClassDayCounts(trx: Kysely<Database>, before: string): Promise<number> {
  const countOf = (state: string) => sql<number>`sum(case when state = ${state} then 1 else 0 end)`;
  const latestPerPupil = trx
    .selectFrom('checkins')
    .select([
      'class_id',
      'school_date',
      'state',
      'wants_talk',
      sql<number>`row_number() over (partition by class_id, pupil_id, school_date order by created_at desc, id desc)`.as('latest_first'),
    ])
    .where('school_date', '<', before);
  const counts = trx
    .selectFrom(latestPerPupil.as('latest'))
    .select([
      'class_id',
      'school_date',
      sql<number>`count(*)`.as('pupils_checked_in'),
      countOf('in_window').as('in_window'),
      countOf('bit_high').as('bit_high'),
      countOf('far_high').as('far_high'),
      countOf('low').as('low'),
      sql<number>`sum(wants_talk)`.as('wants_talk'),
    ])
    .where('latest_first', '=', 1)
    .groupBy(['class_id', 'school_date']);
  const result = await trx
    .insertInto('checkin_class_days')
    .columns(['class_id', 'school_date', 'pupils_checked_in', 'in_window', 'bit_high', 'far_high', 'low', 'wants_talk'])
    .expression(counts)
    .onConflict((conflict) =>
      conflict.columns(['class_id', 'school_date']).doUpdateSet((eb) => ({
        pupils_checked_in: eb.ref('excluded.pupils_checked_in'),
        in_window: eb.ref('excluded.in_window'),
        bit_high: eb.ref('excluded.bit_high'),
        far_high: eb.ref('excluded.far_high'),
        low: eb.ref('excluded.low'),
        wants_talk: eb.ref('excluded.wants_talk'),
      })),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
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
