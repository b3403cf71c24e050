import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { UserTokenRow, UserTokensTable } from './auth.tables';

/** Stores a single-use token (hashed). */
export async function insertUserToken(db: Kysely<Database>, token: UserTokensTable): Promise<void> {
  await db.insertInto('user_tokens').values(token).execute();
}

/** Finds a token by hash and purpose, whether used or not. */
export async function findUserToken(db: Kysely<Database>, tokenHash: string, purpose: string): Promise<UserTokenRow | undefined> {
  return db.selectFrom('user_tokens').selectAll().where('token_hash', '=', tokenHash).where('purpose', '=', purpose).executeTakeFirst();
}

/** Marks a token used; returns false when someone used it first. */
export async function markUserTokenUsed(db: Kysely<Database>, tokenHash: string, usedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('user_tokens')
    .set({ used_at: usedAt })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Invalidates a user's open tokens of one purpose (a new reset link replaces older ones). */
export async function expireOpenTokens(db: Kysely<Database>, userId: string, purpose: string, usedAt: string): Promise<void> {
  await db
    .updateTable('user_tokens')
    .set({ used_at: usedAt })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

/** Invalidates every open token of a user, whatever its purpose: a password just set ends every link that could set it again. */
export async function expireAllOpenTokensOfUser(db: Kysely<Database>, userId: string, usedAt: string): Promise<void> {
  await db.updateTable('user_tokens').set({ used_at: usedAt }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}
