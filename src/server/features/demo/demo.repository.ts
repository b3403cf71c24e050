import type { Kysely } from 'kysely';
import { type Database, TABLES_IN_DEPENDENCY_ORDER } from '../../db/database';
import type { DemoRows } from './demo.data';

/** Inserts every demo row, table by table, parents before children so foreign keys hold at every insert. */
export async function insertDemoRows(db: Kysely<Database>, rows: DemoRows): Promise<void> {
  for (const table of TABLES_IN_DEPENDENCY_ORDER) {
    const values: readonly unknown[] = table in rows ? rows[table as keyof DemoRows] : [];
    if (values.length === 0) continue;
    // Kysely cannot narrow the row type from a table name held in a loop variable.
    await db.insertInto(table).values(values as never).execute();
  }
}
