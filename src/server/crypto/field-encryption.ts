import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database, Db } from '../db/database';
import { type Clock, isoInstant, newId, systemClock } from '../deps';
import { AppError } from '../errors';
import type { DataKeyRow } from './crypto.tables';
import { insertDataKey, listDataKeys } from './data-keys.repository';
import { ENCRYPTED_COLUMNS, encryptedColumnOf, rowIdOf } from './encrypted-columns';
import { type DataKey, ENVELOPE_PREFIX, newDataKey, openField, parseEnvelope, sealField, unwrapDataKey, wrapDataKey } from './envelope';
import type { FieldCrypto, FieldRef } from './field-crypto';
import { type KekSource, kekFingerprint, kekSourceExists, kekSourceOf, loadKek, writeNewKeyFile } from './kek';

/** The few logger methods field encryption uses (pino and Fastify's logger fit). */
export interface CryptoLogger {
  error(message: string): void;
  info(message: string): void;
}

/** What `openFieldCrypto` needs: the migrated database, the key settings, and optionally a clock and logger. */
export interface FieldCryptoOptions {
  db: Db;
  config: Pick<Config, 'key' | 'keyFile'>;
  clock?: Clock;
  logger?: CryptoLogger;
}

/**
 * Opens field encryption for a migrated database and makes sure it has an active data key. Never
 * throws for a key problem: when the KEK is missing or does not match the stored data keys it logs
 * why and returns a FieldCrypto with `available=false` whose every call throws
 * AppError('encryption_unavailable'), so the server still starts but serves no sensitive field
 * (fail closed). With a key it also encrypts old plain-text values of registered columns.
 */
export async function openFieldCrypto(options: FieldCryptoOptions): Promise<FieldCrypto> {
  const { db, logger } = options;
  let crypto: Keyring;
  try {
    crypto = await openKeyring(db, options.clock ?? systemClock, kekSourceOf(options.config, db));
  } catch (error) {
    const reason = (error as Error).message;
    logger?.error(
      `Field encryption is UNAVAILABLE: ${reason}. Notes and other sensitive fields cannot be read or written until the right key is configured (GROEIWIJZER_KEY_FILE or GROEIWIJZER_KEY, see README.md).`,
    );
    return unavailableFieldCrypto(reason);
  }
  const encrypted = await encryptPlainTextFields(db.kysely, crypto);
  if (encrypted > 0) logger?.info(`Field encryption: encrypted ${encrypted} value(s) that were stored as plain text`);
  return crypto;
}

/** Shorthand for `openFieldCrypto` with the app's configuration (no logger: errors stay silent). */
export async function createFieldCryptoForConfig(config: Pick<Config, 'key' | 'keyFile'>, db: Db, logger?: CryptoLogger): Promise<FieldCrypto> {
  return openFieldCrypto({ db, config, ...(logger ? { logger } : {}) });
}

/** A FieldCrypto that refuses everything: what the server runs with when the key is missing or wrong. */
export function unavailableFieldCrypto(reason: string): FieldCrypto {
  const refuse = async (): Promise<never> => {
    throw new AppError('encryption_unavailable', { detail: `field encryption unavailable: ${reason}` });
  };
  return { available: false, encrypt: refuse, decrypt: refuse };
}

/** Unwraps every data key with the KEK; throws when the KEK's fingerprint or a wrapping does not match. */
export function unwrapDataKeys(kek: Buffer, rows: readonly DataKeyRow[]): Map<string, Buffer> {
  const fingerprint = kekFingerprint(kek);
  const keys = new Map<string, Buffer>();
  for (const row of rows) {
    if (row.kek_id !== fingerprint) {
      throw new Error(`the configured key is not the key the data keys were stored with (key fingerprint ${fingerprint}, data keys need ${row.kek_id})`);
    }
    keys.set(row.id, unwrapDataKey(kek, row.id, row.wrapped_key).key);
  }
  return keys;
}

/** The data key new values are encrypted with: the newest one that is not retired. */
export function activeDataKeyId(rows: readonly DataKeyRow[]): string | undefined {
  return rows.filter((row) => row.retired_at === null).at(-1)?.id;
}

/** Creates, wraps and stores a new data key; returns it unwrapped. */
export async function createDataKey(db: Kysely<Database>, kek: Buffer, clock: Clock): Promise<DataKey> {
  const dataKey = newDataKey(newId());
  await insertDataKey(db, {
    id: dataKey.id,
    wrapped_key: wrapDataKey(kek, dataKey),
    kek_id: kekFingerprint(kek),
    created_at: isoInstant(clock.now()),
    retired_at: null,
  });
  return dataKey;
}

/**
 * Reads the KEK of a source. Only the default key file of a SQLite database is ever created, and
 * only while the database holds no data keys: a new key must never be made over existing data.
 */
export function obtainKek(source: KekSource, hasDataKeys: boolean): Buffer {
  if (source.kind === 'none') throw new Error(source.reason);
  if (kekSourceExists(source)) return loadKek(source);
  const path = source.kind === 'file' ? source.path : '';
  if (hasDataKeys) throw new Error(`the key file ${path} is missing, but the database holds data encrypted with it`);
  if (source.kind !== 'file' || !source.isDefault) throw new Error(`the key file ${path} does not exist`);
  try {
    writeNewKeyFile(source.path);
  } catch (error) {
    // Created by another process in the meantime: use that one.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return loadKek(source);
}

async function openKeyring(db: Db, clock: Clock, source: KekSource): Promise<Keyring> {
  const rows = await listDataKeys(db.kysely);
  const kek = obtainKek(source, rows.length > 0);
  const keys = unwrapDataKeys(kek, rows);
  let activeId = activeDataKeyId(rows);
  if (!activeId) {
    const dataKey = await createDataKey(db.kysely, kek, clock);
    keys.set(dataKey.id, dataKey.key);
    activeId = dataKey.id;
  }
  return new Keyring(db, kek, keys, activeId);
}

// Holds the unwrapped data keys in memory, so encrypting and decrypting need no database access
// (safe inside a transaction). The KEK itself is only used to unwrap keys.
class Keyring implements FieldCrypto {
  readonly available = true;

  constructor(
    private readonly db: Db,
    private readonly kek: Buffer,
    private readonly keys: Map<string, Buffer>,
    private readonly activeId: string,
  ) {}

  async encrypt(ref: FieldRef, plaintext: string): Promise<string> {
    if (!encryptedColumnOf(ref.table, ref.column)) {
      throw new Error(`${ref.table}.${ref.column} is not in ENCRYPTED_COLUMNS (src/server/crypto/encrypted-columns.ts): register it first`);
    }
    const key = this.keys.get(this.activeId);
    if (!key) throw new Error('active data key vanished');
    return sealField({ id: this.activeId, key }, ref, plaintext);
  }

  async decrypt(ref: FieldRef, stored: string): Promise<string> {
    const { dataKeyId } = parseEnvelope(stored);
    // Only a data key made by another process after start (`keys rotate-data-key` while the
    // server ran) is not in memory: load it once. This is the only database access.
    if (!this.keys.has(dataKeyId)) {
      for (const [id, key] of unwrapDataKeys(this.kek, await listDataKeys(this.db.kysely))) this.keys.set(id, key);
    }
    return openField((id) => this.keys.get(id), ref, stored);
  }
}

// Kysely cannot type a table and column chosen from the registry at run time.
// biome-ignore lint/suspicious/noExplicitAny: dynamic table access limited to the registry
type AnyDb = Kysely<any>;

/**
 * Encrypts every value of a registered column that is still plain text (written before the column
 * was encrypted). Returns how many values it encrypted.
 */
export async function encryptPlainTextFields(db: Kysely<Database>, crypto: FieldCrypto): Promise<number> {
  let count = 0;
  for (const entry of ENCRYPTED_COLUMNS) {
    const rows = await (db as AnyDb)
      .selectFrom(entry.table)
      .select([...entry.keyColumns, entry.column])
      .where(entry.column, 'is not', null)
      // An empty text holds nothing to protect: a column whose "no value" is '' (plan evidence) keeps it readable.
      .where(entry.column, '!=', '')
      .where(entry.column, 'not like', `${ENVELOPE_PREFIX}%`)
      .execute();
    for (const row of rows) {
      const stored = await crypto.encrypt({ table: entry.table, column: entry.column, rowId: rowIdOf(entry, row) }, String(row[entry.column]));
      await updateField(db, entry.table, entry.keyColumns, entry.column, row, stored);
      count++;
    }
  }
  return count;
}

/** Writes one stored value of a registered column, finding the row by its key columns. */
export async function updateField(
  db: Kysely<Database>,
  table: string,
  keyColumns: readonly string[],
  column: string,
  row: Record<string, unknown>,
  stored: string,
): Promise<void> {
  let query = (db as AnyDb).updateTable(table).set({ [column]: stored });
  for (const name of keyColumns) query = query.where(name, '=', row[name]);
  await query.execute();
}
