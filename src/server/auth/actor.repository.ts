import type { Kysely } from 'kysely';
import type { Database } from '../db/database';

/**
 * Every role of a user that counts for a session started at `sessionStartedAt`: board roles, school roles (with
 * the board of each school) — except in a school that blocked the person or ended their sessions after that
 * moment — and working-group places.
 */
export async function findRolesOfUser(db: Kysely<Database>, userId: string, sessionStartedAt: string) {
  const boardRoles = await db
    .selectFrom('board_memberships')
    .select(['board_id', 'role'])
    .where('user_id', '=', userId)
    .execute();
  const schoolRoles = await db
    .selectFrom('school_memberships')
    .innerJoin('schools', 'schools.id', 'school_memberships.school_id')
    .leftJoin('school_staff_status', (join) =>
      join.onRef('school_staff_status.school_id', '=', 'school_memberships.school_id').onRef('school_staff_status.user_id', '=', 'school_memberships.user_id'),
    )
    .select(['school_memberships.school_id', 'school_memberships.role', 'schools.board_id'])
    .where('school_memberships.user_id', '=', userId)
    .where('school_staff_status.blocked_at', 'is', null)
    .where((eb) => eb.or([eb('school_staff_status.sessions_ended_at', 'is', null), eb('school_staff_status.sessions_ended_at', '<', sessionStartedAt)]))
    .execute();
  const workingGroup = await db
    .selectFrom('plan_working_group')
    .select(['school_id', 'role'])
    .where('user_id', '=', userId)
    .execute();
  return { boardRoles, schoolRoles, workingGroup };
}

/** The board a school belongs to, or undefined for an unknown school. */
export async function findBoardIdOfSchool(db: Kysely<Database>, schoolId: string): Promise<string | undefined> {
  const row = await db.selectFrom('schools').select('board_id').where('id', '=', schoolId).executeTakeFirst();
  return row?.board_id;
}
