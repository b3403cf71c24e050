import type { Kysely } from 'kysely';
import type { SchoolRole } from '../../../shared/roles';
import type { RoleGrantsTable, SchoolStaffStatusTable, StaffInvitationsTable } from '../../auth/accounts.tables';
import type { Database } from '../../db/database';
import type { StaffStartDatesTable } from './staff.tables';

// Every query of the staff feature: a school's members and their roles and classes, the school's own hold on a
// membership (blocked, signed out), invitations, role grants waiting for a second person, and a board's accounts.

/** The school's staff to choose from (a trusted adult, a buddy, a chef-buddy): members whose account is not switched off. */
export async function listStaffChoices(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('school_memberships')
    .innerJoin('users', 'users.id', 'school_memberships.user_id')
    .select(['users.id', 'users.name'])
    .distinct()
    .where('school_memberships.school_id', '=', schoolId)
    .where('users.disabled_at', 'is', null)
    .orderBy('users.name')
    .execute();
}

/** The staff of a school: every user with at least one role there, with roles, assigned classes and the school's hold. */
export async function listStaffOfSchool(db: Kysely<Database>, schoolId: string) {
  const memberships = await db
    .selectFrom('school_memberships')
    .innerJoin('users', 'users.id', 'school_memberships.user_id')
    .innerJoin('schools', 'schools.id', 'school_memberships.school_id')
    .leftJoin('school_staff_status', (join) =>
      join.onRef('school_staff_status.school_id', '=', 'school_memberships.school_id').onRef('school_staff_status.user_id', '=', 'school_memberships.user_id'),
    )
    .leftJoin('staff_start_dates', (join) =>
      join.onRef('staff_start_dates.school_id', '=', 'school_memberships.school_id').onRef('staff_start_dates.user_id', '=', 'school_memberships.user_id'),
    )
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.disabled_at',
      'users.password_hash',
      'users.home_board_id',
      'schools.board_id',
      'school_memberships.role',
      'school_memberships.created_at',
      'school_staff_status.blocked_at',
      'staff_start_dates.started_on',
    ])
    .where('school_memberships.school_id', '=', schoolId)
    .orderBy('users.name')
    .execute();
  const classLinks = await db
    .selectFrom('class_teachers')
    .innerJoin('classes', 'classes.id', 'class_teachers.class_id')
    .select(['class_teachers.user_id', 'class_teachers.class_id'])
    .where('classes.school_id', '=', schoolId)
    .execute();
  return { memberships, classLinks, waitingOnly: await listWaitingForFirstRole(db, schoolId) };
}

/**
 * People of a school whose only tie to it is a role waiting for a second person (a care-team role asked for on its
 * own): no role there yet and no open invitation (someone still invited is listed with the invitations).
 */
async function listWaitingForFirstRole(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .innerJoin('schools', 'schools.id', 'role_grants.school_id')
    .leftJoin('school_staff_status', (join) =>
      join.onRef('school_staff_status.school_id', '=', 'role_grants.school_id').onRef('school_staff_status.user_id', '=', 'role_grants.user_id'),
    )
    .leftJoin('staff_start_dates', (join) =>
      join.onRef('staff_start_dates.school_id', '=', 'role_grants.school_id').onRef('staff_start_dates.user_id', '=', 'role_grants.user_id'),
    )
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.disabled_at',
      'users.password_hash',
      'users.home_board_id',
      'schools.board_id',
      'role_grants.requested_at',
      'school_staff_status.blocked_at',
      'staff_start_dates.started_on',
    ])
    .where('role_grants.school_id', '=', schoolId)
    .where('role_grants.decision', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('school_memberships')
            .select('school_memberships.user_id')
            .whereRef('school_memberships.school_id', '=', 'role_grants.school_id')
            .whereRef('school_memberships.user_id', '=', 'role_grants.user_id'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('staff_invitations')
            .select('staff_invitations.user_id')
            .whereRef('staff_invitations.school_id', '=', 'role_grants.school_id')
            .whereRef('staff_invitations.user_id', '=', 'role_grants.user_id')
            .where('staff_invitations.answered_at', 'is', null),
        ),
      ),
    )
    .orderBy('users.name')
    .execute();
}

/** Whether a person has a role in a school waiting for a second person. */
export async function hasPendingRoleIn(db: Kysely<Database>, schoolId: string, userId: string): Promise<boolean> {
  return (await listPendingRolesOf(db, schoolId, [userId])).length > 0;
}

/** The roles a user holds in a school. */
export async function findRolesInSchool(db: Kysely<Database>, schoolId: string, userId: string): Promise<SchoolRole[]> {
  const rows = await db
    .selectFrom('school_memberships')
    .select('role')
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((row) => row.role as SchoolRole);
}

/** How many active users hold a role in a school (account on, not blocked by the school). */
export async function countActiveWithRole(db: Kysely<Database>, schoolId: string, role: SchoolRole): Promise<number> {
  const row = await db
    .selectFrom('school_memberships')
    .innerJoin('users', 'users.id', 'school_memberships.user_id')
    .leftJoin('school_staff_status', (join) =>
      join.onRef('school_staff_status.school_id', '=', 'school_memberships.school_id').onRef('school_staff_status.user_id', '=', 'school_memberships.user_id'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('school_memberships.school_id', '=', schoolId)
    .where('school_memberships.role', '=', role)
    .where('users.disabled_at', 'is', null)
    .where('school_staff_status.blocked_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Replaces a user's roles in a school. */
export async function replaceRolesInSchool(
  db: Kysely<Database>,
  schoolId: string,
  userId: string,
  roles: readonly SchoolRole[],
  createdAt: string,
): Promise<void> {
  // A role kept keeps its date, and a new role of someone already in the school dates from when they joined:
  // the earliest membership date is "in the team since" (the training register counts from it).
  const earlier = await db
    .selectFrom('school_memberships')
    .select(['role', 'created_at'])
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .execute();
  const joinedAt = earlier.map((row) => row.created_at).sort()[0] ?? createdAt;
  await db.deleteFrom('school_memberships').where('school_id', '=', schoolId).where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await db
      .insertInto('school_memberships')
      .values(roles.map((role) => ({ school_id: schoolId, user_id: userId, role, created_at: earlier.find((row) => row.role === role)?.created_at ?? joinedAt })))
      .execute();
  }
}

/** Replaces which classes of a school a user teaches. */
export async function replaceClassesInSchool(
  db: Kysely<Database>,
  schoolId: string,
  userId: string,
  classIds: readonly string[],
  createdAt: string,
): Promise<void> {
  await db
    .deleteFrom('class_teachers')
    .where('user_id', '=', userId)
    .where('class_id', 'in', db.selectFrom('classes').select('id').where('school_id', '=', schoolId))
    .execute();
  if (classIds.length > 0) {
    await db
      .insertInto('class_teachers')
      .values(classIds.map((classId) => ({ class_id: classId, user_id: userId, created_at: createdAt })))
      .execute();
  }
}

/** The users linked as teacher to a class. */
export async function listTeachersOfClass(db: Kysely<Database>, classId: string): Promise<string[]> {
  const rows = await db.selectFrom('class_teachers').select('user_id').where('class_id', '=', classId).orderBy('user_id').execute();
  return rows.map((row) => row.user_id);
}

/** Links a user to a class as teacher (nothing happens when they already are). */
export async function insertClassTeacher(db: Kysely<Database>, classId: string, userId: string, createdAt: string): Promise<void> {
  await db
    .insertInto('class_teachers')
    .values({ class_id: classId, user_id: userId, created_at: createdAt })
    .onConflict((conflict) => conflict.columns(['class_id', 'user_id']).doNothing())
    .execute();
}

/** Unlinks a teacher from a class. */
export async function deleteClassTeacher(db: Kysely<Database>, classId: string, userId: string): Promise<void> {
  await db.deleteFrom('class_teachers').where('class_id', '=', classId).where('user_id', '=', userId).execute();
}

/** Of the given class ids, those that belong to the school. */
export async function filterClassesOfSchool(db: Kysely<Database>, schoolId: string, classIds: readonly string[]): Promise<string[]> {
  if (classIds.length === 0) return [];
  const rows = await db.selectFrom('classes').select('id').where('school_id', '=', schoolId).where('id', 'in', classIds).execute();
  return rows.map((row) => row.id);
}

/** The boards a user administers. */
export async function findBoardsAdministeredBy(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('board_memberships').select('board_id').where('user_id', '=', userId).where('role', '=', 'board_admin').execute();
  return rows.map((row) => row.board_id);
}

// ---------- the day someone started at the school ----------

/** The start date the school entered for a person, if any. */
export async function findStartDate(db: Kysely<Database>, schoolId: string, userId: string): Promise<string | null> {
  const row = await db.selectFrom('staff_start_dates').select('started_on').where('school_id', '=', schoolId).where('user_id', '=', userId).executeTakeFirst();
  return row?.started_on ?? null;
}

/** Sets the day a person started at a school. */
export async function upsertStartDate(db: Kysely<Database>, row: StaffStartDatesTable): Promise<void> {
  await db
    .insertInto('staff_start_dates')
    .values(row)
    .onConflict((conflict) => conflict.columns(['school_id', 'user_id']).doUpdateSet({ started_on: row.started_on, updated_at: row.updated_at }))
    .execute();
}

/** Forgets a person's start date at a school (cleared, or they left: on return they start anew). */
export async function deleteStartDate(db: Kysely<Database>, schoolId: string, userId: string): Promise<void> {
  await db.deleteFrom('staff_start_dates').where('school_id', '=', schoolId).where('user_id', '=', userId).execute();
}

/** Of the given addresses (normalised), those of people who hold a role in the school now, with their user id. */
export async function findStaffByEmails(db: Kysely<Database>, schoolId: string, emails: readonly string[]) {
  if (emails.length === 0) return [];
  return db
    .selectFrom('users')
    .innerJoin('school_memberships', 'school_memberships.user_id', 'users.id')
    .select(['users.id', 'users.email'])
    .distinct()
    .where('school_memberships.school_id', '=', schoolId)
    .where('users.email', 'in', emails)
    .execute();
}

// ---------- the school's own hold on a membership ----------

/** Sets (part of) the school's hold on one person's membership, creating the row when needed. */
export async function upsertStaffStatus(
  db: Kysely<Database>,
  row: Pick<SchoolStaffStatusTable, 'school_id' | 'user_id' | 'updated_at'> & Partial<Pick<SchoolStaffStatusTable, 'blocked_at' | 'sessions_ended_at'>>,
): Promise<void> {
  const changes = {
    ...(row.blocked_at !== undefined ? { blocked_at: row.blocked_at } : {}),
    ...(row.sessions_ended_at !== undefined ? { sessions_ended_at: row.sessions_ended_at } : {}),
    updated_at: row.updated_at,
  };
  await db
    .insertInto('school_staff_status')
    .values({ blocked_at: null, sessions_ended_at: null, ...row })
    .onConflict((conflict) => conflict.columns(['school_id', 'user_id']).doUpdateSet(changes))
    .execute();
}

/** Forgets the school's hold on a person (when they accept a new invitation to it). */
export async function deleteStaffStatus(db: Kysely<Database>, schoolId: string, userId: string): Promise<void> {
  await db.deleteFrom('school_staff_status').where('school_id', '=', schoolId).where('user_id', '=', userId).execute();
}

/** How many live sessions of a user started before a moment. */
export async function countSessionsStartedBefore(db: Kysely<Database>, userId: string, before: string, now: string): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('created_at', '<=', before)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---------- invitations ----------

/** Stores an invitation. */
export async function insertInvitation(db: Kysely<Database>, invitation: StaffInvitationsTable): Promise<void> {
  await db.insertInto('staff_invitations').values(invitation).execute();
}

/** An invitation of a school by id. */
export async function findInvitation(db: Kysely<Database>, schoolId: string, invitationId: string) {
  return db.selectFrom('staff_invitations').selectAll().where('school_id', '=', schoolId).where('id', '=', invitationId).executeTakeFirst();
}

/** An invitation by id, whatever school (for the person it invites). */
export async function findInvitationById(db: Kysely<Database>, invitationId: string) {
  return db.selectFrom('staff_invitations').selectAll().where('id', '=', invitationId).executeTakeFirst();
}

/** The invitation whose link carries this secret (hashed). */
export async function findInvitationByTokenHash(db: Kysely<Database>, tokenHash: string) {
  return db.selectFrom('staff_invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** The unanswered invitations of a school (expired ones included: they can be sent again), newest first. */
export async function listOpenInvitationsOfSchool(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('staff_invitations')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('answered_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** The unanswered invitation of one person to one school, if any. */
export async function findOpenInvitationOf(db: Kysely<Database>, schoolId: string, userId: string) {
  return db
    .selectFrom('staff_invitations')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
}

/** The unanswered, unexpired invitations of one person, with the school, its board and who invited. */
export async function listOpenInvitationsOfUser(db: Kysely<Database>, userId: string, now: string) {
  return db
    .selectFrom('staff_invitations')
    .innerJoin('schools', 'schools.id', 'staff_invitations.school_id')
    .innerJoin('boards', 'boards.id', 'schools.board_id')
    .leftJoin('users as inviter', 'inviter.id', 'staff_invitations.invited_by')
    .select([
      'staff_invitations.id',
      'staff_invitations.roles',
      'staff_invitations.created_at',
      'staff_invitations.expires_at',
      'schools.id as school_id',
      'schools.name as school_name',
      'boards.name as board_name',
      'inviter.name as inviter_name',
    ])
    .where('staff_invitations.user_id', '=', userId)
    .where('staff_invitations.answered_at', 'is', null)
    .where('staff_invitations.expires_at', '>', now)
    .orderBy('staff_invitations.created_at')
    .execute();
}

/** Records the answer to an open invitation; false when it was answered already (a race). */
export async function answerInvitation(db: Kysely<Database>, invitationId: string, answer: 'accepted' | 'declined' | 'withdrawn', at: string): Promise<boolean> {
  const result = await db
    .updateTable('staff_invitations')
    .set({ answer, answered_at: at, token_hash: null })
    .where('id', '=', invitationId)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives an open invitation a new link secret (or none) and a new expiry. */
export async function renewInvitation(db: Kysely<Database>, invitationId: string, tokenHash: string | null, expiresAt: string): Promise<void> {
  await db.updateTable('staff_invitations').set({ token_hash: tokenHash, expires_at: expiresAt }).where('id', '=', invitationId).execute();
}

// ---------- role grants awaiting a second person ----------

/** Stores role grants. */
export async function insertRoleGrants(db: Kysely<Database>, grants: readonly RoleGrantsTable[]): Promise<void> {
  if (grants.length > 0) await db.insertInto('role_grants').values([...grants]).execute();
}

/** The undecided role grants of a school, with the person's and the requester's names, oldest first. */
export async function listPendingRoleGrants(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('role_grants')
    .innerJoin('users as person', 'person.id', 'role_grants.user_id')
    .leftJoin('users as requester', 'requester.id', 'role_grants.requested_by')
    .select([
      'role_grants.id',
      'role_grants.user_id',
      'role_grants.role',
      'role_grants.requested_by',
      'role_grants.requested_at',
      'person.name as person_name',
      'person.email as person_email',
      'requester.name as requester_name',
    ])
    .where('role_grants.school_id', '=', schoolId)
    .where('role_grants.decision', 'is', null)
    .orderBy('role_grants.requested_at')
    .orderBy('role_grants.id')
    .execute();
}

/** One role grant of a school. */
export async function findRoleGrant(db: Kysely<Database>, schoolId: string, grantId: string) {
  return db.selectFrom('role_grants').selectAll().where('school_id', '=', schoolId).where('id', '=', grantId).executeTakeFirst();
}

/** The undecided roles one person waits for in a school. */
export async function listPendingRolesOf(db: Kysely<Database>, schoolId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('role_grants')
    .select(['user_id', 'role'])
    .where('school_id', '=', schoolId)
    .where('user_id', 'in', userIds)
    .where('decision', 'is', null)
    .execute();
}

/** Records a decision on an undecided grant; false when it was decided already (a race). */
export async function decideRoleGrant(
  db: Kysely<Database>,
  grantId: string,
  decision: 'approved' | 'rejected' | 'withdrawn',
  by: string | null,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('role_grants')
    .set({ decision, decided_by: by, decided_at: at })
    .where('id', '=', grantId)
    .where('decision', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Withdraws the undecided grants of a person in a school (all, or those whose role is not in `keep`). */
export async function withdrawPendingGrants(db: Kysely<Database>, schoolId: string, userId: string, at: string, keep: readonly SchoolRole[] = []): Promise<void> {
  let query = db
    .updateTable('role_grants')
    .set({ decision: 'withdrawn', decided_at: at })
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .where('decision', 'is', null);
  if (keep.length > 0) query = query.where('role', 'not in', keep);
  await query.execute();
}

/** Approved grants of a person in a school that are not a role row yet. */
export async function listApprovedUnappliedGrants(db: Kysely<Database>, schoolId: string, userId: string) {
  return db
    .selectFrom('role_grants')
    .select(['id', 'role'])
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .where('decision', '=', 'approved')
    .where('applied_at', 'is', null)
    .execute();
}

/** Marks approved grants as role rows now. */
export async function markGrantsApplied(db: Kysely<Database>, grantIds: readonly string[], at: string): Promise<void> {
  if (grantIds.length > 0) await db.updateTable('role_grants').set({ applied_at: at }).where('id', 'in', grantIds).execute();
}

// ---------- a board's accounts ----------

/** The accounts whose home is the board, with the schools of the board they hold roles in. */
export async function listAccountsHomedIn(db: Kysely<Database>, boardId: string) {
  const accounts = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'disabled_at', 'password_hash'])
    .where('home_board_id', '=', boardId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  const schools = await db
    .selectFrom('school_memberships')
    .innerJoin('schools', 'schools.id', 'school_memberships.school_id')
    .innerJoin('users', 'users.id', 'school_memberships.user_id')
    .select(['school_memberships.user_id', 'schools.id', 'schools.name'])
    .distinct()
    .where('users.home_board_id', '=', boardId)
    .where('schools.board_id', '=', boardId)
    .execute();
  return { accounts, schools };
}
