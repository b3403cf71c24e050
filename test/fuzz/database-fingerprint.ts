import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { type Db, TABLES_IN_DEPENDENCY_ORDER } from '../../src/server/db/database';

// A refused sign-in or code is itself worth recording: the audit log must show failed attempts, and
// wrong MFA codes count towards a lock. That bookkeeping is the one write a 4xx answer may leave behind,
// so the fingerprint leaves it out: audit events of failed attempts, the audit chain's head (which
// follows every event), and the failed-attempt counters.
const FAILED_ATTEMPT_ACTION = '%\\_failed';
// rate_limits counts every attempt at a throttled route, a refused one too; job_leases is the jobs' bookkeeping.
const TABLES_LEFT_OUT = new Set<string>(['audit_chain_head', 'rate_limits', 'job_leases']);
const COLUMNS_LEFT_OUT: Record<string, string[]> = { user_mfa: ['failed_attempts', 'last_failed_at'] };

/** A digest per table of all its rows. */
export type DatabaseFingerprint = Record<string, string>;

/**
 * A cheap digest of every row of every table: equal fingerprints mean equal data (audit events of
 * failed attempts aside). PostgreSQL hashes on the server in one round trip; SQLite hashes in process.
 */
export async function fingerprintDatabase(db: Db): Promise<DatabaseFingerprint> {
  return db.dialect === 'postgres' ? fingerprintPostgres(db) : fingerprintSqlite(db);
}

/** The tables whose digest differs between two fingerprints. */
export function changedTables(before: DatabaseFingerprint, after: DatabaseFingerprint): string[] {
  return fingerprintedTables().filter((table) => before[table] !== after[table]);
}

async function fingerprintPostgres(db: Db): Promise<DatabaseFingerprint> {
  const columns = fingerprintedTables().map((table) => {
    const where = table === 'audit_events' ? `where t.action not like '${FAILED_ATTEMPT_ACTION}'` : '';
    const row = ['to_jsonb(t)', ...(COLUMNS_LEFT_OUT[table] ?? []).map((column) => `'${column}'`)].join(' - ');
    return `(select md5(coalesce(string_agg((${row})::text, '|' order by (${row})::text), '')) from "${table}" t ${where}) as "${table}"`;
  });
  const result = await sql.raw<Record<string, string>>(`select ${columns.join(', ')}`).execute(db.kysely);
  return result.rows[0] ?? {};
}

async function fingerprintSqlite(db: Db): Promise<DatabaseFingerprint> {
  const fingerprint: DatabaseFingerprint = {};
  for (const table of fingerprintedTables()) {
    const where = table === 'audit_events' ? sql.raw(`where action not like '${FAILED_ATTEMPT_ACTION}' escape '\\'`) : sql.raw('');
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} ${where}`.execute(db.kysely);
    const leftOut = COLUMNS_LEFT_OUT[table] ?? [];
    const hash = createHash('sha1');
    for (const row of rows.rows) hash.update(JSON.stringify(Object.entries(row).filter(([column]) => !leftOut.includes(column))));
    fingerprint[table] = hash.digest('hex');
  }
  return fingerprint;
}

function fingerprintedTables(): string[] {
  return TABLES_IN_DEPENDENCY_ORDER.filter((table) => !TABLES_LEFT_OUT.has(table));
}

/** Tells, after each request, which tables changed since the previous look. */
export interface DatabaseWatch {
  /** The tables whose rows changed since the last call (or since the watch started). */
  changedSinceLastLook(): Promise<string[]>;
}

/**
 * Starts watching a database. A cheap counter first says whether anything was written at all, and only
 * then is the full fingerprint taken: on SQLite the connection's change counter (rows written, rolled
 * back or not) with the schema version; on PostgreSQL the next transaction id of the cluster, which
 * moves with every writing transaction (other databases' too, which only costs a needless fingerprint).
 */
export async function watchDatabase(db: Db): Promise<DatabaseWatch> {
  let fingerprint = await fingerprintDatabase(db);
  let counter = await changeCounterOf(db);
  return {
    async changedSinceLastLook() {
      const nextCounter = await changeCounterOf(db);
      if (nextCounter === counter) return [];
      counter = nextCounter;
      const next = await fingerprintDatabase(db);
      const changed = changedTables(fingerprint, next);
      fingerprint = next;
      return changed;
    },
  };
}

async function changeCounterOf(db: Db): Promise<string> {
  if (db.dialect === 'postgres') {
    const result = await sql<{ xmax: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax`.execute(db.kysely);
    return result.rows[0]?.xmax ?? '';
  }
  const result = await sql<{ changes: number; schema: number }>`select total_changes() as changes, (select schema_version from pragma_schema_version) as schema`.execute(db.kysely);
  const row = result.rows[0];
  return row ? `${row.changes}/${row.schema}` : '';
}

/** Row counts of every table: what the injection tests compare to prove no table was dropped or emptied. */
export async function countRows(db: Db): Promise<Record<string, number>> {
  // One query for all tables: on PostgreSQL a round trip per table cost more than the counting.
  const counts = TABLES_IN_DEPENDENCY_ORDER.map((table) => sql`select ${sql.lit(table)} as name, count(*) as count from ${sql.table(table)}`);
  const result = await sql<{ name: string; count: number | string }>`${sql.join(counts, sql` union all `)}`.execute(db.kysely);
  const byTable = new Map(result.rows.map((row) => [row.name, Number(row.count)]));
  return Object.fromEntries(TABLES_IN_DEPENDENCY_ORDER.map((table) => [table, byTable.get(table) ?? Number.NaN]));
}
