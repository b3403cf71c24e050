import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/database';
import type { CheckinNotesTable, CheckinWordingTable, SchoolClosedDaysTable } from './checkin.tables';

// Every query of the teacher's side of the check-in: overview, history, notes, signals, anonymous
// figures and the school's check-in settings. Each is scoped to one school (or a list of schools).

// Id lists stay well below the bind-parameter limits of SQLite (32766) and PostgreSQL (65535).
const CHUNK_SIZE = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK_SIZE) result.push(items.slice(start, start + CHUNK_SIZE));
  return result;
}

/** A pupil with the class they are placed in. */
export interface PlacedPupilRow {
  id: string;
  first_name: string;
  last_name: string;
  class_id: string;
  class_name: string;
}

/** A class of the school in a school year, if it exists. */
export async function findClassInYear(db: Kysely<Database>, schoolId: string, classId: string, schoolYear: string) {
  return db
    .selectFrom('classes')
    .select(['id', 'name', 'school_year'])
    .where('school_id', '=', schoolId)
    .where('id', '=', classId)
    .where('school_year', '=', schoolYear)
    .executeTakeFirst();
}

/** A pupil of the school (names only). */
export async function findPupilOfSchool(db: Kysely<Database>, schoolId: string, pupilId: string) {
  return db.selectFrom('pupils').select(['id', 'first_name', 'last_name']).where('school_id', '=', schoolId).where('id', '=', pupilId).executeTakeFirst();
}

/** The pupils placed in one class (not those who left the school). */
export async function listPupilsOfClass(db: Kysely<Database>, schoolId: string, classId: string): Promise<PlacedPupilRow[]> {
  return db
    .selectFrom('class_pupils')
    .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
    .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
    .select(['pupils.id', 'pupils.first_name', 'pupils.last_name', 'classes.id as class_id', 'classes.name as class_name'])
    .where('class_pupils.class_id', '=', classId)
    .where('pupils.school_id', '=', schoolId)
    .where('pupils.left_on', 'is', null)
    .execute();
}

/** Every pupil placed in a class of the school in a school year (a row per placement), not those who left the school. */
export async function listPlacedPupilsOfSchool(db: Kysely<Database>, schoolId: string, schoolYear: string): Promise<PlacedPupilRow[]> {
  return db
    .selectFrom('class_pupils')
    .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
    .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
    .select(['pupils.id', 'pupils.first_name', 'pupils.last_name', 'classes.id as class_id', 'classes.name as class_name'])
    .where('classes.school_id', '=', schoolId)
    .where('classes.school_year', '=', schoolYear)
    .where('pupils.school_id', '=', schoolId)
    .where('pupils.left_on', 'is', null)
    .execute();
}

/** The check-ins of the given pupils of a school between two school dates (both included). */
export async function listCheckinsOfPupils(db: Kysely<Database>, schoolId: string, pupilIds: readonly string[], from: string, to: string) {
  const rows = [];
  for (const part of chunks(pupilIds)) {
    rows.push(
      ...(await db
        .selectFrom('checkins')
        .select(['id', 'pupil_id', 'school_date', 'state', 'wants_talk', 'word_encrypted', 'created_at'])
        .where('school_id', '=', schoolId)
        .where('pupil_id', 'in', part)
        .where('school_date', '>=', from)
        .where('school_date', '<=', to)
        .execute()),
    );
  }
  return rows;
}

/** The closed periods of a school, earliest first. */
export async function listClosedDays(db: Kysely<Database>, schoolId: string) {
  return db.selectFrom('school_closed_days').selectAll().where('school_id', '=', schoolId).orderBy('start_date').orderBy('end_date').orderBy('id').execute();
}

/** Stores a closed period. */
export async function insertClosedDays(db: Kysely<Database>, row: SchoolClosedDaysTable): Promise<void> {
  await db.insertInto('school_closed_days').values(row).execute();
}

/** Deletes a closed period of a school; the number of rows deleted (0 or 1). */
export async function deleteClosedDays(db: Kysely<Database>, schoolId: string, id: string): Promise<number> {
  const result = await db.deleteFrom('school_closed_days').where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The "we talked" notes about a pupil, newest first, with the author's name. */
export async function listNotesOfPupil(db: Kysely<Database>, schoolId: string, pupilId: string) {
  return db
    .selectFrom('checkin_notes')
    .leftJoin('users', 'users.id', 'checkin_notes.author_user_id')
    .select([
      'checkin_notes.id',
      'checkin_notes.school_date',
      'checkin_notes.signal_kind',
      'checkin_notes.note_encrypted',
      'checkin_notes.created_at',
      'users.name as author_name',
    ])
    .where('checkin_notes.school_id', '=', schoolId)
    .where('checkin_notes.pupil_id', '=', pupilId)
    .orderBy('checkin_notes.created_at', 'desc')
    .orderBy('checkin_notes.id', 'desc')
    .execute();
}

/** The "we talked" notes of the given pupils on one school date, without their text: who wrote one, when, about which signal. */
export async function listNoteMarksOfPupilsOn(db: Kysely<Database>, schoolId: string, pupilIds: readonly string[], schoolDate: string) {
  const rows = [];
  for (const part of chunks(pupilIds)) {
    rows.push(
      ...(await db
        .selectFrom('checkin_notes')
        .leftJoin('users', 'users.id', 'checkin_notes.author_user_id')
        .select(['checkin_notes.pupil_id', 'checkin_notes.school_date', 'checkin_notes.signal_kind', 'checkin_notes.created_at', 'users.name as author_name'])
        .where('checkin_notes.school_id', '=', schoolId)
        .where('checkin_notes.pupil_id', 'in', part)
        .where('checkin_notes.school_date', '=', schoolDate)
        .execute()),
    );
  }
  return rows;
}

/** Stores a "we talked" note (already encrypted). */
export async function insertNote(db: Kysely<Database>, row: CheckinNotesTable): Promise<void> {
  await db.insertInto('checkin_notes').values(row).execute();
}

/** The name of a user (for a note's author). */
export async function findUserName(db: Kysely<Database>, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst();
  return row?.name ?? null;
}

/** A school's own words, in a stable order. */
export async function listWording(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('checkin_wording')
    .select(['age_group', 'state', 'locale', 'label'])
    .where('school_id', '=', schoolId)
    .orderBy('age_group')
    .orderBy('state')
    .orderBy('locale')
    .execute();
}

/** Stores or replaces one of a school's own words. */
export async function upsertWording(db: Kysely<Database>, row: CheckinWordingTable): Promise<void> {
  await db
    .insertInto('checkin_wording')
    .values(row)
    .onConflict((conflict) => conflict.columns(['school_id', 'age_group', 'state', 'locale']).doUpdateSet({ label: row.label, updated_at: row.updated_at }))
    .execute();
}

/** Removes one of a school's own words (back to the default). */
export async function deleteWording(db: Kysely<Database>, schoolId: string, key: { ageGroup: string; state: string; locale: string }): Promise<void> {
  await db
    .deleteFrom('checkin_wording')
    .where('school_id', '=', schoolId)
    .where('age_group', '=', key.ageGroup)
    .where('state', '=', key.state)
    .where('locale', '=', key.locale)
    .execute();
}

// ---------- anonymous figures ----------

/** An ISO week's label ("YYYY-Www") and the first date of the period that falls in it. */
export interface WeekStart {
  label: string;
  firstDate: string;
}

/**
 * THE k rule of the anonymous check-in figures, in SQL: per class and period, the sums over one school's
 * class-days that may count — between two dates (both included), before `before` (today) and with at
 * least `minPupils` pupils. Other class-days never leave the database. The periods are the dates
 * themselves, or the given weeks (ascending; each runs from its first date to the next one's).
 */
export async function sumShownClassDays(
  db: Kysely<Database>,
  schoolId: string,
  filter: { from: string; to: string; before: string; minPupils: number; weeks: readonly WeekStart[] | null },
) {
  return db
    .selectFrom('checkin_class_days')
    .innerJoin('classes', 'classes.id', 'checkin_class_days.class_id')
    .select([
      'checkin_class_days.class_id',
      periodOf(filter.weeks).as('period'),
      sql<number>`count(*)`.as('days'),
      sql<number>`sum(checkin_class_days.pupils_checked_in)`.as('pupils_checked_in'),
      sql<number>`sum(checkin_class_days.in_window)`.as('in_window'),
    ])
    .where('classes.school_id', '=', schoolId)
    .where('checkin_class_days.school_date', '>=', filter.from)
    .where('checkin_class_days.school_date', '<=', filter.to)
    .where('checkin_class_days.school_date', '<', filter.before)
    .where('checkin_class_days.pupils_checked_in', '>=', filter.minPupils)
    .groupBy(['checkin_class_days.class_id', 'period'])
    .execute();
}

// The date itself, or its week: CASEs over the weeks' first dates, nested as a binary search (six
// comparisons a row for a year instead of up to 52), the same SQL on both databases. Summing per week in
// the database keeps a board's year to ~20,000 rows instead of ~100,000 class-days.
function periodOf(weeks: readonly WeekStart[] | null) {
  if (weeks === null || weeks.length === 0) return sql<string>`checkin_class_days.school_date`;
  const weekAmong = (first: number, last: number): RawBuilder<unknown> => {
    if (first === last) return sql`${weeks[first]!.label}`;
    const middle = Math.ceil((first + last + 1) / 2);
    return sql`case when checkin_class_days.school_date < ${weeks[middle]!.firstDate} then ${weekAmong(first, middle - 1)} else ${weekAmong(middle, last)} end`;
  };
  return sql<string>`cast(${weekAmong(0, weeks.length - 1)} as text)`;
}

/** The classes of the given schools (id, name, school, school year). */
export async function listClassesOfSchools(db: Kysely<Database>, schoolIds: readonly string[]) {
  if (schoolIds.length === 0) return [];
  return db.selectFrom('classes').select(['id', 'name', 'school_id', 'school_year']).where('school_id', 'in', schoolIds).execute();
}
