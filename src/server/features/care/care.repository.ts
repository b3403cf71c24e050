import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { CareAceAnswersTable, CareBreakGlassTable, CareScreeningsTable, CareSupportPlansTable, CareTrustedAdultsTable } from './care.tables';

// SQL of the care file; every query is scoped to the school. Encrypted columns come back sealed: the service opens them.

/** Whether the user is a member of the school. */
export async function isStaffOfSchool(db: Kysely<Database>, schoolId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('school_memberships').select('user_id').where('school_id', '=', schoolId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** The care team of a school (accounts not switched off), for the break-glass notice and the attention officer. */
export async function listCareTeam(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('school_memberships')
    .innerJoin('users', 'users.id', 'school_memberships.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.locale', 'users.home_board_id'])
    .where('school_memberships.school_id', '=', schoolId)
    .where('school_memberships.role', '=', 'care_team')
    .where('users.disabled_at', 'is', null)
    .execute();
}

// ---------- trusted adults ----------

export async function listTrustedAdults(db: Kysely<Database>, schoolId: string, pupilId: string) {
  return db
    .selectFrom('care_trusted_adults')
    .innerJoin('users', 'users.id', 'care_trusted_adults.user_id')
    .select(['care_trusted_adults.id', 'care_trusted_adults.user_id', 'users.name', 'care_trusted_adults.why_encrypted', 'care_trusted_adults.created_at'])
    .where('care_trusted_adults.school_id', '=', schoolId)
    .where('care_trusted_adults.pupil_id', '=', pupilId)
    .orderBy('care_trusted_adults.created_at')
    .execute();
}

export async function insertTrustedAdult(db: Kysely<Database>, row: CareTrustedAdultsTable): Promise<void> {
  await db.insertInto('care_trusted_adults').values(row).execute();
}

export async function hasTrustedAdult(db: Kysely<Database>, pupilId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('care_trusted_adults').select('id').where('pupil_id', '=', pupilId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** Removes a trusted adult of the pupil; false when there was none with this id. */
export async function deleteTrustedAdult(db: Kysely<Database>, schoolId: string, pupilId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('care_trusted_adults').where('school_id', '=', schoolId).where('pupil_id', '=', pupilId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ---------- the support plan ----------

/** Every version of the pupil's plan, newest first, with the author's name. */
export async function listPlanVersions(db: Kysely<Database>, schoolId: string, pupilId: string) {
  return db
    .selectFrom('care_support_plans')
    .leftJoin('users', 'users.id', 'care_support_plans.created_by')
    .select(['care_support_plans.id', 'care_support_plans.version', 'care_support_plans.review_on', 'care_support_plans.created_at', 'users.name as author_name'])
    .where('care_support_plans.school_id', '=', schoolId)
    .where('care_support_plans.pupil_id', '=', pupilId)
    .orderBy('care_support_plans.version', 'desc')
    .execute();
}

export async function findPlanContent(db: Kysely<Database>, schoolId: string, pupilId: string, version: number) {
  return db
    .selectFrom('care_support_plans')
    .select(['id', 'content_encrypted'])
    .where('school_id', '=', schoolId)
    .where('pupil_id', '=', pupilId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function insertPlanVersion(db: Kysely<Database>, row: CareSupportPlansTable): Promise<void> {
  await db.insertInto('care_support_plans').values(row).execute();
}

/** Per pupil of the school, the review date of their newest plan version before `before` (overdue reviews). */
export async function listOverdueReviews(db: Kysely<Database>, schoolId: string, before: string) {
  const newest = db
    .selectFrom('care_support_plans')
    .select(['pupil_id', (eb) => eb.fn.max('version').as('version')])
    .where('school_id', '=', schoolId)
    .groupBy('pupil_id')
    .as('newest');
  return db
    .selectFrom('care_support_plans')
    .innerJoin(newest, (join) => join.onRef('newest.pupil_id', '=', 'care_support_plans.pupil_id').onRef('newest.version', '=', 'care_support_plans.version'))
    .innerJoin('pupils', 'pupils.id', 'care_support_plans.pupil_id')
    .select(['care_support_plans.pupil_id', 'care_support_plans.review_on', 'pupils.first_name', 'pupils.last_name'])
    .where('care_support_plans.school_id', '=', schoolId)
    .where('care_support_plans.review_on', '<', before)
    .where('pupils.left_on', 'is', null)
    .orderBy('care_support_plans.review_on')
    .execute();
}

// ---------- ACEs ----------

/** The ACE categories the school added to the default list, in the order they were added. */
export async function listOwnAceCategories(db: Kysely<Database>, schoolId: string) {
  return db.selectFrom('care_ace_categories').select(['id', 'name_nl', 'name_en']).where('school_id', '=', schoolId).orderBy('created_at').orderBy('id').execute();
}

export async function findFirstAceAge(db: Kysely<Database>, schoolId: string, pupilId: string) {
  return db.selectFrom('care_ace_first_ages').select('years_encrypted').where('school_id', '=', schoolId).where('pupil_id', '=', pupilId).executeTakeFirst();
}

/** A pupil's ACE answers, oldest first (by the date said, then the moment recorded). */
export async function listAceAnswers(db: Kysely<Database>, schoolId: string, pupilId: string) {
  return db
    .selectFrom('care_ace_answers')
    .leftJoin('users', 'users.id', 'care_ace_answers.recorded_by')
    .select([
      'care_ace_answers.id',
      'care_ace_answers.informant',
      'care_ace_answers.category',
      'care_ace_answers.answer_encrypted',
      'care_ace_answers.recorded_on',
      'care_ace_answers.created_at',
      'users.name as recorded_by_name',
    ])
    .where('care_ace_answers.school_id', '=', schoolId)
    .where('care_ace_answers.pupil_id', '=', pupilId)
    .orderBy('care_ace_answers.recorded_on').orderBy('care_ace_answers.created_at')
    .execute();
}

export async function insertAceAnswers(db: Kysely<Database>, rows: readonly CareAceAnswersTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('care_ace_answers').values([...rows]).execute();
}

// ---------- screenings ----------

/** The school's screenings (of one pupil, or all), newest first. */
export async function listScreenings(db: Kysely<Database>, schoolId: string, pupilId?: string) {
  let query = db
    .selectFrom('care_screenings')
    .leftJoin('users', 'users.id', 'care_screenings.recorded_by')
    .innerJoin('pupils', 'pupils.id', 'care_screenings.pupil_id')
    .select([
      'care_screenings.id',
      'care_screenings.pupil_id',
      'care_screenings.instrument_id',
      'care_screenings.instrument_version',
      'care_screenings.informant',
      'care_screenings.taken_on',
      'care_screenings.answers_encrypted',
      'care_screenings.created_at',
      'users.name as recorded_by_name',
      'pupils.first_name',
      'pupils.last_name',
      'pupils.left_on',
    ])
    .where('care_screenings.school_id', '=', schoolId);
  if (pupilId !== undefined) query = query.where('care_screenings.pupil_id', '=', pupilId);
  return query.orderBy('care_screenings.taken_on', 'desc').orderBy('care_screenings.created_at', 'desc').execute();
}

export async function insertScreening(db: Kysely<Database>, row: CareScreeningsTable): Promise<void> {
  await db.insertInto('care_screenings').values(row).execute();
}

/** Per screening instrument, the school's own wording of its items (instruments without one are absent). */
export async function screeningWordingsOf(db: Kysely<Database>, schoolId: string): Promise<Map<string, Record<string, string>>> {
  const rows = await db.selectFrom('care_screening_wordings').select(['instrument_id', 'items']).where('school_id', '=', schoolId).execute();
  return new Map(rows.map((row) => [row.instrument_id, JSON.parse(row.items) as Record<string, string>]));
}

// ---------- break-glass ----------

/** The caller's open break-glass access to a pupil (the latest that has not expired), if any. */
export async function findOpenBreakGlass(db: Kysely<Database>, schoolId: string, pupilId: string, userId: string, now: string) {
  return db
    .selectFrom('care_break_glass')
    .select(['id', 'expires_at'])
    .where('school_id', '=', schoolId)
    .where('pupil_id', '=', pupilId)
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('expires_at', 'desc')
    .executeTakeFirst();
}

export async function insertBreakGlass(db: Kysely<Database>, row: CareBreakGlassTable): Promise<void> {
  await db.insertInto('care_break_glass').values(row).execute();
}

/** The school's break-glass openings since `since`, newest first. */
export async function listBreakGlassSince(db: Kysely<Database>, schoolId: string, since: string) {
  return db
    .selectFrom('care_break_glass')
    .innerJoin('users', 'users.id', 'care_break_glass.user_id')
    .innerJoin('pupils', 'pupils.id', 'care_break_glass.pupil_id')
    .select([
      'care_break_glass.id',
      'care_break_glass.pupil_id',
      'care_break_glass.reason_encrypted',
      'care_break_glass.opened_at',
      'care_break_glass.expires_at',
      'users.name as user_name',
      'pupils.first_name',
      'pupils.last_name',
    ])
    .where('care_break_glass.school_id', '=', schoolId)
    .where('care_break_glass.opened_at', '>=', since)
    .orderBy('care_break_glass.opened_at', 'desc')
    .execute();
}
