import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { BoardSsoProviderRow, BoardSsoProvidersTable, SsoIdentityRow, SsoLoginAttemptsTable } from './sso.tables';

/** The school sign-in provider of a board, if it has one. */
export async function findSsoProvider(db: Kysely<Database>, boardId: string): Promise<BoardSsoProviderRow | undefined> {
  return db.selectFrom('board_sso_providers').selectAll().where('board_id', '=', boardId).executeTakeFirst();
}

/** The e-mail domains that sign in through a board's provider, sorted. */
export async function listSsoDomains(db: Kysely<Database>, boardId: string): Promise<string[]> {
  const rows = await db.selectFrom('board_sso_domains').select('domain').where('board_id', '=', boardId).orderBy('domain').execute();
  return rows.map((row) => row.domain);
}

/** The board whose provider an e-mail domain signs in through. */
export async function findBoardOfSsoDomain(db: Kysely<Database>, domain: string): Promise<string | undefined> {
  const row = await db.selectFrom('board_sso_domains').select('board_id').where('domain', '=', domain).executeTakeFirst();
  return row?.board_id;
}

/** Which of these domains another board's provider already has. */
export async function findDomainsOfOtherBoards(db: Kysely<Database>, boardId: string, domains: readonly string[]): Promise<string[]> {
  if (domains.length === 0) return [];
  const rows = await db.selectFrom('board_sso_domains').select('domain').where('domain', 'in', domains).where('board_id', '!=', boardId).execute();
  return rows.map((row) => row.domain);
}

/** Stores a board's provider (insert or replace) with exactly these domains. */
export async function saveSsoProvider(db: Kysely<Database>, provider: BoardSsoProvidersTable, domains: readonly string[]): Promise<void> {
  const { board_id: boardId, ...changes } = provider;
  await db
    .insertInto('board_sso_providers')
    .values(provider)
    .onConflict((conflict) => conflict.column('board_id').doUpdateSet(changes))
    .execute();
  await db.deleteFrom('board_sso_domains').where('board_id', '=', boardId).execute();
  if (domains.length > 0) await db.insertInto('board_sso_domains').values(domains.map((domain) => ({ domain, board_id: boardId }))).execute();
}

/** Removes a board's provider and its domains (linked identities stay: they belong to the account). */
export async function deleteSsoProvider(db: Kysely<Database>, boardId: string): Promise<boolean> {
  await db.deleteFrom('board_sso_domains').where('board_id', '=', boardId).execute();
  const result = await db.deleteFrom('board_sso_providers').where('board_id', '=', boardId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

// The boards whose staff sign in through their provider only: the one definition both questions below ask against.
function ssoOnlyBoardIds(db: Kysely<Database>) {
  return db.selectFrom('board_sso_providers').select('board_id').where('sso_only', '=', 1).where('enabled', '=', 1);
}

/** Whether an account's home board signs its staff in through the provider only. */
export async function isHomeBoardSsoOnly(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('id', '=', userId).where('home_board_id', 'in', ssoOnlyBoardIds(db)).executeTakeFirst();
  return row !== undefined;
}

/** Whether the domain leads to a board whose staff sign in through its provider only. */
export async function isSsoOnlyDomain(db: Kysely<Database>, domain: string): Promise<boolean> {
  const row = await db.selectFrom('board_sso_domains').select('board_id').where('domain', '=', domain).where('board_id', 'in', ssoOnlyBoardIds(db)).executeTakeFirst();
  return row !== undefined;
}

/** Stores a sign-in attempt on its way through the provider. */
export async function insertSsoAttempt(db: Kysely<Database>, attempt: SsoLoginAttemptsTable): Promise<void> {
  await db.insertInto('sso_login_attempts').values(attempt).execute();
}

/**
 * Takes a sign-in attempt out (it works once): the row of this state and browser, deleted in the same step so two
 * requests with one state cannot both have it. Undefined when there is none.
 */
export async function takeSsoAttempt(db: Kysely<Database>, stateHash: string, browserHash: string): Promise<{ board_id: string; expires_at: string } | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('sso_login_attempts')
      .select(['board_id', 'expires_at'])
      .where('state_hash', '=', stateHash)
      .where('browser_hash', '=', browserHash)
      .executeTakeFirst();
    if (!row) return undefined;
    const result = await trx.deleteFrom('sso_login_attempts').where('state_hash', '=', stateHash).executeTakeFirst();
    return Number(result.numDeletedRows) === 1 ? row : undefined;
  });
}

/** Deletes the attempts that ran out (a sign-in start carries this clean-up). */
export async function deleteExpiredSsoAttempts(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('sso_login_attempts').where('expires_at', '<=', now).execute();
}

/** The account a provider identity is linked to. */
export async function findSsoIdentity(db: Kysely<Database>, issuer: string, subject: string): Promise<SsoIdentityRow | undefined> {
  return db.selectFrom('sso_identities').selectAll().where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
}

/** Whether an account already has an identity of this issuer (then a second one is not linked). */
export async function hasSsoIdentityOfIssuer(db: Kysely<Database>, issuer: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('sso_identities').select('subject').where('issuer', '=', issuer).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** Links a provider identity to an account. */
export async function insertSsoIdentity(db: Kysely<Database>, identity: SsoIdentityRow): Promise<void> {
  await db.insertInto('sso_identities').values(identity).execute();
}

/** Whether an account belongs to a board: its home is there, or it holds a role in the board or one of its schools. */
export async function isAccountOfBoard(db: Kysely<Database>, userId: string, boardId: string): Promise<boolean> {
  const home = await db.selectFrom('users').select('id').where('id', '=', userId).where('home_board_id', '=', boardId).executeTakeFirst();
  if (home) return true;
  const board = await db.selectFrom('board_memberships').select('user_id').where('user_id', '=', userId).where('board_id', '=', boardId).executeTakeFirst();
  if (board) return true;
  const school = await db
    .selectFrom('school_memberships')
    .innerJoin('schools', 'schools.id', 'school_memberships.school_id')
    .select('school_memberships.user_id')
    .where('school_memberships.user_id', '=', userId)
    .where('schools.board_id', '=', boardId)
    .executeTakeFirst();
  return school !== undefined;
}
