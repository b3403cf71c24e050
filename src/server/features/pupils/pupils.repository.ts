import { type Kysely, sql } from 'kysely';
import { classIdsTaughtBy, type PupilScope } from '../../access/record-scope';
import type { Database } from '../../db/database';
import type { PupilStatus } from './pupils.schemas';
import type { ClassPupilsTable, PupilRow, PupilsTable } from './pupils.tables';

// Id lists stay well below the bind-parameter limits of SQLite (32766) and PostgreSQL (65535).
const CHUNK_SIZE = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK_SIZE) result.push(items.slice(start, start + CHUNK_SIZE));
  return result;
}

/**
 * The pupils of a school, each joined to their class(es) in one school year (a row per placement,
 * one row with null class when unplaced). `status` keeps only pupils at the school (`current`) or only
 * those who left (`former`); `classId` only pupils placed in that class; `pupilId` only that pupil; a
 * teacher's `scope` only pupils placed in classes they teach; `nameContains` only pupils whose first or last name
 * holds the text (any case); `limit` at most that many rows.
 */
export async function listPupilsWithClass(
  db: Kysely<Database>,
  schoolId: string,
  schoolYear: string,
  filter: { status?: PupilStatus | undefined; classId?: string | undefined; pupilId?: string | undefined; nameContains?: string; limit?: number; scope: PupilScope },
) {
  let query = db
    .selectFrom('pupils')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('class_pupils')
          .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
          .select(['class_pupils.pupil_id', 'classes.id as class_id', 'classes.name as class_name'])
          .where('classes.school_id', '=', schoolId)
          .where('classes.school_year', '=', schoolYear)
          .as('placement'),
      (join) => join.onRef('placement.pupil_id', '=', 'pupils.id'),
    )
    .select([
      'pupils.id',
      'pupils.pupil_number',
      'pupils.first_name',
      'pupils.last_name',
      'pupils.birth_date',
      'pupils.left_on',
      'placement.class_id',
      'placement.class_name',
    ])
    .where('pupils.school_id', '=', schoolId);
  if (filter.status === 'current') query = query.where('pupils.left_on', 'is', null);
  if (filter.status === 'former') query = query.where('pupils.left_on', 'is not', null);
  if (filter.classId !== undefined) query = query.where('placement.class_id', '=', filter.classId);
  if (filter.pupilId !== undefined) query = query.where('pupils.id', '=', filter.pupilId);
  if (!filter.scope.wholeSchool) query = query.where('placement.class_id', 'in', classIdsTaughtBy(db, filter.scope.teacherUserId));
  if (filter.nameContains !== undefined) {
    // LIKE with its wildcards escaped, on lower case: the same on SQLite and PostgreSQL.
    const pattern = `%${filter.nameContains.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    const contains = (column: 'pupils.first_name' | 'pupils.last_name') => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
    query = query.where((eb) => eb.or([contains('pupils.first_name'), contains('pupils.last_name')])).orderBy('pupils.first_name').orderBy('pupils.last_name');
  }
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return query.execute();
}

/** A pupil of the school. */
export async function findPupil(db: Kysely<Database>, schoolId: string, pupilId: string): Promise<PupilRow | undefined> {
  return db.selectFrom('pupils').selectAll().where('school_id', '=', schoolId).where('id', '=', pupilId).executeTakeFirst();
}

/** Whether another pupil of the school than `exceptPupilId` has the pupil number. */
export async function isPupilNumberTaken(db: Kysely<Database>, schoolId: string, pupilNumber: string, exceptPupilId: string): Promise<boolean> {
  const row = await db
    .selectFrom('pupils')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('pupil_number', '=', pupilNumber)
    .where('id', '!=', exceptPupilId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets (a date) or clears (null) the school date a pupil left the school. */
export async function setPupilLeftOn(db: Kysely<Database>, schoolId: string, pupilId: string, leftOn: string | null, updatedAt: string): Promise<void> {
  await db.updateTable('pupils').set({ left_on: leftOn, updated_at: updatedAt }).where('school_id', '=', schoolId).where('id', '=', pupilId).execute();
}

/**
 * The school's pupils (not those who left) whose pupil number is not among the valid rows of a staged import,
 * with their class in the school year (the first by name when placed twice).
 */
export async function listPupilsNotInImport(db: Kysely<Database>, schoolId: string, importId: string, schoolYear: string) {
  return db
    .selectFrom('pupils')
    .select((eb) => [
      'pupils.id',
      'pupils.pupil_number',
      'pupils.first_name',
      'pupils.last_name',
      eb
        .selectFrom('class_pupils')
        .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
        .select((inner) => inner.fn.min('classes.name').as('name'))
        .whereRef('class_pupils.pupil_id', '=', 'pupils.id')
        .where('classes.school_year', '=', schoolYear)
        .as('class_name'),
    ])
    .where('pupils.school_id', '=', schoolId)
    .where('pupils.left_on', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('pupil_import_records')
            .select('pupil_import_records.position')
            .where('pupil_import_records.import_id', '=', importId)
            .whereRef('pupil_import_records.pupil_number', '=', 'pupils.pupil_number'),
        ),
      ),
    )
    .execute();
}

/** The pupils of a school with the given pupil numbers. */
export async function findPupilsByNumbers(db: Kysely<Database>, schoolId: string, pupilNumbers: readonly string[]): Promise<PupilRow[]> {
  const rows: PupilRow[] = [];
  for (const part of chunks(pupilNumbers)) {
    rows.push(...(await db.selectFrom('pupils').selectAll().where('school_id', '=', schoolId).where('pupil_number', 'in', part).execute()));
  }
  return rows;
}

/** Creates pupils. */
export async function insertPupils(db: Kysely<Database>, pupils: readonly PupilsTable[]): Promise<void> {
  for (const part of chunks(pupils)) await db.insertInto('pupils').values(part).execute();
}

/** Changes a pupil's names and birth date (and pupil number, when given). */
export async function updatePupil(
  db: Kysely<Database>,
  schoolId: string,
  pupilId: string,
  changes: Pick<PupilsTable, 'first_name' | 'last_name' | 'birth_date' | 'updated_at'> & Partial<Pick<PupilsTable, 'pupil_number'>>,
): Promise<void> {
  await db.updateTable('pupils').set(changes).where('school_id', '=', schoolId).where('id', '=', pupilId).execute();
}

/** The classes of a school in one school year (id and name only). */
export async function listClassNamesOfYear(db: Kysely<Database>, schoolId: string, schoolYear: string) {
  return db.selectFrom('classes').select(['id', 'name']).where('school_id', '=', schoolId).where('school_year', '=', schoolYear).execute();
}

/** Which classes of a school year the given pupils are placed in. */
export async function findPlacements(db: Kysely<Database>, schoolId: string, schoolYear: string, pupilIds: readonly string[]) {
  const rows: { pupil_id: string; class_id: string }[] = [];
  for (const part of chunks(pupilIds)) {
    rows.push(
      ...(await db
        .selectFrom('class_pupils')
        .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
        .select(['class_pupils.pupil_id', 'class_pupils.class_id'])
        .where('classes.school_id', '=', schoolId)
        .where('classes.school_year', '=', schoolYear)
        .where('class_pupils.pupil_id', 'in', part)
        .execute()),
    );
  }
  return rows;
}

/** Takes a pupil out of the given classes. */
export async function deletePlacements(db: Kysely<Database>, pupilId: string, classIds: readonly string[]): Promise<void> {
  if (classIds.length === 0) return;
  await db.deleteFrom('class_pupils').where('pupil_id', '=', pupilId).where('class_id', 'in', classIds).execute();
}

/** Places pupils in classes. */
export async function insertPlacements(db: Kysely<Database>, placements: readonly ClassPupilsTable[]): Promise<void> {
  for (const part of chunks(placements)) await db.insertInto('class_pupils').values(part).execute();
}
