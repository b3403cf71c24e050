import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { ClassClimateRatingsTable, ClassGroupPhasesTable } from './sociogram.tables';

// SQL of the class's Groep page: climate ratings and group phases. Every query is scoped to the school and the
// class. The note comes back sealed: the service opens it.

/** The class of the school (any school year), if it exists. */
export async function findClassOfSchool(db: Kysely<Database>, schoolId: string, classId: string) {
  return db.selectFrom('classes').select(['id', 'name', 'school_year']).where('school_id', '=', schoolId).where('id', '=', classId).executeTakeFirst();
}

/** The class's climate ratings between two school days (both included), newest first, with the rater's name. */
export async function listClimateRatings(db: Kysely<Database>, schoolId: string, classId: string, from: string, to: string) {
  return db
    .selectFrom('class_climate_ratings')
    .leftJoin('users', 'users.id', 'class_climate_ratings.rated_by')
    .select([
      'class_climate_ratings.id',
      'class_climate_ratings.rated_on',
      'class_climate_ratings.rating',
      'class_climate_ratings.note_encrypted',
      'class_climate_ratings.rated_by',
      'class_climate_ratings.created_at',
      'users.name as rated_by_name',
    ])
    .where('class_climate_ratings.school_id', '=', schoolId)
    .where('class_climate_ratings.class_id', '=', classId)
    .where('class_climate_ratings.rated_on', '>=', from)
    .where('class_climate_ratings.rated_on', '<=', to)
    .orderBy('class_climate_ratings.rated_on', 'desc')
    .orderBy('class_climate_ratings.created_at', 'desc')
    .orderBy('class_climate_ratings.id', 'desc')
    .execute();
}

export async function insertClimateRating(db: Kysely<Database>, row: ClassClimateRatingsTable): Promise<void> {
  await db.insertInto('class_climate_ratings').values(row).execute();
}

/** Removes a climate rating of the class made by `ratedBy`; false when there was none such. */
export async function deleteOwnClimateRating(db: Kysely<Database>, schoolId: string, classId: string, id: string, ratedBy: string): Promise<boolean> {
  const result = await db
    .deleteFrom('class_climate_ratings')
    .where('school_id', '=', schoolId)
    .where('class_id', '=', classId)
    .where('id', '=', id)
    .where('rated_by', '=', ratedBy)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every group-phase entry of the class, newest first (by the day it holds from, then by when it was set). */
export async function listGroupPhases(db: Kysely<Database>, schoolId: string, classId: string) {
  return db
    .selectFrom('class_group_phases')
    .leftJoin('users', 'users.id', 'class_group_phases.set_by')
    .select(['class_group_phases.id', 'class_group_phases.phase', 'class_group_phases.from_on', 'class_group_phases.created_at', 'users.name as set_by_name'])
    .where('class_group_phases.school_id', '=', schoolId)
    .where('class_group_phases.class_id', '=', classId)
    .orderBy('class_group_phases.from_on', 'desc')
    .orderBy('class_group_phases.created_at', 'desc')
    .orderBy('class_group_phases.id', 'desc')
    .execute();
}

export async function insertGroupPhase(db: Kysely<Database>, row: ClassGroupPhasesTable): Promise<void> {
  await db.insertInto('class_group_phases').values(row).execute();
}
