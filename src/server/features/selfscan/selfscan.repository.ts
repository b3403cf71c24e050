import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type {
  DevelopmentModelRow,
  DevelopmentModelsTable,
  SelfscanConsensusTable,
  SelfscanGoalsTable,
  SelfscanRatingsTable,
  SelfscanResponsesTable,
  SelfscanRoundRow,
  SelfscanRoundsTable,
} from './selfscan.tables';

// ---- development models ----------------------------------------------------------------------

/** Of the given shipped-model ids, those already stored. */
export async function findStoredModelIds(db: Kysely<Database>, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('development_models').select('id').where('id', 'in', ids).execute();
  return rows.map((row) => row.id);
}

/** Stores a model version unless a row with its id exists (two servers starting at once both succeed). */
export async function insertModelIfAbsent(db: Kysely<Database>, model: DevelopmentModelsTable): Promise<void> {
  await db
    .insertInto('development_models')
    .values(model)
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}

/** Stores an imported model version. */
export async function insertModel(db: Kysely<Database>, model: DevelopmentModelsTable): Promise<void> {
  await db.insertInto('development_models').values(model).execute();
}

/** Replaces the definition of a stored model version (only ever called for a version no round uses). */
export async function replaceModelDefinition(db: Kysely<Database>, modelId: string, definition: string, createdAt: string): Promise<void> {
  await db.updateTable('development_models').set({ definition, created_at: createdAt }).where('id', '=', modelId).execute();
}

/** The models a school can use: the shipped ones and its own imports. */
export async function listModelsOfSchool(db: Kysely<Database>, schoolId: string): Promise<DevelopmentModelRow[]> {
  return db
    .selectFrom('development_models')
    .selectAll()
    .where((eb) => eb.or([eb('school_id', 'is', null), eb('school_id', '=', schoolId)]))
    .orderBy('model_key')
    .orderBy('version')
    .orderBy('id')
    .execute();
}

/** A model the school can use, by id. */
export async function findModelOfSchool(db: Kysely<Database>, schoolId: string, modelId: string): Promise<DevelopmentModelRow | undefined> {
  return db
    .selectFrom('development_models')
    .selectAll()
    .where('id', '=', modelId)
    .where((eb) => eb.or([eb('school_id', 'is', null), eb('school_id', '=', schoolId)]))
    .executeTakeFirst();
}

/** A stored model version by key and version: a shipped one when `schoolId` is null, else the school's import. */
export async function findModelByKeyAndVersion(
  db: Kysely<Database>,
  schoolId: string | null,
  modelKey: string,
  version: string,
): Promise<DevelopmentModelRow | undefined> {
  return db
    .selectFrom('development_models')
    .selectAll()
    .where('model_key', '=', modelKey)
    .where('version', '=', version)
    .where('school_id', schoolId === null ? 'is' : '=', schoolId)
    .executeTakeFirst();
}

/** Model ids used by at least one round of the school. */
export async function listModelIdsUsedBySchool(db: Kysely<Database>, schoolId: string): Promise<string[]> {
  const rows = await db.selectFrom('selfscan_rounds').select('model_id').distinct().where('school_id', '=', schoolId).execute();
  return rows.map((row) => row.model_id);
}

/** True when any round (of any school) uses the model version. */
export async function isModelUsed(db: Kysely<Database>, modelId: string): Promise<boolean> {
  const row = await db.selectFrom('selfscan_rounds').select('id').where('model_id', '=', modelId).limit(1).executeTakeFirst();
  return row !== undefined;
}

// ---- audience ----------------------------------------------------------------------------------

/** Every role of every active staff member of a school, with what the invitation mail needs. */
export async function listActiveStaffRoles(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('school_memberships')
    .innerJoin('users', 'users.id', 'school_memberships.user_id')
    .select(['users.id as user_id', 'users.email', 'users.locale', 'school_memberships.role'])
    .where('school_memberships.school_id', '=', schoolId)
    .where('users.disabled_at', 'is', null)
    .orderBy('users.id')
    .execute();
}

/** Users teaching a class of the school year at one of the locations. */
export async function listTeachersAtLocations(
  db: Kysely<Database>,
  schoolId: string,
  schoolYear: string,
  locationIds: readonly string[],
): Promise<string[]> {
  if (locationIds.length === 0) return [];
  const rows = await db
    .selectFrom('class_teachers')
    .innerJoin('classes', 'classes.id', 'class_teachers.class_id')
    .select('class_teachers.user_id')
    .distinct()
    .where('classes.school_id', '=', schoolId)
    .where('classes.school_year', '=', schoolYear)
    .where('classes.location_id', 'in', locationIds)
    .execute();
  return rows.map((row) => row.user_id);
}

/** Of the given location ids, those of the school. */
export async function filterLocationsOfSchool(db: Kysely<Database>, schoolId: string, locationIds: readonly string[]): Promise<string[]> {
  if (locationIds.length === 0) return [];
  const rows = await db.selectFrom('locations').select('id').where('school_id', '=', schoolId).where('id', 'in', locationIds).execute();
  return rows.map((row) => row.id);
}

// ---- rounds ------------------------------------------------------------------------------------

/** Creates a round with its invitations. */
export async function insertRound(db: Kysely<Database>, round: Insertable<SelfscanRoundsTable>, invitedUserIds: readonly string[]): Promise<void> {
  await db.insertInto('selfscan_rounds').values(round).execute();
  if (invitedUserIds.length > 0) {
    await db
      .insertInto('selfscan_invitations')
      .values(invitedUserIds.map((userId) => ({ round_id: round.id, user_id: userId })))
      .execute();
  }
}

/** A round of a school. */
export async function findRound(db: Kysely<Database>, schoolId: string, roundId: string): Promise<SelfscanRoundRow | undefined> {
  return db.selectFrom('selfscan_rounds').selectAll().where('school_id', '=', schoolId).where('id', '=', roundId).executeTakeFirst();
}

/** The rounds of a school with how many were invited and how many answered (never who), newest first. */
export async function listRoundsOfSchool(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('selfscan_rounds')
    .selectAll('selfscan_rounds')
    .select((eb) => [
      eb
        .selectFrom('selfscan_invitations')
        .whereRef('selfscan_invitations.round_id', '=', 'selfscan_rounds.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('invited_count'),
      eb
        .selectFrom('selfscan_responses')
        .whereRef('selfscan_responses.round_id', '=', 'selfscan_rounds.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('responded_count'),
    ])
    .where('selfscan_rounds.school_id', '=', schoolId)
    .orderBy('selfscan_rounds.opens_on', 'desc')
    .orderBy('selfscan_rounds.created_at', 'desc')
    .execute();
}

/** How many were invited to a round and how many answered (never who). */
export async function countRoundProgress(db: Kysely<Database>, roundId: string): Promise<{ invited: number; responded: number }> {
  const invited = await db
    .selectFrom('selfscan_invitations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  const responded = await db
    .selectFrom('selfscan_responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  return { invited: Number(invited?.n ?? 0), responded: Number(responded?.n ?? 0) };
}

/** The rounds of a school the user is invited to. */
export async function listRoundIdsInvitingUser(db: Kysely<Database>, schoolId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('selfscan_invitations')
    .innerJoin('selfscan_rounds', 'selfscan_rounds.id', 'selfscan_invitations.round_id')
    .select('selfscan_invitations.round_id')
    .where('selfscan_rounds.school_id', '=', schoolId)
    .where('selfscan_invitations.user_id', '=', userId)
    .execute();
  return rows.map((row) => row.round_id);
}

/** Closes a round now unless it was closed already; true when this call closed it. */
export async function markRoundClosed(db: Kysely<Database>, roundId: string, closedAt: string): Promise<boolean> {
  const result = await db.updateTable('selfscan_rounds').set({ closed_at: closedAt }).where('id', '=', roundId).where('closed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Notes a reminder for a round unless one was sent after `earliestPrevious`; true when this call may send it.
 * Conditional, so two people reminding at once send one reminder.
 */
export async function markRoundReminded(db: Kysely<Database>, roundId: string, remindedAt: string, earliestPrevious: string): Promise<boolean> {
  const result = await db
    .updateTable('selfscan_rounds')
    .set({ reminded_at: remindedAt })
    .where('id', '=', roundId)
    .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<=', earliestPrevious)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * The invitees of a round who are still active staff of the school: the addressees of a reminder. With
 * `unfinishedOf`, only those who have not answered every one of those aspects ("weet ik niet" counts as an
 * answer). Only the mailer reads this list.
 */
export async function listInviteesToRemind(db: Kysely<Database>, schoolId: string, roundId: string, unfinishedOf: readonly string[] | null) {
  const invitees = db
    .selectFrom('selfscan_invitations')
    .innerJoin('users', 'users.id', 'selfscan_invitations.user_id')
    .select(['users.email', 'users.locale'])
    .where('selfscan_invitations.round_id', '=', roundId)
    .where('users.disabled_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('school_memberships')
          .select('school_memberships.user_id')
          .where('school_memberships.school_id', '=', schoolId)
          .whereRef('school_memberships.user_id', '=', 'selfscan_invitations.user_id'),
      ),
    )
    .orderBy('users.id');
  if (unfinishedOf === null) return invitees.execute();
  return invitees
    .where(
      (eb) =>
        eb
          .selectFrom('selfscan_ratings')
          .innerJoin('selfscan_responses', 'selfscan_responses.id', 'selfscan_ratings.response_id')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('selfscan_responses.round_id', '=', 'selfscan_invitations.round_id')
          .whereRef('selfscan_responses.user_id', '=', 'selfscan_invitations.user_id')
          .where('selfscan_ratings.aspect_id', 'in', unfinishedOf.length > 0 ? [...unfinishedOf] : [''])
          .$asScalar(),
      '<',
      unfinishedOf.length,
    )
    .execute();
}

/** Marks a round's results as shared with the team (keeps the first moment). */
export async function markResultsShared(db: Kysely<Database>, roundId: string, sharedAt: string): Promise<void> {
  await db.updateTable('selfscan_rounds').set({ results_shared_at: sharedAt }).where('id', '=', roundId).where('results_shared_at', 'is', null).execute();
}

// ---- responses and ratings ---------------------------------------------------------------------

/** A user's response in a round. */
export async function findResponse(db: Kysely<Database>, roundId: string, userId: string) {
  return db.selectFrom('selfscan_responses').selectAll().where('round_id', '=', roundId).where('user_id', '=', userId).executeTakeFirst();
}

/** Starts a user's response unless one exists (a double click must not fail). */
export async function insertResponseIfAbsent(db: Kysely<Database>, response: SelfscanResponsesTable): Promise<void> {
  await db
    .insertInto('selfscan_responses')
    .values(response)
    .onConflict((conflict) => conflict.columns(['round_id', 'user_id']).doNothing())
    .execute();
}

/** Notes when a response last changed. */
export async function touchResponse(db: Kysely<Database>, responseId: string, updatedAt: string): Promise<void> {
  await db.updateTable('selfscan_responses').set({ updated_at: updatedAt }).where('id', '=', responseId).execute();
}

/** Saves one answer, replacing an earlier answer for the same aspect. */
export async function upsertRating(db: Kysely<Database>, rating: SelfscanRatingsTable): Promise<void> {
  await db
    .insertInto('selfscan_ratings')
    .values(rating)
    .onConflict((conflict) =>
      conflict.columns(['response_id', 'aspect_id']).doUpdateSet({ phase: rating.phase, note: rating.note, updated_at: rating.updated_at }),
    )
    .execute();
}

/** The answers of one response. */
export async function listRatingsOfResponse(db: Kysely<Database>, responseId: string) {
  return db
    .selectFrom('selfscan_ratings')
    .select(['aspect_id', 'phase', 'note'])
    .where('response_id', '=', responseId)
    .orderBy('aspect_id')
    .execute();
}

/** Every answer of a round with the respondent's response id and recorded role (no user ids). */
export async function listRatingsOfRound(db: Kysely<Database>, roundId: string) {
  return db
    .selectFrom('selfscan_ratings')
    .innerJoin('selfscan_responses', 'selfscan_responses.id', 'selfscan_ratings.response_id')
    .select(['selfscan_ratings.response_id', 'selfscan_responses.role', 'selfscan_ratings.aspect_id', 'selfscan_ratings.phase', 'selfscan_ratings.note'])
    .where('selfscan_responses.round_id', '=', roundId)
    .execute();
}

// ---- consensus and goals -----------------------------------------------------------------------

/** Records (or replaces) the agreed phase for an aspect. */
export async function upsertConsensus(db: Kysely<Database>, consensus: SelfscanConsensusTable): Promise<void> {
  await db
    .insertInto('selfscan_consensus')
    .values(consensus)
    .onConflict((conflict) =>
      conflict.columns(['round_id', 'aspect_id']).doUpdateSet({
        phase: consensus.phase,
        rationale: consensus.rationale,
        recorded_by: consensus.recorded_by,
        recorded_at: consensus.recorded_at,
      }),
    )
    .execute();
}

/** The agreed phases of a round. */
export async function listConsensus(db: Kysely<Database>, roundId: string) {
  return db.selectFrom('selfscan_consensus').select(['aspect_id', 'phase', 'rationale', 'recorded_at']).where('round_id', '=', roundId).execute();
}

/** Replaces the goals chosen after a round. */
export async function replaceGoals(db: Kysely<Database>, roundId: string, goals: readonly SelfscanGoalsTable[]): Promise<void> {
  await db.deleteFrom('selfscan_goals').where('round_id', '=', roundId).execute();
  if (goals.length > 0) await db.insertInto('selfscan_goals').values([...goals]).execute();
}

/** The goals chosen after a round. */
export async function listGoals(db: Kysely<Database>, roundId: string) {
  return db.selectFrom('selfscan_goals').select(['aspect_id', 'target_phase']).where('round_id', '=', roundId).execute();
}
