import type { Selectable } from 'kysely';

/** A board's OpenID Connect provider for school sign-in. */
export interface BoardSsoProvidersTable {
  board_id: string;
  /** The provider's issuer identifier (discovery starts at `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  client_id: string;
  /** The client secret, field-encrypted with the board id bound in. */
  client_secret_encrypted: string;
  /** 1: the board's own accounts sign in with their school account only. */
  sso_only: number;
  enabled: number;
  updated_by: string | null;
  updated_at: string;
}

/** An e-mail domain whose addresses sign in through one board's provider. */
export interface BoardSsoDomainsTable {
  domain: string;
  board_id: string;
}

/** A provider identity linked to a Groeiwijzer account. */
export interface SsoIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  board_id: string;
  /** When the identity was first linked (by verified e-mail address). */
  linked_at: string;
}

/** A sign-in on its way through the provider; only hashes of the state and the browser's secret are stored. */
export interface SsoLoginAttemptsTable {
  state_hash: string;
  browser_hash: string;
  board_id: string;
  created_at: string;
  expires_at: string;
}

export type BoardSsoProviderRow = Selectable<BoardSsoProvidersTable>;
export type SsoIdentityRow = Selectable<SsoIdentitiesTable>;
