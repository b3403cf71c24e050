import { setTimeout } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { schoolDateOf } from '../../../shared/school-time';
import { recordAudit } from '../../audit/audit.service';
import { type BackgroundJob, startBackgroundJob } from '../../background-job';
import type { Database } from '../../db/database';
import type { Clock, Deps } from '../../deps';
import { retentionStartOf } from '../checkin/checkin-retention';
import * as repository from './sociogram.repository';

// Retention of sociograms (issue 15), like the check-in's: the answers of a sociogram are kept for the current school
// year plus CHECKIN_RETENTION_EXTRA_YEARS before it. After that only anonymous class-level counts remain (how many
// pupils were on the list and how many answered); every choice and answer is deleted. Runs daily in the server and
// with `groeiwijzer checkin purge`.

/** What one purge did. */
export interface SociogramPurgeResult {
  /** Sociograms opened on or after this day keep their answers. */
  keptFrom: string;
  purgedSociograms: number;
}

/** Purges the answers of every sociogram opened before the retention start, in one transaction per school, pausing between schools. */
export async function purgeOldSociograms(db: Kysely<Database>, clock: Clock, extraYears: number): Promise<SociogramPurgeResult> {
  const today = schoolDateOf(clock.now());
  const keptFrom = retentionStartOf(today, extraYears);
  const due = await repository.listSociogramsToPurge(db, keptFrom);
  const bySchool = new Map<string, typeof due>();
  for (const sociogram of due) bySchool.set(sociogram.school_id, [...(bySchool.get(sociogram.school_id) ?? []), sociogram]);
  for (const [schoolId, sociograms] of bySchool) {
    const started = performance.now();
    await db.transaction().execute(async (trx) => {
      for (const sociogram of sociograms) {
        const pupils = (await repository.listRoster(trx, sociogram.class_id, sociogram.opened_on)).length;
        const respondents = (await repository.countAnswers(trx, [sociogram.id])).get(sociogram.id) ?? 0;
        await repository.purgeAnswers(trx, sociogram.id, today, JSON.stringify({ pupils, respondents }));
      }
      await recordAudit(trx, clock, { actorUserId: null, action: 'sociogram.retention_applied', targetType: 'school', targetId: schoolId, schoolId, detail: { sociograms: sociograms.length, keptFrom } });
    });
    // As the check-in purge does between its batches: the server's requests get as long as this school took.
    await setTimeout(performance.now() - started);
  }
  return { keptFrom, purgedSociograms: due.length };
}

const FIRST_RUN_DELAY_MS = 5 * 60 * 1000;
const RUN_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Starts the daily purge in the server (main.ts `serve`; never in tests). Failures are logged, and retried the next day. */
export function startSociogramRetentionTimer(deps: Deps): BackgroundJob {
  return startBackgroundJob({
    name: 'sociogram-retention',
    deps,
    firstDelayMs: FIRST_RUN_DELAY_MS,
    intervalMs: RUN_INTERVAL_MS,
    run: async () => {
      const result = await purgeOldSociograms(deps.db.kysely, deps.clock, deps.config.checkinRetentionExtraYears);
      deps.logger?.info({ retention: result }, 'sociogram retention: answers of older sociograms deleted, class counts kept');
    },
    onError: (error) => deps.logger?.error({ err: error }, 'sociogram retention failed; it runs again tomorrow'),
  });
}
