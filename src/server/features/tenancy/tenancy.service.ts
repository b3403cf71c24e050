import type { Kysely } from 'kysely';
import type { SchoolKind } from '../../../shared/roles';
import { recordAudit } from '../../audit/audit.service';
import type { Database } from '../../db/database';
import { withConflictCheck } from '../../db/db-errors';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import * as repository from './tenancy.repository';
import { schoolYearAt } from '../../../shared/school-time';

const DUPLICATE_LOCATION = { code: 'duplicate_location', field: 'body.name' } as const;
const DUPLICATE_CLASS = { code: 'duplicate_class', field: 'body.name' } as const;

/** A board with its schools, for the board admin. */
export async function getBoardOverview(deps: Deps, boardId: string) {
  const db = deps.db.kysely;
  const board = await repository.findBoard(db, boardId);
  if (!board) throw new AppError('not_found');
  const schools = await repository.listSchoolsOfBoard(db, boardId);
  return {
    id: board.id,
    name: board.name,
    minGroupSize: board.min_group_size,
    schools: schools.map((school) => ({
      id: school.id,
      name: school.name,
      kind: school.kind as SchoolKind,
      locationCount: Number(school.location_count ?? 0),
      staffCount: Number(school.staff_count ?? 0),
      pupilCount: Number(school.pupil_count ?? 0),
    })),
  };
}

/** Creates a school in a board. */
export async function createSchool(
  db: Kysely<Database>,
  deps: Pick<Deps, 'clock'>,
  actorUserId: string | null,
  boardId: string,
  input: { name: string; kind: SchoolKind },
): Promise<string> {
  const id = newId();
  await repository.insertSchool(db, { id, board_id: boardId, name: input.name, kind: input.kind, created_at: isoInstant(deps.clock.now()) });
  await recordAudit(db, deps.clock, { actorUserId, action: 'school.created', targetType: 'school', targetId: id, boardId, schoolId: id });
  return id;
}

/** A school with its known school years. */
export async function getSchool(deps: Deps, schoolId: string) {
  const db = deps.db.kysely;
  const school = await repository.findSchool(db, schoolId);
  if (!school) throw new AppError('not_found');
  const current = schoolYearAt(deps.clock.now());
  const years = await repository.listSchoolYears(db, schoolId);
  return {
    id: school.id,
    boardId: school.board_id,
    name: school.name,
    kind: school.kind as SchoolKind,
    currentSchoolYear: current,
    schoolYears: [...new Set([current, ...years])].sort().reverse(),
  };
}

/** The locations of a school. */
export async function listLocations(deps: Deps, schoolId: string) {
  const rows = await repository.listLocations(deps.db.kysely, schoolId);
  return rows.map((row) => ({ id: row.id, name: row.name }));
}

/** Adds a location to a school. */
export async function createLocation(deps: Deps, actorUserId: string, schoolId: string, name: string) {
  const id = newId();
  await withConflictCheck(() =>
    deps.db.kysely.transaction().execute(async (trx) => {
      await repository.insertLocation(trx, { id, school_id: schoolId, name, created_at: isoInstant(deps.clock.now()) });
      await recordAudit(trx, deps.clock, { actorUserId, action: 'location.created', targetType: 'location', targetId: id, schoolId });
    }),
    DUPLICATE_LOCATION,
  );
  return { id, name };
}

/** Renames a location. */
export async function renameLocation(deps: Deps, actorUserId: string, schoolId: string, locationId: string, name: string) {
  await withConflictCheck(() =>
    deps.db.kysely.transaction().execute(async (trx) => {
      if (!(await repository.findLocation(trx, schoolId, locationId))) throw new AppError('not_found');
      await repository.updateLocation(trx, schoolId, locationId, name);
      await recordAudit(trx, deps.clock, { actorUserId, action: 'location.updated', targetType: 'location', targetId: locationId, schoolId });
    }),
    DUPLICATE_LOCATION,
  );
  return { id: locationId, name };
}

/** Removes a location; its classes stay, without a location. */
export async function removeLocation(deps: Deps, actorUserId: string, schoolId: string, locationId: string) {
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.findLocation(trx, schoolId, locationId))) throw new AppError('not_found');
    await trx.updateTable('classes').set({ location_id: null }).where('location_id', '=', locationId).execute();
    await repository.deleteLocation(trx, schoolId, locationId);
    await recordAudit(trx, deps.clock, { actorUserId, action: 'location.deleted', targetType: 'location', targetId: locationId, schoolId });
  });
}

/** The classes of a school in one school year. */
export async function listClasses(deps: Deps, schoolId: string, schoolYear: string | undefined, teacherUserId?: string) {
  const year = schoolYear ?? schoolYearAt(deps.clock.now());
  const rows = await repository.listClasses(deps.db.kysely, schoolId, year, teacherUserId);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    schoolYear: row.school_year,
    locationId: row.location_id,
    pupilCount: Number(row.pupil_count ?? 0),
  }));
}

/** Adds a class to a school year. */
export async function createClass(
  deps: Deps,
  actorUserId: string,
  schoolId: string,
  input: { name: string; schoolYear: string; locationId?: string | null | undefined },
) {
  const id = newId();
  await withConflictCheck(() =>
    deps.db.kysely.transaction().execute(async (trx) => {
      if (input.locationId && !(await repository.findLocation(trx, schoolId, input.locationId))) {
        throw new AppError('validation_failed', { fields: { 'body.locationId': ['unknown location'] } });
      }
      await repository.insertClass(trx, {
        id,
        school_id: schoolId,
        location_id: input.locationId ?? null,
        school_year: input.schoolYear,
        name: input.name,
        created_at: isoInstant(deps.clock.now()),
      });
      await recordAudit(trx, deps.clock, { actorUserId, action: 'class.created', targetType: 'class', targetId: id, schoolId });
    }),
    DUPLICATE_CLASS,
  );
  return { id, name: input.name, schoolYear: input.schoolYear, locationId: input.locationId ?? null, pupilCount: 0 };
}

/** Renames a class or moves it to another location. */
export async function updateClass(
  deps: Deps,
  actorUserId: string,
  schoolId: string,
  classId: string,
  input: { name?: string | undefined; locationId?: string | null | undefined },
) {
  await withConflictCheck(() =>
    deps.db.kysely.transaction().execute(async (trx) => {
      if (!(await repository.findClass(trx, schoolId, classId))) throw new AppError('not_found');
      if (input.locationId && !(await repository.findLocation(trx, schoolId, input.locationId))) {
        throw new AppError('validation_failed', { fields: { 'body.locationId': ['unknown location'] } });
      }
      await repository.updateClass(trx, schoolId, classId, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.locationId !== undefined ? { location_id: input.locationId } : {}),
      });
      await recordAudit(trx, deps.clock, { actorUserId, action: 'class.updated', targetType: 'class', targetId: classId, schoolId });
    }),
    DUPLICATE_CLASS,
  );
  const classes = await listClasses(deps, schoolId, (await repository.findClass(deps.db.kysely, schoolId, classId))?.school_year);
  const updated = classes.find((entry) => entry.id === classId);
  if (!updated) throw new AppError('not_found');
  return updated;
}

/** Removes a class (pupils stay in the school; only their placement goes). */
export async function removeClass(deps: Deps, actorUserId: string, schoolId: string, classId: string) {
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.findClass(trx, schoolId, classId))) throw new AppError('not_found');
    await repository.deleteClass(trx, schoolId, classId);
    await recordAudit(trx, deps.clock, { actorUserId, action: 'class.deleted', targetType: 'class', targetId: classId, schoolId });
  });
}
