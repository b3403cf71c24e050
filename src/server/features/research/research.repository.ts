import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { ResearchObjectionsTable, ResearchStudiesTable } from './research.tables';

/** The school's studies, oldest first. */
export async function listStudies(db: Kysely<Database>, schoolId: string) {
  return db.selectFrom('research_studies').select(['id', 'name', 'created_at']).where('school_id', '=', schoolId).orderBy('created_at').orderBy('name').orderBy('id').execute();
}

/** One study of the school, with its (encrypted) key. */
export async function findStudy(db: Kysely<Database>, schoolId: string, studyId: string) {
  return db.selectFrom('research_studies').selectAll().where('school_id', '=', schoolId).where('id', '=', studyId).executeTakeFirst();
}

export async function insertStudy(db: Kysely<Database>, study: ResearchStudiesTable): Promise<void> {
  await db.insertInto('research_studies').values(study).execute();
}

/** The pupils of the school who objected, with their names, by name. */
export async function listObjections(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('research_objections')
    .innerJoin('pupils', 'pupils.id', 'research_objections.pupil_id')
    .select(['research_objections.pupil_id', 'research_objections.created_at', 'pupils.first_name', 'pupils.last_name'])
    .where('research_objections.school_id', '=', schoolId)
    .orderBy('pupils.last_name')
    .orderBy('pupils.first_name')
    .execute();
}

export async function listObjectingPupilIds(db: Kysely<Database>, schoolId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('research_objections').select('pupil_id').where('school_id', '=', schoolId).execute();
  return new Set(rows.map((row) => row.pupil_id));
}

/** Stores an objection; false when the pupil had one already. */
export async function insertObjection(db: Kysely<Database>, objection: ResearchObjectionsTable): Promise<boolean> {
  const inserted = await db.insertInto('research_objections').values(objection).onConflict((conflict) => conflict.column('pupil_id').doNothing()).returning('pupil_id').execute();
  return inserted.length > 0;
}

/** Removes an objection; false when there was none. */
export async function deleteObjection(db: Kysely<Database>, pupilId: string): Promise<boolean> {
  const deleted = await db.deleteFrom('research_objections').where('pupil_id', '=', pupilId).executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

/** The year of birth of these pupils (absent when unknown): the only part of a birth date a study gets. */
export async function birthYearsOf(db: Kysely<Database>, pupilIds: readonly string[]): Promise<Map<string, number>> {
  if (pupilIds.length === 0) return new Map();
  const rows = await db.selectFrom('pupils').select(['id', 'birth_date']).where('id', 'in', [...new Set(pupilIds)]).execute();
  return new Map(rows.flatMap((row) => (row.birth_date ? [[row.id, Number(row.birth_date.slice(0, 4))] as const] : [])));
}
