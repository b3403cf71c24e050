import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { CheckinsTable } from './checkin.tables';
import { countInsertedCheckins } from './checkin-class-days.repository';

/** A check-in as the write queue stores it (word already encrypted). */
export type NewCheckin = Insertable<CheckinsTable>;

// Rows per INSERT statement: 11 columns each stays far below the bound-parameter limits
// (SQLite 32,766; PostgreSQL 65,535) whatever batch size is configured.
const ROWS_PER_STATEMENT = 500;

/**
 * Stores a batch of check-ins in ONE transaction; a check-in whose idempotency key is already stored
 * (earlier, or earlier in this batch) is skipped. The check-ins inserted are added to the anonymous
 * counts of their class-days in the same transaction. Returns the ids of the rows actually inserted.
 */
export async function insertCheckinBatch(db: Kysely<Database>, checkins: readonly NewCheckin[]): Promise<Set<string>> {
  return db.transaction().execute(async (trx) => {
    const inserted = new Set<string>();
    for (let start = 0; start < checkins.length; start += ROWS_PER_STATEMENT) {
      const rows = await trx
        .insertInto('checkins')
        .values(checkins.slice(start, start + ROWS_PER_STATEMENT))
        .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
        .returning('id')
        .execute();
      for (const row of rows) inserted.add(row.id);
    }
    await countInsertedCheckins(
      trx,
      checkins.filter((checkin) => inserted.has(checkin.id)),
    );
    return inserted;
  });
}

