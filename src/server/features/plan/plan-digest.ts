import { DIGEST_DUE_WITHIN_DAYS, isActionOverdue, type ActionStatus } from '../../../shared/plan';
import { type BackgroundJob, startBackgroundJob } from '../../background-job';
import type { Deps } from '../../deps';
import { isoInstant } from '../../deps';
import { linkBaseOf } from '../../installation/link-base';
import { type DigestMailAction, planDigestMail } from '../../mail/templates';
import * as repository from './plan-preferences.repository';
import { goalLabeller, localeOf } from './plan-preferences.service';
import { isoWeekOf, SCHOOL_TIME_ZONE, schoolDateOf } from '../../../shared/school-time';

// The weekly digest: every Monday from 07:00 (Europe/Amsterdam) each owner of plan actions gets one
// mail with their overdue actions and those due in the coming days. One per person per ISO week, also
// across restarts and with two servers on one database: a row in plan_digest_sent is claimed first
// (its primary key refuses a second claim), and given back when the mail could not be sent.

/** The hour (school time) on Monday from which the digest is sent. */
export const DIGEST_SEND_FROM_HOUR = 7;
/** How often the server checks whether it is digest time. */
export const DIGEST_CHECK_INTERVAL_MS = 60 * 60 * 1000;
// The first check waits a little, so a quick restart or a short-lived test server never sends.
const FIRST_CHECK_DELAY_MS = 2 * 60 * 1000;

/** The page where owners see their actions and turn the digest off (src/web/pages/plan/plan-paths.ts MY_ACTIONS_PATH). */
const MY_ACTIONS_PATH = '/mijn-acties';

/** What sending the digest needs: no clock (the moment is passed in) and no field encryption (the CLI runs without the key). */
export type DigestDeps = Pick<Deps, 'config' | 'db' | 'mailer' | 'logger'>;

/** What one run did. */
export interface DigestRunResult {
  /** The ISO week, e.g. "2026-W48". */
  week: string;
  /** Mails sent in this run. */
  sent: number;
  /** Owners who already had this week's digest (from an earlier run or another server). */
  alreadySent: number;
  /** Mails that could not be sent; their claim was given back, so a later run tries again. */
  failed: number;
}

const mondayHourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: SCHOOL_TIME_ZONE, weekday: 'short', hour: '2-digit', hourCycle: 'h23' });

/** True on Monday from 07:00 school time (Europe/Amsterdam, summer time included). */
export function isDigestTime(now: Date): boolean {
  const parts = mondayHourFormat.formatToParts(now);
  const weekday = parts.find((part) => part.type === 'weekday')?.value;
  const hour = Number(parts.find((part) => part.type === 'hour')?.value);
  return weekday === 'Mon' && hour >= DIGEST_SEND_FROM_HOUR;
}

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * Sends this week's digest to every owner who has overdue actions or actions due in the next
 * DIGEST_DUE_WITHIN_DAYS days (today included) — open or in progress, in schools where they still hold a
 * role, their account not disabled, the digest not turned off — and has not had this week's digest yet.
 * Owners with nothing due get no mail.
 */
export async function sendWeeklyDigests(deps: DigestDeps, now: Date): Promise<DigestRunResult> {
  const db = deps.db.kysely;
  // Before anything is claimed: without an address for links, nobody's week is used up.
  const baseUrl = await linkBaseOf(deps);
  const today = schoolDateOf(now);
  const week = isoWeekOf(today);
  const lastDueDay = addDays(today, DIGEST_DUE_WITHIN_DAYS - 1);
  const actions = await repository.listOpenOwnedActions(db, { dueOnOrBefore: lastDueDay, withoutDigestOptOut: true });
  const goalLabel = await goalLabeller(db, actions);
  const byOwner = new Map<string, typeof actions>();
  for (const action of actions) byOwner.set(action.ownerId, [...(byOwner.get(action.ownerId) ?? []), action]);
  const result: DigestRunResult = { week, sent: 0, alreadySent: 0, failed: 0 };

  for (const [ownerId, owned] of byOwner) {
    const owner = owned[0]!;
    const locale = localeOf(owner.ownerLocale);
    const line = (action: (typeof owned)[number]): DigestMailAction => ({
      title: action.title,
      goal: goalLabel(action, locale),
      school: action.schoolName,
      dueOn: action.dueOn!,
    });
    const isOverdue = (action: (typeof owned)[number]) => isActionOverdue({ status: action.status as ActionStatus, dueOn: action.dueOn }, today);
    const mail = planDigestMail(locale, {
      name: owner.ownerName,
      overdue: owned.filter(isOverdue).map(line),
      dueSoon: owned.filter((action) => !isOverdue(action)).map(line),
      dueWithinDays: DIGEST_DUE_WITHIN_DAYS,
      myActionsLink: `${baseUrl}${MY_ACTIONS_PATH}`,
    });
    if (!(await repository.claimDigestWeek(db, ownerId, week, isoInstant(now)))) {
      result.alreadySent += 1;
      continue;
    }
    try {
      await deps.mailer.send({ to: owner.ownerEmail, ...mail, ...outboxScopeOf(owned) });
      result.sent += 1;
    } catch (error) {
      await repository.releaseDigestWeek(db, ownerId, week);
      result.failed += 1;
      deps.logger?.warn({ err: error, userId: ownerId, week }, 'plan digest mail failed; a later run tries again');
    }
  }
  return result;
}

// The outbox shows a mail to the admins of its school: only when every action is of one school, so no
// school's admin reads another school's plan. A digest spanning schools is kept without a school.
function outboxScopeOf(actions: readonly { schoolId: string; boardId: string }[]): { boardId: string | null; schoolId: string | null } {
  const schools = new Set(actions.map((action) => action.schoolId));
  if (schools.size !== 1) return { boardId: null, schoolId: null };
  return { boardId: actions[0]!.boardId, schoolId: actions[0]!.schoolId };
}

/**
 * Starts the weekly digest in the server (main.ts `serve`; never in tests, which call sendWeeklyDigests):
 * checks every hour and sends when it is Monday from 07:00. Off with DIGEST_ENABLED=false.
 */
export function startWeeklyDigestJob(deps: Deps): BackgroundJob {
  if (!deps.config.digestEnabled) return { stop: async () => undefined };
  return startBackgroundJob({
    name: 'plan-digest',
    deps,
    firstDelayMs: FIRST_CHECK_DELAY_MS,
    intervalMs: DIGEST_CHECK_INTERVAL_MS,
    run: async () => {
      const now = deps.clock.now();
      if (!isDigestTime(now)) return;
      const result = await sendWeeklyDigests(deps, now);
      if (result.sent > 0 || result.failed > 0) deps.logger?.info({ digest: result }, 'plan digest: weekly mails sent');
    },
    onError: (error) => deps.logger?.error({ err: error }, 'plan digest failed; the next hourly check tries again'),
  });
}
