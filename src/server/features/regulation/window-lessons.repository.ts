import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

// SQL of the "know your window" lessons (features/regulation/window-lessons.*); every query is scoped to a school.

/** The lessons a class was given between two days (inclusive), oldest first. */
export async function listGivenToClass(db: Kysely<Database>, schoolId: string, classId: string, from: string, to: string) {
  return db
    .selectFrom('regulation_lessons_given')
    .select(['id', 'lesson_id', 'age_group', 'given_on'])
    .where('school_id', '=', schoolId)
    .where('class_id', '=', classId)
    .where('given_on', '>=', from)
    .where('given_on', '<=', to)
    .orderBy('given_on')
    .orderBy('created_at')
    .execute();
}

export async function insertGiven(db: Kysely<Database>, row: Database['regulation_lessons_given']): Promise<void> {
  await db.insertInto('regulation_lessons_given').values(row).execute();
}

/** Removes one record of a lesson given to the class; false when the class has no such record. */
export async function deleteGiven(db: Kysely<Database>, schoolId: string, classId: string, lessonId: string, givenId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('regulation_lessons_given')
    .where('school_id', '=', schoolId)
    .where('class_id', '=', classId)
    .where('lesson_id', '=', lessonId)
    .where('id', '=', givenId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** How many classes the school has in a school year. */
export async function countClassesOfYear(db: Kysely<Database>, schoolId: string, schoolYear: string): Promise<number> {
  const row = await db.selectFrom('classes').select((eb) => eb.fn.countAll().as('classes')).where('school_id', '=', schoolId).where('school_year', '=', schoolYear).executeTakeFirst();
  return Number(row?.classes ?? 0);
}

/** Per lesson, how many different classes of the school year were given it (only lessons given at least once). */
export async function countClassesPerLesson(db: Kysely<Database>, schoolId: string, schoolYear: string) {
  const rows = await db
    .selectFrom('regulation_lessons_given')
    .innerJoin('classes', 'classes.id', 'regulation_lessons_given.class_id')
    .select((eb) => ['regulation_lessons_given.lesson_id', eb.fn.count('regulation_lessons_given.class_id').distinct().as('classes')])
    .where('regulation_lessons_given.school_id', '=', schoolId)
    .where('classes.school_id', '=', schoolId)
    .where('classes.school_year', '=', schoolYear)
    .groupBy('regulation_lessons_given.lesson_id')
    .execute();
  return rows.map((row) => ({ lessonId: row.lesson_id, classes: Number(row.classes) }));
}
