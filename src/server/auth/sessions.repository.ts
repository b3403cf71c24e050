import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { SessionRow, SessionsTable } from './auth.tables';

/** Stores a new session. */
export async function insertSession(db: Kysely<Database>, session: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** A session with the fields of its user that the request needs. */
export async function findSessionWithUser(db: Kysely<Database>, idHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash',
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.mfa_verified_at',
      'users.email',
      'users.name',
      'users.locale',
      'users.disabled_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
}

/** Moves a session's last-seen moment. */
export async function touchSession(db: Kysely<Database>, idHash: string, lastSeenAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id_hash', '=', idHash).execute();
}

/** Removes one session. */
export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Removes every session of a user (logout everywhere, disabled account, new password); returns how many. */
export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes sessions past their absolute end. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export type { SessionRow };

/** The live sessions of one user, newest first (for "where am I signed in"). */
export async function listSessionsOfUser(db: Kysely<Database>, userId: string, now: string) {
  return db
    .selectFrom('sessions')
    .select(['id_hash', 'created_at', 'last_seen_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Removes every session of a user except one (the one they are using); returns how many ended. */
export async function deleteOtherSessionsOfUser(db: Kysely<Database>, userId: string, keepIdHash: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).where('id_hash', '<>', keepIdHash).executeTakeFirst();
  return Number(result.numDeletedRows);
}
