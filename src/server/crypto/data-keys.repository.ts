import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { DataKeyRow, DataKeysTable } from './crypto.tables';

/** Every data key, oldest first. */
export async function listDataKeys(db: Kysely<Database>): Promise<DataKeyRow[]> {
  return db.selectFrom('data_keys').selectAll().orderBy('created_at').orderBy('id').execute();
}

/** Stores a new (wrapped) data key. */
export async function insertDataKey(db: Kysely<Database>, row: DataKeysTable): Promise<void> {
  await db.insertInto('data_keys').values(row).execute();
}

/** Replaces the wrapping of a data key (after the KEK changed). */
export async function rewrapDataKey(db: Kysely<Database>, id: string, wrappedKey: string, kekId: string): Promise<void> {
  await db.updateTable('data_keys').set({ wrapped_key: wrappedKey, kek_id: kekId }).where('id', '=', id).execute();
}

/** Retires every active data key except `keepId`. */
export async function retireDataKeysExcept(db: Kysely<Database>, keepId: string, retiredAt: string): Promise<number> {
  const result = await db
    .updateTable('data_keys')
    .set({ retired_at: retiredAt })
    .where('id', '!=', keepId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
