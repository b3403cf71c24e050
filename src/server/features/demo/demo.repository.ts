import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { DemoRows } from './demo.data';

// Parents before children, so foreign keys hold at every insert.
const INSERT_ORDER = [
  'boards',
  'schools',
  'locations',
  'classes',
  'users',
  'board_memberships',
  'school_memberships',
  'class_teachers',
  'pupils',
  'class_pupils',
] as const satisfies readonly (keyof DemoRows)[];

/** Inserts every demo row, table by table, in foreign-key order. */
export async function insertDemoRows(db: Kysely<Database>, rows: DemoRows): Promise<void> {
  for (const table of INSERT_ORDER) {
    const values = rows[table];
    if (values.length === 0) continue;
    // Kysely cannot narrow the row type from a table name held in a loop variable.
    await db.insertInto(table).values(values as never).execute();
  }
}
