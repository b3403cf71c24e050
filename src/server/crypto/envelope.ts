import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { FieldRef } from './field-crypto';
import { KEY_BYTES } from './kek';

// AES-256-GCM with a random 96-bit IV per value and a 128-bit tag. With random IVs one key may
// seal about 2^32 values before the IV collision risk matters; a school produces far fewer, and
// `groeiwijzer keys rotate-data-key` starts a fresh key whenever wanted.
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Prefix of every encrypted value: the envelope format, version 1. */
export const ENVELOPE_PREFIX = 'gw1:';

/** A data key ready for use: its id (named in every envelope) and its 32 raw bytes. */
export interface DataKey {
  id: string;
  key: Buffer;
}

/** Thrown when a stored value is not a valid envelope or fails authentication (tampered, moved, wrong key). */
export class FieldDecryptionError extends Error {
  constructor(detail: string) {
    super(`Encrypted field cannot be decrypted: ${detail}`);
    this.name = 'FieldDecryptionError';
  }
}

/** The authenticated data of a field: `table|column|rowId`, so a value only decrypts where it was written. */
export function additionalDataOf(ref: FieldRef): Buffer {
  return Buffer.from(`${ref.table}|${ref.column}|${ref.rowId}`, 'utf8');
}

/** Whether a stored value is an encrypted envelope (anything else is legacy plain text). */
export function isEnvelope(stored: string): boolean {
  return stored.startsWith(ENVELOPE_PREFIX);
}

/** Encrypts `plaintext` for one field of one row: `gw1:<dataKeyId>:<iv>:<ciphertext+tag>` (base64url). */
export function sealField(dataKey: DataKey, ref: FieldRef, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const sealed = seal(dataKey.key, iv, additionalDataOf(ref), Buffer.from(plaintext, 'utf8'));
  return `${ENVELOPE_PREFIX}${dataKey.id}:${iv.toString('base64url')}:${sealed.toString('base64url')}`;
}

/** The parts of an envelope; throws FieldDecryptionError when it is malformed. */
export function parseEnvelope(stored: string): { dataKeyId: string; iv: Buffer; sealed: Buffer } {
  const parts = stored.split(':');
  if (parts.length !== 4 || `${parts[0]}:` !== ENVELOPE_PREFIX) throw new FieldDecryptionError('not a gw1 envelope');
  const [, dataKeyId = '', ivText = '', sealedText = ''] = parts;
  const iv = Buffer.from(ivText, 'base64url');
  const sealed = Buffer.from(sealedText, 'base64url');
  if (dataKeyId === '' || iv.length !== IV_BYTES || sealed.length < TAG_BYTES) throw new FieldDecryptionError('malformed envelope');
  return { dataKeyId, iv, sealed };
}

/** Decrypts an envelope with the data key it names; throws FieldDecryptionError on any mismatch. */
export function openField(dataKeyOf: (id: string) => Buffer | undefined, ref: FieldRef, stored: string): string {
  const { dataKeyId, iv, sealed } = parseEnvelope(stored);
  const key = dataKeyOf(dataKeyId);
  if (!key) throw new FieldDecryptionError(`unknown data key ${dataKeyId}`);
  return open(key, iv, additionalDataOf(ref), sealed).toString('utf8');
}

/** Wraps (encrypts) a data key under the KEK, bound to the data key's id: `<iv>:<ciphertext+tag>`. */
export function wrapDataKey(kek: Buffer, dataKey: DataKey): string {
  const iv = randomBytes(IV_BYTES);
  const sealed = seal(kek, iv, wrapAdditionalData(dataKey.id), dataKey.key);
  return `${iv.toString('base64url')}:${sealed.toString('base64url')}`;
}

/** Unwraps a data key; throws FieldDecryptionError when the KEK is wrong or the row was changed. */
export function unwrapDataKey(kek: Buffer, id: string, wrapped: string): DataKey {
  const [ivText = '', sealedText = '', ...rest] = wrapped.split(':');
  const iv = Buffer.from(ivText, 'base64url');
  const sealed = Buffer.from(sealedText, 'base64url');
  if (rest.length > 0 || iv.length !== IV_BYTES || sealed.length !== KEY_BYTES + TAG_BYTES) {
    throw new FieldDecryptionError(`data key ${id} is malformed`);
  }
  return { id, key: open(kek, iv, wrapAdditionalData(id), sealed) };
}

/** A new random data key. */
export function newDataKey(id: string): DataKey {
  return { id, key: randomBytes(KEY_BYTES) };
}

function wrapAdditionalData(id: string): Buffer {
  return Buffer.from(`data_keys|wrapped_key|${id}`, 'utf8');
}

function seal(key: Buffer, iv: Buffer, additionalData: Buffer, plaintext: Buffer): Buffer {
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

function open(key: Buffer, iv: Buffer, additionalData: Buffer, sealed: Buffer): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new FieldDecryptionError('authentication failed (tampered, moved to another field, or wrong key)');
  }
}
