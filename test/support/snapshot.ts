import type { Kysely } from 'kysely';
import { type Database, TABLES_IN_DEPENDENCY_ORDER } from '../../src/server/db/database';

// Bookkeeping, not data: a throttled route counts every attempt, a refused one too, as the in-memory store did.
const BOOKKEEPING_TABLES = new Set<string>(['rate_limits', 'job_leases']);

/** All rows of every table (the rate-limit counters and job leases aside), each table's rows in a stable order: equal snapshots mean equal data. */
export async function snapshotDatabase(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of TABLES_IN_DEPENDENCY_ORDER) {
    if (BOOKKEEPING_TABLES.has(table)) continue;
    const rows = await db.selectFrom(table).selectAll().execute();
    snapshot[table] = rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
  }
  return snapshot;
}
