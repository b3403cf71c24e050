import type { Expression, Kysely } from 'kysely';
import type { Actor } from '../../shared/permissions';
import type { SchoolRole } from '../../shared/roles';
import type { Database } from '../db/database';

// Record-scope rules: which records of a school a caller may see once the policy table let them in at all.
// The permission table answers "may this person read pupil data in this school"; these rules answer "which
// pupils and classes". Each rule is written once here — as a role rule or as a Kysely sub-query that
// repositories compose into their own queries — so no service carries role literals of its own.

/** Roles that see every pupil record of their school (names, classes); a teacher sees only their own classes. */
const WHOLE_SCHOOL_PUPIL_ROLES: readonly SchoolRole[] = ['school_admin', 'leadership', 'care_team'];
/** Roles that see every pupil's check-ins, signals and notes: the school's care team is its caseload. */
const WHOLE_SCHOOL_CHECKIN_ROLES: readonly SchoolRole[] = ['care_team'];
/** Roles that see every pupil's care file (trusted adults, support plan): the care team. */
const WHOLE_SCHOOL_CARE_ROLES: readonly SchoolRole[] = ['care_team'];
/** Roles that run the check-in devices (kiosk, class code, login cards) of the classes they teach. */
const OWN_CLASS_DEVICE_ROLES: readonly SchoolRole[] = ['teacher'];

/** Which pupils of a school a caller may see for one kind of data. */
export type PupilScope = { wholeSchool: true } | { wholeSchool: false; teacherUserId: string };

/** The kinds of pupil data a scope is asked for. */
export type PupilData = 'pupil_records' | 'checkins' | 'care';

const WHOLE_SCHOOL_ROLES: Record<PupilData, readonly SchoolRole[]> = {
  pupil_records: WHOLE_SCHOOL_PUPIL_ROLES,
  checkins: WHOLE_SCHOOL_CHECKIN_ROLES,
  care: WHOLE_SCHOOL_CARE_ROLES,
};

/** The pupils of a school a staff member may see for `data`: the whole school, or the classes they teach. */
export function pupilScopeOf(actor: Actor, schoolId: string, data: PupilData): PupilScope {
  const roles = actor.schoolRoles.get(schoolId) ?? [];
  const wholeSchool = WHOLE_SCHOOL_ROLES[data];
  return roles.some((role) => wholeSchool.includes(role)) ? { wholeSchool: true } : { wholeSchool: false, teacherUserId: actor.userId };
}

/** True when the actor is on the care team of the school. */
export function isCareTeamOf(actor: Actor, schoolId: string): boolean {
  return (actor.schoolRoles.get(schoolId) ?? []).includes('care_team');
}

/** True when the actor administers the board (the home board of an account, the board of a school). */
export function isAdminOfBoard(actor: Actor, boardId: string): boolean {
  return (actor.boardRoles.get(boardId) ?? []).includes('board_admin');
}

/** Sub-query: the ids of the classes a user teaches (of any school year; combine with the year you need). */
export function classIdsTaughtBy(db: Kysely<Database>, userId: string) {
  return db.selectFrom('class_teachers').select('class_teachers.class_id').where('class_teachers.user_id', '=', userId);
}

/** Sub-query: the ids of the pupils placed, in one school year, in a class of the school that the user teaches. */
export function pupilIdsTaughtBy(db: Kysely<Database>, userId: string, schoolId: string, schoolYear: string) {
  return db
    .selectFrom('class_pupils')
    .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
    .select('class_pupils.pupil_id')
    .where('classes.school_id', '=', schoolId)
    .where('classes.school_year', '=', schoolYear)
    .where('class_pupils.class_id', 'in', classIdsTaughtBy(db, userId));
}

/** True when the user teaches the class. */
export async function isTeacherOfClass(db: Kysely<Database>, userId: string, classId: string): Promise<boolean> {
  const row = await classIdsTaughtBy(db, userId).where('class_teachers.class_id', '=', classId).executeTakeFirst();
  return row !== undefined;
}

/** True when the class is in the scope: the whole school, or a class the teacher teaches. */
export async function isClassInScope(db: Kysely<Database>, scope: PupilScope, classId: string): Promise<boolean> {
  return scope.wholeSchool || isTeacherOfClass(db, scope.teacherUserId, classId);
}

/** True when the pupil is in the scope: the whole school, or placed this school year in a class the teacher teaches. */
export async function isPupilInScope(db: Kysely<Database>, scope: PupilScope, schoolId: string, pupilId: string, schoolYear: string): Promise<boolean> {
  if (scope.wholeSchool) return true;
  const row = await pupilIdsTaughtBy(db, scope.teacherUserId, schoolId, schoolYear).where('class_pupils.pupil_id', '=', pupilId).executeTakeFirst();
  return row !== undefined;
}

/**
 * Sub-query: a row while the user may run the check-in devices of the class — open a kiosk, show a class code,
 * print login cards — and so while a kiosk they opened may stay open. THE rule, in one place: the account is not
 * disabled, the school has not blocked the person, and they hold a teacher's role in the class's school and
 * teach the class. Only the class's own teachers: these devices let whoever holds them act as a pupil of the
 * class, so an administrator who may not read check-ins must not get at them this way. `userId` and `classId`
 * may be column references of an outer query (a kiosk's `opened_by`, `class_id`), so the check joins onto the
 * kiosk lookup that runs on every kiosk request.
 */
export function classDeviceRight(db: Kysely<Database>, userId: string | Expression<string>, classId: string | Expression<string>) {
  return db
    .selectFrom('school_memberships')
    .innerJoin('users', 'users.id', 'school_memberships.user_id')
    .innerJoin('classes', 'classes.school_id', 'school_memberships.school_id')
    .leftJoin('school_staff_status', (join) =>
      join.onRef('school_staff_status.school_id', '=', 'school_memberships.school_id').onRef('school_staff_status.user_id', '=', 'school_memberships.user_id'),
    )
    .select('school_memberships.user_id')
    .where('school_memberships.user_id', '=', userId)
    .where('classes.id', '=', classId)
    .where('users.disabled_at', 'is', null)
    .where('school_staff_status.blocked_at', 'is', null)
    .where('school_memberships.role', 'in', OWN_CLASS_DEVICE_ROLES)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('class_teachers')
          .select('class_teachers.class_id')
          .whereRef('class_teachers.class_id', '=', 'classes.id')
          .whereRef('class_teachers.user_id', '=', 'school_memberships.user_id'),
      ),
    );
}

/** True when the user may run the check-in devices of the class (see `classDeviceRight`). */
export async function mayRunClassDevices(db: Kysely<Database>, userId: string, classId: string): Promise<boolean> {
  return (await classDeviceRight(db, userId, classId).executeTakeFirst()) !== undefined;
}

/**
 * Whether the pupil is placed in the class and still at the school: a class device, or a pupil's own session,
 * acts only for the pupils of its own class.
 */
export async function isPupilInClass(db: Kysely<Database>, classId: string, pupilId: string): Promise<boolean> {
  const row = await db
    .selectFrom('class_pupils')
    .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
    .select('class_pupils.pupil_id')
    .where('class_pupils.class_id', '=', classId)
    .where('class_pupils.pupil_id', '=', pupilId)
    .where('pupils.left_on', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
