import { createHash } from 'node:crypto';
import { recordAudit } from '../audit/audit.service';
import { type Deps, isoInstant } from '../deps';
import { AppError } from '../errors';
import { findUserById, updateUser } from './users.repository';
import { expireAllOpenTokensOfUser } from './auth.repository';
import { assertPasswordNotWeak } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import type { AccountSession } from './account.schemas';
import type { SignedInStaff } from './sessions.service';
import { deleteOtherSessionsOfUser, listSessionsOfUser } from './sessions.repository';

// The list shows a name for each session that cannot be turned back into the stored hash, let alone the cookie.
function publicSessionId(idHash: string): string {
  return createHash('sha256').update(`groeiwijzer:session-list:${idHash}`).digest('hex').slice(0, 16);
}

/** Checks a signed-in user's password (changing it, break-glass); 400 wrong_current_password at `field` otherwise. */
export async function assertCurrentPassword(deps: Deps, userId: string, password: string, field: string): Promise<{ email: string; name: string }> {
  const user = await findUserById(deps.db.kysely, userId);
  if (!user || !(await verifyPassword(user.password_hash, password))) {
    throw new AppError('wrong_current_password', { fields: { [field]: ['wrong_current_password'] } });
  }
  return user;
}

/**
 * Changes a signed-in user's password after checking the current one, and ends every other session
 * of the account (a thief who had the old password loses the session they started with it) and every
 * open reset or invitation link (a link still lying in a mailbox must not overrule the new password).
 */
export async function changeOwnPassword(deps: Deps, session: SignedInStaff, currentPassword: string, newPassword: string): Promise<number> {
  const user = await assertCurrentPassword(deps, session.user.id, currentPassword, 'body.currentPassword');
  assertPasswordNotWeak(newPassword, { email: user.email, name: user.name }, 'body.newPassword');
  if (currentPassword === newPassword) throw new AppError('validation_failed', { fields: { 'body.newPassword': ['same_as_current'] } });
  const passwordHash = await hashPassword(newPassword);
  return deps.db.kysely.transaction().execute(async (trx) => {
    await updateUser(trx, session.user.id, { password_hash: passwordHash });
    const ended = await deleteOtherSessionsOfUser(trx, session.user.id, session.session.idHash);
    await expireAllOpenTokensOfUser(trx, session.user.id, isoInstant(deps.clock.now()));
    await recordAudit(trx, deps.clock, {
      actorUserId: session.user.id,
      action: 'auth.password_changed',
      targetType: 'user',
      targetId: session.user.id,
      detail: { otherSessionsEnded: ended },
    });
    return ended;
  });
}

/** Where the user is signed in right now (sessions that have not run out). */
export async function listOwnSessions(deps: Deps, session: SignedInStaff): Promise<AccountSession[]> {
  const rows = await listSessionsOfUser(deps.db.kysely, session.user.id, isoInstant(deps.clock.now()));
  return rows.map((row) => ({
    id: publicSessionId(row.id_hash),
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    current: row.id_hash === session.session.idHash,
  }));
}

/** Signs the user out everywhere else, after they typed their password again. */
export async function endOtherOwnSessions(deps: Deps, session: SignedInStaff, password: string): Promise<number> {
  await assertCurrentPassword(deps, session.user.id, password, 'body.password');
  return deps.db.kysely.transaction().execute(async (trx) => {
    const ended = await deleteOtherSessionsOfUser(trx, session.user.id, session.session.idHash);
    await recordAudit(trx, deps.clock, {
      actorUserId: session.user.id,
      action: 'auth.other_sessions_ended',
      targetType: 'user',
      targetId: session.user.id,
      detail: { ended },
    });
    return ended;
  });
}
