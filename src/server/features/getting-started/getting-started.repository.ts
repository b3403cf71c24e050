import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

// The getting-started checklist's queries: whether a school has each first thing yet, and whether it was hidden.

/** Whether each first step has been taken in a school (each an existence check, nothing counted in full). */
export async function readFirstSteps(db: Kysely<Database>, schoolId: string, schoolYear: string) {
  const exists = async (query: Promise<unknown>) => (await query) !== undefined;
  const [hasLocation, hasClass, hasColleague, hasInvitation, hasPupil, hasRound] = await Promise.all([
    exists(db.selectFrom('locations').select('id').where('school_id', '=', schoolId).limit(1).executeTakeFirst()),
    exists(db.selectFrom('classes').select('id').where('school_id', '=', schoolId).where('school_year', '=', schoolYear).limit(1).executeTakeFirst()),
    // Staff beyond the one person who set the school up.
    db
      .selectFrom('school_memberships')
      .select((eb) => eb.fn.count<number>('user_id').distinct().as('people'))
      .where('school_id', '=', schoolId)
      .executeTakeFirst()
      .then((row) => Number(row?.people ?? 0) > 1),
    exists(db.selectFrom('staff_invitations').select('id').where('school_id', '=', schoolId).where('answered_at', 'is', null).limit(1).executeTakeFirst()),
    exists(db.selectFrom('pupils').select('id').where('school_id', '=', schoolId).limit(1).executeTakeFirst()),
    exists(db.selectFrom('selfscan_rounds').select('id').where('school_id', '=', schoolId).limit(1).executeTakeFirst()),
  ]);
  return { hasLocation, hasClass, hasStaff: hasColleague || hasInvitation, hasPupil, hasRound };
}

/** Whether the school's checklist was hidden. */
export async function isHidden(db: Kysely<Database>, schoolId: string): Promise<boolean> {
  return (await db.selectFrom('getting_started_hidden').select('school_id').where('school_id', '=', schoolId).executeTakeFirst()) !== undefined;
}

/** Hides the school's checklist (once). */
export async function hide(db: Kysely<Database>, schoolId: string, userId: string, at: string): Promise<void> {
  await db
    .insertInto('getting_started_hidden')
    .values({ school_id: schoolId, hidden_by: userId, hidden_at: at })
    .onConflict((conflict) => conflict.column('school_id').doNothing())
    .execute();
}
