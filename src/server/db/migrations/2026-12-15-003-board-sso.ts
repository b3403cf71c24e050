import type { Kysely } from 'kysely';

// School sign-in with OpenID Connect (issue 18, auth/sso.*): a board's provider, the identities linked to accounts
// and the short-lived sign-in attempts. The client secret is field-encrypted (crypto/encrypted-columns.ts); an
// attempt stores only hashes — the browser keeps the secret its PKCE verifier and nonce are derived from.

/** Adds board_sso_providers, board_sso_domains, sso_identities and sso_login_attempts. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('board_sso_providers')
    .addColumn('board_id', 'text', (c) => c.primaryKey().references('boards.id').onDelete('cascade'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret_encrypted', 'text', (c) => c.notNull())
    // 1: the board's staff sign in with their school account only (password sign-in refused for its accounts).
    .addColumn('sso_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The primary key is the rule: an e-mail domain leads to one board's provider, never two.
  await db.schema
    .createTable('board_sso_domains')
    .addColumn('domain', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', (c) => c.notNull().references('board_sso_providers.board_id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('board_sso_domains_board').on('board_sso_domains').column('board_id').execute();

  // Which provider identity (issuer + subject) is which account; one identity per account and issuer, so a
  // re-used address at the provider cannot take over an account that is already linked.
  await db.schema
    .createTable('sso_identities')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sso_identities_pk', ['issuer', 'subject'])
    .execute();
  await db.schema.createIndex('sso_identities_user').on('sso_identities').columns(['issuer', 'user_id']).unique().execute();

  // A sign-in on its way through the provider: found by the state's hash and the browser cookie's hash, deleted
  // when used (one time) or when it ran out.
  await db.schema
    .createTable('sso_login_attempts')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('browser_hash', 'text', (c) => c.notNull())
    .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_login_attempts_expires').on('sso_login_attempts').column('expires_at').execute();
}

/** Removes the school sign-in tables. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sso_login_attempts').execute();
  await db.schema.dropTable('sso_identities').execute();
  await db.schema.dropTable('board_sso_domains').execute();
  await db.schema.dropTable('board_sso_providers').execute();
}
