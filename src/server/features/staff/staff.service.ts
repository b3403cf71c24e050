import type { Kysely } from 'kysely';
import { SENSITIVE_SCHOOL_ROLES, type SchoolRole } from '../../../shared/roles';
import type { StaffCaller } from '../../access/caller';
import { isAdminOfBoard } from '../../access/record-scope';
import { recordAudit } from '../../audit/audit.service';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { schoolDateOf } from '../../../shared/school-time';
import { findClass, findSchool } from '../tenancy/tenancy.repository';
import * as repository from './staff.repository';
import type { ClassTeachers, StaffMember } from './staff.schemas';

// A school's staff: members with their roles and classes. A school acts on its own MEMBERSHIP of a person —
// roles, classes, blocking them in this school, signing them out of this school — never on the account
// itself: only the admins of the account's home board switch an account off (board-accounts.service.ts).
// Nobody gives themselves a role, and a role that reads special-category data waits for a second person
// (role-grants.service.ts).

/** The staff of a school with their roles, classes and the roles that wait for approval. */
export async function listStaff(deps: Deps, schoolId: string): Promise<StaffMember[]> {
  const db = deps.db.kysely;
  const { memberships, classLinks, waitingOnly } = await repository.listStaffOfSchool(db, schoolId);
  const byUser = new Map<string, StaffMember>();
  const memberOf = (row: StaffRow, since: string): StaffMember => {
    const member = byUser.get(row.id) ?? {
      userId: row.id,
      name: row.name,
      email: row.email,
      roles: [],
      pendingRoles: [],
      classIds: [],
      blocked: row.blocked_at !== null,
      accountDisabled: row.disabled_at !== null,
      invitationPending: row.password_hash === null,
      fromOtherBoard: row.home_board_id !== null && row.home_board_id !== row.board_id,
      startedOn: row.started_on,
      joinedOn: schoolDateOf(new Date(since)),
    };
    // The earliest role is when they joined in Groeiwijzer (a role's instant becomes the school day it fell on).
    const day = schoolDateOf(new Date(since));
    if (day < member.joinedOn) member.joinedOn = day;
    byUser.set(row.id, member);
    return member;
  };
  for (const row of memberships) memberOf(row, row.created_at).roles.push(row.role as SchoolRole);
  // Someone asked for a care-team role alone has no role yet but belongs on the list (after the members): the
  // role only waits.
  for (const row of waitingOnly) memberOf(row, row.requested_at);
  for (const link of classLinks) byUser.get(link.user_id)?.classIds.push(link.class_id);
  for (const pending of await repository.listPendingRolesOf(db, schoolId, [...byUser.keys()])) {
    byUser.get(pending.user_id)?.pendingRoles.push(pending.role as SchoolRole);
  }
  return [...byUser.values()];
}

type StaffRow = Omit<Awaited<ReturnType<typeof repository.listStaffOfSchool>>['memberships'][number], 'role' | 'created_at'>;

async function getStaffMember(deps: Deps, schoolId: string, userId: string): Promise<StaffMember> {
  const member = (await listStaff(deps, schoolId)).find((entry) => entry.userId === userId);
  if (!member) throw new AppError('not_found');
  return member;
}

/** Splits roles asked for into those that count at once and the sensitive ones that wait for a second person. */
export function splitSensitiveRoles(asked: readonly SchoolRole[], alreadyHeld: readonly SchoolRole[] = []) {
  const waiting = asked.filter((role) => SENSITIVE_SCHOOL_ROLES.includes(role) && !alreadyHeld.includes(role));
  return { immediate: asked.filter((role) => !waiting.includes(role)), waiting };
}

/** Stores one undecided grant per role that waits (skipping roles that already wait). */
export async function requestRoleGrants(
  db: Kysely<Database>,
  input: { schoolId: string; userId: string; roles: readonly SchoolRole[]; requestedBy: string; at: string },
): Promise<void> {
  const already = new Set((await repository.listPendingRolesOf(db, input.schoolId, [input.userId])).map((row) => row.role));
  await repository.insertRoleGrants(
    db,
    input.roles
      .filter((role) => !already.has(role))
      .map((role) => ({
        id: newId(),
        school_id: input.schoolId,
        user_id: input.userId,
        role,
        requested_by: input.requestedBy,
        requested_at: input.at,
        decided_by: null,
        decided_at: null,
        decision: null,
        applied_at: null,
      })),
  );
}

/**
 * Replaces a staff member's roles and classes in a school; an empty role list removes them from it. Nobody
 * adds a role to themselves; a care-team role is asked for and counts once a second person approved it.
 */
export async function changeRoles(
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  userId: string,
  input: { roles: SchoolRole[]; classIds: string[] },
): Promise<StaffMember | null> {
  const school = await requireSchool(deps, schoolId);
  const now = isoInstant(deps.clock.now());
  const result = await deps.db.kysely.transaction().execute(async (trx) => {
    const before = await repository.findRolesInSchool(trx, schoolId, userId);
    if (before.length === 0 && !(await repository.hasPendingRoleIn(trx, schoolId, userId))) throw new AppError('not_found');
    if (userId === caller.userId && input.roles.some((role) => !before.includes(role))) throw new AppError('self_grant');
    const { immediate, waiting } = splitSensitiveRoles(input.roles, before);
    await repository.replaceRolesInSchool(trx, schoolId, userId, immediate, now);
    await repository.replaceClassesInSchool(trx, schoolId, userId, await validClassIds(trx, schoolId, immediate, input.classIds), now);
    // A role taken away before anyone approved it stops waiting; one asked for again waits once.
    await repository.withdrawPendingGrants(trx, schoolId, userId, now, waiting);
    await requestRoleGrants(trx, { schoolId, userId, roles: waiting, requestedBy: caller.userId, at: now });
    // A school must keep someone who can manage it.
    if (before.includes('school_admin') && (await repository.countActiveWithRole(trx, schoolId, 'school_admin')) === 0) {
      throw new AppError('last_school_admin', { fields: { 'body.roles': ['the school needs at least one school admin'] } });
    }
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'staff.roles_changed',
      targetType: 'user',
      targetId: userId,
      schoolId,
      boardId: school.board_id,
      detail: { before, after: immediate, ...(waiting.length > 0 ? { waitingForApproval: waiting } : {}) },
    });
    if (waiting.length > 0) {
      await recordAudit(trx, deps.clock, {
        actorUserId: caller.userId,
        action: 'staff.role_grant_requested',
        targetType: 'user',
        targetId: userId,
        schoolId,
        boardId: school.board_id,
        detail: { roles: waiting },
      });
    }
    const removed = immediate.length === 0 && waiting.length === 0;
    // Someone who leaves and comes back later starts anew.
    if (removed) await repository.deleteStartDate(trx, schoolId, userId);
    return { removed };
  });
  return result.removed ? null : getStaffMember(deps, schoolId, userId);
}

/**
 * Sets (or, with null, clears) the day a person started at this school: the training register counts "new staff"
 * from it instead of from the day their role was given. Audited with the dates before and after.
 */
export async function setStartDate(deps: Deps, caller: StaffCaller, schoolId: string, userId: string, startedOn: string | null): Promise<StaffMember> {
  const school = await requireSchool(deps, schoolId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await requireMemberWithinReach(trx, caller, school, userId);
    const before = await repository.findStartDate(trx, schoolId, userId);
    if (before === startedOn) return;
    if (startedOn === null) await repository.deleteStartDate(trx, schoolId, userId);
    else await repository.upsertStartDate(trx, { school_id: schoolId, user_id: userId, started_on: startedOn, updated_at: isoInstant(deps.clock.now()) });
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'staff.start_date_changed',
      targetType: 'user',
      targetId: userId,
      schoolId,
      boardId: school.board_id,
      detail: { before, after: startedOn },
    });
  });
  return getStaffMember(deps, schoolId, userId);
}

/**
 * Links a teacher of the school to a class, or unlinks them: the class page's way to what "Rollen wijzigen" does
 * per person. Only someone with the teacher role is linked; unlinking someone who is not linked changes nothing.
 */
export async function setClassTeacher(
  deps: Deps,
  caller: StaffCaller,
  target: { schoolId: string; classId: string; userId: string },
  isLinked: boolean,
): Promise<ClassTeachers> {
  const school = await requireSchool(deps, target.schoolId);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const schoolClass = await findClass(trx, school.id, target.classId);
    if (!schoolClass) throw new AppError('not_found');
    const before = await repository.listTeachersOfClass(trx, schoolClass.id);
    if (before.includes(target.userId) !== isLinked) {
      if (isLinked) {
        await requireMemberWithinReach(trx, caller, school, target.userId);
        if (!(await repository.findRolesInSchool(trx, school.id, target.userId)).includes('teacher')) {
          throw new AppError('validation_failed', { fields: { 'body.userId': ['not a teacher of this school'] } });
        }
        await repository.insertClassTeacher(trx, schoolClass.id, target.userId, isoInstant(deps.clock.now()));
      } else {
        await repository.deleteClassTeacher(trx, schoolClass.id, target.userId);
      }
      await recordAudit(trx, deps.clock, {
        actorUserId: caller.userId,
        action: 'class.teachers_changed',
        targetType: 'class',
        targetId: schoolClass.id,
        schoolId: school.id,
        boardId: school.board_id,
        detail: { userId: target.userId, change: isLinked ? 'added' : 'removed' },
      });
    }
    return { classId: schoolClass.id, teacherUserIds: await repository.listTeachersOfClass(trx, schoolClass.id) };
  });
}

/**
 * Blocks or unblocks a person in this school: while blocked their roles here count for nothing (on their very
 * next request), whatever else their account may do. The account itself is the home board's (board-accounts).
 */
export async function setBlockedInSchool(deps: Deps, caller: StaffCaller, schoolId: string, userId: string, blocked: boolean): Promise<StaffMember> {
  if (blocked && userId === caller.userId) throw new AppError('self_lockout', { fields: { userId: ['you cannot block yourself'] } });
  const school = await requireSchool(deps, schoolId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await requireMemberWithinReach(trx, caller, school, userId);
    const now = isoInstant(deps.clock.now());
    await repository.upsertStaffStatus(trx, { school_id: schoolId, user_id: userId, blocked_at: blocked ? now : null, updated_at: now });
    if (blocked && (await repository.countActiveWithRole(trx, schoolId, 'school_admin')) === 0) {
      throw new AppError('last_school_admin', { fields: { userId: ['the school needs at least one school admin'] } });
    }
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: blocked ? 'staff.blocked' : 'staff.unblocked',
      targetType: 'user',
      targetId: userId,
      schoolId,
      boardId: school.board_id,
    });
  });
  return getStaffMember(deps, schoolId, userId);
}

/**
 * Signs a person out of this school (a lost laptop, a shared computer left signed in): sessions started before
 * now carry no roles here any more; with a new sign-in they work again. Returns how many sessions that touched.
 */
export async function endSessionsInSchool(deps: Deps, caller: StaffCaller, schoolId: string, userId: string): Promise<number> {
  const school = await requireSchool(deps, schoolId);
  return deps.db.kysely.transaction().execute(async (trx) => {
    await requireMemberWithinReach(trx, caller, school, userId);
    const now = isoInstant(deps.clock.now());
    await repository.upsertStaffStatus(trx, { school_id: schoolId, user_id: userId, sessions_ended_at: now, updated_at: now });
    const ended = await repository.countSessionsStartedBefore(trx, userId, now, now);
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'staff.sessions_ended',
      targetType: 'user',
      targetId: userId,
      schoolId,
      boardId: school.board_id,
      detail: { ended, scope: 'school' },
    });
    return ended;
  });
}

// The person must be on this school's staff (else not found), and a school admin cannot act on someone who
// administers the school's board (the board's admins would overrule it anyway).
async function requireMemberWithinReach(db: Kysely<Database>, caller: StaffCaller, school: { id: string; board_id: string }, userId: string) {
  if ((await repository.findRolesInSchool(db, school.id, userId)).length === 0) throw new AppError('not_found');
  const targetBoards = await repository.findBoardsAdministeredBy(db, userId);
  if (targetBoards.includes(school.board_id) && !isAdminOfBoard(caller.actor, school.board_id)) throw new AppError('forbidden');
}

/** Of the classes asked for, those of this school (only teachers have classes); an unknown class is a field error. */
export async function validClassIds(db: Kysely<Database>, schoolId: string, roles: readonly SchoolRole[], classIds: readonly string[]): Promise<string[]> {
  if (!roles.includes('teacher')) return [];
  const unique = [...new Set(classIds)];
  const valid = await repository.filterClassesOfSchool(db, schoolId, unique);
  if (valid.length !== unique.length) throw new AppError('validation_failed', { fields: { 'body.classIds': ['unknown class'] } });
  return valid;
}

/** The school, or not_found. */
export async function requireSchool(deps: Pick<Deps, 'db'>, schoolId: string) {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  return school;
}
