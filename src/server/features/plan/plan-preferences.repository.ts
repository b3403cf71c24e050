import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

// SQL for a person's own side of the plan: their preferences (digest opt-out, calendar feed), the digests
// sent, and the open actions they own — for the weekly digest and the calendar feed.

/** A person's plan preferences, or undefined when they never changed one. */
export async function findPreferences(db: Kysely<Database>, userId: string) {
  return db.selectFrom('plan_user_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Stores the digest choice (creates the row when there is none). */
export async function upsertDigestOptOut(db: Kysely<Database>, userId: string, digestOptOut: boolean, now: string): Promise<void> {
  const value = digestOptOut ? 1 : 0;
  await db
    .insertInto('plan_user_preferences')
    .values({ user_id: userId, digest_opt_out: value, calendar_token_hash: null, calendar_token_created_at: null, updated_at: now })
    .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ digest_opt_out: value, updated_at: now }))
    .execute();
}

/** Stores a new calendar token hash (replacing any earlier one), or removes it with `null`. */
export async function setCalendarToken(db: Kysely<Database>, userId: string, tokenHash: string | null, now: string): Promise<void> {
  const createdAt = tokenHash === null ? null : now;
  await db
    .insertInto('plan_user_preferences')
    .values({ user_id: userId, digest_opt_out: 0, calendar_token_hash: tokenHash, calendar_token_created_at: createdAt, updated_at: now })
    .onConflict((conflict) =>
      conflict.column('user_id').doUpdateSet({ calendar_token_hash: tokenHash, calendar_token_created_at: createdAt, updated_at: now }),
    )
    .execute();
}

/** The owner of a calendar token hash, with what decides whether the feed still answers. */
export async function findCalendarOwner(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('plan_user_preferences as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['u.id as userId', 'u.locale', 'u.disabled_at as disabledAt'])
    .where('p.calendar_token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Records that a person's digest of an ISO week is being sent; false when it already was. */
export async function claimDigestWeek(db: Kysely<Database>, userId: string, week: string, now: string): Promise<boolean> {
  const result = await db
    .insertInto('plan_digest_sent')
    .values({ user_id: userId, week, sent_at: now })
    .onConflict((conflict) => conflict.columns(['user_id', 'week']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Gives a week's claim back (its mail could not be sent), so a later run tries again. */
export async function releaseDigestWeek(db: Kysely<Database>, userId: string, week: string): Promise<void> {
  await db.deleteFrom('plan_digest_sent').where('user_id', '=', userId).where('week', '=', week).execute();
}

/** Which open actions to list: of one owner or every owner, up to a due date, leaving out people who opted out of the digest. */
export interface OwnedActionFilter {
  ownerUserId?: string;
  dueOnOrBefore?: string;
  withoutDigestOptOut?: boolean;
}

/**
 * Open and in-progress actions with a due date, of owners who are not disabled and still hold a role in the
 * action's school, with the school, the goal and the owner — ordered by owner, due date, title.
 */
export async function listOpenOwnedActions(db: Kysely<Database>, filter: OwnedActionFilter) {
  let query = db
    .selectFrom('plan_actions as a')
    .innerJoin('plan_goals as g', 'g.id', 'a.goal_id')
    .innerJoin('schools as s', 's.id', 'a.school_id')
    .innerJoin('users as u', 'u.id', 'a.owner_user_id')
    .leftJoin('plan_user_preferences as p', 'p.user_id', 'u.id')
    .select([
      'a.id',
      'a.title',
      'a.due_on as dueOn',
      'a.status',
      'a.school_id as schoolId',
      's.name as schoolName',
      's.board_id as boardId',
      'g.title as goalTitle',
      'g.aspect_id as aspectId',
      'g.model_id as modelId',
      'u.id as ownerId',
      'u.email as ownerEmail',
      'u.name as ownerName',
      'u.locale as ownerLocale',
    ])
    .where('a.status', 'in', ['open', 'in_progress'])
    .where('a.due_on', 'is not', null)
    .where('u.disabled_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('school_memberships as m')
          .select('m.user_id')
          .whereRef('m.user_id', '=', 'u.id')
          .whereRef('m.school_id', '=', 'a.school_id'),
      ),
    );
  if (filter.ownerUserId !== undefined) query = query.where('a.owner_user_id', '=', filter.ownerUserId);
  if (filter.dueOnOrBefore !== undefined) query = query.where('a.due_on', '<=', filter.dueOnOrBefore);
  if (filter.withoutDigestOptOut) query = query.where((eb) => eb.or([eb('p.digest_opt_out', 'is', null), eb('p.digest_opt_out', '=', 0)]));
  return query.orderBy('u.id').orderBy('a.due_on').orderBy('a.title').orderBy('a.id').execute();
}
