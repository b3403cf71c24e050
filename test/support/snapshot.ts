import type { Kysely } from 'kysely';
import { type Database, TABLES_IN_DEPENDENCY_ORDER } from '../../src/server/db/database';

/** All rows of every table, each table's rows in a stable order: equal snapshots mean equal data. */
export async function snapshotDatabase(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of TABLES_IN_DEPENDENCY_ORDER) {
    const rows = await db.selectFrom(table).selectAll().execute();
    snapshot[table] = rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
  }
  return snapshot;
}
