import type { Selectable } from 'kysely';

/**
 * A data key (DEK) for field encryption, stored only wrapped (encrypted) by the key-encryption key
 * (KEK), which never enters the database. `kek_id` is the KEK's fingerprint, so a wrong KEK is
 * recognised; a retired key no longer encrypts new values but may still be read.
 */
export interface DataKeysTable {
  id: string;
  /** `<iv>:<ciphertext+tag>` in base64url: the 32-byte data key encrypted with AES-256-GCM under the KEK. */
  wrapped_key: string;
  kek_id: string;
  created_at: string;
  retired_at: string | null;
}

export type DataKeyRow = Selectable<DataKeysTable>;
