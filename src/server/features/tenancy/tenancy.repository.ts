import type { Kysely } from 'kysely';
import { classIdsTaughtBy } from '../../access/record-scope';
import { minimumGroupSizeOf } from '../../../shared/anonymity';
import type { Database } from '../../db/database';
import type { BoardRow, BoardsTable, ClassesTable, ClassRow, LocationRow, LocationsTable, SchoolRow, SchoolsTable } from './tenancy.tables';

/** True when no board exists yet (first run). */
export async function isEmptyInstallation(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('boards').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Creates a board. */
export async function insertBoard(db: Kysely<Database>, board: BoardsTable): Promise<void> {
  await db.insertInto('boards').values(board).execute();
}

/** Finds a board. */
export async function findBoard(db: Kysely<Database>, boardId: string): Promise<BoardRow | undefined> {
  return db.selectFrom('boards').selectAll().where('id', '=', boardId).executeTakeFirst();
}

/** Creates a school. */
export async function insertSchool(db: Kysely<Database>, school: SchoolsTable): Promise<void> {
  await db.insertInto('schools').values(school).execute();
}

/** Finds a school. */
export async function findSchool(db: Kysely<Database>, schoolId: string): Promise<SchoolRow | undefined> {
  return db.selectFrom('schools').selectAll().where('id', '=', schoolId).executeTakeFirst();
}

/** The schools of a board with their number of locations, classes and pupils. */
export async function listSchoolsOfBoard(db: Kysely<Database>, boardId: string) {
  return db
    .selectFrom('schools')
    .select((eb) => [
      'schools.id',
      'schools.name',
      'schools.kind',
      eb.selectFrom('locations').whereRef('locations.school_id', '=', 'schools.id').select((e) => e.fn.countAll<number>().as('n')).as('location_count'),
      eb.selectFrom('pupils').whereRef('pupils.school_id', '=', 'schools.id').select((e) => e.fn.countAll<number>().as('n')).as('pupil_count'),
      eb
        .selectFrom('school_memberships')
        .whereRef('school_memberships.school_id', '=', 'schools.id')
        .select((e) => e.fn.count<number>('school_memberships.user_id').distinct().as('n'))
        .as('staff_count'),
    ])
    .where('schools.board_id', '=', boardId)
    .orderBy('schools.name')
    .execute();
}

/** The locations of a school. */
export async function listLocations(db: Kysely<Database>, schoolId: string): Promise<LocationRow[]> {
  return db.selectFrom('locations').selectAll().where('school_id', '=', schoolId).orderBy('name').execute();
}

/** Finds a location within a school. */
export async function findLocation(db: Kysely<Database>, schoolId: string, locationId: string): Promise<LocationRow | undefined> {
  return db.selectFrom('locations').selectAll().where('school_id', '=', schoolId).where('id', '=', locationId).executeTakeFirst();
}

/** Creates a location. */
export async function insertLocation(db: Kysely<Database>, location: LocationsTable): Promise<void> {
  await db.insertInto('locations').values(location).execute();
}

/** Renames a location within a school. */
export async function updateLocation(db: Kysely<Database>, schoolId: string, locationId: string, name: string): Promise<void> {
  await db.updateTable('locations').set({ name }).where('school_id', '=', schoolId).where('id', '=', locationId).execute();
}

/** Deletes a location within a school (its classes keep existing without a location). */
export async function deleteLocation(db: Kysely<Database>, schoolId: string, locationId: string): Promise<void> {
  await db.deleteFrom('locations').where('school_id', '=', schoolId).where('id', '=', locationId).execute();
}

/** The classes of a school in one school year, with their pupil count (pupils who left the school not counted). */
export async function listClasses(db: Kysely<Database>, schoolId: string, schoolYear: string, teacherUserId?: string) {
  let query = db
    .selectFrom('classes')
    .selectAll('classes')
    .select((eb) => [
      eb
        .selectFrom('class_pupils')
        .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
        .whereRef('class_pupils.class_id', '=', 'classes.id')
        .where('pupils.left_on', 'is', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('pupil_count'),
    ])
    .where('classes.school_id', '=', schoolId)
    .where('classes.school_year', '=', schoolYear);
  if (teacherUserId !== undefined) {
    query = query.where('classes.id', 'in', classIdsTaughtBy(db, teacherUserId));
  }
  return query.orderBy('classes.name').execute();
}

/** The school years a school has classes in, newest first. */
export async function listSchoolYears(db: Kysely<Database>, schoolId: string): Promise<string[]> {
  const rows = await db.selectFrom('classes').select('school_year').distinct().where('school_id', '=', schoolId).orderBy('school_year', 'desc').execute();
  return rows.map((row) => row.school_year);
}

/** Finds a class within a school. */
export async function findClass(db: Kysely<Database>, schoolId: string, classId: string): Promise<ClassRow | undefined> {
  return db.selectFrom('classes').selectAll().where('school_id', '=', schoolId).where('id', '=', classId).executeTakeFirst();
}

/** Finds a class by its name in a school year. */
export async function findClassByName(db: Kysely<Database>, schoolId: string, schoolYear: string, name: string): Promise<ClassRow | undefined> {
  return db
    .selectFrom('classes')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** Creates a class. */
export async function insertClass(db: Kysely<Database>, schoolClass: ClassesTable): Promise<void> {
  await db.insertInto('classes').values(schoolClass).execute();
}

/** Changes a class's name or location. */
export async function updateClass(
  db: Kysely<Database>,
  schoolId: string,
  classId: string,
  changes: Partial<Pick<ClassesTable, 'name' | 'location_id'>>,
): Promise<void> {
  // An empty change (PATCH with `{}`) would be `update classes set where …`: invalid SQL.
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('classes').set(changes).where('school_id', '=', schoolId).where('id', '=', classId).execute();
}

/** Deletes a class within a school. */
export async function deleteClass(db: Kysely<Database>, schoolId: string, classId: string): Promise<void> {
  await db.deleteFrom('classes').where('school_id', '=', schoolId).where('id', '=', classId).execute();
}

/** THE k of a board: its minimum group size, never below the floor (shared/anonymity.ts). */
export async function minGroupSizeOfBoard(db: Kysely<Database>, boardId: string): Promise<number> {
  return minimumGroupSizeOf((await findBoard(db, boardId))?.min_group_size);
}

/** THE k of the board a school belongs to, in one query (the route's policy has already found the school). */
export async function minGroupSizeOfSchool(db: Kysely<Database>, schoolId: string): Promise<number> {
  const row = await db
    .selectFrom('schools')
    .innerJoin('boards', 'boards.id', 'schools.board_id')
    .select('boards.min_group_size')
    .where('schools.id', '=', schoolId)
    .executeTakeFirst();
  return minimumGroupSizeOf(row?.min_group_size);
}
