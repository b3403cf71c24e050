import type { Kysely } from 'kysely';
import type { Locale, SchoolRole } from '../../../shared/roles';
import type { StaffCaller } from '../../access/caller';
import { recordAudit } from '../../audit/audit.service';
import type { StaffInvitationRow } from '../../auth/accounts.tables';
import { expireAllOpenTokensOfUser } from '../../auth/auth.repository';
import { tokenLink } from '../../auth/auth.service';
import { assertPasswordNotWeak } from '../../auth/password-policy';
import { hashPassword } from '../../auth/passwords';
import { deleteSessionsOfUser } from '../../auth/sessions.repository';
import { findUserByEmail, findUserById, insertUser, normaliseEmail, updateUser } from '../../auth/users.repository';
import type { Database } from '../../db/database';
import { type Deps, hashSecret, isoInstant, newId, newSecretToken } from '../../deps';
import { AppError } from '../../errors';
import { invitationMail, joinInvitationMail } from '../../mail/templates';
import { findSchool } from '../tenancy/tenancy.repository';
import * as repository from './staff.repository';
import type { Invitation, MyInvitation } from './staff.schemas';
import { requestRoleGrants, requireSchool, splitSensitiveRoles, validClassIds } from './staff.service';

// Invitations. A new address gets an account homed in the inviting school's board and a link to choose a
// password. An address that already has an account (of this board or another) is only ASKED: the person
// accepts or declines signed in, in their own session — no link ever lets anyone else answer for them. The
// inviter gets the same answer either way, after the same least time, so inviting tells nothing about whether
// an address exists; mail about an existing account is filed under that account's home board only.

/** How long an invitation can be answered. */
export const INVITATION_DAYS = 7;

/**
 * The least time an invitation (or sending one again) takes, new address or not: creating an account and
 * asking an existing one do different work, and both answers wait until this floor.
 */
export const INVITATION_ANSWER_FLOOR_MS = 250;

const DAY_MS = 86_400_000;

/** The open invitations of a school (what the inviter typed; nothing about the account behind the address). */
export async function listInvitations(deps: Deps, schoolId: string): Promise<Invitation[]> {
  const db = deps.db.kysely;
  const rows = await repository.listOpenInvitationsOfSchool(db, schoolId);
  const pending = await repository.listPendingRolesOf(db, schoolId, rows.map((row) => row.user_id));
  return rows.map((row) => invitationOf(row, pending.filter((grant) => grant.user_id === row.user_id).map((grant) => grant.role as SchoolRole)));
}

/**
 * Invites a person to a school. Refuses the caller's own address (nobody grants themselves a role) and someone
 * already on this school's staff (the inviter can see them there). Roles that read special-category data are
 * asked for separately and wait for a second person.
 */
export async function inviteStaff(deps: Deps, caller: StaffCaller, schoolId: string, input: InvitationInput, baseUrl: string): Promise<Invitation> {
  const floor = answerFloor();
  const invitation = await addInvitation(deps, caller, schoolId, input, baseUrl);
  await floor;
  return invitation;
}

/** What an invitation asks: who, which roles (and classes for teachers), and optionally the day they start. */
export interface InvitationInput {
  email: string;
  name: string;
  roles: SchoolRole[];
  classIds: string[];
  startedOn?: string | null;
}

/**
 * The invitation itself, without the least answer time: for a caller that waits that time once for many
 * invitations (the staff import), so the answer still does not tell a new address from an existing account.
 */
export async function addInvitation(deps: Deps, caller: StaffCaller, schoolId: string, input: InvitationInput, baseUrl: string): Promise<Invitation> {
  const school = await requireSchool(deps, schoolId);
  const email = normaliseEmail(input.email);
  if (email === normaliseEmail(caller.user.email)) throw new AppError('self_grant');
  const now = deps.clock.now();
  const outcome = await deps.db.kysely.transaction().execute(async (trx) => {
    const existing = await findUserByEmail(trx, email);
    if (existing && (await repository.findRolesInSchool(trx, schoolId, existing.id)).length > 0) throw new AppError('already_member');
    const userId = existing?.id ?? newId();
    if (!existing) {
      await insertUser(trx, {
        id: userId,
        email,
        name: input.name,
        password_hash: null,
        locale: 'nl',
        disabled_at: null,
        created_at: isoInstant(now),
        home_board_id: school.board_id,
      });
    }
    // Inviting again replaces the open invitation (its link stops) and what it asked for.
    const earlier = await repository.findOpenInvitationOf(trx, schoolId, userId);
    if (earlier) await repository.answerInvitation(trx, earlier.id, 'withdrawn', isoInstant(now));
    await repository.withdrawPendingGrants(trx, schoolId, userId, isoInstant(now));
    const { immediate, waiting } = splitSensitiveRoles(input.roles);
    const token = existing ? null : newSecretToken();
    const invitation = {
      id: newId(),
      school_id: schoolId,
      user_id: userId,
      name: input.name,
      email,
      roles: JSON.stringify(immediate),
      class_ids: JSON.stringify(await validClassIds(trx, schoolId, immediate, input.classIds)),
      invited_by: caller.userId,
      created_at: isoInstant(now),
      expires_at: isoInstant(new Date(now.getTime() + INVITATION_DAYS * DAY_MS)),
      token_hash: token ? hashSecret(token) : null,
      answered_at: null,
      answer: null,
      started_on: input.startedOn ?? null,
    };
    await repository.insertInvitation(trx, invitation);
    await requestRoleGrants(trx, { schoolId, userId, roles: waiting, requestedBy: caller.userId, at: isoInstant(now) });
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'staff.invited',
      targetType: 'invitation',
      targetId: invitation.id,
      schoolId,
      boardId: school.board_id,
      detail: { roles: immediate, ...(waiting.length > 0 ? { waitingForApproval: waiting } : {}) },
    });
    return { invitation: { ...invitation, answer: null }, token, account: existing ?? null, waiting };
  });
  // Committed first: a mail failure must not lose the invitation (it can be sent again).
  await sendInvitationMail(deps, baseUrl, outcome.invitation, school, caller.user.name, outcome.token, outcome.account);
  return invitationOf(outcome.invitation, outcome.waiting);
}

/** Sends an open invitation again: a new link (the old one stops) for a new account, a reminder otherwise. */
export async function resendInvitation(deps: Deps, caller: StaffCaller, schoolId: string, invitationId: string, baseUrl: string): Promise<Invitation> {
  const floor = answerFloor();
  const school = await requireSchool(deps, schoolId);
  const db = deps.db.kysely;
  const invitation = await repository.findInvitation(db, schoolId, invitationId);
  if (!invitation || invitation.answered_at !== null) throw new AppError('not_found');
  const account = await findUserById(db, invitation.user_id);
  if (!account) throw new AppError('not_found');
  // Only an account this school's board created, still without a password, gets a new link.
  const token = invitation.token_hash !== null && account.password_hash === null ? newSecretToken() : null;
  const expiresAt = isoInstant(new Date(deps.clock.now().getTime() + INVITATION_DAYS * DAY_MS));
  await repository.renewInvitation(db, invitation.id, token ? hashSecret(token) : null, expiresAt);
  const renewed = { ...invitation, token_hash: token ? hashSecret(token) : null, expires_at: expiresAt };
  await sendInvitationMail(deps, baseUrl, renewed, school, caller.user.name, token, token ? null : account);
  await floor;
  const pending = await repository.listPendingRolesOf(db, schoolId, [invitation.user_id]);
  return invitationOf(renewed, pending.map((grant) => grant.role as SchoolRole));
}

/** Withdraws an open invitation (its link stops) and what it asked for. */
export async function withdrawInvitation(deps: Deps, caller: StaffCaller, schoolId: string, invitationId: string): Promise<void> {
  const school = await requireSchool(deps, schoolId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    const invitation = await repository.findInvitation(trx, schoolId, invitationId);
    if (!invitation || !(await repository.answerInvitation(trx, invitationId, 'withdrawn', isoInstant(deps.clock.now())))) throw new AppError('not_found');
    await repository.withdrawPendingGrants(trx, schoolId, invitation.user_id, isoInstant(deps.clock.now()));
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'staff.invitation_withdrawn',
      targetType: 'invitation',
      targetId: invitationId,
      schoolId,
      boardId: school.board_id,
    });
  });
}

/** The caller's own open invitations (from any school), to accept or decline. */
export async function listMyInvitations(deps: Deps, caller: StaffCaller): Promise<MyInvitation[]> {
  const db = deps.db.kysely;
  const rows = await repository.listOpenInvitationsOfUser(db, caller.userId, isoInstant(deps.clock.now()));
  const result: MyInvitation[] = [];
  for (const row of rows) {
    const pending = await repository.listPendingRolesOf(db, row.school_id, [caller.userId]);
    result.push({
      id: row.id,
      schoolId: row.school_id,
      schoolName: row.school_name,
      boardName: row.board_name,
      roles: JSON.parse(row.roles) as SchoolRole[],
      pendingRoles: pending.map((grant) => grant.role as SchoolRole),
      invitedBy: row.inviter_name ?? null,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    });
  }
  return result;
}

/** Accepts or declines one of the caller's own invitations, signed in: the only way an existing account joins a school. */
export async function answerMyInvitation(deps: Deps, caller: StaffCaller, invitationId: string, answer: 'accepted' | 'declined'): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const invitation = await repository.findInvitationById(trx, invitationId);
    const now = deps.clock.now();
    // Someone else's invitation is not found: an id tells nothing.
    if (!invitation || invitation.user_id !== caller.userId || invitation.answered_at !== null || Date.parse(invitation.expires_at) <= now.getTime()) {
      throw new AppError('not_found');
    }
    if (!(await repository.answerInvitation(trx, invitation.id, answer, isoInstant(now)))) throw new AppError('not_found');
    if (answer === 'accepted') await joinSchool(trx, invitation, isoInstant(now));
    else await repository.withdrawPendingGrants(trx, invitation.school_id, caller.userId, isoInstant(now));
    const school = await schoolOf(trx, invitation.school_id);
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: answer === 'accepted' ? 'staff.invitation_accepted' : 'staff.invitation_declined',
      targetType: 'invitation',
      targetId: invitation.id,
      schoolId: invitation.school_id,
      boardId: school.board_id,
    });
  });
}

/**
 * Redeems the link of an invitation that created a new account: sets its name and password, accepts the
 * invitation, ends every other link and session of the account, and returns the user id to sign in. An account
 * that already has a password never accepts through a link (its owner accepts signed in).
 */
export async function acceptInvitationWithLink(deps: Deps, token: string, name: string, password: string): Promise<string | null> {
  const passwordHash = await hashPassword(password);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const invitation = await repository.findInvitationByTokenHash(trx, hashSecret(token));
    if (!invitation) return null;
    const now = deps.clock.now();
    if (invitation.answered_at !== null || Date.parse(invitation.expires_at) <= now.getTime()) throw new AppError('invalid_token');
    const account = await findUserById(trx, invitation.user_id);
    if (!account || account.password_hash !== null || account.disabled_at !== null) throw new AppError('invalid_token');
    assertPasswordNotWeak(password, { email: account.email, name }, 'body.password');
    if (!(await repository.answerInvitation(trx, invitation.id, 'accepted', isoInstant(now)))) throw new AppError('invalid_token');
    await updateUser(trx, account.id, { password_hash: passwordHash, name });
    await expireAllOpenTokensOfUser(trx, account.id, isoInstant(now));
    await deleteSessionsOfUser(trx, account.id);
    await joinSchool(trx, invitation, isoInstant(now));
    const school = await schoolOf(trx, invitation.school_id);
    await recordAudit(trx, deps.clock, {
      actorUserId: account.id,
      action: 'staff.invitation_accepted',
      targetType: 'invitation',
      targetId: invitation.id,
      schoolId: invitation.school_id,
      boardId: school.board_id,
    });
    return account.id;
  });
}

// The person becomes staff of the school with the roles and classes offered (classes removed since are left
// out), plus any care-team role a second person approved meanwhile. A block the school once set is lifted:
// inviting someone again is the school's own choice to have them back.
async function joinSchool(trx: Kysely<Database>, invitation: StaffInvitationRow, now: string): Promise<void> {
  const offered = JSON.parse(invitation.roles) as SchoolRole[];
  const approved = await repository.listApprovedUnappliedGrants(trx, invitation.school_id, invitation.user_id);
  const held = await repository.findRolesInSchool(trx, invitation.school_id, invitation.user_id);
  const roles = [...new Set([...held, ...offered, ...approved.map((grant) => grant.role as SchoolRole)])];
  if (roles.length === 0) return;
  await repository.replaceRolesInSchool(trx, invitation.school_id, invitation.user_id, roles, now);
  const classIds = await repository.filterClassesOfSchool(trx, invitation.school_id, JSON.parse(invitation.class_ids) as string[]);
  if (roles.includes('teacher') && classIds.length > 0) await repository.replaceClassesInSchool(trx, invitation.school_id, invitation.user_id, classIds, now);
  await repository.markGrantsApplied(trx, approved.map((grant) => grant.id), now);
  await repository.deleteStaffStatus(trx, invitation.school_id, invitation.user_id);
  if (invitation.started_on !== null) {
    await repository.upsertStartDate(trx, { school_id: invitation.school_id, user_id: invitation.user_id, started_on: invitation.started_on, updated_at: now });
  }
}

async function sendInvitationMail(
  deps: Deps,
  baseUrl: string,
  invitation: StaffInvitationRow,
  school: { id: string; name: string; board_id: string },
  inviterName: string,
  token: string | null,
  account: { locale: string; home_board_id: string | null } | null,
): Promise<void> {
  if (token) {
    // A new account: its home is this school's board, so its invitation is filed there.
    const link = { url: tokenLink(baseUrl, 'invite', token), expiresAt: invitation.expires_at };
    const mail = invitationMail('nl', school.name, inviterName, link.url, INVITATION_DAYS);
    await deps.mailer.send({ to: invitation.email, ...mail, secretLink: link, boardId: school.board_id, schoolId: school.id });
    return;
  }
  // An existing account: the mail only says where to answer (signed in) and is filed under the account's home board.
  const locale: Locale = account?.locale === 'en' ? 'en' : 'nl';
  const mail = joinInvitationMail(locale, school.name, inviterName, baseUrl, INVITATION_DAYS);
  await deps.mailer.send({ to: invitation.email, ...mail, boardId: account?.home_board_id ?? null, schoolId: null });
}

async function schoolOf(db: Kysely<Database>, schoolId: string) {
  const school = await findSchool(db, schoolId);
  if (!school) throw new AppError('not_found');
  return school;
}

function invitationOf(row: StaffInvitationRow, pendingRoles: SchoolRole[]): Invitation {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    roles: JSON.parse(row.roles) as SchoolRole[],
    pendingRoles,
    classIds: JSON.parse(row.class_ids) as string[],
    startedOn: row.started_on,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

// Real time, not deps.clock: this is about what a caller can measure.
function answerFloor(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, INVITATION_ANSWER_FLOOR_MS));
}
