import type { Kysely } from 'kysely';
import type { SchoolRole } from '../../../shared/roles';
import type { Database } from '../../db/database';

/** The staff of a school: every user with at least one role there, with roles and assigned classes. */
export async function listStaffOfSchool(db: Kysely<Database>, schoolId: string) {
  const memberships = await db
    .selectFrom('school_memberships')
    .innerJoin('users', 'users.id', 'school_memberships.user_id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.disabled_at',
      'users.password_hash',
      'school_memberships.role',
    ])
    .where('school_memberships.school_id', '=', schoolId)
    .orderBy('users.name')
    .execute();
  const classLinks = await db
    .selectFrom('class_teachers')
    .innerJoin('classes', 'classes.id', 'class_teachers.class_id')
    .select(['class_teachers.user_id', 'class_teachers.class_id'])
    .where('classes.school_id', '=', schoolId)
    .execute();
  return { memberships, classLinks };
}

/** The roles a user holds in a school. */
export async function findRolesInSchool(db: Kysely<Database>, schoolId: string, userId: string): Promise<SchoolRole[]> {
  const rows = await db
    .selectFrom('school_memberships')
    .select('role')
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((row) => row.role as SchoolRole);
}

/** How many active users hold a role in a school. */
export async function countActiveWithRole(db: Kysely<Database>, schoolId: string, role: SchoolRole): Promise<number> {
  const row = await db
    .selectFrom('school_memberships')
    .innerJoin('users', 'users.id', 'school_memberships.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('school_memberships.school_id', '=', schoolId)
    .where('school_memberships.role', '=', role)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Replaces a user's roles in a school. */
export async function replaceRolesInSchool(
  db: Kysely<Database>,
  schoolId: string,
  userId: string,
  roles: readonly SchoolRole[],
  createdAt: string,
): Promise<void> {
  // A role kept keeps its date, and a new role of someone already in the school dates from when they joined:
  // the earliest membership date is "in the team since" (the training register counts from it).
  const earlier = await db
    .selectFrom('school_memberships')
    .select(['role', 'created_at'])
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .execute();
  const joinedAt = earlier.map((row) => row.created_at).sort()[0] ?? createdAt;
  await db.deleteFrom('school_memberships').where('school_id', '=', schoolId).where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await db
      .insertInto('school_memberships')
      .values(roles.map((role) => ({ school_id: schoolId, user_id: userId, role, created_at: earlier.find((row) => row.role === role)?.created_at ?? joinedAt })))
      .execute();
  }
}

/** Replaces which classes of a school a user teaches. */
export async function replaceClassesInSchool(
  db: Kysely<Database>,
  schoolId: string,
  userId: string,
  classIds: readonly string[],
  createdAt: string,
): Promise<void> {
  await db
    .deleteFrom('class_teachers')
    .where('user_id', '=', userId)
    .where('class_id', 'in', db.selectFrom('classes').select('id').where('school_id', '=', schoolId))
    .execute();
  if (classIds.length > 0) {
    await db
      .insertInto('class_teachers')
      .values(classIds.map((classId) => ({ class_id: classId, user_id: userId, created_at: createdAt })))
      .execute();
  }
}

/** Of the given class ids, those that belong to the school. */
export async function filterClassesOfSchool(db: Kysely<Database>, schoolId: string, classIds: readonly string[]): Promise<string[]> {
  if (classIds.length === 0) return [];
  const rows = await db.selectFrom('classes').select('id').where('school_id', '=', schoolId).where('id', 'in', classIds).execute();
  return rows.map((row) => row.id);
}

/** The boards a user administers. */
export async function findBoardsAdministeredBy(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('board_memberships').select('board_id').where('user_id', '=', userId).where('role', '=', 'board_admin').execute();
  return rows.map((row) => row.board_id);
}
