import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config';
import type { Db } from '../db/database';

/** Length of every key (key-encryption key and data key): 256 bits for AES-256. */
export const KEY_BYTES = 32;

/** File name of the key next to a SQLite database when no key is configured. */
export const DEFAULT_KEY_FILE_NAME = 'groeiwijzer.key';

/** Where the key-encryption key (KEK) comes from, before it is read. */
export type KekSource =
  | { kind: 'env'; key: string }
  | { kind: 'file'; path: string; isDefault: boolean }
  | { kind: 'none'; reason: string };

/** Decodes a base64 (or base64url) key and checks it is exactly 32 bytes; throws otherwise. */
export function decodeKey(text: string): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw new Error('the key is not base64 text');
  const key = Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`the key must be ${KEY_BYTES} bytes (base64 of 32 random bytes), got ${key.length}`);
  return key;
}

/** A new random key as base64 text (what a key file and GROEIWIJZER_KEY hold). */
export function newKeyText(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/** Writes a new random key to `path` with mode 0600; refuses to overwrite an existing file. */
export function writeNewKeyFile(path: string): void {
  // 'wx' fails when the file exists: a key that protects data must never be replaced by accident.
  writeFileSync(path, `${newKeyText()}\n`, { flag: 'wx', mode: 0o600 });
}

/** Reads and checks a key file; the message names the file but never its content. */
export function readKeyFile(path: string): Buffer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the key file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
  try {
    return decodeKey(text);
  } catch (error) {
    throw new Error(`the key file ${path} is not valid: ${(error as Error).message}`);
  }
}

/**
 * A fingerprint of a KEK, stored with every data key so a wrong key is recognised before any
 * decryption is tried. It is an HMAC under the key itself, so it says nothing about the key.
 */
export function kekFingerprint(kek: Buffer): string {
  return createHmac('sha256', kek).update('groeiwijzer key-encryption key fingerprint v1').digest('hex').slice(0, 32);
}

/** The default key file of a SQLite database: `groeiwijzer.key` in the same directory. */
export function defaultKeyFilePath(sqlitePath: string): string {
  return join(dirname(sqlitePath), DEFAULT_KEY_FILE_NAME);
}

/**
 * Decides where the KEK comes from: GROEIWIJZER_KEY, then GROEIWIJZER_KEY_FILE, then (SQLite only)
 * the default file next to the database. PostgreSQL needs the key configured explicitly.
 */
export function kekSourceOf(config: Pick<Config, 'key' | 'keyFile'>, db: Pick<Db, 'dialect' | 'location'>): KekSource {
  if (config.key) return { kind: 'env', key: config.key };
  if (config.keyFile) return { kind: 'file', path: config.keyFile, isDefault: false };
  if (db.dialect === 'sqlite') return { kind: 'file', path: defaultKeyFilePath(db.location), isDefault: true };
  return { kind: 'none', reason: 'PostgreSQL needs GROEIWIJZER_KEY_FILE or GROEIWIJZER_KEY' };
}

/** Whether the key of a source can be read now (a default file may not exist yet). */
export function kekSourceExists(source: KekSource): boolean {
  if (source.kind === 'env') return true;
  if (source.kind === 'file') return existsSync(source.path);
  return false;
}

/** Reads the KEK of a source that exists; throws with a readable message otherwise. */
export function loadKek(source: KekSource): Buffer {
  if (source.kind === 'env') {
    try {
      return decodeKey(source.key);
    } catch (error) {
      throw new Error(`GROEIWIJZER_KEY is not valid: ${(error as Error).message}`);
    }
  }
  if (source.kind === 'file') return readKeyFile(source.path);
  throw new Error(source.reason);
}
