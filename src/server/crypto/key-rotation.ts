import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { Clock } from '../deps';
import { isoInstant } from '../deps';
import { listDataKeys, retireDataKeysExcept, rewrapDataKey } from './data-keys.repository';
import { ENCRYPTED_COLUMNS, rowIdOf } from './encrypted-columns';
import { isEnvelope, openField, sealField, wrapDataKey } from './envelope';
import { createDataKey, unwrapDataKeys, updateField } from './field-encryption';
import { kekFingerprint } from './kek';

// Kysely cannot type a table and column chosen from the registry at run time.
// biome-ignore lint/suspicious/noExplicitAny: dynamic table access limited to the registry
type AnyDb = Kysely<any>;

/**
 * Re-wraps every data key with a new KEK in one transaction; the encrypted fields stay as they are.
 * Throws (changing nothing) when `oldKek` is not the key the data keys were wrapped with.
 */
export async function rotateKek(db: Kysely<Database>, oldKek: Buffer, newKek: Buffer): Promise<{ dataKeys: number }> {
  if (oldKek.equals(newKek)) throw new Error('the new key is the same as the current key');
  return db.transaction().execute(async (trx) => {
    const rows = await listDataKeys(trx);
    const keys = unwrapDataKeys(oldKek, rows);
    const newKekId = kekFingerprint(newKek);
    for (const [id, key] of keys) await rewrapDataKey(trx, id, wrapDataKey(newKek, { id, key }), newKekId);
    return { dataKeys: keys.size };
  });
}

/**
 * Starts a new data key in one transaction: re-encrypts every value of every column in
 * ENCRYPTED_COLUMNS with it (plain text left from before encryption included) and retires the
 * older keys. Throws (changing nothing) when the KEK does not match or a value fails to decrypt.
 */
export async function rotateDataKey(db: Kysely<Database>, kek: Buffer, clock: Clock): Promise<{ dataKeyId: string; values: number; retired: number }> {
  return db.transaction().execute(async (trx) => {
    const keys = unwrapDataKeys(kek, await listDataKeys(trx));
    const dataKey = await createDataKey(trx, kek, clock);
    let values = 0;
    for (const entry of ENCRYPTED_COLUMNS) {
      const rows = await (trx as AnyDb)
        .selectFrom(entry.table)
        .select([...entry.keyColumns, entry.column])
        .where(entry.column, 'is not', null)
        // As at start: an empty text stays empty (see encryptPlainTextFields).
        .where(entry.column, '!=', '')
        .execute();
      for (const row of rows) {
        const ref = { table: entry.table, column: entry.column, rowId: rowIdOf(entry, row) };
        const stored = String(row[entry.column]);
        const plaintext = isEnvelope(stored) ? openField((id) => keys.get(id), ref, stored) : stored;
        await updateField(trx, entry.table, entry.keyColumns, entry.column, row, sealField(dataKey, ref, plaintext));
        values++;
      }
    }
    const retired = await retireDataKeysExcept(trx, dataKey.id, isoInstant(clock.now()));
    return { dataKeyId: dataKey.id, values, retired };
  });
}
