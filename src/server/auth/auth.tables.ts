import type { Selectable } from 'kysely';

/** A server-side login session; only a hash of the cookie value is stored. */
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** When this session passed the second sign-in step (null: not yet, or not needed). */
  mfa_verified_at: string | null;
}

/** A single-use token sent by e-mail (password reset or invitation); only its hash is stored. */
export interface UserTokensTable {
  token_hash: string;
  user_id: string;
  purpose: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export type SessionRow = Selectable<SessionsTable>;
export type UserTokenRow = Selectable<UserTokensTable>;
