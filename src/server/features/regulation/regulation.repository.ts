import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

// SQL of the regulation feature (features/regulation); every query is scoped to a school or a class of it.

/** The school's own activities (definition JSON), oldest first. */
export async function listOwnActivities(db: Kysely<Database>, schoolId: string) {
  return db.selectFrom('regulation_school_activities').select(['activity_id', 'definition']).where('school_id', '=', schoolId).orderBy('created_at').execute();
}

export async function insertOwnActivity(db: Kysely<Database>, row: Database['regulation_school_activities']): Promise<void> {
  await db.insertInto('regulation_school_activities').values(row).execute();
}

/** Removes one of the school's own activities; false when there is none with that id. */
export async function deleteOwnActivity(db: Kysely<Database>, schoolId: string, activityId: string): Promise<boolean> {
  const result = await db.deleteFrom('regulation_school_activities').where('school_id', '=', schoolId).where('activity_id', '=', activityId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The ids of the activities the school hid. */
export async function listHiddenActivityIds(db: Kysely<Database>, schoolId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('regulation_hidden_activities').select('activity_id').where('school_id', '=', schoolId).execute();
  return new Set(rows.map((row) => row.activity_id));
}

export async function setHidden(db: Kysely<Database>, schoolId: string, activityId: string, hidden: boolean, userId: string, at: string): Promise<void> {
  if (!hidden) {
    await db.deleteFrom('regulation_hidden_activities').where('school_id', '=', schoolId).where('activity_id', '=', activityId).execute();
    return;
  }
  await db.insertInto('regulation_hidden_activities').values({ school_id: schoolId, activity_id: activityId, hidden_by: userId, hidden_at: at }).onConflict((c) => c.doNothing()).execute();
}

export async function listFavourites(db: Kysely<Database>, classId: string): Promise<string[]> {
  const rows = await db.selectFrom('regulation_favourites').select('activity_id').where('class_id', '=', classId).orderBy('added_at').execute();
  return rows.map((row) => row.activity_id);
}

export async function setFavourite(db: Kysely<Database>, classId: string, activityId: string, favourite: boolean, userId: string, at: string): Promise<void> {
  if (!favourite) {
    await db.deleteFrom('regulation_favourites').where('class_id', '=', classId).where('activity_id', '=', activityId).execute();
    return;
  }
  await db.insertInto('regulation_favourites').values({ class_id: classId, activity_id: activityId, added_by: userId, added_at: at }).onConflict((c) => c.doNothing()).execute();
}

export async function listRoutines(db: Kysely<Database>, classId: string) {
  return db.selectFrom('regulation_routines').select(['id', 'time_of_day', 'label', 'activity_id']).where('class_id', '=', classId).orderBy('time_of_day').orderBy('created_at').execute();
}

export async function insertRoutine(db: Kysely<Database>, row: Database['regulation_routines']): Promise<void> {
  await db.insertInto('regulation_routines').values(row).execute();
}

export async function deleteRoutine(db: Kysely<Database>, classId: string, routineId: string): Promise<boolean> {
  const result = await db.deleteFrom('regulation_routines').where('class_id', '=', classId).where('id', '=', routineId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A pupil's regulation moments from `from` on, newest first. */
export async function listMomentsOfPupil(db: Kysely<Database>, schoolId: string, pupilId: string, from: string) {
  return db
    .selectFrom('regulation_moments')
    .select(['school_date', 'state', 'activity_id', 'helped', 'created_at'])
    .where('school_id', '=', schoolId)
    .where('pupil_id', '=', pupilId)
    .where('school_date', '>=', from)
    .orderBy('school_date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function listPlanActivities(db: Kysely<Database>, schoolId: string, pupilId: string): Promise<string[]> {
  const rows = await db.selectFrom('regulation_plan_activities').select('activity_id').where('school_id', '=', schoolId).where('pupil_id', '=', pupilId).orderBy('added_at').execute();
  return rows.map((row) => row.activity_id);
}

export async function setPlanActivity(db: Kysely<Database>, schoolId: string, pupilId: string, activityId: string, linked: boolean, userId: string, at: string): Promise<void> {
  if (!linked) {
    await db.deleteFrom('regulation_plan_activities').where('pupil_id', '=', pupilId).where('activity_id', '=', activityId).execute();
    return;
  }
  await db
    .insertInto('regulation_plan_activities')
    .values({ school_id: schoolId, pupil_id: pupilId, activity_id: activityId, added_by: userId, added_at: at })
    .onConflict((c) => c.doNothing())
    .execute();
}

/** Answered moments ("did it help?") per class and day of a school from `from` on: who answered, and whether it helped. */
export async function listAnsweredMoments(db: Kysely<Database>, schoolId: string, from: string) {
  return db
    .selectFrom('regulation_moments')
    .innerJoin('classes', 'classes.id', 'regulation_moments.class_id')
    .select(['regulation_moments.class_id', 'classes.name as class_name', 'regulation_moments.pupil_id', 'regulation_moments.school_date', 'regulation_moments.helped'])
    .where('regulation_moments.school_id', '=', schoolId)
    .where('regulation_moments.school_date', '>=', from)
    .where('regulation_moments.helped', 'is not', null)
    .execute();
}
