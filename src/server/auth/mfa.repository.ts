import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { newId } from '../deps';
import type { UserMfaRow, UserMfaTable } from './mfa.tables';

/** A user's authenticator registration, confirmed or not. */
export async function findUserMfa(db: Kysely<Database>, userId: string): Promise<UserMfaRow | undefined> {
  return db.selectFrom('user_mfa').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Stores a new, unconfirmed registration, replacing an earlier unconfirmed one. */
export async function replaceUnconfirmedMfa(db: Kysely<Database>, row: UserMfaTable): Promise<void> {
  await db.deleteFrom('user_mfa').where('user_id', '=', row.user_id).where('confirmed_at', 'is', null).execute();
  await db.insertInto('user_mfa').values(row).execute();
}

/** Marks a registration confirmed. */
export async function confirmUserMfa(db: Kysely<Database>, userId: string, confirmedAt: string): Promise<void> {
  await db.updateTable('user_mfa').set({ confirmed_at: confirmedAt }).where('user_id', '=', userId).execute();
}

/**
 * Takes a TOTP time step for the user: succeeds only when it is later than every step accepted
 * before, in one conditional update, so two requests with the same code cannot both win.
 */
export async function claimTotpStep(db: Kysely<Database>, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('user_mfa')
    .set({ last_used_step: step, failed_attempts: 0, last_failed_at: null })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Counts one more wrong code (or starts counting again at one when `continuesRun` is false). */
export async function countFailedAttempt(db: Kysely<Database>, userId: string, continuesRun: boolean, at: string): Promise<void> {
  await db
    .updateTable('user_mfa')
    .set((eb) => ({ failed_attempts: continuesRun ? eb('failed_attempts', '+', 1) : 1, last_failed_at: at }))
    .where('user_id', '=', userId)
    .execute();
}

/** Forgets the wrong codes counted so far. */
export async function resetFailedAttempts(db: Kysely<Database>, userId: string): Promise<void> {
  await db.updateTable('user_mfa').set({ failed_attempts: 0, last_failed_at: null }).where('user_id', '=', userId).execute();
}

/** Removes a user's registration and recovery codes; their sessions no longer count as verified by a code. */
export async function deleteUserMfa(db: Kysely<Database>, userId: string): Promise<void> {
  // A verified session without a registration counts as verified by the school's provider (mfaStateFrom).
  await db.updateTable('sessions').set({ mfa_verified_at: null }).where('user_id', '=', userId).execute();
  await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
  await db.deleteFrom('user_mfa').where('user_id', '=', userId).execute();
}

/** Replaces all recovery codes of a user by new ones (given as hashes). */
export async function replaceRecoveryCodes(db: Kysely<Database>, userId: string, codeHashes: readonly string[], createdAt: string): Promise<void> {
  await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('mfa_recovery_codes')
    .values(codeHashes.map((codeHash) => ({ id: newId(), user_id: userId, code_hash: codeHash, used_at: null, created_at: createdAt })))
    .execute();
}

/** Uses up an unused recovery code in one conditional update; false when there is no such code. */
export async function claimRecoveryCode(db: Kysely<Database>, userId: string, codeHash: string, usedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('mfa_recovery_codes')
    .set({ used_at: usedAt })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** How many recovery codes of a user are still unused. */
export async function countUnusedRecoveryCodes(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('mfa_recovery_codes')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Records that a session passed the second sign-in step. */
export async function markSessionMfaVerified(db: Kysely<Database>, idHash: string, verifiedAt: string): Promise<void> {
  await db.updateTable('sessions').set({ mfa_verified_at: verifiedAt }).where('id_hash', '=', idHash).execute();
}

/** When a session was started, or undefined when it no longer exists. */
export async function findSessionStart(db: Kysely<Database>, idHash: string): Promise<string | undefined> {
  const row = await db.selectFrom('sessions').select('created_at').where('id_hash', '=', idHash).executeTakeFirst();
  return row?.created_at;
}
