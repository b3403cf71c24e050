import type { Kysely } from 'kysely';
import type { Database } from '../db/database';

/** Every role of a user: board roles, school roles (with the board of each school), working-group places. */
export async function findRolesOfUser(db: Kysely<Database>, userId: string) {
  const boardRoles = await db
    .selectFrom('board_memberships')
    .select(['board_id', 'role'])
    .where('user_id', '=', userId)
    .execute();
  const schoolRoles = await db
    .selectFrom('school_memberships')
    .innerJoin('schools', 'schools.id', 'school_memberships.school_id')
    .select(['school_memberships.school_id', 'school_memberships.role', 'schools.board_id'])
    .where('school_memberships.user_id', '=', userId)
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
