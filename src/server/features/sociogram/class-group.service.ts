import { type GroupPhase, groupGuidanceOn, restartSearchDatesOf } from '../../../shared/class-group';
import { firstDayOfSchoolYear, lastDayOfSchoolYear, schoolDateOf, schoolYearOfDate } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { isClassInScope, pupilScopeOf } from '../../access/record-scope';
import { type AuditAction, recordAudit } from '../../audit/audit.service';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { closedPeriodsOf } from '../checkin/checkin-teacher.service';
import { firstSchoolDayFrom } from '../checkin/signals';
import * as repository from './class-group.repository';
import type { ClassGroup, ClimateRating, ClimateRatingFields, GroupPhaseEntry, SetGroupPhaseBody } from './class-group.schemas';

// The class's "Groep" page (issue 15): the teacher's quick class-climate rating with a short note, and the group
// phase the teacher sees the class in. Need-to-know like the check-in: the class's own teachers and the care team
// (the whole school); any other class — or a class of another school — answers 404, so nobody learns it exists.
// Everyone who may see the page reads every rating of the class with its note (the note is about the class, written
// for its teachers and the care team); only its author undoes a rating. Dates are school days, never in the future,
// within the class's own school year.

/** A class of the school: id, name, school year. */
export type SchoolClass = NonNullable<Awaited<ReturnType<typeof repository.findClassOfSchool>>>;

/** The class's Groep page: its climate ratings of its school year, its phase and history, and today's reminders. */
export async function getClassGroup(deps: Deps, caller: StaffCaller, schoolId: string, classId: string): Promise<ClassGroup> {
  const db = deps.db.kysely;
  const schoolClass = await requireClassInScope(deps, caller, schoolId, classId);
  const today = schoolDateOf(deps.clock.now());
  const ratings = await repository.listClimateRatings(db, schoolId, classId, firstDayOfSchoolYear(schoolClass.school_year), lastDayOfSchoolYear(schoolClass.school_year));
  const phases = (await repository.listGroupPhases(db, schoolId, classId)).map(phaseEntryOf);
  return {
    class: { id: schoolClass.id, name: schoolClass.name, schoolYear: schoolClass.school_year },
    today,
    climate: await Promise.all(ratings.map((row) => climateRatingOf(deps, caller, row))),
    currentPhase: phases[0] ?? null,
    phaseHistory: phases,
    guidance: schoolYearOfDate(today) === schoolClass.school_year ? await guidanceOf(deps, schoolId, schoolClass.school_year, today) : null,
  };
}

/** Records a climate rating of the class by the caller (today unless `ratedOn` says otherwise). */
export async function addClimateRating(deps: Deps, caller: StaffCaller, schoolId: string, classId: string, fields: ClimateRatingFields): Promise<ClimateRating> {
  const schoolClass = await requireClassInScope(deps, caller, schoolId, classId);
  const ratedOn = fields.ratedOn ?? schoolDateOf(deps.clock.now());
  refuseDateOutside(deps, schoolClass, 'body.ratedOn', ratedOn);
  const id = newId();
  const row = {
    id,
    school_id: schoolId,
    class_id: classId,
    rated_on: ratedOn,
    rating: fields.rating,
    note_encrypted: await deps.fieldCrypto.encrypt(encryptedFieldRef('class_climate_ratings', 'note_encrypted', [id]), fields.note),
    rated_by: caller.userId,
    created_at: isoInstant(deps.clock.now()),
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertClimateRating(trx, row);
    // The detail names the day and the step, never the note.
    await audit(trx, deps, caller, schoolId, classId, 'group.climate_rated', { ratingId: id, ratedOn, rating: fields.rating });
  });
  return climateRatingOf(deps, caller, { ...row, rated_by_name: caller.user.name });
}

/** Undoes the caller's own climate rating; another's (or none) answers 404. */
export async function removeClimateRating(deps: Deps, caller: StaffCaller, schoolId: string, classId: string, ratingId: string): Promise<void> {
  await requireClassInScope(deps, caller, schoolId, classId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.deleteOwnClimateRating(trx, schoolId, classId, ratingId, caller.userId))) throw new AppError('not_found');
    await audit(trx, deps, caller, schoolId, classId, 'group.climate_rating_removed', { ratingId });
  });
}

/** Sets the class's group phase from a school day on; earlier entries stay as its history. */
export async function setGroupPhase(deps: Deps, caller: StaffCaller, schoolId: string, classId: string, body: SetGroupPhaseBody): Promise<GroupPhaseEntry> {
  const schoolClass = await requireClassInScope(deps, caller, schoolId, classId);
  refuseDateOutside(deps, schoolClass, 'body.fromOn', body.fromOn);
  const row = { id: newId(), school_id: schoolId, class_id: classId, phase: body.phase, from_on: body.fromOn, set_by: caller.userId, created_at: isoInstant(deps.clock.now()) };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertGroupPhase(trx, row);
    await audit(trx, deps, caller, schoolId, classId, 'group.phase_set', { phaseId: row.id, groupPhase: body.phase, fromOn: body.fromOn });
  });
  return phaseEntryOf({ ...row, set_by_name: caller.user.name });
}

/**
 * THE rule of a class's group pages (Groep, sociograms, regulation, lessons): the class's own teachers see it, the care
 * team every class of the school (the check-in's scope); anyone else, or a class of another school, gets 404.
 */
export async function requireClassInScope(deps: Deps, caller: StaffCaller, schoolId: string, classId: string): Promise<SchoolClass> {
  const db = deps.db.kysely;
  const schoolClass = await repository.findClassOfSchool(db, schoolId, classId);
  if (!schoolClass) throw new AppError('not_found');
  if (!(await isClassInScope(db, pupilScopeOf(caller.actor, schoolId, 'checkins'), classId))) throw new AppError('not_found');
  return schoolClass;
}

// A rating or phase is about a day that has been: today or earlier, and inside the class's school year (the page
// shows that year only).
function refuseDateOutside(deps: Deps, schoolClass: SchoolClass, field: string, date: string): void {
  const problem =
    date > schoolDateOf(deps.clock.now())
      ? 'in_the_future'
      : date < firstDayOfSchoolYear(schoolClass.school_year) || date > lastDayOfSchoolYear(schoolClass.school_year)
        ? 'outside_school_year'
        : null;
  if (problem) throw new AppError('validation_failed', { fields: { [field]: [problem] } });
}

// The first school days after the summer and the Christmas holiday are read from the school's closed days (entered
// for the check-in); without them, the first weekday on or after 1 August and 1 January.
async function guidanceOf(deps: Deps, schoolId: string, schoolYear: string, today: string): Promise<NonNullable<ClassGroup['guidance']>> {
  const closedDays = await closedPeriodsOf(deps, schoolId);
  const search = restartSearchDatesOf(schoolYear);
  const schoolYearStartsOn = firstSchoolDayFrom(search.summer, closedDays);
  return { schoolYearStartsOn, ...groupGuidanceOn(today, { schoolYearStartsOn, januaryStartsOn: firstSchoolDayFrom(search.christmas, closedDays) }) };
}

async function audit(trx: Parameters<typeof recordAudit>[0], deps: Deps, caller: StaffCaller, schoolId: string, classId: string, action: AuditAction, detail: Record<string, unknown>) {
  await recordAudit(trx, deps.clock, { actorUserId: caller.userId, action, targetType: 'class', targetId: classId, schoolId, boardId: caller.schoolBoardId ?? null, detail });
}

async function climateRatingOf(
  deps: Deps,
  caller: StaffCaller,
  row: { id: string; rated_on: string; rating: number; note_encrypted: string; rated_by: string | null; created_at: string; rated_by_name: string | null },
): Promise<ClimateRating> {
  return {
    id: row.id,
    ratedOn: row.rated_on,
    rating: row.rating,
    note: await deps.fieldCrypto.decrypt(encryptedFieldRef('class_climate_ratings', 'note_encrypted', [row.id]), row.note_encrypted),
    ratedBy: row.rated_by_name,
    isOwn: row.rated_by === caller.userId,
    createdAt: row.created_at,
  };
}

function phaseEntryOf(row: { id: string; phase: string; from_on: string; created_at: string; set_by_name: string | null }): GroupPhaseEntry {
  return { id: row.id, phase: row.phase as GroupPhase, fromOn: row.from_on, setBy: row.set_by_name, createdAt: row.created_at };
}
