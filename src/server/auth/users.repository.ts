import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { UserRow, UsersTable } from './accounts.tables';

/** Normalises an e-mail address for storage and lookup. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Finds a user by (normalised) e-mail address. */
export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

/** Finds a user by id. */
export async function findUserById(db: Kysely<Database>, userId: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
}

/** Creates a user. */
export async function insertUser(db: Kysely<Database>, user: UsersTable): Promise<void> {
  await db.insertInto('users').values({ ...user, email: normaliseEmail(user.email) }).execute();
}

/** Changes some of a user's own fields. */
export async function updateUser(
  db: Kysely<Database>,
  userId: string,
  changes: Partial<Pick<UsersTable, 'name' | 'locale' | 'password_hash' | 'disabled_at'>>,
): Promise<void> {
  // An empty change (PATCH /api/me with `{}`) would be `update users set where …`: invalid SQL.
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('users').set(changes).where('id', '=', userId).execute();
}

/** The home board of an account: where mail about it is filed and whose admins alone may switch it off. */
export async function findHomeBoardOfUser(db: Kysely<Database>, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('home_board_id').where('id', '=', userId).executeTakeFirst();
  return row?.home_board_id ?? null;
}

/** The boards and schools a user can open, with names, for the navigation. */
export async function findPlacesOfUser(db: Kysely<Database>, userId: string) {
  const boards = await db
    .selectFrom('board_memberships')
    .innerJoin('boards', 'boards.id', 'board_memberships.board_id')
    .select(['boards.id', 'boards.name', 'board_memberships.role'])
    .where('board_memberships.user_id', '=', userId)
    .orderBy('boards.name')
    .execute();
  const schools = await db
    .selectFrom('school_memberships')
    .innerJoin('schools', 'schools.id', 'school_memberships.school_id')
    .leftJoin('school_settings', 'school_settings.school_id', 'schools.id')
    .select(['schools.id', 'schools.name', 'schools.board_id', 'school_memberships.role', 'school_settings.shares_plan_with_team'])
    .where('school_memberships.user_id', '=', userId)
    .orderBy('schools.name')
    .execute();
  return { boards, schools };
}
