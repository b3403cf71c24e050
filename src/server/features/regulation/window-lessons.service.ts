import type { Kysely } from 'kysely';
import { AGE_GROUPS, CHECKIN_STATES_TOP_DOWN } from '../../../shared/checkin';
import { firstDayOfSchoolYear, lastDayOfSchoolYear, schoolDateOf, schoolYearAt } from '../../../shared/school-time';
import { WINDOW_LESSONS, type WindowLessonId } from '../../../shared/window-lessons';
import type { StaffCaller } from '../../access/caller';
import { type AuditAction, recordAudit } from '../../audit/audit.service';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { ageGroupOfClass, buildStateChoices } from '../checkin/checkin-form';
import { requireClassInScope, type SchoolClass } from '../sociogram/class-group.service';
import * as repository from './window-lessons.repository';
import type { CheckinWord, ClassWindowLessons, LessonEvidence, LessonGivenBody } from './window-lessons.schemas';

// "Know your window" (issue 19): the four class lessons of shared/window-lessons.ts, shown by the teacher on the
// smartboard in the class's age version and with the words of the class's own check-in. Which lessons a class had is
// recorded per class (never per pupil), audited, by the class's teachers and the care team — the check-in's record
// scope: another class answers 404. The people who lead the TSO work read it back as evidence for the self-scan:
// per lesson how many classes of this school year had it, out of how many — counts of classes, nothing about a pupil.


/** A class's lessons: its age group and check-in words, and when each lesson was given in its school year. */
export async function getClassLessons(deps: Deps, caller: StaffCaller, schoolId: string, classId: string): Promise<ClassWindowLessons> {
  const schoolClass = await requireClassInScope(deps, caller, schoolId, classId);
  return classLessonsOf(deps, schoolId, schoolClass);
}

/** Records that the class was given a lesson on a school day (today or earlier, in the class's school year); audited. */
export async function recordLessonGiven(deps: Deps, caller: StaffCaller, schoolId: string, classId: string, lessonId: WindowLessonId, body: LessonGivenBody): Promise<ClassWindowLessons> {
  const db = deps.db.kysely;
  const schoolClass = await requireClassInScope(deps, caller, schoolId, classId);
  const problem =
    body.givenOn > schoolDateOf(deps.clock.now())
      ? 'in_the_future'
      : body.givenOn < firstDayOfSchoolYear(schoolClass.school_year) || body.givenOn > lastDayOfSchoolYear(schoolClass.school_year)
        ? 'outside_school_year'
        : null;
  if (problem) throw new AppError('validation_failed', { fields: { 'body.givenOn': [problem] } });
  const ageGroup = (await ageGroupOfClass(db, classId)) ?? 'middle';
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repository.insertGiven(trx, { id, school_id: schoolId, class_id: classId, lesson_id: lessonId, age_group: ageGroup, given_on: body.givenOn, recorded_by: caller.userId, created_at: isoInstant(deps.clock.now()) });
    await audit(trx, deps, caller, schoolId, classId, 'regulation.lesson_given', { givenId: id, lessonId, givenOn: body.givenOn, ageGroup });
  });
  return classLessonsOf(deps, schoolId, schoolClass);
}

/** Undoes one record of a lesson given to the class (a mistake, a wrong day); audited. */
export async function undoLessonGiven(deps: Deps, caller: StaffCaller, schoolId: string, classId: string, lessonId: WindowLessonId, givenId: string): Promise<void> {
  await requireClassInScope(deps, caller, schoolId, classId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.deleteGiven(trx, schoolId, classId, lessonId, givenId))) throw new AppError('not_found');
    await audit(trx, deps, caller, schoolId, classId, 'regulation.lesson_given_undone', { givenId, lessonId });
  });
}

/** Per lesson, how many of the school's classes of this school year were given it, out of how many classes. */
export async function getLessonEvidence(deps: Deps, schoolId: string): Promise<LessonEvidence> {
  const db = deps.db.kysely;
  const schoolYear = schoolYearAt(deps.clock.now());
  const [classes, perLesson] = await Promise.all([repository.countClassesOfYear(db, schoolId, schoolYear), repository.countClassesPerLesson(db, schoolId, schoolYear)]);
  const given = new Map(perLesson.map((row) => [row.lessonId, row.classes]));
  return { schoolYear, classes, lessons: WINDOW_LESSONS.map((lesson) => ({ lessonId: lesson.id, classesGiven: given.get(lesson.id) ?? 0 })) };
}

async function classLessonsOf(deps: Deps, schoolId: string, schoolClass: SchoolClass): Promise<ClassWindowLessons> {
  const db = deps.db.kysely;
  const ageGroup = (await ageGroupOfClass(db, schoolClass.id)) ?? 'middle';
  const [words, given] = await Promise.all([
    checkinWordsOf(db, schoolId, ageGroup),
    repository.listGivenToClass(db, schoolId, schoolClass.id, firstDayOfSchoolYear(schoolClass.school_year), lastDayOfSchoolYear(schoolClass.school_year)),
  ]);
  return {
    classId: schoolClass.id,
    className: schoolClass.name,
    schoolYear: schoolClass.school_year,
    today: schoolDateOf(deps.clock.now()),
    ageGroup,
    checkinWords: words,
    lessons: WINDOW_LESSONS.map((lesson) => ({
      lessonId: lesson.id,
      given: given.filter((row) => row.lesson_id === lesson.id).map((row) => ({ id: row.id, givenOn: row.given_on, ageGroup: ageGroupOrMiddle(row.age_group) })),
    })),
  };
}

// The words the class's pupils see in their check-in, in both languages: built by the check-in form's own function,
// so the lesson and the check-in can never say it differently.
async function checkinWordsOf(db: Kysely<Database>, schoolId: string, ageGroup: ClassWindowLessons['ageGroup']): Promise<CheckinWord[]> {
  const [nl, en] = await Promise.all([buildStateChoices(db, schoolId, ageGroup, 'nl'), buildStateChoices(db, schoolId, ageGroup, 'en')]);
  return CHECKIN_STATES_TOP_DOWN.map((state) => {
    const dutch = nl.find((choice) => choice.state === state)!;
    return { state, symbol: dutch.symbol, label: { nl: dutch.label, en: en.find((choice) => choice.state === state)!.label } };
  });
}

function ageGroupOrMiddle(value: string): ClassWindowLessons['ageGroup'] {
  return AGE_GROUPS.find((group) => group === value) ?? 'middle';
}

async function audit(db: Kysely<Database>, deps: Deps, caller: StaffCaller, schoolId: string, classId: string, action: AuditAction, detail: Record<string, unknown>): Promise<void> {
  await recordAudit(db, deps.clock, { actorUserId: caller.userId, action, targetType: 'class', targetId: classId, schoolId, boardId: caller.schoolBoardId ?? null, detail });
}
