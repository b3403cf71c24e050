import type { Kysely } from 'kysely';
import { addDays, firstDayOfSchoolYear, isoWeekOf, schoolDateOf, schoolYearAt } from '../../../shared/school-time';
import { isLargeEnough } from '../../../shared/anonymity';
import type { StaffCaller } from '../../access/caller';
import { isCareTeamOf, isClassInScope, isPupilInScope, pupilScopeOf } from '../../access/record-scope';
import { type AuditAction, recordAudit } from '../../audit/audit.service';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { requireClassInScope } from '../sociogram/class-group.service';
import { minGroupSizeOfBoard } from '../tenancy/tenancy.repository';
import { loadShippedActivities, parseSchoolActivity } from './regulation-activities';
import { type RegulationActivity, regulationActivitySchema } from './regulation-activity.schema';
import * as repository from './regulation.repository';
import type { AddRoutineBody, ClassRegulation, LibraryActivity, PupilRegulation, RegulationFigures, Routine } from './regulation.schemas';

// The staff side of regulation (issue 19). The library: the shipped activities and the school's own, minus the ones
// it hid (the people who lead the TSO work and the care team see the hidden ones too, to switch them back on). A
// class's favourites and daily routine moments: its own teachers and the care team (404 for another class). What
// helped a pupil: the pupil's teachers and the care team, audited; the care team links activities to the pupil's
// support plan. Everyone else sees "did it help?" only as anonymous counts per class and week under the k rule.

/** How far back a pupil's regulation moments are shown. */
export const PUPIL_MOMENT_WEEKS = 12;

/** Every activity of the school: shipped and its own, each with whether the school hid it. */
export async function schoolLibrary(db: Kysely<Database>, schoolId: string): Promise<LibraryActivity[]> {
  const { shipped, own, hidden } = await schoolActivities(db, schoolId);
  return [...shipped.map((activity) => libraryEntryOf(activity, false, hidden)), ...own.map((activity) => libraryEntryOf(activity, true, hidden))];
}

/**
 * The school's activities as definitions — the shipped ones and its own — and the ids it hid: THE one place the
 * library is put together (the staff pages and the pupil's offer both start here). An own activity was checked when it
 * was added; one that no longer fits the format (after a format change) or that carries a shipped id is left out
 * rather than failing a page.
 */
export async function schoolActivities(db: Kysely<Database>, schoolId: string): Promise<{ shipped: RegulationActivity[]; own: RegulationActivity[]; hidden: Set<string> }> {
  const [rows, hidden] = await Promise.all([repository.listOwnActivities(db, schoolId), repository.listHiddenActivityIds(db, schoolId)]);
  const shipped = loadShippedActivities();
  const shippedIds = new Set(shipped.map((activity) => activity.id));
  const own = rows.flatMap((row) => {
    const parsed = regulationActivitySchema.safeParse(safeJson(row.definition));
    return parsed.success && !shippedIds.has(parsed.data.id) ? [parsed.data] : [];
  });
  return { shipped, own, hidden };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The library as a teacher browses it: without the hidden activities. */
export async function listActivities(deps: Deps, schoolId: string): Promise<LibraryActivity[]> {
  return (await schoolLibrary(deps.db.kysely, schoolId)).filter((activity) => !activity.hidden);
}

/** The whole library with what is hidden, for the people who keep it. */
export async function listLibrary(deps: Deps, schoolId: string): Promise<LibraryActivity[]> {
  return schoolLibrary(deps.db.kysely, schoolId);
}

/** Adds an activity the school wrote itself (the shipped format); its id may be no shipped or own activity's. */
export async function addOwnActivity(deps: Deps, caller: StaffCaller, schoolId: string, definition: unknown): Promise<LibraryActivity> {
  const activity = parseSchoolActivity(definition, { fieldPrefix: 'body.definition.' });
  const library = await schoolLibrary(deps.db.kysely, schoolId);
  if (library.some((entry) => entry.id === activity.id)) throw new AppError('validation_failed', { fields: { 'body.definition.id': ['id_taken'] } });
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertOwnActivity(trx, { id: newId(), school_id: schoolId, activity_id: activity.id, definition: JSON.stringify(activity), created_by: caller.userId, created_at: isoInstant(deps.clock.now()) });
    await audit(trx, deps, caller, schoolId, null, 'regulation.activity_added', { activityId: activity.id });
  });
  return libraryEntryOf(activity, true, new Set());
}

/** Removes one of the school's own activities (shipped ones can only be hidden). */
export async function removeOwnActivity(deps: Deps, caller: StaffCaller, schoolId: string, activityId: string): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.deleteOwnActivity(trx, schoolId, activityId))) throw new AppError('not_found');
    await audit(trx, deps, caller, schoolId, null, 'regulation.activity_removed', { activityId });
  });
}

/** Hides an activity from teachers and pupils, or shows it again. */
export async function setActivityHidden(deps: Deps, caller: StaffCaller, schoolId: string, activityId: string, hidden: boolean): Promise<LibraryActivity> {
  const activity = (await schoolLibrary(deps.db.kysely, schoolId)).find((entry) => entry.id === activityId);
  if (!activity) throw new AppError('not_found');
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.setHidden(trx, schoolId, activityId, hidden, caller.userId, isoInstant(deps.clock.now()));
    await audit(trx, deps, caller, schoolId, null, hidden ? 'regulation.activity_hidden' : 'regulation.activity_shown', { activityId });
  });
  return { ...activity, hidden };
}

/** A class's favourite activities and routine moments. */
export async function getClassRegulation(deps: Deps, caller: StaffCaller, schoolId: string, classId: string): Promise<ClassRegulation> {
  const found = await requireClassInScope(deps, caller, schoolId, classId);
  const db = deps.db.kysely;
  const [favourites, routines, library] = await Promise.all([repository.listFavourites(db, classId), repository.listRoutines(db, classId), schoolLibrary(db, schoolId)]);
  const names = new Map(library.map((activity) => [activity.id, activity.name]));
  return {
    classId,
    className: found.name,
    favourites,
    routines: routines.map((row): Routine => ({ id: row.id, timeOfDay: row.time_of_day, label: row.label, activityId: row.activity_id, activityName: names.get(row.activity_id) ?? null })),
  };
}

/** Marks an activity as a favourite of the class, or not any more. */
export async function setFavourite(deps: Deps, caller: StaffCaller, schoolId: string, classId: string, activityId: string, favourite: boolean): Promise<ClassRegulation> {
  await requireClassInScope(deps, caller, schoolId, classId);
  await requireVisibleActivity(deps.db.kysely, schoolId, activityId, favourite);
  await repository.setFavourite(deps.db.kysely, classId, activityId, favourite, caller.userId, isoInstant(deps.clock.now()));
  return getClassRegulation(deps, caller, schoolId, classId);
}

/** Plans a daily routine moment for the class: at a time, one activity with the whole class. */
export async function addRoutine(deps: Deps, caller: StaffCaller, schoolId: string, classId: string, body: AddRoutineBody): Promise<ClassRegulation> {
  await requireClassInScope(deps, caller, schoolId, classId);
  await requireVisibleActivity(deps.db.kysely, schoolId, body.activityId, true, 'body.activityId');
  await deps.db.kysely.transaction().execute(async (trx) => {
    const id = newId();
    await repository.insertRoutine(trx, { id, school_id: schoolId, class_id: classId, time_of_day: body.timeOfDay, label: body.label, activity_id: body.activityId, created_by: caller.userId, created_at: isoInstant(deps.clock.now()) });
    await audit(trx, deps, caller, schoolId, classId, 'regulation.routine_added', { routineId: id, activityId: body.activityId, timeOfDay: body.timeOfDay });
  });
  return getClassRegulation(deps, caller, schoolId, classId);
}

/** Removes a routine moment of the class. */
export async function removeRoutine(deps: Deps, caller: StaffCaller, schoolId: string, classId: string, routineId: string): Promise<void> {
  await requireClassInScope(deps, caller, schoolId, classId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.deleteRoutine(trx, classId, routineId))) throw new AppError('not_found');
    await audit(trx, deps, caller, schoolId, classId, 'regulation.routine_removed', { routineId });
  });
}

/** What helped one pupil in the last PUPIL_MOMENT_WEEKS weeks: the pupil's teachers and the care team; audited. */
export async function getPupilRegulation(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string): Promise<PupilRegulation> {
  await requirePupil(deps, caller, schoolId, pupilId);
  const regulation = await pupilRegulationOf(deps, schoolId, pupilId);
  await audit(deps.db.kysely, deps, caller, schoolId, null, 'regulation.pupil_read', { pupilId, moments: regulation.moments.length }, pupilId);
  return regulation;
}

// What helped one pupil, without access check or audit (the callers do both).
async function pupilRegulationOf(deps: Deps, schoolId: string, pupilId: string): Promise<PupilRegulation> {
  const db = deps.db.kysely;
  const from = addDays(schoolDateOf(deps.clock.now()), -7 * PUPIL_MOMENT_WEEKS);
  const [moments, planActivities, library] = await Promise.all([repository.listMomentsOfPupil(db, schoolId, pupilId, from), repository.listPlanActivities(db, schoolId, pupilId), schoolLibrary(db, schoolId)]);
  const names = new Map(library.map((activity) => [activity.id, activity.name]));
  const perActivity = new Map<string, { done: number; helped: number; notHelped: number }>();
  for (const moment of moments) {
    const entry = perActivity.get(moment.activity_id) ?? { done: 0, helped: 0, notHelped: 0 };
    entry.done += 1;
    if (moment.helped === 1) entry.helped += 1;
    if (moment.helped === 0) entry.notHelped += 1;
    perActivity.set(moment.activity_id, entry);
  }
  return {
    moments: moments.map((moment) => ({
      date: moment.school_date,
      state: moment.state === 'too_low' ? 'too_low' : 'too_high',
      activityId: moment.activity_id,
      activityName: names.get(moment.activity_id) ?? null,
      helped: moment.helped === null ? null : moment.helped === 1,
    })),
    perActivity: [...perActivity.entries()]
      .map(([activityId, counts]) => ({ activityId, activityName: names.get(activityId) ?? null, ...counts }))
      .sort((left, right) => right.helped - left.helped || right.done - left.done || (left.activityId < right.activityId ? -1 : 1)),
    planActivities,
  };
}

/** The care team links an activity to the pupil's support plan ("what helps"), or unlinks it; 403 for anyone else. */
export async function setPlanActivity(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, activityId: string, linked: boolean): Promise<PupilRegulation> {
  if (!isCareTeamOf(caller.actor, schoolId)) throw new AppError('forbidden', { detail: "linking activities to a support plan is the care team's" });
  await requirePupil(deps, caller, schoolId, pupilId);
  await requireVisibleActivity(deps.db.kysely, schoolId, activityId, linked);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.setPlanActivity(trx, schoolId, pupilId, activityId, linked, caller.userId, isoInstant(deps.clock.now()));
    await audit(trx, deps, caller, schoolId, null, linked ? 'regulation.plan_activity_linked' : 'regulation.plan_activity_unlinked', { pupilId, activityId }, pupilId);
  });
  return pupilRegulationOf(deps, schoolId, pupilId);
}

/**
 * "Did it help?" as anonymous counts per class and ISO week of this school year, for everyone outside the pupils'
 * teachers and the care team. A week of a class is shown only when at least k different pupils answered in it, and
 * weeks are the only cells: no total over a period that could be differenced against a shown week, and a week's
 * figure only appears once it holds k pupils, so watching it change never shows one pupil's answer.
 */
export async function getFigures(deps: Deps, schoolId: string, boardId: string): Promise<RegulationFigures> {
  const db = deps.db.kysely;
  const k = await minGroupSizeOfBoard(db, boardId);
  const rows = await repository.listAnsweredMoments(db, schoolId, firstDayOfSchoolYear(schoolYearAt(deps.clock.now())));
  const classes = new Map<string, { className: string; weeks: Map<string, { pupils: Set<string>; answered: number; helped: number }> }>();
  for (const row of rows) {
    const entry = classes.get(row.class_id) ?? { className: row.class_name, weeks: new Map() };
    const week = isoWeekOf(row.school_date);
    const cell = entry.weeks.get(week) ?? { pupils: new Set<string>(), answered: 0, helped: 0 };
    cell.pupils.add(row.pupil_id);
    cell.answered += 1;
    if (row.helped === 1) cell.helped += 1;
    entry.weeks.set(week, cell);
    classes.set(row.class_id, entry);
  }
  return {
    minGroupSize: k,
    classes: [...classes.entries()]
      .map(([classId, entry]) => {
        const weeks = [...entry.weeks.entries()].sort(([left], [right]) => (left < right ? -1 : 1));
        const shown = weeks.filter(([, cell]) => isLargeEnough(cell.pupils.size, k));
        return {
          classId,
          className: entry.className,
          weeks: shown.map(([week, cell]) => ({ week, pupils: cell.pupils.size, answered: cell.answered, helped: cell.helped })),
          hiddenWeeks: weeks.length - shown.length,
        };
      })
      .sort((left, right) => left.className.localeCompare(right.className, 'nl', { numeric: true })),
  };
}

function libraryEntryOf(activity: RegulationActivity, own: boolean, hidden: ReadonlySet<string>): LibraryActivity {
  return {
    id: activity.id,
    name: activity.name,
    kind: activity.kind,
    states: [...activity.states],
    ageGroups: [...activity.ageGroups],
    durationSeconds: activity.durationSeconds,
    places: [...activity.places],
    materials: [...activity.materials],
    steps: [...activity.steps],
    forPupils: activity.forPupils ? { animation: activity.forPupils.animation ?? 'none', prompt: activity.forPupils.prompt } : null,
    own,
    hidden: hidden.has(activity.id),
  };
}

// An activity of the school's library that is not hidden (a favourite, routine or plan link is about one a teacher can
// use); removing a link needs only that the id is known.
async function requireVisibleActivity(db: Kysely<Database>, schoolId: string, activityId: string, mustBeVisible: boolean, field = 'params.activityId'): Promise<void> {
  if (!mustBeVisible) return;
  const activity = (await schoolLibrary(db, schoolId)).find((entry) => entry.id === activityId);
  if (!activity || activity.hidden) throw new AppError('validation_failed', { fields: { [field]: ['unknown_activity'] } });
}

async function requirePupil(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string): Promise<void> {
  const pupil = await deps.db.kysely.selectFrom('pupils').select('id').where('school_id', '=', schoolId).where('id', '=', pupilId).executeTakeFirst();
  if (!pupil || !(await isPupilInScope(deps.db.kysely, pupilScopeOf(caller.actor, schoolId, 'checkins'), schoolId, pupilId, schoolYearAt(deps.clock.now())))) {
    throw new AppError('not_found');
  }
}

// One audit event: about the school's library (`classId` null), a class, or (with `pupilId`) a pupil.
async function audit(db: Kysely<Database>, deps: Deps, caller: StaffCaller, schoolId: string, classId: string | null, action: AuditAction, detail: Record<string, unknown>, pupilId?: string): Promise<void> {
  await recordAudit(db, deps.clock, {
    actorUserId: caller.userId,
    action,
    targetType: pupilId ? 'pupil' : classId ? 'class' : 'school',
    targetId: pupilId ?? classId ?? schoolId,
    schoolId,
    boardId: caller.schoolBoardId ?? null,
    detail,
  });
}
