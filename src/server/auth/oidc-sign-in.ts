import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { recordAudit } from '../audit/audit.service';
import { type Deps, hashSecret, isoInstant, newSecretToken } from '../deps';
import { AppError } from '../errors';
import type { ErrorCode } from '../../shared/error-codes';
import { normaliseEmail, findUserByEmail, findUserById } from './users.repository';
import { authorizationUrlOf, exchangeCode, oidcConfigurationOf } from './oidc-client';
import { providerDidMfa } from './oidc-mfa';
import {
  deleteExpiredSsoAttempts,
  findBoardOfSsoDomain,
  findSsoIdentity,
  findSsoProvider,
  hasSsoIdentityOfIssuer,
  insertSsoAttempt,
  insertSsoIdentity,
  isAccountOfBoard,
  isHomeBoardSsoOnly,
  isSsoOnlyDomain,
  listSsoDomains,
  takeSsoAttempt,
} from './sso.repository';
import { oidcSettingsOf, ssoRedirectUriOf } from './sso.service';

// School sign-in, the flow (issue 18): the e-mail address picks the board and its provider; the browser goes to
// the provider with state, nonce and a PKCE challenge; the provider sends it back to the login page, which posts
// the answer here. openid-client checks the answer and the ID token; then the verified address must be in the
// board's domains and lead to an existing account — the provider proves who someone is, never what they may do.

/** The cookie that ties an attempt to the browser that started it; it holds the secret PKCE and nonce come from. */
export const SSO_ATTEMPT_COOKIE = '__Host-gw_sso';
/** How long a sign-in at the provider may take. */
export const SSO_ATTEMPT_MINUTES = 10;

/** A sign-in that was started: the provider's page to go to and the browser secret to keep in the cookie. */
export interface StartedSsoSignIn {
  redirectUrl: string;
  browserSecret: string;
}

/** Starts school sign-in for an address: finds the board of its domain and builds the provider's sign-in URL. */
export async function startSsoSignIn(deps: Deps, email: string, log: FastifyBaseLogger): Promise<StartedSsoSignIn> {
  const db = deps.db.kysely;
  const address = normaliseEmail(email);
  const boardId = await findBoardOfSsoDomain(db, domainOf(address));
  const provider = boardId ? await findSsoProvider(db, boardId) : undefined;
  if (!boardId || !provider || provider.enabled !== 1) throw new AppError('sso_not_available');
  let configuration;
  try {
    configuration = await oidcConfigurationOf(await oidcSettingsOf(deps, provider));
  } catch (error) {
    log.warn({ boardId, reason: reasonOf(error) }, 'school sign-in: the provider could not be discovered');
    throw new AppError('sso_failed');
  }
  const browserSecret = newSecretToken();
  const state = newSecretToken();
  const now = deps.clock.now();
  await deleteExpiredSsoAttempts(db, isoInstant(now));
  await insertSsoAttempt(db, {
    state_hash: hashSecret(state),
    browser_hash: hashSecret(browserSecret),
    board_id: boardId,
    created_at: isoInstant(now),
    expires_at: isoInstant(new Date(now.getTime() + SSO_ATTEMPT_MINUTES * 60_000)),
  });
  const redirectUrl = await authorizationUrlOf(configuration, {
    redirectUri: await ssoRedirectUriOf(deps),
    state,
    ...secretsOf(browserSecret),
    loginHint: address,
  });
  return { redirectUrl, browserSecret };
}

/** How a finished school sign-in went: the account and whether the provider did two-step verification. */
export interface CompletedSsoSignIn {
  userId: string;
  providerDidMfa: boolean;
}

/**
 * Finishes school sign-in with the query the provider sent the browser back with. Every refusal is audited with its
 * reason (never a token or code) and answers with a code the login page shows in words.
 */
export async function completeSsoSignIn(deps: Deps, callbackQuery: string, browserSecret: string | undefined, log: FastifyBaseLogger): Promise<CompletedSsoSignIn> {
  const db = deps.db.kysely;
  const query = new URLSearchParams(callbackQuery.replace(/^\?/, ''));
  const state = query.get('state');
  const refuse = async (code: ErrorCode, reason: string, boardId: string | null, userId: string | null = null): Promise<never> => {
    log.warn({ boardId, reason }, 'school sign-in refused');
    await recordAudit(db, deps.clock, {
      actorUserId: userId,
      action: 'auth.login_failed',
      targetType: 'user',
      ...(userId ? { targetId: userId } : {}),
      boardId,
      detail: { method: 'sso', reason },
    });
    throw new AppError(code);
  };

  if (!state || !browserSecret) return refuse('sso_expired', state ? 'no_attempt_cookie' : 'no_state', null);
  const attempt = await takeSsoAttempt(db, hashSecret(state), hashSecret(browserSecret));
  if (!attempt) return refuse('sso_expired', 'unknown_or_used_attempt', null);
  const boardId = attempt.board_id;
  if (Date.parse(attempt.expires_at) <= deps.clock.now().getTime()) return refuse('sso_expired', 'attempt_expired', boardId);
  // The person cancelled at the provider, or the provider refused them.
  if (query.has('error')) return refuse('sso_failed', `provider_error:${query.get('error')?.slice(0, 60)}`, boardId);
  const provider = await findSsoProvider(db, boardId);
  if (!provider || provider.enabled !== 1) return refuse('sso_not_available', 'provider_switched_off', boardId);

  let claims: Record<string, unknown>;
  try {
    const configuration = await oidcConfigurationOf(await oidcSettingsOf(deps, provider));
    const callbackUrl = new URL(await ssoRedirectUriOf(deps));
    callbackUrl.search = query.toString();
    claims = await exchangeCode(configuration, callbackUrl, { state, ...secretsOf(browserSecret) });
  } catch (error) {
    if (error instanceof AppError) throw error;
    return refuse('sso_failed', `answer_rejected:${reasonOf(error)}`, boardId);
  }

  const email = typeof claims.email === 'string' ? normaliseEmail(claims.email) : null;
  if (!email || claims.email_verified !== true) return refuse('sso_email_unverified', 'email_not_verified', boardId);
  if (!(await listSsoDomains(db, boardId)).includes(domainOf(email))) return refuse('sso_email_not_allowed', 'domain_not_allowed', boardId);

  const issuer = String(claims.iss);
  const subject = String(claims.sub);
  const identity = await findSsoIdentity(db, issuer, subject);
  let userId = identity?.user_id;
  if (!userId) {
    // The first time: the verified address of an account of this board, not yet linked to another identity here.
    const user = await findUserByEmail(db, email);
    if (!user || !(await isAccountOfBoard(db, user.id, boardId))) return refuse('sso_no_account', 'no_account_for_address', boardId);
    if (await hasSsoIdentityOfIssuer(db, issuer, user.id)) return refuse('sso_no_account', 'account_linked_to_other_identity', boardId, user.id);
    await insertSsoIdentity(db, { issuer, subject, user_id: user.id, board_id: boardId, linked_at: isoInstant(deps.clock.now()) });
    await recordAudit(db, deps.clock, { actorUserId: user.id, action: 'auth.sso_linked', targetType: 'user', targetId: user.id, boardId });
    userId = user.id;
  }
  const user = await findUserById(db, userId);
  if (!user || user.disabled_at !== null) return refuse('sso_no_account', 'account_disabled', boardId, userId);
  if (!(await isAccountOfBoard(db, user.id, boardId))) return refuse('sso_no_account', 'account_left_board', boardId, userId);

  const didMfa = providerDidMfa(claims);
  await recordAudit(db, deps.clock, {
    actorUserId: user.id,
    action: 'auth.login_succeeded',
    targetType: 'user',
    targetId: user.id,
    boardId,
    detail: { method: 'sso', providerMfa: didMfa },
  });
  return { userId: user.id, providerDidMfa: didMfa };
}

/**
 * Refuses password sign-in where the board wants its staff to use their school account: for every address of an
 * SSO-only board's domains (whether or not an account exists, so the answer tells nothing about accounts), and for
 * an SSO-only board's own accounts with other addresses once their password was right.
 */
export async function passwordSignInRefusal(deps: Deps, email: string, userId: string | null, passwordMatches: boolean): Promise<'sso_required' | null> {
  const db = deps.db.kysely;
  if (await isSsoOnlyDomain(db, domainOf(normaliseEmail(email)))) return 'sso_required';
  if (userId && passwordMatches && (await isHomeBoardSsoOnly(db, userId))) return 'sso_required';
  return null;
}

// PKCE verifier and nonce come from the browser's secret, so the stored attempt holds nothing that completes a sign-in.
function secretsOf(browserSecret: string): { codeVerifier: string; nonce: string } {
  const derive = (purpose: string) => createHash('sha256').update(`${purpose}:${browserSecret}`).digest('base64url');
  return { codeVerifier: derive('pkce'), nonce: derive('nonce') };
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

// openid-client's error code and message: what went wrong in the protocol, never the token itself.
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const code = (error as { code?: unknown }).code;
  return `${typeof code === 'string' ? code : error.name}: ${error.message}`.slice(0, 200);
}
