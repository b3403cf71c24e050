import type { Kysely } from 'kysely';
import type { Locale } from '../../shared/roles';
import { recordAudit } from '../audit/audit.service';
import type { Database } from '../db/database';
import { type Deps, hashSecret, isoInstant, newSecretToken } from '../deps';
import { AppError } from '../errors';
import { findHomeBoardOfUser, findUserByEmail, findUserById, updateUser } from './users.repository';
import type { SecretLink } from '../mail/mailer';
import { passwordResetMail } from '../mail/templates';
import { expireAllOpenTokensOfUser, expireOpenTokens, findUserToken, insertUserToken, markUserTokenUsed } from './auth.repository';
import { assertPasswordNotWeak } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { passwordSignInRefusal } from './oidc-sign-in';
import { deleteSessionsOfUser } from './sessions.repository';

/** How long a password-reset link stays valid. */
export const RESET_TOKEN_HOURS = 2;
/** How long an invitation link stays valid. */
export const INVITATION_TOKEN_DAYS = 7;

/** Token purposes. */
export type TokenPurpose = 'reset' | 'invite';

/** Checks an e-mail address and password; returns the user id or throws invalid_credentials (same answer for unknown addresses). */
export async function authenticate(deps: Deps, email: string, password: string): Promise<string> {
  const db = deps.db.kysely;
  const user = await findUserByEmail(db, email);
  const passwordMatches = await verifyPassword(user?.password_hash, password);
  // A board that signs its staff in through its school accounts only refuses the password (auth/oidc-sign-in.ts).
  if ((await passwordSignInRefusal(deps, email, user?.id ?? null, passwordMatches)) === 'sso_required') {
    await recordAudit(db, deps.clock, { actorUserId: user?.id ?? null, action: 'auth.login_failed', targetType: 'user', ...(user ? { targetId: user.id } : {}), detail: { reason: 'sso_required' } });
    throw new AppError('sso_required');
  }
  if (!user || !passwordMatches || user.disabled_at !== null) {
    await recordAudit(db, deps.clock, {
      actorUserId: user?.id ?? null,
      action: 'auth.login_failed',
      targetType: 'user',
      ...(user ? { targetId: user.id } : {}),
    });
    throw new AppError('invalid_credentials');
  }
  await recordAudit(db, deps.clock, { actorUserId: user.id, action: 'auth.login_succeeded', targetType: 'user', targetId: user.id });
  return user.id;
}

/** Creates a single-use link token for a user and returns the secret (only the hash is stored). */
export async function issueUserToken(db: Kysely<Database>, deps: Pick<Deps, 'clock'>, userId: string, purpose: TokenPurpose): Promise<string> {
  return (await issueToken(db, deps, userId, purpose)).token;
}

/** Issues a token (as issueUserToken) and returns its link with the moment it stops working, as a mail carries it. */
export async function issueUserTokenLink(db: Kysely<Database>, deps: Pick<Deps, 'clock'>, userId: string, purpose: TokenPurpose, baseUrl: string): Promise<SecretLink> {
  const { token, expiresAt } = await issueToken(db, deps, userId, purpose);
  return { url: tokenLink(baseUrl, purpose, token), expiresAt };
}

async function issueToken(db: Kysely<Database>, deps: Pick<Deps, 'clock'>, userId: string, purpose: TokenPurpose): Promise<{ token: string; expiresAt: string }> {
  const now = deps.clock.now();
  const validMs = purpose === 'reset' ? RESET_TOKEN_HOURS * 3_600_000 : INVITATION_TOKEN_DAYS * 86_400_000;
  await expireOpenTokens(db, userId, purpose, isoInstant(now));
  const token = newSecretToken();
  const expiresAt = isoInstant(new Date(now.getTime() + validMs));
  await insertUserToken(db, {
    token_hash: hashSecret(token),
    user_id: userId,
    purpose,
    created_at: isoInstant(now),
    expires_at: expiresAt,
    used_at: null,
  });
  return { token, expiresAt };
}

/** The link a token is sent in; the token sits in the fragment so it never reaches a server log. */
export function tokenLink(baseUrl: string, purpose: TokenPurpose, token: string): string {
  const page = purpose === 'reset' ? 'wachtwoord-herstellen' : 'uitnodiging';
  return `${baseUrl.replace(/\/$/, '')}/${page}#token=${token}`;
}

/**
 * The least time a reset request takes, known address or not. Sending the link (token, mail, audit)
 * takes ~10 ms with the outbox and more over SMTP; nothing at all happens for an unknown address. Both
 * answers wait until this floor, so the timing does not tell whether an account exists (bench/login-timing.ts).
 */
export const RESET_ANSWER_FLOOR_MS = 250;

/** Sends a reset link when the address belongs to an active account; silent otherwise. Takes at least RESET_ANSWER_FLOOR_MS. */
export async function requestPasswordReset(deps: Deps, email: string, baseUrl: string): Promise<void> {
  // Real time, not deps.clock: this is about what a caller can measure.
  const floor = new Promise<void>((resolve) => setTimeout(resolve, RESET_ANSWER_FLOOR_MS));
  await Promise.all([sendResetLinkIfKnown(deps, email, baseUrl), floor]);
}

async function sendResetLinkIfKnown(deps: Deps, email: string, baseUrl: string): Promise<void> {
  const db = deps.db.kysely;
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled_at !== null) return;
  const link = await issueUserTokenLink(db, deps, user.id, 'reset', baseUrl);
  const locale: Locale = user.locale === 'en' ? 'en' : 'nl';
  const mail = passwordResetMail(locale, link.url, RESET_TOKEN_HOURS);
  await deps.mailer.send({ to: user.email, ...mail, secretLink: link, boardId: await findHomeBoardOfUser(db, user.id) });
  await recordAudit(db, deps.clock, { actorUserId: null, action: 'auth.password_reset_requested', targetType: 'user', targetId: user.id });
}

/**
 * Redeems a reset or invitation token: sets the password (and name for invitations), ends every
 * other session and every other open link of the user, and returns the user id so the caller can sign them in.
 */
export async function redeemUserToken(
  deps: Deps,
  purpose: TokenPurpose,
  token: string,
  password: string,
  name?: string,
): Promise<string> {
  const passwordHash = await hashPassword(password);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const row = await findUserToken(trx, hashSecret(token), purpose);
    if (!row || row.used_at !== null || Date.parse(row.expires_at) <= now.getTime()) throw new AppError('invalid_token');
    const user = await findUserById(trx, row.user_id);
    if (!user || user.disabled_at !== null) throw new AppError('invalid_token');
    assertPasswordNotWeak(password, { email: user.email, name: name ?? user.name }, 'body.password');
    if (!(await markUserTokenUsed(trx, row.token_hash, isoInstant(now)))) throw new AppError('invalid_token');
    await updateUser(trx, user.id, { password_hash: passwordHash, ...(name ? { name } : {}) });
    await deleteSessionsOfUser(trx, user.id);
    // An invited person may also have asked for a reset link (or the other way round): neither may set the password again.
    await expireAllOpenTokensOfUser(trx, user.id, isoInstant(now));
    await recordAudit(trx, deps.clock, {
      actorUserId: user.id,
      action: purpose === 'reset' ? 'auth.password_reset_completed' : 'staff.invitation_accepted',
      targetType: 'user',
      targetId: user.id,
    });
    return user.id;
  });
}
