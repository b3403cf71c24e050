import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { PlanActionsTable, PlanGoalsTable, PlanMomentsTable, PlanPhasesTable, PlanWorkingGroupTable } from './plan.tables';

// Every query of the implementation plan's core (phases, moments, working group, goals, actions).
// Each one is scoped to a school: an id of another school finds nothing.

// ---- sharing and staff -------------------------------------------------------------------------

/** Whether the school shares its plan with the whole team (a school without settings does not). */
export async function findSharesPlanWithTeam(db: Kysely<Database>, schoolId: string): Promise<boolean> {
  const row = await db.selectFrom('school_settings').select('shares_plan_with_team').where('school_id', '=', schoolId).executeTakeFirst();
  return row?.shares_plan_with_team === 1;
}

/** The school's current staff (a role there, account not disabled), each once. */
export async function listCurrentStaff(db: Kysely<Database>, schoolId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.name'])
    .where('users.disabled_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('school_memberships')
          .select('school_memberships.user_id')
          .whereRef('school_memberships.user_id', '=', 'users.id')
          .where('school_memberships.school_id', '=', schoolId),
      ),
    )
    .execute();
}

/** A user who is current staff of the school (a role there, account not disabled), with their name. */
export async function findCurrentStaffMember(db: Kysely<Database>, schoolId: string, userId: string): Promise<{ id: string; name: string } | undefined> {
  return db
    .selectFrom('school_memberships')
    .innerJoin('users', 'users.id', 'school_memberships.user_id')
    .select(['users.id', 'users.name'])
    .where('school_memberships.school_id', '=', schoolId)
    .where('school_memberships.user_id', '=', userId)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
}

// ---- phases and moments ------------------------------------------------------------------------

/** The phases a school planned. */
export async function listPhases(db: Kysely<Database>, schoolId: string) {
  return db.selectFrom('plan_phases').select(['phase', 'starts_on', 'ends_on']).where('school_id', '=', schoolId).execute();
}

/** Replaces the school's phase dates with the given set. */
export async function replacePhases(db: Kysely<Database>, schoolId: string, phases: readonly PlanPhasesTable[]): Promise<void> {
  await db.deleteFrom('plan_phases').where('school_id', '=', schoolId).execute();
  if (phases.length > 0) await db.insertInto('plan_phases').values([...phases]).execute();
}

/** The school's monitoring moments by date. */
export async function listMoments(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('plan_moments')
    .select(['id', 'on_date', 'title'])
    .where('school_id', '=', schoolId)
    .orderBy('on_date')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Stores a monitoring moment. */
export async function insertMoment(db: Kysely<Database>, moment: PlanMomentsTable): Promise<void> {
  await db.insertInto('plan_moments').values(moment).execute();
}

/** Deletes a moment of the school; true when there was one. */
export async function deleteMoment(db: Kysely<Database>, schoolId: string, momentId: string): Promise<boolean> {
  const result = await db.deleteFrom('plan_moments').where('school_id', '=', schoolId).where('id', '=', momentId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The rounds of a school for the timeline, oldest first. */
/** The school's measurement waves of every school year, for the timeline (what is asked lives with the waves). */
export async function listTimelineWaves(db: Kysely<Database>, schoolId: string) {
  return db.selectFrom('questionnaire_waves').select(['id', 'name', 'opens_on', 'closes_on']).where('school_id', '=', schoolId).orderBy('opens_on').orderBy('name').execute();
}

export async function listTimelineRounds(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('selfscan_rounds')
    .select(['id', 'name', 'opens_on', 'closes_on'])
    .where('school_id', '=', schoolId)
    .orderBy('opens_on')
    .orderBy('created_at')
    .execute();
}

// ---- working group ------------------------------------------------------------------------------

/** The working group of a school with names: only members who are still current staff. */
export async function listWorkingGroup(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('plan_working_group')
    .innerJoin('users', 'users.id', 'plan_working_group.user_id')
    .select(['plan_working_group.user_id', 'plan_working_group.role', 'users.name'])
    .where('plan_working_group.school_id', '=', schoolId)
    .where('users.disabled_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('school_memberships')
          .select('school_memberships.user_id')
          .whereRef('school_memberships.user_id', '=', 'plan_working_group.user_id')
          .where('school_memberships.school_id', '=', schoolId),
      ),
    )
    .execute();
}

/** A person's place in the school's working group, if any. */
export async function findWorkingGroupPlace(db: Kysely<Database>, schoolId: string, userId: string) {
  return db
    .selectFrom('plan_working_group')
    .select(['role'])
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Gives a person a place in the working group, or changes their role. */
export async function upsertWorkingGroupPlace(db: Kysely<Database>, place: PlanWorkingGroupTable): Promise<void> {
  await db
    .insertInto('plan_working_group')
    .values(place)
    .onConflict((conflict) => conflict.columns(['school_id', 'user_id']).doUpdateSet({ role: place.role }))
    .execute();
}

/** Removes a person from the working group. */
export async function deleteWorkingGroupPlace(db: Kysely<Database>, schoolId: string, userId: string): Promise<void> {
  await db.deleteFrom('plan_working_group').where('school_id', '=', schoolId).where('user_id', '=', userId).execute();
}

// ---- goals ---------------------------------------------------------------------------------------

const goalColumns = [
  'plan_goals.id',
  'plan_goals.school_year',
  'plan_goals.aspect_id',
  'plan_goals.model_id',
  'plan_goals.target_phase',
  'plan_goals.source_round_id',
  'plan_goals.title',
  'plan_goals.owner_user_id',
  'plan_goals.status',
  'plan_goals.evidence',
  'plan_goals.created_at',
  'plan_goals.updated_at',
] as const;

/** The goals of a school for one school year, with the owner's name, oldest first. */
export async function listGoalsOfYear(db: Kysely<Database>, schoolId: string, schoolYear: string) {
  return db
    .selectFrom('plan_goals')
    .leftJoin('users as owner', 'owner.id', 'plan_goals.owner_user_id')
    .select([...goalColumns, 'owner.name as owner_name'])
    .where('plan_goals.school_id', '=', schoolId)
    .where('plan_goals.school_year', '=', schoolYear)
    .orderBy('plan_goals.created_at')
    .orderBy('plan_goals.id')
    .execute();
}

/** One goal of a school with the owner's name. */
export async function findGoal(db: Kysely<Database>, schoolId: string, goalId: string) {
  return db
    .selectFrom('plan_goals')
    .leftJoin('users as owner', 'owner.id', 'plan_goals.owner_user_id')
    .select([...goalColumns, 'owner.name as owner_name'])
    .where('plan_goals.school_id', '=', schoolId)
    .where('plan_goals.id', '=', goalId)
    .executeTakeFirst();
}

/** The school years in which the school has goals. */
export async function listGoalSchoolYears(db: Kysely<Database>, schoolId: string): Promise<string[]> {
  const rows = await db.selectFrom('plan_goals').select('school_year').distinct().where('school_id', '=', schoolId).execute();
  return rows.map((row) => row.school_year);
}

/** The id of another goal of the school for the same aspect in a school year, if one exists. */
export async function findAspectGoalId(
  db: Kysely<Database>,
  schoolId: string,
  schoolYear: string,
  aspectId: string,
  exceptGoalId?: string,
): Promise<string | undefined> {
  let query = db
    .selectFrom('plan_goals')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .where('aspect_id', '=', aspectId);
  if (exceptGoalId) query = query.where('id', '!=', exceptGoalId);
  return (await query.executeTakeFirst())?.id;
}

/** Stores a goal. */
export async function insertGoal(db: Kysely<Database>, goal: PlanGoalsTable): Promise<void> {
  await db.insertInto('plan_goals').values(goal).execute();
}

/** Changes a goal of the school. */
export async function updateGoal(
  db: Kysely<Database>,
  schoolId: string,
  goalId: string,
  changes: Partial<Pick<PlanGoalsTable, 'title' | 'school_year' | 'owner_user_id' | 'status' | 'evidence' | 'target_phase'>> & { updated_at: string },
): Promise<void> {
  await db.updateTable('plan_goals').set(changes).where('school_id', '=', schoolId).where('id', '=', goalId).execute();
}

/** Deletes a goal of the school and its actions; true when there was one. */
export async function deleteGoal(db: Kysely<Database>, schoolId: string, goalId: string): Promise<boolean> {
  await db.deleteFrom('plan_actions').where('school_id', '=', schoolId).where('goal_id', '=', goalId).execute();
  const result = await db.deleteFrom('plan_goals').where('school_id', '=', schoolId).where('id', '=', goalId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A next goal chosen after a round of the school: the aspect's target phase and the round's model. */
export async function findRoundGoal(db: Kysely<Database>, schoolId: string, roundId: string, aspectId: string) {
  return db
    .selectFrom('selfscan_goals')
    .innerJoin('selfscan_rounds', 'selfscan_rounds.id', 'selfscan_goals.round_id')
    .select(['selfscan_goals.target_phase', 'selfscan_rounds.model_id'])
    .where('selfscan_rounds.school_id', '=', schoolId)
    .where('selfscan_goals.round_id', '=', roundId)
    .where('selfscan_goals.aspect_id', '=', aspectId)
    .executeTakeFirst();
}

/** Every agreed placement of the given aspects in the school's rounds, with the round's name and dates. */
export async function listConsensusOfAspects(db: Kysely<Database>, schoolId: string, aspectIds: readonly string[]) {
  if (aspectIds.length === 0) return [];
  return db
    .selectFrom('selfscan_consensus')
    .innerJoin('selfscan_rounds', 'selfscan_rounds.id', 'selfscan_consensus.round_id')
    .select([
      'selfscan_consensus.aspect_id',
      'selfscan_consensus.phase',
      'selfscan_consensus.recorded_at',
      'selfscan_rounds.id as round_id',
      'selfscan_rounds.name as round_name',
      'selfscan_rounds.opens_on',
      'selfscan_rounds.created_at as round_created_at',
    ])
    .where('selfscan_rounds.school_id', '=', schoolId)
    .where('selfscan_consensus.aspect_id', 'in', aspectIds)
    .execute();
}

/** The stored definitions (JSON text) of the given model versions. */
export async function listModelDefinitions(db: Kysely<Database>, modelIds: readonly string[]) {
  if (modelIds.length === 0) return [];
  return db.selectFrom('development_models').select(['id', 'definition']).where('id', 'in', modelIds).execute();
}

// ---- actions -------------------------------------------------------------------------------------

const actionColumns = [
  'plan_actions.id',
  'plan_actions.goal_id',
  'plan_actions.title',
  'plan_actions.owner_user_id',
  'plan_actions.due_on',
  'plan_actions.status',
  'plan_actions.kotter_step',
  'plan_actions.completed_at',
  'plan_actions.updated_at',
] as const;

/** The actions of the given goals of a school, with the owner's name. */
export async function listActionsOfGoals(db: Kysely<Database>, schoolId: string, goalIds: readonly string[]) {
  if (goalIds.length === 0) return [];
  return db
    .selectFrom('plan_actions')
    .leftJoin('users as owner', 'owner.id', 'plan_actions.owner_user_id')
    .select([...actionColumns, 'owner.name as owner_name'])
    .where('plan_actions.school_id', '=', schoolId)
    .where('plan_actions.goal_id', 'in', goalIds)
    .orderBy('plan_actions.created_at')
    .orderBy('plan_actions.id')
    .execute();
}

/** One action of a school with the owner's name. */
export async function findAction(db: Kysely<Database>, schoolId: string, actionId: string) {
  return db
    .selectFrom('plan_actions')
    .leftJoin('users as owner', 'owner.id', 'plan_actions.owner_user_id')
    .select([...actionColumns, 'owner.name as owner_name'])
    .where('plan_actions.school_id', '=', schoolId)
    .where('plan_actions.id', '=', actionId)
    .executeTakeFirst();
}

/** Stores an action. */
export async function insertAction(db: Kysely<Database>, action: PlanActionsTable): Promise<void> {
  await db.insertInto('plan_actions').values(action).execute();
}

/** Changes an action of the school. */
export async function updateAction(
  db: Kysely<Database>,
  schoolId: string,
  actionId: string,
  changes: Partial<Pick<PlanActionsTable, 'title' | 'owner_user_id' | 'due_on' | 'status' | 'kotter_step' | 'completed_at'>> & { updated_at: string },
): Promise<void> {
  await db.updateTable('plan_actions').set(changes).where('school_id', '=', schoolId).where('id', '=', actionId).execute();
}

/** Deletes an action of the school; true when there was one. */
export async function deleteAction(db: Kysely<Database>, schoolId: string, actionId: string): Promise<boolean> {
  const result = await db.deleteFrom('plan_actions').where('school_id', '=', schoolId).where('id', '=', actionId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * A person's actions in the schools where they still hold a role: every open or in-progress one, and the
 * closed ones (done, dropped) completed or changed since `closedSince` — with their goal and school.
 */
export async function listActionsOfOwner(db: Kysely<Database>, userId: string, closedSince: string) {
  return db
    .selectFrom('plan_actions')
    .innerJoin('plan_goals', 'plan_goals.id', 'plan_actions.goal_id')
    .innerJoin('schools', 'schools.id', 'plan_actions.school_id')
    .innerJoin('users as owner', 'owner.id', 'plan_actions.owner_user_id')
    .select([
      ...actionColumns,
      'owner.name as owner_name',
      'schools.id as school_id',
      'schools.name as school_name',
      'plan_goals.title as goal_title',
      'plan_goals.aspect_id as goal_aspect_id',
      'plan_goals.model_id as goal_model_id',
    ])
    .where('plan_actions.owner_user_id', '=', userId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('school_memberships')
          .select('school_memberships.user_id')
          .whereRef('school_memberships.school_id', '=', 'plan_actions.school_id')
          .where('school_memberships.user_id', '=', userId),
      ),
    )
    .where((eb) =>
      // A change always moves updated_at, completing one too (completed_at is never later than updated_at).
      eb.or([eb('plan_actions.status', 'in', ['open', 'in_progress']), eb('plan_actions.updated_at', '>=', closedSince)]),
    )
    .execute();
}
