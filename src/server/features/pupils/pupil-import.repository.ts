import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type {
  PupilImportErrorRow,
  PupilImportErrorsTable,
  PupilImportRecordRow,
  PupilImportRecordsTable,
  PupilImportRow,
  PupilImportsTable,
} from './pupil-import.tables';

// Rows per insert: 8 parameters a row stays well below SQLite's 32766 and PostgreSQL's 65535.
const CHUNK_SIZE = 1000;

/** Creates a staged import (its rows follow in separate inserts). */
export async function insertStagedImport(db: Kysely<Database>, row: PupilImportsTable): Promise<void> {
  await db.insertInto('pupil_imports').values(row).execute();
}

/** Adds valid rows to a staged import. */
export async function insertStagedRecords(db: Kysely<Database>, rows: readonly PupilImportRecordsTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    await db.insertInto('pupil_import_records').values(rows.slice(start, start + CHUNK_SIZE)).execute();
  }
}

/** Adds problems to the error report of a staged import. */
export async function insertStagedErrors(db: Kysely<Database>, rows: readonly PupilImportErrorsTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    await db.insertInto('pupil_import_errors').values(rows.slice(start, start + CHUNK_SIZE)).execute();
  }
}

/** Records the counts of a staged import whose rows are all written, and makes it readable. */
export async function markStagedImportReady(
  db: Kysely<Database>,
  importId: string,
  counts: Pick<PupilImportsTable, 'total_rows' | 'valid_count' | 'error_row_count'>,
): Promise<void> {
  await db.updateTable('pupil_imports').set({ ...counts, status: 'ready' }).where('id', '=', importId).execute();
}

/** A ready staged import of the school that has not expired at `now`. */
export async function findReadyImport(db: Kysely<Database>, schoolId: string, importId: string, now: string): Promise<PupilImportRow | undefined> {
  return db
    .selectFrom('pupil_imports')
    .selectAll()
    .where('id', '=', importId)
    .where('school_id', '=', schoolId)
    .where('status', '=', 'ready')
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** The valid rows at positions [from, from + count) of a staged import, in file order. */
export async function listStagedRecords(db: Kysely<Database>, importId: string, from: number, count: number): Promise<PupilImportRecordRow[]> {
  return db
    .selectFrom('pupil_import_records')
    .selectAll()
    .where('import_id', '=', importId)
    .where('position', '>=', from)
    .where('position', '<', from + count)
    .orderBy('position')
    .execute();
}

/** The whole error report of a staged import, in report order. */
export async function listStagedErrors(db: Kysely<Database>, importId: string): Promise<PupilImportErrorRow[]> {
  return db.selectFrom('pupil_import_errors').selectAll().where('import_id', '=', importId).orderBy('position').execute();
}

/** Staged imports (of any school, in any state) that expired at `now`. */
export async function listExpiredImportIds(db: Kysely<Database>, now: string): Promise<string[]> {
  const rows = await db.selectFrom('pupil_imports').select('id').where('expires_at', '<=', now).execute();
  return rows.map((row) => row.id);
}

/** The ready staged imports that one person made for one school up to `createdAt`, except `exceptId`. */
export async function listEarlierImportIds(
  db: Kysely<Database>,
  by: { schoolId: string; createdBy: string; createdAt: string; exceptId: string },
): Promise<string[]> {
  const rows = await db
    .selectFrom('pupil_imports')
    .select('id')
    .where('school_id', '=', by.schoolId)
    .where('created_by', '=', by.createdBy)
    .where('status', '=', 'ready')
    .where('created_at', '<=', by.createdAt)
    .where('id', '!=', by.exceptId)
    .execute();
  return rows.map((row) => row.id);
}

/** Deletes the valid rows and problems of a staged import whose position is below `position`; returns how many. */
export async function deleteStagedRowsBelow(db: Kysely<Database>, importId: string, position: number): Promise<number> {
  const errors = await db.deleteFrom('pupil_import_errors').where('import_id', '=', importId).where('position', '<', position).executeTakeFirst();
  const records = await db.deleteFrom('pupil_import_records').where('import_id', '=', importId).where('position', '<', position).executeTakeFirst();
  return Number(errors.numDeletedRows) + Number(records.numDeletedRows);
}

/** Deletes a staged import (and, by cascade, whatever rows it still has). */
export async function deleteStagedImport(db: Kysely<Database>, importId: string): Promise<void> {
  await db.deleteFrom('pupil_imports').where('id', '=', importId).execute();
}

/** The class names of a staged import's valid rows (rows without a class left out), each with how many rows name it. */
export async function countStagedClassNames(db: Kysely<Database>, importId: string): Promise<{ name: string; rows: number }[]> {
  const rows = await db
    .selectFrom('pupil_import_records')
    .select(['class_name', (eb) => eb.fn.countAll<number | string>().as('rows')])
    .where('import_id', '=', importId)
    .where('class_name', 'is not', null)
    .groupBy('class_name')
    .execute();
  return rows.map((row) => ({ name: row.class_name ?? '', rows: Number(row.rows) }));
}
