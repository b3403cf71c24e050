import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { SchoolYearPreparationRow, SchoolYearPreparationsTable } from './school-year.tables';

// Every SQL query of preparing a school year: the classes of a year with their teachers and pupils, the record
// of a preparation, and undoing what it added.

/** The classes of a school in one school year (id and name). */
export async function listClassesOfYear(db: Kysely<Database>, schoolId: string, schoolYear: string) {
  return db.selectFrom('classes').select(['id', 'name']).where('school_id', '=', schoolId).where('school_year', '=', schoolYear).orderBy('name').execute();
}

/** The teachers linked to the classes of a school year, with their names. */
export async function listTeachersOfYear(db: Kysely<Database>, schoolId: string, schoolYear: string) {
  return db
    .selectFrom('class_teachers')
    .innerJoin('classes', 'classes.id', 'class_teachers.class_id')
    .innerJoin('users', 'users.id', 'class_teachers.user_id')
    .select(['class_teachers.class_id', 'class_teachers.user_id', 'users.name'])
    .where('classes.school_id', '=', schoolId)
    .where('classes.school_year', '=', schoolYear)
    .orderBy('users.name')
    .execute();
}

/** The pupils at the school (not left) with their class in a school year (null when not placed that year). */
export async function listCurrentPupilsWithClass(db: Kysely<Database>, schoolId: string, schoolYear: string) {
  return db
    .selectFrom('pupils')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('class_pupils')
          .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
          .select(['class_pupils.pupil_id', 'classes.id as class_id'])
          .where('classes.school_id', '=', schoolId)
          .where('classes.school_year', '=', schoolYear)
          .as('placement'),
      (join) => join.onRef('placement.pupil_id', '=', 'pupils.id'),
    )
    .select(['pupils.id', 'pupils.pupil_number', 'pupils.first_name', 'pupils.last_name', 'placement.class_id'])
    .where('pupils.school_id', '=', schoolId)
    .where('pupils.left_on', 'is', null)
    .orderBy('pupils.last_name')
    .orderBy('pupils.first_name')
    .orderBy('pupils.id')
    .execute();
}

/** The numbers of the school's pupils who left (a re-import does not bring them back). */
export async function listFormerPupilNumbers(db: Kysely<Database>, schoolId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('pupils').select('pupil_number').where('school_id', '=', schoolId).where('left_on', 'is not', null).execute();
  return new Set(rows.map((row) => row.pupil_number));
}

/** The preparation of a school year of a school, if there is one. */
export async function findPreparation(db: Kysely<Database>, schoolId: string, schoolYear: string): Promise<SchoolYearPreparationRow | undefined> {
  return db.selectFrom('school_year_preparations').selectAll().where('school_id', '=', schoolId).where('school_year', '=', schoolYear).executeTakeFirst();
}

/** The name of a user (the one who prepared). */
export async function findUserName(db: Kysely<Database>, userId: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst())?.name;
}

/** Preparations whose leavers are not yet marked as left although their leaving date lies before `today`. */
export async function listPreparationsWithDueDepartures(db: Kysely<Database>, today: string): Promise<SchoolYearPreparationRow[]> {
  return db.selectFrom('school_year_preparations').selectAll().where('departures_applied_at', 'is', null).where('left_on', '<', today).execute();
}

/** Records that a preparation's leavers have been marked as left. */
export async function markDeparturesApplied(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('school_year_preparations').set({ departures_applied_at: at }).where('id', '=', id).where('departures_applied_at', 'is', null).execute();
}

/** Records a preparation. */
export async function insertPreparation(db: Kysely<Database>, row: SchoolYearPreparationsTable): Promise<void> {
  await db.insertInto('school_year_preparations').values(row).execute();
}

/** Deletes the record of a preparation. */
export async function deletePreparation(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('school_year_preparations').where('id', '=', id).execute();
}

/** Links teachers to classes. */
export async function insertTeacherLinks(db: Kysely<Database>, rows: readonly { class_id: string; user_id: string; created_at: string }[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) await db.insertInto('class_teachers').values(rows.slice(start, start + 500)).execute();
}

/** Removes one placement. */
export async function deletePlacement(db: Kysely<Database>, classId: string, pupilId: string): Promise<void> {
  await db.deleteFrom('class_pupils').where('class_id', '=', classId).where('pupil_id', '=', pupilId).execute();
}

/** Removes one teacher link. */
export async function deleteTeacherLink(db: Kysely<Database>, classId: string, userId: string): Promise<void> {
  await db.deleteFrom('class_teachers').where('class_id', '=', classId).where('user_id', '=', userId).execute();
}

/** Deletes classes of a school (their placements, teacher links and devices go with them). */
export async function deleteClasses(db: Kysely<Database>, schoolId: string, classIds: readonly string[]): Promise<void> {
  for (let start = 0; start < classIds.length; start += 500) {
    await db.deleteFrom('classes').where('school_id', '=', schoolId).where('id', 'in', classIds.slice(start, start + 500)).execute();
  }
}

/** Deletes pupils of a school. */
export async function deletePupils(db: Kysely<Database>, schoolId: string, pupilIds: readonly string[]): Promise<void> {
  for (let start = 0; start < pupilIds.length; start += 500) {
    await db.deleteFrom('pupils').where('school_id', '=', schoolId).where('id', 'in', pupilIds.slice(start, start + 500)).execute();
  }
}

/** Marks pupils of a school as left on a date. */
export async function setPupilsLeftOn(db: Kysely<Database>, schoolId: string, pupilIds: readonly string[], leftOn: string, updatedAt: string): Promise<void> {
  for (let start = 0; start < pupilIds.length; start += 500) {
    await db
      .updateTable('pupils')
      .set({ left_on: leftOn, updated_at: updatedAt })
      .where('school_id', '=', schoolId)
      .where('left_on', 'is', null)
      .where('id', 'in', pupilIds.slice(start, start + 500))
      .execute();
  }
}

/** Puts back pupils that are still marked as left on exactly `leftOn` (a date changed by hand since stays). */
export async function clearPupilsLeftOn(db: Kysely<Database>, schoolId: string, pupilIds: readonly string[], leftOn: string, updatedAt: string): Promise<void> {
  for (let start = 0; start < pupilIds.length; start += 500) {
    await db
      .updateTable('pupils')
      .set({ left_on: null, updated_at: updatedAt })
      .where('school_id', '=', schoolId)
      .where('left_on', '=', leftOn)
      .where('id', 'in', pupilIds.slice(start, start + 500))
      .execute();
  }
}
