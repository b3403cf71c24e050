import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { SociogramChoicesTable, SociogramQuestionsTable, SociogramsTable } from './sociogram.tables';

// SQL of the sociogram (features/sociogram); every query is scoped to the school or to a sociogram found within it.

/** Whether the school switched on "rather not" questions. */
export async function negativeQuestionsAllowed(db: Kysely<Database>, schoolId: string): Promise<boolean> {
  const row = await db.selectFrom('sociogram_settings').select('negative_questions_allowed').where('school_id', '=', schoolId).executeTakeFirst();
  return row?.negative_questions_allowed === 1;
}

export async function saveSettings(db: Kysely<Database>, schoolId: string, allowed: boolean, userId: string, at: string): Promise<void> {
  await db
    .insertInto('sociogram_settings')
    .values({ school_id: schoolId, negative_questions_allowed: allowed ? 1 : 0, updated_by: userId, updated_at: at })
    .onConflict((conflict) => conflict.column('school_id').doUpdateSet({ negative_questions_allowed: allowed ? 1 : 0, updated_by: userId, updated_at: at }))
    .execute();
}

/** The school's own questions that are not archived, oldest first. */
export async function listSchoolQuestions(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('sociogram_school_questions')
    .select(['id', 'text', 'valence'])
    .where('school_id', '=', schoolId)
    .where('archived_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertSchoolQuestion(db: Kysely<Database>, row: Database['sociogram_school_questions']): Promise<void> {
  await db.insertInto('sociogram_school_questions').values(row).execute();
}

/** Archives a school question (earlier sociograms keep their copy); false when there is no such live question. */
export async function archiveSchoolQuestion(db: Kysely<Database>, schoolId: string, questionId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('sociogram_school_questions')
    .set({ archived_at: at })
    .where('school_id', '=', schoolId)
    .where('id', '=', questionId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A sociogram of the school with its class. */
export async function findSociogram(db: Kysely<Database>, schoolId: string, sociogramId: string) {
  return db
    .selectFrom('sociograms')
    .innerJoin('classes', 'classes.id', 'sociograms.class_id')
    .selectAll('sociograms')
    .select(['classes.name as class_name', 'classes.school_year'])
    .where('sociograms.school_id', '=', schoolId)
    .where('sociograms.id', '=', sociogramId)
    .executeTakeFirst();
}

export type SociogramRow = NonNullable<Awaited<ReturnType<typeof findSociogram>>>;

/** The class's sociograms, newest first. */
export async function listSociogramsOfClass(db: Kysely<Database>, classId: string) {
  return db
    .selectFrom('sociograms')
    .innerJoin('classes', 'classes.id', 'sociograms.class_id')
    .selectAll('sociograms')
    .select(['classes.name as class_name', 'classes.school_year'])
    .where('sociograms.class_id', '=', classId)
    .orderBy('sociograms.opened_on', 'desc')
    .orderBy('sociograms.created_at', 'desc')
    .execute();
}

/** The open sociograms of a class (at most one), for the pupil pages. */
export async function listOpenSociogramsOfClass(db: Kysely<Database>, classId: string) {
  return db.selectFrom('sociograms').select(['id', 'school_id', 'class_id', 'opened_on', 'closed_on']).where('class_id', '=', classId).where('closed_on', 'is', null).orderBy('opened_on').execute();
}

/** An open sociogram of the class; undefined when it is closed or of another class. */
export async function findOpenSociogramOfClass(db: Kysely<Database>, classId: string, sociogramId: string) {
  return db
    .selectFrom('sociograms')
    .select(['id', 'school_id', 'class_id', 'opened_on', 'closed_on'])
    .where('class_id', '=', classId)
    .where('id', '=', sociogramId)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
}

export async function insertSociogram(db: Kysely<Database>, row: SociogramsTable, questions: readonly SociogramQuestionsTable[]): Promise<void> {
  await db.insertInto('sociograms').values(row).execute();
  await db.insertInto('sociogram_questions').values([...questions]).execute();
}

export async function setClosedOn(db: Kysely<Database>, sociogramId: string, closedOn: string | null): Promise<void> {
  await db.updateTable('sociograms').set({ closed_on: closedOn }).where('id', '=', sociogramId).execute();
}

export async function deleteSociogram(db: Kysely<Database>, sociogramId: string): Promise<void> {
  await db.deleteFrom('sociograms').where('id', '=', sociogramId).execute();
}

/** The questions of some sociograms, in their order. */
export async function listQuestions(db: Kysely<Database>, sociogramIds: readonly string[]) {
  if (sociogramIds.length === 0) return [];
  return db.selectFrom('sociogram_questions').selectAll().where('sociogram_id', 'in', sociogramIds).orderBy('sociogram_id').orderBy('position').execute();
}

/** How many pupils answered each of some sociograms. */
export async function countAnswers(db: Kysely<Database>, sociogramIds: readonly string[]): Promise<Map<string, number>> {
  if (sociogramIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('sociogram_answers')
    .select(['sociogram_id', (eb) => eb.fn.countAll<number | string>().as('answered')])
    .where('sociogram_id', 'in', sociogramIds)
    .groupBy('sociogram_id')
    .execute();
  return new Map(rows.map((row) => [row.sociogram_id, Number(row.answered)]));
}

/**
 * The class list of a sociogram: the pupils placed in its class who had not left the school when it opened (a pupil
 * who leaves later stays on the list of this sociogram; their answers were given as a member of the class).
 */
export async function listRoster(db: Kysely<Database>, classId: string, openedOn: string) {
  return db
    .selectFrom('class_pupils')
    .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
    .select(['pupils.id', 'pupils.first_name', 'pupils.last_name'])
    .where('class_pupils.class_id', '=', classId)
    .where((eb) => eb.or([eb('pupils.left_on', 'is', null), eb('pupils.left_on', '>', openedOn)]))
    .execute();
}

/** Who answered a sociogram and whether it came from a paper round. */
export async function listAnswers(db: Kysely<Database>, sociogramId: string) {
  return db.selectFrom('sociogram_answers').select(['pupil_id', 'answered_at', 'entered_by']).where('sociogram_id', '=', sociogramId).execute();
}

/** Every choice of a sociogram. */
export async function listChoices(db: Kysely<Database>, sociogramId: string) {
  return db.selectFrom('sociogram_choices').select(['chooser_id', 'chosen_id', 'position']).where('sociogram_id', '=', sociogramId).execute();
}

/** One pupil's choices in a sociogram, or null when they have not answered. */
export async function findPupilChoices(db: Kysely<Database>, sociogramId: string, pupilId: string) {
  const answer = await db.selectFrom('sociogram_answers').select('answered_at').where('sociogram_id', '=', sociogramId).where('pupil_id', '=', pupilId).executeTakeFirst();
  if (!answer) return null;
  return db.selectFrom('sociogram_choices').select(['position', 'chosen_id']).where('sociogram_id', '=', sociogramId).where('chooser_id', '=', pupilId).execute();
}

/** Replaces one pupil's answer: who answered when, and every choice (in the caller's transaction). */
export async function replaceAnswer(
  db: Kysely<Database>,
  answer: Database['sociogram_answers'],
  choices: readonly SociogramChoicesTable[],
): Promise<void> {
  await db.deleteFrom('sociogram_choices').where('sociogram_id', '=', answer.sociogram_id).where('chooser_id', '=', answer.pupil_id).execute();
  await db.deleteFrom('sociogram_answers').where('sociogram_id', '=', answer.sociogram_id).where('pupil_id', '=', answer.pupil_id).execute();
  await db.insertInto('sociogram_answers').values(answer).execute();
  if (choices.length > 0) await db.insertInto('sociogram_choices').values([...choices]).execute();
}

/** Removes one pupil's answer and choices. */
export async function removeAnswer(db: Kysely<Database>, sociogramId: string, pupilId: string): Promise<void> {
  await db.deleteFrom('sociogram_choices').where('sociogram_id', '=', sociogramId).where('chooser_id', '=', pupilId).execute();
  await db.deleteFrom('sociogram_answers').where('sociogram_id', '=', sociogramId).where('pupil_id', '=', pupilId).execute();
}

/** The newest closed sociogram of the class before `openedOn` that still has its answers. */
export async function findPreviousClosed(db: Kysely<Database>, classId: string, before: { openedOn: string; createdAt: string }) {
  return db
    .selectFrom('sociograms')
    .select(['id', 'class_id', 'opened_on'])
    .where('class_id', '=', classId)
    .where('closed_on', 'is not', null)
    .where('purged_on', 'is', null)
    .where((eb) => eb.or([eb('opened_on', '<', before.openedOn), eb.and([eb('opened_on', '=', before.openedOn), eb('created_at', '<', before.createdAt)])]))
    .orderBy('opened_on', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Per class, its newest closed sociogram that still has its answers and was closed on or after `since`. */
export async function listRecentClosedOfClasses(db: Kysely<Database>, classIds: readonly string[], since: string) {
  if (classIds.length === 0) return [];
  const rows = await db
    .selectFrom('sociograms')
    .select(['id', 'class_id', 'opened_on', 'closed_on', 'created_at'])
    .where('class_id', 'in', classIds)
    .where('closed_on', '>=', since)
    .where('purged_on', 'is', null)
    .orderBy('closed_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  const newest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!newest.has(row.class_id)) newest.set(row.class_id, row);
  return [...newest.values()];
}

/** Sociograms opened before `keptFrom` whose answers are still there. */
export async function listSociogramsToPurge(db: Kysely<Database>, keptFrom: string) {
  return db.selectFrom('sociograms').select(['id', 'school_id', 'class_id', 'opened_on']).where('opened_on', '<', keptFrom).where('purged_on', 'is', null).execute();
}

/** Deletes a sociogram's answers and choices and keeps its anonymous class counts; an open one is closed too. */
export async function purgeAnswers(db: Kysely<Database>, sociogramId: string, today: string, classCounts: string): Promise<void> {
  await db.deleteFrom('sociogram_choices').where('sociogram_id', '=', sociogramId).execute();
  await db.deleteFrom('sociogram_answers').where('sociogram_id', '=', sociogramId).execute();
  await db.updateTable('sociograms').set({ purged_on: today, class_counts: classCounts }).where('id', '=', sociogramId).execute();
  await db.updateTable('sociograms').set({ closed_on: today }).where('id', '=', sociogramId).where('closed_on', 'is', null).execute();
}
