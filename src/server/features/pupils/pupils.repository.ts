import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
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
 * one row with null class when unplaced). `classId` and `taughtByUserId` keep only pupils placed in
 * that class or in classes the user teaches.
 */
export async function listPupilsWithClass(
  db: Kysely<Database>,
  schoolId: string,
  schoolYear: string,
  filter: { classId?: string | undefined; taughtByUserId?: string | undefined } = {},
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
      'placement.class_id',
      'placement.class_name',
    ])
    .where('pupils.school_id', '=', schoolId);
  if (filter.classId !== undefined) query = query.where('placement.class_id', '=', filter.classId);
  if (filter.taughtByUserId !== undefined) {
    query = query.where(
      'placement.class_id',
      'in',
      db.selectFrom('class_teachers').select('class_teachers.class_id').where('class_teachers.user_id', '=', filter.taughtByUserId),
    );
  }
  return query.execute();
}

/** True when the user is a teacher of the class. */
export async function isTeacherOfClass(db: Kysely<Database>, classId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('class_teachers')
    .select('class_id')
    .where('class_id', '=', classId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
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

/** Changes a pupil's names and birth date. */
export async function updatePupil(
  db: Kysely<Database>,
  schoolId: string,
  pupilId: string,
  changes: Pick<PupilsTable, 'first_name' | 'last_name' | 'birth_date' | 'updated_at'>,
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
