/**
 * Where an encrypted value lives. Table, column and row id are bound into the ciphertext as
 * authenticated data, so a value copied to another row or column no longer decrypts.
 */
export interface FieldRef {
  table: string;
  column: string;
  rowId: string;
}

/**
 * Encryption of special-category fields (free text about a pupil, MFA secrets): AES-256-GCM with
 * data keys wrapped by a key-encryption key that lives outside the database. Without that key the
 * service fails closed: `encrypt` and `decrypt` throw AppError('encryption_unavailable').
 */
export interface FieldCrypto {
  /** Whether the key-encryption key is loaded (false: sensitive fields cannot be served). */
  readonly available: boolean;
  /** Encrypts a value for one field of one row; returns the text to store. */
  encrypt(ref: FieldRef, plaintext: string): Promise<string>;
  /** Decrypts a stored value of that same field and row; throws when it was tampered with or moved. */
  decrypt(ref: FieldRef, stored: string): Promise<string>;
}
