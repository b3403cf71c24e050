import type { Selectable } from 'kysely';

/** A user's authenticator (TOTP) registration; unconfirmed until the first correct code. */
export interface UserMfaTable {
  user_id: string;
  /** The base32 secret, encrypted with the table, column and user id bound in. */
  secret_encrypted: string;
  confirmed_at: string | null;
  /** The last TOTP time step accepted: codes of this step or earlier are refused (no replay). */
  last_used_step: number | null;
  /** Wrong codes in a row; reset by a correct one. */
  failed_attempts: number;
  last_failed_at: string | null;
  created_at: string;
}

/** A single-use recovery code; only its SHA-256 is stored. */
export interface MfaRecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export type UserMfaRow = Selectable<UserMfaTable>;
