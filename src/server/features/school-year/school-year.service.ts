import type { Kysely } from 'kysely';
import type { StaffCaller } from '../../access/caller';
import { recordAudit } from '../../audit/audit.service';
import { type BackgroundJob, startBackgroundJob } from '../../background-job';
import type { Database } from '../../db/database';
import { withConflictCheck } from '../../db/db-errors';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { findReadyImport, listStagedRecords } from '../pupils/pupil-import.repository';
import { insertPlacements, insertPupils } from '../pupils/pupils.repository';
import { insertClass } from '../tenancy/tenancy.repository';
import { addDays, firstDayOfSchoolYear, followingSchoolYear, lastDayOfSchoolYear, schoolDateOf, schoolYearAt } from '../../../shared/school-time';
import { nextClassName } from './school-year-names';
import * as repository from './school-year.repository';
import type { NextSchoolYearState, PreparationPlan, PreparationPreview } from './school-year.schemas';

// The August rollover: preparing a school's next school year from this one. One plan — which classes carry
// over under which name with which teachers, and optionally a re-import from the pupil administration —
// is previewed (nothing changes), then confirmed as one recorded unit (audited `school_year.prepared`) that can
// be undone until the new school year starts. Pupils who leave get the last day of this school year (31 July)
// as their leaving date, so retention periods start from it; they are marked so once that day has passed
// (`applyDueDepartures`), so until then they check in and appear in lists as usual.


/** This school year, next school year, this year's classes with their default next name, and the preparation if any. */
export async function getNextSchoolYear(deps: Deps, schoolId: string): Promise<NextSchoolYearState> {
  const db = deps.db.kysely;
  const currentSchoolYear = schoolYearAt(deps.clock.now());
  const schoolYear = followingSchoolYear(currentSchoolYear);
  const current = await loadYear(db, schoolId, currentSchoolYear);
  const preparation = await repository.findPreparation(db, schoolId, schoolYear);
  return {
    currentSchoolYear,
    schoolYear,
    startsOn: firstDayOfSchoolYear(schoolYear),
    currentClasses: current.classes.map((schoolClass) => ({
      id: schoolClass.id,
      name: schoolClass.name,
      defaultName: nextClassName(schoolClass.name),
      teachers: current.teachersOf(schoolClass.id),
      pupilCount: current.pupils.filter((pupil) => pupil.class_id === schoolClass.id).length,
    })),
    preparation: preparation
      ? {
          preparedAt: preparation.prepared_at,
          preparedByName: preparation.prepared_by ? ((await repository.findUserName(db, preparation.prepared_by)) ?? null) : null,
          classesCreated: parseIds(preparation.created_class_ids).length,
          pupilsPlaced: parsePairs(preparation.added_placements).length,
          pupilsCreated: parseIds(preparation.created_pupil_ids).length,
          pupilsLeft: parseIds(preparation.left_pupil_ids).length,
          leftOn: preparation.left_on,
          canUndo: true,
        }
      : null,
  };
}

/** What preparing next school year with this plan would do; changes nothing (reading the pupils' names is audited). */
export async function previewPreparation(deps: Deps, caller: StaffCaller, schoolId: string, plan: PreparationPlan): Promise<PreparationPreview> {
  const db = deps.db.kysely;
  const computed = await computePlan(deps, db, schoolId, plan);
  await recordAudit(db, deps.clock, {
    actorUserId: caller.userId,
    action: 'pupils.read',
    targetType: 'school',
    targetId: schoolId,
    schoolId,
    boardId: caller.schoolBoardId ?? null,
    detail: { schoolYear: computed.preview.schoolYear, purpose: 'school_year_preview', count: computed.preview.moves.length + computed.preview.leaving.length },
  });
  return computed.preview;
}

/**
 * Prepares next school year as the plan says, in one transaction: creates its classes, links the teachers,
 * places the pupils (this year's placements stay), creates the new pupils of the re-import and marks those who
 * leave as left on the last day of this school year. Refused while an unknown class of the re-import has no
 * choice, and when next year was already prepared.
 */
export async function confirmPreparation(deps: Deps, caller: StaffCaller, schoolId: string, plan: PreparationPlan): Promise<PreparationPreview> {
  const db = deps.db.kysely;
  const now = isoInstant(deps.clock.now());
  return withConflictCheck(
    () =>
      db.transaction().execute(async (trx) => {
        const { preview, work } = await computePlan(deps, trx, schoolId, plan);
        if (await repository.findPreparation(trx, schoolId, preview.schoolYear)) throw new AppError('school_year_already_prepared');
        if (!preview.ready) throw new AppError('import_classes_unresolved', { detail: `${preview.unknownClasses.length} class names without a choice` });

        const classIdOf = new Map(work.existingNextClasses.map((schoolClass) => [schoolClass.name.toLowerCase(), schoolClass.id]));
        const createdClassIds: string[] = [];
        for (const planned of preview.classes) {
          if (classIdOf.has(planned.name.toLowerCase())) continue;
          const id = newId();
          await insertClass(trx, { id, school_id: schoolId, location_id: planned.sourceClassId ? (work.locationOf.get(planned.sourceClassId) ?? null) : null, school_year: preview.schoolYear, name: planned.name, created_at: now });
          classIdOf.set(planned.name.toLowerCase(), id);
          createdClassIds.push(id);
        }
        const teacherLinks: [string, string][] = [];
        for (const planned of preview.classes) {
          const classId = classIdOf.get(planned.name.toLowerCase()) ?? '';
          for (const teacher of planned.teachers) {
            if (!work.existingTeacherLinks.has(`${classId}:${teacher.userId}`)) teacherLinks.push([classId, teacher.userId]);
          }
        }
        await repository.insertTeacherLinks(trx, teacherLinks.map(([classId, userId]) => ({ class_id: classId, user_id: userId, created_at: now })));

        const newPupils = work.newPupils.map((pupil) => ({ ...pupil, id: newId() }));
        await insertPupils(
          trx,
          newPupils.map((pupil) => ({ id: pupil.id, school_id: schoolId, pupil_number: pupil.pupilNumber, first_name: pupil.firstName, last_name: pupil.lastName, birth_date: pupil.birthDate, left_on: null, created_at: now, updated_at: now })),
        );
        const placements: [string, string][] = [];
        for (const move of work.moves) {
          const classId = classIdOf.get(move.toClassName.toLowerCase()) ?? '';
          if (!work.existingPlacements.has(`${classId}:${move.pupilId}`)) placements.push([classId, move.pupilId]);
        }
        for (const pupil of newPupils) if (pupil.className !== null) placements.push([classIdOf.get(pupil.className.toLowerCase()) ?? '', pupil.id]);
        await insertPlacements(trx, placements.map(([classId, pupilId]) => ({ class_id: classId, pupil_id: pupilId, created_at: now })));

        // Marked as left only after 31 July (applyDueDepartures): until then they are at school as usual.
        const leftPupilIds = work.leaving.map((pupil) => pupil.id);

        await repository.insertPreparation(trx, {
          id: newId(),
          school_id: schoolId,
          school_year: preview.schoolYear,
          from_school_year: preview.fromSchoolYear,
          prepared_by: caller.userId,
          prepared_at: now,
          left_on: preview.leftOn,
          created_class_ids: JSON.stringify(createdClassIds),
          added_placements: JSON.stringify(placements),
          added_teacher_links: JSON.stringify(teacherLinks),
          created_pupil_ids: JSON.stringify(newPupils.map((pupil) => pupil.id)),
          left_pupil_ids: JSON.stringify(leftPupilIds),
          departures_applied_at: null,
        });
        await recordAudit(trx, deps.clock, {
          actorUserId: caller.userId,
          action: 'school_year.prepared',
          targetType: 'school',
          targetId: schoolId,
          schoolId,
          boardId: caller.schoolBoardId ?? null,
          detail: {
            schoolYear: preview.schoolYear,
            fromSchoolYear: preview.fromSchoolYear,
            importId: plan.importId ?? null,
            classesCreated: createdClassIds.length,
            teacherLinks: teacherLinks.length,
            pupilsPlaced: placements.length,
            pupilsCreated: newPupils.length,
            pupilsLeft: leftPupilIds.length,
            leftOn: preview.leftOn,
          },
        });
        return preview;
      }),
    { code: 'school_year_already_prepared' },
  );
}

/**
 * Undoes the preparation of a school year while that year has not started: removes the classes, teacher
 * links, placements and pupils it added, and puts back the pupils it marked as left (unless their leaving
 * date was changed by hand since). After the first day of that year: `409 school_year_started`.
 */
export async function undoPreparation(deps: Deps, caller: StaffCaller, schoolId: string, schoolYear: string): Promise<void> {
  const db = deps.db.kysely;
  const now = isoInstant(deps.clock.now());
  await db.transaction().execute(async (trx) => {
    const preparation = await repository.findPreparation(trx, schoolId, schoolYear);
    if (!preparation) throw new AppError('not_found');
    if (schoolDateOf(deps.clock.now()) >= firstDayOfSchoolYear(schoolYear)) throw new AppError('school_year_started');
    const createdClassIds = new Set(parseIds(preparation.created_class_ids));
    for (const [classId, pupilId] of parsePairs(preparation.added_placements)) if (!createdClassIds.has(classId)) await repository.deletePlacement(trx, classId, pupilId);
    for (const [classId, userId] of parsePairs(preparation.added_teacher_links)) if (!createdClassIds.has(classId)) await repository.deleteTeacherLink(trx, classId, userId);
    await repository.deleteClasses(trx, schoolId, [...createdClassIds]);
    await repository.deletePupils(trx, schoolId, parseIds(preparation.created_pupil_ids));
    await repository.clearPupilsLeftOn(trx, schoolId, parseIds(preparation.left_pupil_ids), preparation.left_on, now);
    await repository.deletePreparation(trx, preparation.id);
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'school_year.preparation_undone',
      targetType: 'school',
      targetId: schoolId,
      schoolId,
      boardId: caller.schoolBoardId ?? null,
      detail: { schoolYear, preparedAt: preparation.prepared_at },
    });
  });
}

/**
 * Marks the leavers of every preparation whose old school year has ended as left on its last day (31 July), once;
 * a pupil marked as left by hand meanwhile keeps their own date. Returns how many preparations it applied.
 */
export async function applyDueDepartures(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const db = deps.db.kysely;
  const now = isoInstant(deps.clock.now());
  const due = await repository.listPreparationsWithDueDepartures(db, schoolDateOf(deps.clock.now()));
  for (const preparation of due) {
    await db.transaction().execute(async (trx) => {
      await repository.setPupilsLeftOn(trx, preparation.school_id, parseIds(preparation.left_pupil_ids), preparation.left_on, now);
      await repository.markDeparturesApplied(trx, preparation.id, now);
    });
  }
  return due.length;
}

/** Marks the leavers of prepared school years as left once the old year has ended: hourly (tests call applyDueDepartures). */
export function startDepartureJob(deps: Deps): BackgroundJob {
  return startBackgroundJob({
    name: 'school-year-departures',
    deps,
    firstDelayMs: 30_000,
    intervalMs: 3_600_000,
    run: async () => {
      const applied = await applyDueDepartures(deps);
      if (applied > 0) deps.logger?.info({ applied }, 'leavers of prepared school years marked as left');
    },
    onError: (error) => deps.logger?.error({ err: error }, 'marking the leavers of prepared school years failed; it runs again in an hour'),
  });
}

// ---------- the plan ----------

interface PlanWork {
  existingNextClasses: readonly { id: string; name: string }[];
  existingTeacherLinks: ReadonlySet<string>;
  existingPlacements: ReadonlySet<string>;
  locationOf: ReadonlyMap<string, string | null>;
  moves: { pupilId: string; toClassName: string }[];
  newPupils: { pupilNumber: string; firstName: string; lastName: string; birthDate: string | null; className: string | null }[];
  leaving: { id: string }[];
}

// Dutch order: "Groep 10" after "Groep 9".
const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

async function loadYear(db: Kysely<Database>, schoolId: string, schoolYear: string) {
  const classes = await repository.listClassesOfYear(db, schoolId, schoolYear);
  classes.sort((left, right) => collator.compare(left.name, right.name));
  const teachers = await repository.listTeachersOfYear(db, schoolId, schoolYear);
  const pupils = await repository.listCurrentPupilsWithClass(db, schoolId, schoolYear);
  return {
    classes,
    teachers,
    pupils,
    teachersOf: (classId: string) => teachers.filter((row) => row.class_id === classId).map((row) => ({ userId: row.user_id, name: row.name })),
  };
}

// Computes the preview and what confirming must write, from the database as it is (inside the confirm's
// transaction when confirming, so the preview and the result never disagree).
async function computePlan(deps: Deps, db: Kysely<Database>, schoolId: string, plan: PreparationPlan): Promise<{ preview: PreparationPreview; work: PlanWork }> {
  const fromSchoolYear = schoolYearAt(deps.clock.now());
  const schoolYear = followingSchoolYear(fromSchoolYear);
  const leftOn = lastDayOfSchoolYear(fromSchoolYear);
  const current = await loadYear(db, schoolId, fromSchoolYear);
  const next = await loadYear(db, schoolId, schoolYear);
  const locationRows = await db.selectFrom('classes').select(['id', 'location_id']).where('school_id', '=', schoolId).where('school_year', '=', fromSchoolYear).execute();
  const locationOf = new Map(locationRows.map((row) => [row.id, row.location_id]));

  // Classes: the plan's name per class of this year, or the default; one new class per distinct name.
  const planOf = new Map(plan.classes.map((entry) => [entry.classId, entry]));
  const classIdsOfYear = new Set(current.classes.map((schoolClass) => schoolClass.id));
  for (const entry of plan.classes) {
    if (!classIdsOfYear.has(entry.classId)) throw new AppError('validation_failed', { fields: { 'body.classes': ['a class that is not a class of this school year'] } });
  }
  type PlannedClass = PreparationPreview['classes'][number];
  const planned = new Map<string, PlannedClass>();
  const nextNameOfClass = new Map<string, string>();
  const endingClasses: PreparationPreview['endingClasses'] = [];
  for (const schoolClass of current.classes) {
    const entry = planOf.get(schoolClass.id);
    const name = entry ? entry.name : nextClassName(schoolClass.name);
    if (name === null) {
      endingClasses.push({ classId: schoolClass.id, name: schoolClass.name });
      continue;
    }
    const teachers = current.teachersOf(schoolClass.id);
    const kept = entry?.teacherUserIds;
    if (kept && kept.some((userId) => !teachers.some((teacher) => teacher.userId === userId))) {
      throw new AppError('validation_failed', { fields: { 'body.classes': ['a teacher who does not teach that class'] } });
    }
    const key = name.toLowerCase();
    const seen = planned.get(key);
    const keptTeachers = kept ? teachers.filter((teacher) => kept.includes(teacher.userId)) : teachers;
    nextNameOfClass.set(schoolClass.id, seen?.name ?? name);
    if (seen) {
      for (const teacher of keptTeachers) if (!seen.teachers.some((other) => other.userId === teacher.userId)) seen.teachers.push(teacher);
      continue;
    }
    const existing = next.classes.find((other) => other.name.toLowerCase() === key);
    planned.set(key, {
      sourceClassId: schoolClass.id,
      sourceName: schoolClass.name,
      name: existing?.name ?? name,
      exists: existing !== undefined,
      teachers: [...keptTeachers],
      pupilCount: 0,
    });
  }
  // Classes next year already has keep existing (pupils of the re-import may be placed in them).
  for (const schoolClass of next.classes) {
    const key = schoolClass.name.toLowerCase();
    if (!planned.has(key)) planned.set(key, { sourceClassId: null, sourceName: null, name: schoolClass.name, exists: true, teachers: [], pupilCount: 0 });
  }

  const classNameOfId = new Map(current.classes.map((schoolClass) => [schoolClass.id, schoolClass.name]));
  const moves: PlanWork['moves'] = [];
  const newPupils: PlanWork['newPupils'] = [];
  const leaving: PlanWork['leaving'] = [];
  const preview: PreparationPreview = {
    fromSchoolYear,
    schoolYear,
    leftOn,
    classes: [],
    endingClasses,
    unknownClasses: [],
    moves: [],
    newPupils: [],
    leaving: [],
    ready: true,
  };
  const line = (pupil: { id: string | null; pupil_number: string; first_name: string; last_name: string }, from: string | null, to: string | null) => ({
    pupilId: pupil.id,
    pupilNumber: pupil.pupil_number,
    firstName: pupil.first_name,
    lastName: pupil.last_name,
    fromClassName: from,
    toClassName: to,
  });
  const move = (pupil: (typeof current.pupils)[number], toKey: string) => {
    const target = planned.get(toKey);
    if (!target) return;
    target.pupilCount += 1;
    moves.push({ pupilId: pupil.id, toClassName: target.name });
    preview.moves.push(line(pupil, pupil.class_id ? (classNameOfId.get(pupil.class_id) ?? null) : null, target.name));
  };
  const leave = (pupil: (typeof current.pupils)[number]) => {
    leaving.push({ id: pupil.id });
    preview.leaving.push(line(pupil, pupil.class_id ? (classNameOfId.get(pupil.class_id) ?? null) : null, null));
  };
  // A pupil placed in two classes this year is listed once (their first class).
  const currentPupils = [...new Map(current.pupils.map((pupil) => [pupil.id, pupil])).values()];

  if (plan.importId === undefined) {
    for (const pupil of currentPupils) {
      const nextName = pupil.class_id ? nextNameOfClass.get(pupil.class_id) : undefined;
      if (nextName !== undefined) move(pupil, nextName.toLowerCase());
      else if (pupil.class_id && endingClasses.some((ending) => ending.classId === pupil.class_id)) leave(pupil);
    }
  } else {
    const staged = await findReadyImport(db, schoolId, plan.importId, isoInstant(deps.clock.now()));
    if (!staged) throw new AppError('not_found');
    const records = await listStagedRecords(db, plan.importId, 0, staged.valid_count);
    const formerNumbers = await repository.listFormerPupilNumbers(db, schoolId);
    const byNumber = new Map(currentPupils.map((pupil) => [pupil.pupil_number, pupil]));
    const inFile = new Set<string>();
    const choiceOf = new Map(plan.classChoices.map((choice) => [choice.name.toLowerCase(), choice]));
    const unknown = new Map<string, { name: string; rows: number }>();
    // The class next year a file's class name lands in: a planned class, a mapped one, one to create, or none yet.
    const targetKeyOf = (className: string): string | undefined => {
      const key = className.toLowerCase();
      if (planned.has(key)) return key;
      const choice = choiceOf.get(key);
      if (choice?.action === 'map') {
        const mappedKey = choice.className.toLowerCase();
        if (!planned.has(mappedKey)) throw new AppError('validation_failed', { fields: { 'body.classChoices': ['the chosen class is not a class of next school year'] } });
        return mappedKey;
      }
      if (choice?.action === 'create') {
        planned.set(key, { sourceClassId: null, sourceName: null, name: className, exists: false, teachers: [], pupilCount: 0 });
        return key;
      }
      const seen = unknown.get(key);
      unknown.set(key, { name: seen?.name ?? className, rows: (seen?.rows ?? 0) + 1 });
      return undefined;
    };
    for (const record of records) {
      if (inFile.has(record.pupil_number)) continue;
      inFile.add(record.pupil_number);
      const known = byNumber.get(record.pupil_number);
      // No class in the file: a known pupil goes along with their class, a new one stays unplaced.
      const fallback = known?.class_id ? nextNameOfClass.get(known.class_id)?.toLowerCase() : undefined;
      const key = record.class_name !== null ? targetKeyOf(record.class_name) : fallback;
      if (known) {
        if (key !== undefined) move(known, key);
        continue;
      }
      // A former pupil in the file stays a former pupil (put back by hand).
      if (formerNumbers.has(record.pupil_number)) continue;
      const target = key !== undefined ? planned.get(key) : undefined;
      if (target) target.pupilCount += 1;
      newPupils.push({ pupilNumber: record.pupil_number, firstName: record.first_name, lastName: record.last_name, birthDate: record.birth_date, className: target?.name ?? null });
      preview.newPupils.push(line({ id: null, pupil_number: record.pupil_number, first_name: record.first_name, last_name: record.last_name }, null, target?.name ?? null));
    }
    for (const pupil of currentPupils) if (!inFile.has(pupil.pupil_number)) leave(pupil);
    preview.unknownClasses = [...unknown.values()].sort((left, right) => collator.compare(left.name, right.name));
    preview.ready = unknown.size === 0;
  }

  preview.classes = [...planned.values()].sort((left, right) => collator.compare(left.name, right.name));
  const byName = (left: { lastName: string; firstName: string }, right: { lastName: string; firstName: string }) =>
    collator.compare(left.lastName, right.lastName) || collator.compare(left.firstName, right.firstName);
  preview.moves.sort((left, right) => collator.compare(left.toClassName ?? '', right.toClassName ?? '') || byName(left, right));
  preview.newPupils.sort(byName);
  preview.leaving.sort(byName);
  const nextClassIds = new Set(next.classes.map((schoolClass) => schoolClass.id));
  return {
    preview,
    work: {
      existingNextClasses: next.classes,
      existingTeacherLinks: new Set(next.teachers.map((row) => `${row.class_id}:${row.user_id}`)),
      existingPlacements: new Set(next.pupils.filter((row) => row.class_id !== null && nextClassIds.has(row.class_id)).map((row) => `${row.class_id}:${row.id}`)),
      locationOf,
      moves,
      newPupils,
      leaving,
    },
  };
}

function parseIds(json: string): string[] {
  return JSON.parse(json) as string[];
}

function parsePairs(json: string): [string, string][] {
  return JSON.parse(json) as [string, string][];
}
