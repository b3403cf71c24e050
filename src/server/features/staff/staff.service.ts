import type { SchoolRole } from '../../../shared/roles';
import { recordAudit } from '../../audit/audit.service';
import { issueUserToken, tokenLink, INVITATION_TOKEN_DAYS } from '../../auth/auth.service';
import { deleteSessionsOfUser } from '../../auth/sessions.repository';
import type { Actor } from '../../auth/policy';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { invitationMail } from '../../mail/templates';
import { findSchool } from '../tenancy/tenancy.repository';
import * as repository from './staff.repository';
import { findUserByEmail, findUserById, insertUser, updateUser } from './users.repository';

/** One staff member of a school. */
export interface StaffMember {
  userId: string;
  name: string;
  email: string;
  roles: SchoolRole[];
  classIds: string[];
  disabled: boolean;
  invitationPending: boolean;
}

/** The staff of a school with their roles and classes. */
export async function listStaff(deps: Deps, schoolId: string): Promise<StaffMember[]> {
  const { memberships, classLinks } = await repository.listStaffOfSchool(deps.db.kysely, schoolId);
  const byUser = new Map<string, StaffMember>();
  for (const row of memberships) {
    const member = byUser.get(row.id) ?? {
      userId: row.id,
      name: row.name,
      email: row.email,
      roles: [],
      classIds: [],
      disabled: row.disabled_at !== null,
      invitationPending: row.password_hash === null,
    };
    member.roles.push(row.role as SchoolRole);
    byUser.set(row.id, member);
  }
  for (const link of classLinks) byUser.get(link.user_id)?.classIds.push(link.class_id);
  return [...byUser.values()];
}

async function getStaffMember(deps: Deps, schoolId: string, userId: string): Promise<StaffMember> {
  const member = (await listStaff(deps, schoolId)).find((entry) => entry.userId === userId);
  if (!member) throw new AppError('not_found');
  return member;
}

/**
 * Invites a person to a school: creates the account when the address is new (and mails an
 * invitation link), or adds the roles to the existing account.
 */
export async function inviteStaff(
  deps: Deps,
  actor: { id: string; name: string },
  schoolId: string,
  input: { email: string; name: string; roles: SchoolRole[]; classIds: string[] },
  baseUrl: string,
): Promise<StaffMember> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  const { userId, token, locale } = await deps.db.kysely.transaction().execute(async (trx) => {
    const now = isoInstant(deps.clock.now());
    const existing = await findUserByEmail(trx, input.email);
    const id = existing?.id ?? newId();
    if (!existing) {
      await insertUser(trx, { id, email: input.email, name: input.name, password_hash: null, locale: 'nl', disabled_at: null, created_at: now });
    }
    const roles = [...new Set([...(await repository.findRolesInSchool(trx, schoolId, id)), ...input.roles])];
    await repository.replaceRolesInSchool(trx, schoolId, id, roles, now);
    const classIds = await validClassIds(trx, schoolId, roles, input.classIds);
    await repository.replaceClassesInSchool(trx, schoolId, id, classIds, now);
    const needsLink = !existing || existing.password_hash === null;
    const newToken = needsLink ? await issueUserToken(trx, deps, id, 'invite') : null;
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.id,
      action: 'staff.invited',
      targetType: 'user',
      targetId: id,
      schoolId,
      boardId: school.board_id,
      detail: { roles },
    });
    return { userId: id, token: newToken, locale: existing?.locale === 'en' ? ('en' as const) : ('nl' as const) };
  });
  // The invitation is committed first; a mail failure must not lose it (it can be resent).
  if (token) {
    const mail = invitationMail(locale, school.name, actor.name, tokenLink(baseUrl, 'invite', token), INVITATION_TOKEN_DAYS);
    await deps.mailer.send({ to: input.email.trim().toLowerCase(), ...mail, boardId: school.board_id, schoolId });
  }
  return getStaffMember(deps, schoolId, userId);
}

/** Sends a fresh invitation link to a staff member who has not set a password yet. */
export async function resendInvitation(deps: Deps, actor: { id: string; name: string }, schoolId: string, userId: string, baseUrl: string) {
  const member = await getStaffMember(deps, schoolId, userId);
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school || !member.invitationPending) throw new AppError('conflict');
  const token = await issueUserToken(deps.db.kysely, deps, userId, 'invite');
  const mail = invitationMail('nl', school.name, actor.name, tokenLink(baseUrl, 'invite', token), INVITATION_TOKEN_DAYS);
  await deps.mailer.send({ to: member.email, ...mail, boardId: school.board_id, schoolId });
  return member;
}

/** Replaces a staff member's roles and classes in a school; an empty role list removes them from it. */
export async function changeRoles(
  deps: Deps,
  actorUserId: string,
  schoolId: string,
  userId: string,
  input: { roles: SchoolRole[]; classIds: string[] },
): Promise<StaffMember | null> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  await deps.db.kysely.transaction().execute(async (trx) => {
    const before = await repository.findRolesInSchool(trx, schoolId, userId);
    if (before.length === 0) throw new AppError('not_found');
    const now = isoInstant(deps.clock.now());
    await repository.replaceRolesInSchool(trx, schoolId, userId, input.roles, now);
    await repository.replaceClassesInSchool(trx, schoolId, userId, await validClassIds(trx, schoolId, input.roles, input.classIds), now);
    // A school must keep someone who can manage it.
    if (before.includes('school_admin') && (await repository.countActiveWithRole(trx, schoolId, 'school_admin')) === 0) {
      throw new AppError('conflict', { fields: { 'body.roles': ['the school needs at least one school admin'] } });
    }
    await recordAudit(trx, deps.clock, {
      actorUserId,
      action: 'staff.roles_changed',
      targetType: 'user',
      targetId: userId,
      schoolId,
      boardId: school.board_id,
      detail: { before, after: input.roles },
    });
  });
  return input.roles.length === 0 ? null : getStaffMember(deps, schoolId, userId);
}

/**
 * Disables or re-enables a staff member's account; disabling ends all their sessions at once.
 * An account that also administers a board can only be switched by an admin of that board.
 */
export async function setDisabled(deps: Deps, actor: Actor, schoolId: string, userId: string, disabled: boolean) {
  const actorUserId = actor.userId;
  if (disabled && actorUserId === userId) throw new AppError('conflict', { fields: { userId: ['you cannot disable your own account'] } });
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  await deps.db.kysely.transaction().execute(async (trx) => {
    if ((await repository.findRolesInSchool(trx, schoolId, userId)).length === 0) throw new AppError('not_found');
    const user = await findUserById(trx, userId);
    if (!user) throw new AppError('not_found');
    const targetBoards = await repository.findBoardsAdministeredBy(trx, userId);
    if (targetBoards.some((boardId) => !actor.boardRoles.get(boardId)?.includes('board_admin'))) throw new AppError('forbidden');
    await updateUser(trx, userId, { disabled_at: disabled ? isoInstant(deps.clock.now()) : null });
    if (disabled) await deleteSessionsOfUser(trx, userId);
    await recordAudit(trx, deps.clock, {
      actorUserId,
      action: disabled ? 'staff.disabled' : 'staff.enabled',
      targetType: 'user',
      targetId: userId,
      schoolId,
      boardId: school.board_id,
    });
  });
  return getStaffMember(deps, schoolId, userId);
}

/**
 * Signs a staff member out everywhere (a lost laptop, a shared computer left signed in) without
 * disabling the account. The same guard as disabling: a board admin's account only by that board's admin.
 */
export async function endSessionsOfStaff(deps: Deps, actor: Actor, schoolId: string, userId: string): Promise<number> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  return deps.db.kysely.transaction().execute(async (trx) => {
    if ((await repository.findRolesInSchool(trx, schoolId, userId)).length === 0) throw new AppError('not_found');
    const targetBoards = await repository.findBoardsAdministeredBy(trx, userId);
    if (targetBoards.some((boardId) => !actor.boardRoles.get(boardId)?.includes('board_admin'))) throw new AppError('forbidden');
    const ended = await deleteSessionsOfUser(trx, userId);
    await recordAudit(trx, deps.clock, {
      actorUserId: actor.userId,
      action: 'staff.sessions_ended',
      targetType: 'user',
      targetId: userId,
      schoolId,
      boardId: school.board_id,
      detail: { ended },
    });
    return ended;
  });
}

// Classes only make sense for teachers, and only classes of this school.
async function validClassIds(
  db: Parameters<typeof repository.filterClassesOfSchool>[0],
  schoolId: string,
  roles: readonly SchoolRole[],
  classIds: readonly string[],
): Promise<string[]> {
  if (!roles.includes('teacher')) return [];
  const unique = [...new Set(classIds)];
  const valid = await repository.filterClassesOfSchool(db, schoolId, unique);
  if (valid.length !== unique.length) throw new AppError('validation_failed', { fields: { 'body.classIds': ['unknown class'] } });
  return valid;
}
