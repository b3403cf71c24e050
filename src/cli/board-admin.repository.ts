import type { Kysely } from 'kysely';
import type { Database } from '../server/db/database';
import type { BoardMembershipsTable } from '../server/auth/accounts.tables';

/** Every board, oldest first (an installation has one or a few). */
export async function listBoards(db: Kysely<Database>): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('boards').select(['id', 'name']).orderBy('created_at').orderBy('id').execute();
}

/** True when the user already holds the role for the board. */
export async function hasBoardRole(db: Kysely<Database>, boardId: string, userId: string, role: string): Promise<boolean> {
  const row = await db
    .selectFrom('board_memberships')
    .select('user_id')
    .where('board_id', '=', boardId)
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives a user a role for a whole board. */
export async function insertBoardMembership(db: Kysely<Database>, membership: BoardMembershipsTable): Promise<void> {
  await db.insertInto('board_memberships').values(membership).execute();
}
