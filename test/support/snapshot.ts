import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/database';

/** Every table of the schema, for whole-database comparisons. */
export const ALL_TABLES: (keyof Database)[] = [
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
  'sessions',
  'user_tokens',
  'outbox_messages',
  'audit_events',
];

/** All rows of every table, each table's rows in a stable order: equal snapshots mean equal data. */
export async function snapshotDatabase(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of ALL_TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    snapshot[table] = rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
  }
  return snapshot;
}
