import type { Kysely } from 'kysely';
import type { Actor } from '../../shared/permissions';
import type { WorkingGroupRole } from '../../shared/plan';
import type { BoardRole, SchoolRole } from '../../shared/roles';
import type { StaffCaller } from '../access/caller';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { type Clock, hashSecret, isoInstant, newSecretToken } from '../deps';
import { findRolesOfUser } from './actor.repository';
import { deleteExpiredSessions, deleteSession, findSessionWithUser, insertSession, touchSession } from './sessions.repository';

/** The name of the session cookie; `__Host-` pins it to this host and path `/`. */
export const SESSION_COOKIE = '__Host-gw_session';

// Writing last_seen_at on every request would turn reads into writes; a minute of slack is harmless.
const TOUCH_INTERVAL_MS = 60_000;

/** A live staff session: the user, their roles (fresh) and the session; the auth hook makes it a StaffCaller. */
export type SignedInStaff = Pick<StaffCaller, 'userId' | 'user' | 'actor' | 'session'>;

/** Starts a new session for a user; returns the secret cookie value (only its hash is stored) and its CSRF token. */
export async function startSession(
  db: Kysely<Database>,
  clock: Clock,
  config: Config,
  userId: string,
  options: { mfaVerifiedAt?: string } = {},
): Promise<{ token: string; csrfToken: string; createdAt: string }> {
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  const now = clock.now();
  // Sign-ins are rare enough to carry the clean-up of sessions that ran out meanwhile.
  await deleteExpiredSessions(db, isoInstant(now));
  await insertSession(db, {
    id_hash: hashSecret(token),
    user_id: userId,
    csrf_token: csrfToken,
    created_at: isoInstant(now),
    last_seen_at: isoInstant(now),
    expires_at: isoInstant(new Date(now.getTime() + config.sessionAbsoluteHours * 3_600_000)),
    mfa_verified_at: options.mfaVerifiedAt ?? null,
  });
  return { token, csrfToken, createdAt: isoInstant(now) };
}

/**
 * Resolves a cookie value to a live session, or null. Ends sessions that are idle too long,
 * past their absolute lifetime, or whose user was disabled.
 */
export async function resumeSession(
  db: Kysely<Database>,
  clock: Clock,
  config: Config,
  token: string,
): Promise<SignedInStaff | null> {
  const idHash = hashSecret(token);
  const row = await findSessionWithUser(db, idHash);
  if (!row) return null;
  const now = clock.now().getTime();
  const idleLimit = Date.parse(row.last_seen_at) + config.sessionIdleMinutes * 60_000;
  if (row.disabled_at !== null || now >= Date.parse(row.expires_at) || now >= idleLimit) {
    await deleteSession(db, idHash);
    return null;
  }
  if (now - Date.parse(row.last_seen_at) >= TOUCH_INTERVAL_MS) {
    await touchSession(db, idHash, isoInstant(new Date(now)));
  }
  return {
    userId: row.user_id,
    user: { id: row.user_id, email: row.email, name: row.name, locale: row.locale === 'en' ? 'en' : 'nl' },
    actor: await loadActor(db, row.user_id, row.created_at),
    session: { idHash, csrfToken: row.csrf_token, mfaVerifiedAt: row.mfa_verified_at, createdAt: row.created_at },
  };
}

/** Loads a user's roles, as they count for a session started at `sessionStartedAt`, into an Actor for the policy. */
export async function loadActor(db: Kysely<Database>, userId: string, sessionStartedAt: string): Promise<Actor> {
  const { boardRoles, schoolRoles, workingGroup } = await findRolesOfUser(db, userId, sessionStartedAt);
  const byBoard = new Map<string, BoardRole[]>();
  for (const row of boardRoles) byBoard.set(row.board_id, [...(byBoard.get(row.board_id) ?? []), row.role as BoardRole]);
  const bySchool = new Map<string, SchoolRole[]>();
  const boardOfSchool = new Map<string, string>();
  for (const row of schoolRoles) {
    bySchool.set(row.school_id, [...(bySchool.get(row.school_id) ?? []), row.role as SchoolRole]);
    boardOfSchool.set(row.school_id, row.board_id);
  }
  // A working-group place counts only while the person still holds a role in that school.
  const places = new Map<string, WorkingGroupRole>();
  for (const row of workingGroup) if (bySchool.has(row.school_id)) places.set(row.school_id, row.role as WorkingGroupRole);
  return { userId, boardRoles: byBoard, schoolRoles: bySchool, boardOfSchool, workingGroup: places };
}

/** Ends one session. */
export async function endSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await deleteSession(db, idHash);
}
