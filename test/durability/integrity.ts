// Checks a database after a crash or a restore: the engine's own integrity check, the rows the
// write load was told are stored, and the audit chain.
import { sql } from 'kysely';
import { verifyAuditChain } from '../../src/server/audit/audit-verify';
import type { Db } from '../../src/server/db/database';

/**
 * The problems the engine finds in the database's files, or [] when it is sound. SQLite:
 * `PRAGMA integrity_check` and `PRAGMA foreign_key_check`. PostgreSQL: amcheck's `verify_heapam` on
 * every table and `bt_index_check` (with all heap tuples) on every B-tree index.
 */
export async function integrityProblems(db: Db): Promise<string[]> {
  return db.dialect === 'sqlite' ? sqliteIntegrityProblems(db) : postgresIntegrityProblems(db);
}

async function sqliteIntegrityProblems(db: Db): Promise<string[]> {
  const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db.kysely);
  const problems = check.rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
  if (check.rows.length === 0) problems.push('integrity_check returned nothing');
  const foreignKeys = await sql<{ table: string; parent: string }>`pragma foreign_key_check`.execute(db.kysely);
  return [...problems, ...foreignKeys.rows.map((row) => `foreign key broken: ${row.table} → ${row.parent}`)];
}

async function postgresIntegrityProblems(db: Db): Promise<string[]> {
  await sql`create extension if not exists amcheck`.execute(db.kysely);
  const heap = await sql<{ relation: string; msg: string }>`
    select c.relname as relation, v.msg
    from pg_class c join pg_namespace n on n.oid = c.relnamespace, lateral verify_heapam(c.oid) v
    where n.nspname = 'public' and c.relkind = 'r'`.execute(db.kysely);
  const indexes = await sql<{ name: string }>`
    select c.relname as name
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace join pg_am a on a.oid = c.relam
    where n.nspname = 'public' and a.amname = 'btree'`.execute(db.kysely);
  const problems = heap.rows.map((row) => `${row.relation}: ${row.msg}`);
  for (const index of indexes.rows) {
    try {
      // Raises an error at the first inconsistency; true = also check every heap tuple is indexed.
      await sql`select bt_index_check(${sql.lit(`public.${index.name}`)}::regclass, true)`.execute(db.kysely);
    } catch (error) {
      problems.push(`index ${index.name}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** The ids of the locations stored for the school. */
export async function storedLocationIds(db: Db, schoolId: string): Promise<Set<string>> {
  const rows = await db.kysely.selectFrom('locations').select('id').where('school_id', '=', schoolId).execute();
  return new Set(rows.map((row) => row.id));
}

/** Locations of the school without their `location.created` audit event: a transaction that was only half kept. */
export async function locationsWithoutAuditEvent(db: Db, schoolId: string): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('locations')
    .leftJoin('audit_events', (join) => join.onRef('audit_events.target_id', '=', 'locations.id').on('audit_events.action', '=', 'location.created'))
    .select('locations.id')
    .where('locations.school_id', '=', schoolId)
    .where('audit_events.id', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

/** The ids among `acknowledged` that the database does not hold: writes the server confirmed and then lost. */
export function lostWrites(acknowledged: Iterable<string>, stored: ReadonlySet<string>): string[] {
  return [...acknowledged].filter((id) => !stored.has(id));
}

/** Every problem found after a crash or restore: integrity, half-kept transactions, a broken audit chain. */
export async function consistencyProblems(db: Db, schoolId: string): Promise<string[]> {
  const problems = await integrityProblems(db);
  const halfKept = await locationsWithoutAuditEvent(db, schoolId);
  if (halfKept.length > 0) problems.push(`${halfKept.length} location(s) without their audit event, e.g. ${halfKept[0]}`);
  const chain = await verifyAuditChain(db.kysely);
  if (!chain.ok) problems.push(`audit chain: ${chain.kind} at seq ${chain.seq}: ${chain.message}`);
  return problems;
}
