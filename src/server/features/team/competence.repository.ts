import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { TeamCompetenceAssessmentsTable, TeamCompetenceProfilesTable, TeamCompetenceRatingsTable, TeamCompetenceSharesTable } from './competence.tables';

// SQL of the competence profile; every query is scoped to the school. Goals and evidence come back sealed: the
// service opens them, and only for a caller who may read them.

// ---------- profiles ----------

/** Of the given shipped-profile ids, those already stored. */
export async function findStoredProfileIds(db: Kysely<Database>, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('team_competence_profiles').select('id').where('id', 'in', ids).execute();
  return rows.map((row) => row.id);
}

/** Stores a profile version unless a row with its id exists (two servers starting at once both succeed). */
export async function insertProfileIfAbsent(db: Kysely<Database>, row: TeamCompetenceProfilesTable): Promise<void> {
  await db
    .insertInto('team_competence_profiles')
    .values(row)
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}

export async function insertProfile(db: Kysely<Database>, row: TeamCompetenceProfilesTable): Promise<void> {
  await db.insertInto('team_competence_profiles').values(row).execute();
}

/** Replaces the definition of a school's profile version (only ever called for a version no assessment uses). */
export async function replaceProfileDefinition(db: Kysely<Database>, profileId: string, definition: string, createdAt: string): Promise<void> {
  await db.updateTable('team_competence_profiles').set({ definition, created_at: createdAt }).where('id', '=', profileId).execute();
}

/** The profiles a school can use: the shipped ones and its own imports, oldest first. */
export async function listProfilesOfSchool(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('team_competence_profiles')
    .select(['id', 'school_id', 'profile_key', 'version', 'definition', 'created_at'])
    .where((eb) => eb.or([eb('school_id', 'is', null), eb('school_id', '=', schoolId)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A stored profile version by key and version: a shipped one when `schoolId` is null, else the school's import. */
export async function findProfileByKeyAndVersion(db: Kysely<Database>, schoolId: string | null, profileKey: string, version: string) {
  return db
    .selectFrom('team_competence_profiles')
    .select(['id'])
    .where('profile_key', '=', profileKey)
    .where('version', '=', version)
    .where('school_id', schoolId === null ? 'is' : '=', schoolId)
    .executeTakeFirst();
}

/** Whether any self-assessment uses the profile version. */
export async function isProfileUsed(db: Kysely<Database>, profileId: string): Promise<boolean> {
  const row = await db.selectFrom('team_competence_assessments').select('id').where('profile_id', '=', profileId).limit(1).executeTakeFirst();
  return row !== undefined;
}

// ---------- colleagues ----------

/** The school's staff who can sign in there (not disabled, not blocked by the school): one row per person and role. */
export async function listColleagueRoles(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('school_memberships')
    .innerJoin('users', 'users.id', 'school_memberships.user_id')
    .leftJoin('school_staff_status', (join) =>
      join.onRef('school_staff_status.school_id', '=', 'school_memberships.school_id').onRef('school_staff_status.user_id', '=', 'school_memberships.user_id'),
    )
    .select(['users.id', 'users.name', 'school_memberships.role'])
    .where('school_memberships.school_id', '=', schoolId)
    .where('users.disabled_at', 'is', null)
    .where('school_staff_status.blocked_at', 'is', null)
    .execute();
}

// ---------- assessments ----------

export async function insertAssessment(db: Kysely<Database>, row: TeamCompetenceAssessmentsTable): Promise<void> {
  await db.insertInto('team_competence_assessments').values(row).execute();
}

/** One assessment of the school, by id (whose it is, the service checks). */
export async function findAssessment(db: Kysely<Database>, schoolId: string, assessmentId: string) {
  return db
    .selectFrom('team_competence_assessments')
    .select(['id', 'user_id', 'profile_id', 'goals_encrypted', 'started_at', 'updated_at', 'completed_at', 'completed_on'])
    .where('school_id', '=', schoolId)
    .where('id', '=', assessmentId)
    .executeTakeFirst();
}

/** A staff member's assessments at the school, drafts included, oldest first. */
export async function listAssessmentsOf(db: Kysely<Database>, schoolId: string, userId: string) {
  return db
    .selectFrom('team_competence_assessments')
    .select(['id', 'user_id', 'profile_id', 'goals_encrypted', 'started_at', 'updated_at', 'completed_at', 'completed_on'])
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .orderBy('started_at')
    .orderBy('id')
    .execute();
}

/** Saves a draft's goals (sealed) and when it was changed. */
export async function updateAssessment(db: Kysely<Database>, assessmentId: string, changes: Pick<TeamCompetenceAssessmentsTable, 'goals_encrypted' | 'updated_at'>): Promise<void> {
  await db.updateTable('team_competence_assessments').set(changes).where('id', '=', assessmentId).execute();
}

/** Completes a draft; false when it was completed already (a second click, another tab). */
export async function completeAssessment(db: Kysely<Database>, assessmentId: string, completedAt: string, completedOn: string): Promise<boolean> {
  const result = await db
    .updateTable('team_competence_assessments')
    .set({ completed_at: completedAt, completed_on: completedOn, updated_at: completedAt })
    .where('id', '=', assessmentId)
    .where('completed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The ratings of the given assessments. */
export async function listRatings(db: Kysely<Database>, assessmentIds: readonly string[]) {
  if (assessmentIds.length === 0) return [];
  return db.selectFrom('team_competence_ratings').select(['assessment_id', 'indicator_id', 'step', 'evidence_encrypted']).where('assessment_id', 'in', assessmentIds).execute();
}

/** Replaces every rating of a draft. */
export async function replaceRatings(db: Kysely<Database>, assessmentId: string, rows: readonly TeamCompetenceRatingsTable[]): Promise<void> {
  await db.deleteFrom('team_competence_ratings').where('assessment_id', '=', assessmentId).execute();
  if (rows.length > 0) await db.insertInto('team_competence_ratings').values([...rows]).execute();
}

/** The completed assessments of the school whose completion day lies in [firstDay, lastDay]: for the figures. */
export async function listCompletedAssessmentsBetween(db: Kysely<Database>, schoolId: string, firstDay: string, lastDay: string) {
  return db
    .selectFrom('team_competence_assessments')
    .select(['id', 'user_id', 'profile_id', 'completed_at', 'completed_on'])
    .where('school_id', '=', schoolId)
    .where('completed_on', '>=', firstDay)
    .where('completed_on', '<=', lastDay)
    .execute();
}

/** The school day of the school's first completed assessment, or undefined when there is none. */
export async function findFirstCompletionDay(db: Kysely<Database>, schoolId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('team_competence_assessments')
    .select('completed_on')
    .where('school_id', '=', schoolId)
    .where('completed_on', 'is not', null)
    .orderBy('completed_on')
    .limit(1)
    .executeTakeFirst();
  return row?.completed_on ?? undefined;
}

// ---------- shares ----------

/** The shares a staff member made at the school. */
export async function listSharesOfOwner(db: Kysely<Database>, schoolId: string, ownerUserId: string) {
  return db
    .selectFrom('team_competence_shares')
    .select(['id', 'audience', 'grantee_user_id', 'created_at'])
    .where('school_id', '=', schoolId)
    .where('owner_user_id', '=', ownerUserId)
    .execute();
}

/** Shares a caller can read through: with them by name, or (when they are leadership) with the leadership. */
export async function listSharesReadableBy(db: Kysely<Database>, schoolId: string, userId: string, isLeadership: boolean) {
  return db
    .selectFrom('team_competence_shares')
    .innerJoin('users', 'users.id', 'team_competence_shares.owner_user_id')
    .select(['team_competence_shares.id', 'team_competence_shares.owner_user_id', 'team_competence_shares.audience', 'team_competence_shares.created_at', 'users.name as owner_name'])
    .where('team_competence_shares.school_id', '=', schoolId)
    .where('team_competence_shares.owner_user_id', '!=', userId)
    .where((eb) => {
      const byName = eb.and([eb('team_competence_shares.audience', '=', 'colleague'), eb('team_competence_shares.grantee_user_id', '=', userId)]);
      return isLeadership ? eb.or([byName, eb('team_competence_shares.audience', '=', 'leadership')]) : byName;
    })
    .execute();
}

export async function insertShare(db: Kysely<Database>, row: TeamCompetenceSharesTable): Promise<void> {
  await db.insertInto('team_competence_shares').values(row).execute();
}

/** Removes one of the owner's shares; false when there was none. */
export async function deleteShare(db: Kysely<Database>, schoolId: string, ownerUserId: string, shareId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('team_competence_shares')
    .where('school_id', '=', schoolId)
    .where('owner_user_id', '=', ownerUserId)
    .where('id', '=', shareId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
