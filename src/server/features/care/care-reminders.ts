import type { Kysely } from 'kysely';
import { addDays, schoolDateOf } from '../../../shared/school-time';
import { type BackgroundJob, startBackgroundJob } from '../../background-job';
import type { Database } from '../../db/database';
import { type Deps, isoInstant } from '../../deps';
import { careRemindersMail } from '../../mail/templates';
import { listCareTeam, listOverdueReviews } from './care.repository';
import { listDueReferralFollowUps } from './care-referrals.repository';

// Reminders of the care team's dates (issue 14): a support plan whose review date has come and a referral whose
// follow-up date has come are mailed to the school's care team once per date — the next review or follow-up date
// is a new reminder. The mail counts, it names no pupil: who it is about is in the care overview. Daily in the server.

/** What one run sent, per school that had something due. */
export interface CareRemindersResult {
  schools: { schoolId: string; planReviews: number; referralFollowUps: number; recipients: number }[];
}

type ReminderKind = 'plan_review' | 'referral_follow_up';

/** Mails every school's care team about plan reviews and referral follow-ups that came due and were not mailed yet. */
export async function sendCareReminders(deps: Pick<Deps, 'db' | 'clock' | 'mailer' | 'logger'>): Promise<CareRemindersResult> {
  const db = deps.db.kysely;
  const today = schoolDateOf(deps.clock.now());
  const result: CareRemindersResult = { schools: [] };
  for (const school of await db.selectFrom('schools').select(['id', 'name', 'board_id']).orderBy('id').execute()) {
    const due = [
      ...(await listOverdueReviews(db, school.id, addDays(today, 1))).map((row) => ({ kind: 'plan_review' as const, recordId: row.pupil_id, dueOn: row.review_on })),
      ...(await listDueReferralFollowUps(db, school.id, today)).map((row) => ({ kind: 'referral_follow_up' as const, recordId: row.id, dueOn: row.follow_up_on! })),
    ];
    const fresh = await claimUnsent(db, school.id, due, isoInstant(deps.clock.now()));
    if (fresh.length === 0) continue;
    const planReviews = fresh.filter((entry) => entry.kind === 'plan_review').length;
    const referralFollowUps = fresh.length - planReviews;
    const careTeam = await listCareTeam(db, school.id);
    for (const member of careTeam) {
      const mail = careRemindersMail(member.locale === 'en' ? 'en' : 'nl', school.name, planReviews, referralFollowUps);
      try {
        await deps.mailer.send({ to: member.email, ...mail, boardId: school.board_id, schoolId: school.id });
      } catch (error) {
        deps.logger?.warn({ err: error, schoolId: school.id }, 'care reminder mail failed');
      }
    }
    result.schools.push({ schoolId: school.id, planReviews, referralFollowUps, recipients: careTeam.length });
  }
  return result;
}

// Records the due dates not reminded of yet and returns them: a date once claimed is never mailed again.
async function claimUnsent(db: Kysely<Database>, schoolId: string, due: { kind: ReminderKind; recordId: string; dueOn: string }[], sentAt: string) {
  const fresh: typeof due = [];
  for (const entry of due) {
    const inserted = await db
      .insertInto('care_reminders_sent')
      .values({ school_id: schoolId, kind: entry.kind, record_id: entry.recordId, due_on: entry.dueOn, sent_at: sentAt })
      .onConflict((conflict) => conflict.columns(['kind', 'record_id', 'due_on']).doNothing())
      .returning('kind')
      .executeTakeFirst();
    if (inserted !== undefined) fresh.push(entry);
  }
  return fresh;
}

// A while after start, then daily.
const FIRST_RUN_DELAY_MS = 7 * 60 * 1000;
const RUN_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Starts the daily care reminders in the server (main.ts `serve`; never in tests). */
export function startCareRemindersTimer(deps: Deps): BackgroundJob {
  return startBackgroundJob({
    name: 'care-reminders',
    deps,
    firstDelayMs: FIRST_RUN_DELAY_MS,
    intervalMs: RUN_INTERVAL_MS,
    run: async () => {
      const result = await sendCareReminders(deps);
      deps.logger?.info({ careReminders: result.schools.length }, 'care reminders sent');
    },
    onError: (error) => deps.logger?.error({ err: error }, 'care reminders failed; they run again tomorrow'),
  });
}
