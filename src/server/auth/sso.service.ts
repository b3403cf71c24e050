import type { StaffCaller } from '../access/caller';
import { recordAudit } from '../audit/audit.service';
import { encryptedFieldRef } from '../crypto/encrypted-columns';
import { type Deps, isoInstant } from '../deps';
import { AppError } from '../errors';
import { linkBaseOf } from '../installation/link-base';
import { discoverProvider, type OidcClientSettings } from './oidc-client';
import { deleteSsoProvider, findDomainsOfOtherBoards, findSsoProvider, listSsoDomains, saveSsoProvider } from './sso.repository';
import type { SsoConnectionTest, SsoSettings, SsoSettingsBody } from './sso.schemas';
import type { BoardSsoProviderRow } from './sso.tables';

// A board's school sign-in as its admin sets it up: the provider, the secret (stored encrypted, never shown
// again), the e-mail domains that sign in through it, and whether it is the only way in for the board's staff.

/** Where the provider sends the browser back: the login page, which hands the answer to the server (a GET never writes). */
export async function ssoRedirectUriOf(deps: Pick<Deps, 'config' | 'db'>): Promise<string> {
  return `${await linkBaseOf(deps)}/inloggen`;
}

/** The board's school sign-in as its admin reads it (the secret never leaves the server). */
export async function describeSso(deps: Deps, boardId: string): Promise<SsoSettings> {
  const db = deps.db.kysely;
  const row = await findSsoProvider(db, boardId);
  const redirectUri = await ssoRedirectUriOf(deps);
  if (!row) return { redirectUri, provider: null };
  return {
    redirectUri,
    provider: {
      issuer: row.issuer,
      clientId: row.client_id,
      hasClientSecret: row.client_secret_encrypted !== '',
      allowedDomains: await listSsoDomains(db, boardId),
      ssoOnly: row.sso_only === 1,
      enabled: row.enabled === 1,
      updatedAt: row.updated_at,
    },
  };
}

/** Saves the board's school sign-in; the first save needs the client secret, later ones keep it when left out. */
export async function saveSso(deps: Deps, caller: StaffCaller, boardId: string, body: SsoSettingsBody): Promise<SsoSettings> {
  const domains = [...new Set(body.allowedDomains)].sort();
  await deps.db.kysely.transaction().execute(async (trx) => {
    const existing = await findSsoProvider(trx, boardId);
    if (!existing && body.clientSecret === undefined) {
      throw new AppError('validation_failed', { fields: { 'body.clientSecret': ['required'] } });
    }
    const taken = await findDomainsOfOtherBoards(trx, boardId, domains);
    if (taken.length > 0) throw new AppError('sso_domain_taken', { fields: { 'body.allowedDomains': ['sso_domain_taken'] } });
    const secret =
      body.clientSecret === undefined
        ? existing!.client_secret_encrypted
        : await deps.fieldCrypto.encrypt(encryptedFieldRef('board_sso_providers', 'client_secret_encrypted', [boardId]), body.clientSecret);
    const now = isoInstant(deps.clock.now());
    await saveSsoProvider(
      trx,
      {
        board_id: boardId,
        issuer: body.issuer,
        client_id: body.clientId,
        client_secret_encrypted: secret,
        sso_only: body.ssoOnly ? 1 : 0,
        enabled: body.enabled ? 1 : 0,
        updated_by: caller.user.id,
        updated_at: now,
      },
      domains,
    );
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.user.id,
      action: 'board.sso_changed',
      targetType: 'board',
      targetId: boardId,
      boardId,
      // What changed in how people sign in; the secret only as "replaced".
      detail: { issuer: body.issuer, domains, ssoOnly: body.ssoOnly, enabled: body.enabled, secretReplaced: body.clientSecret !== undefined },
    });
  });
  return describeSso(deps, boardId);
}

/** Removes the board's school sign-in (its secret with it); accounts sign in with their password again. */
export async function removeSso(deps: Deps, caller: StaffCaller, boardId: string): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await deleteSsoProvider(trx, boardId))) throw new AppError('not_found');
    await recordAudit(trx, deps.clock, { actorUserId: caller.user.id, action: 'board.sso_removed', targetType: 'board', targetId: boardId, boardId });
  });
}

/** Asks the issuer for its discovery document: does it answer as an OpenID Connect provider? Writes nothing. */
export async function testSsoConnection(issuer: string): Promise<SsoConnectionTest> {
  try {
    const found = await discoverProvider(issuer);
    return { ok: true, ...found, problem: null };
  } catch (error) {
    return { ok: false, issuer: null, authorizationEndpoint: null, endSessionEndpoint: null, problem: shortReason(error) };
  }
}

/** The settings openid-client needs for a stored provider (the secret decrypted). */
export async function oidcSettingsOf(deps: Deps, row: BoardSsoProviderRow): Promise<OidcClientSettings> {
  const clientSecret = await deps.fieldCrypto.decrypt(encryptedFieldRef('board_sso_providers', 'client_secret_encrypted', [row.board_id]), row.client_secret_encrypted);
  return { issuer: row.issuer, clientId: row.client_id, clientSecret, version: row.updated_at };
}

// openid-client's errors carry a code and a message about the protocol (never a secret); enough for the admin.
function shortReason(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = (error as { code?: unknown }).code;
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${typeof code === 'string' ? `${code}: ` : ''}${error.message}${cause}`.slice(0, 300);
}
