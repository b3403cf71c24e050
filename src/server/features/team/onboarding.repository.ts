import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type {
  TeamBuddyConversationsTable,
  TeamGuideSectionsTable,
  TeamOnboardingEvaluationsTable,
  TeamOnboardingPairsTable,
  TeamRampTemplateItemsTable,
} from './onboarding.tables';

// SQL of the onboarding (issue 17); every query is scoped to the school. Conversation notes come back sealed: the
// service opens them for the newcomer and the buddy only. Names are sorted in the service (collations differ).

// ---------- setup ----------

/** Marks the school's onboarding as set up; true only for the one call that did it (so defaults go in once). */
export async function claimSetup(db: Kysely<Database>, schoolId: string, now: string): Promise<boolean> {
  const result = await db
    .insertInto('team_onboarding_setups')
    .values({ school_id: schoolId, created_at: now })
    .onConflict((conflict) => conflict.column('school_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Whether the school's onboarding has been set up. */
export async function isSetUp(db: Kysely<Database>, schoolId: string): Promise<boolean> {
  return (await db.selectFrom('team_onboarding_setups').select('school_id').where('school_id', '=', schoolId).executeTakeFirst()) !== undefined;
}

// ---------- people and places ----------

/** The names of the given users (also people who left since). */
export async function namesOf(db: Kysely<Database>, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(userIds)]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

// ---------- guide ----------

/** The sections of the draft (versionId null) or of one published version, in order. */
export async function listSections(db: Kysely<Database>, schoolId: string, versionId: string | null) {
  const query = db.selectFrom('team_guide_sections').selectAll().where('school_id', '=', schoolId);
  return (versionId === null ? query.where('version_id', 'is', null) : query.where('version_id', '=', versionId)).orderBy('position').orderBy('id').execute();
}

/** One section of the draft. */
export async function findDraftSection(db: Kysely<Database>, schoolId: string, sectionId: string) {
  return db.selectFrom('team_guide_sections').selectAll().where('school_id', '=', schoolId).where('version_id', 'is', null).where('id', '=', sectionId).executeTakeFirst();
}

export async function insertSections(db: Kysely<Database>, rows: readonly TeamGuideSectionsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('team_guide_sections').values([...rows]).execute();
}

/** Changes a section of the draft. */
export async function updateDraftSection(
  db: Kysely<Database>,
  schoolId: string,
  sectionId: string,
  changes: Pick<TeamGuideSectionsTable, 'location_id' | 'kind' | 'title' | 'body' | 'position' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('team_guide_sections').set(changes).where('school_id', '=', schoolId).where('version_id', 'is', null).where('id', '=', sectionId).execute();
}

export async function deleteDraftSection(db: Kysely<Database>, schoolId: string, sectionId: string): Promise<void> {
  await db.deleteFrom('team_guide_sections').where('school_id', '=', schoolId).where('version_id', 'is', null).where('id', '=', sectionId).execute();
}

/** The school's published versions, newest first. */
export async function listVersions(db: Kysely<Database>, schoolId: string) {
  return db.selectFrom('team_guide_versions').selectAll().where('school_id', '=', schoolId).orderBy('number', 'desc').execute();
}

export async function insertVersion(db: Kysely<Database>, row: Database['team_guide_versions']): Promise<void> {
  await db.insertInto('team_guide_versions').values(row).execute();
}

/** The caller's confirmations at the school: section key with the version its text changed in. */
export async function listConfirmations(db: Kysely<Database>, schoolId: string, userId: string) {
  return db.selectFrom('team_guide_confirmations').select(['section_key', 'changed_in', 'confirmed_at']).where('school_id', '=', schoolId).where('user_id', '=', userId).execute();
}

/** Confirms a section as changed in a version; confirming twice changes nothing. */
export async function insertConfirmation(db: Kysely<Database>, row: Database['team_guide_confirmations']): Promise<void> {
  await db
    .insertInto('team_guide_confirmations')
    .values(row)
    .onConflict((conflict) => conflict.columns(['school_id', 'user_id', 'section_key', 'changed_in']).doNothing())
    .execute();
}

// ---------- chef-buddies ----------

/** The chef-buddies of the school's locations. */
export async function listChefBuddies(db: Kysely<Database>, schoolId: string) {
  return db.selectFrom('team_chef_buddies').select(['location_id', 'user_id', 'appointed_at']).where('school_id', '=', schoolId).execute();
}

/** Appoints (or replaces) the chef-buddy of a location. */
export async function upsertChefBuddy(db: Kysely<Database>, row: Database['team_chef_buddies']): Promise<void> {
  await db
    .insertInto('team_chef_buddies')
    .values(row)
    .onConflict((conflict) => conflict.column('location_id').doUpdateSet({ user_id: row.user_id, appointed_by: row.appointed_by, appointed_at: row.appointed_at }))
    .execute();
}

export async function deleteChefBuddy(db: Kysely<Database>, schoolId: string, locationId: string): Promise<void> {
  await db.deleteFrom('team_chef_buddies').where('school_id', '=', schoolId).where('location_id', '=', locationId).execute();
}

// ---------- pairs ----------

/** Every pair of the school. */
export async function listPairs(db: Kysely<Database>, schoolId: string) {
  return db.selectFrom('team_onboarding_pairs').selectAll().where('school_id', '=', schoolId).execute();
}

/** One pair of the school. */
export async function findPair(db: Kysely<Database>, schoolId: string, pairId: string) {
  return db.selectFrom('team_onboarding_pairs').selectAll().where('school_id', '=', schoolId).where('id', '=', pairId).executeTakeFirst();
}

/** The pair of a newcomer at the school, if any. */
export async function findPairOfNewcomer(db: Kysely<Database>, schoolId: string, userId: string) {
  return db.selectFrom('team_onboarding_pairs').select('id').where('school_id', '=', schoolId).where('newcomer_user_id', '=', userId).executeTakeFirst();
}

export async function insertPair(db: Kysely<Database>, row: TeamOnboardingPairsTable): Promise<void> {
  await db.insertInto('team_onboarding_pairs').values(row).execute();
}

export async function updatePair(
  db: Kysely<Database>,
  schoolId: string,
  pairId: string,
  changes: Pick<TeamOnboardingPairsTable, 'buddy_user_id' | 'started_on' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('team_onboarding_pairs').set(changes).where('school_id', '=', schoolId).where('id', '=', pairId).execute();
}

export async function deletePair(db: Kysely<Database>, schoolId: string, pairId: string): Promise<void> {
  await db.deleteFrom('team_onboarding_pairs').where('school_id', '=', schoolId).where('id', '=', pairId).execute();
}

// ---------- ramp ----------

/** The school's ramp template, by week and position. */
export async function listRampItems(db: Kysely<Database>, schoolId: string) {
  return db.selectFrom('team_ramp_template_items').selectAll().where('school_id', '=', schoolId).orderBy('week').orderBy('position').orderBy('id').execute();
}

export async function findRampItem(db: Kysely<Database>, schoolId: string, itemId: string) {
  return db.selectFrom('team_ramp_template_items').selectAll().where('school_id', '=', schoolId).where('id', '=', itemId).executeTakeFirst();
}

export async function insertRampItems(db: Kysely<Database>, rows: readonly TeamRampTemplateItemsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('team_ramp_template_items').values([...rows]).execute();
}

export async function updateRampItem(db: Kysely<Database>, schoolId: string, itemId: string, changes: Pick<TeamRampTemplateItemsTable, 'week' | 'text' | 'position' | 'updated_at'>) {
  await db.updateTable('team_ramp_template_items').set(changes).where('school_id', '=', schoolId).where('id', '=', itemId).execute();
}

/** Removes a template item; the ticks on it go with it (foreign key). */
export async function deleteRampItem(db: Kysely<Database>, schoolId: string, itemId: string): Promise<void> {
  await db.deleteFrom('team_ramp_template_items').where('school_id', '=', schoolId).where('id', '=', itemId).execute();
}

/** The ticks of the given pairs. */
export async function listTicks(db: Kysely<Database>, pairIds: readonly string[]) {
  if (pairIds.length === 0) return [];
  return db.selectFrom('team_ramp_ticks').select(['pair_id', 'item_id', 'ticked_at']).where('pair_id', 'in', pairIds).execute();
}

export async function insertTick(db: Kysely<Database>, row: Database['team_ramp_ticks']): Promise<void> {
  await db
    .insertInto('team_ramp_ticks')
    .values(row)
    .onConflict((conflict) => conflict.columns(['pair_id', 'item_id']).doNothing())
    .execute();
}

export async function deleteTick(db: Kysely<Database>, pairId: string, itemId: string): Promise<void> {
  await db.deleteFrom('team_ramp_ticks').where('pair_id', '=', pairId).where('item_id', '=', itemId).execute();
}

// ---------- conversations ----------

/** The conversations of the given pairs (notes sealed). */
export async function listConversations(db: Kysely<Database>, pairIds: readonly string[]) {
  if (pairIds.length === 0) return [];
  return db.selectFrom('team_buddy_conversations').selectAll().where('pair_id', 'in', pairIds).orderBy('planned_on').orderBy('created_at').execute();
}

export async function findConversation(db: Kysely<Database>, pairId: string, conversationId: string) {
  return db.selectFrom('team_buddy_conversations').selectAll().where('pair_id', '=', pairId).where('id', '=', conversationId).executeTakeFirst();
}

export async function insertConversation(db: Kysely<Database>, row: TeamBuddyConversationsTable): Promise<void> {
  await db.insertInto('team_buddy_conversations').values(row).execute();
}

export async function updateConversation(
  db: Kysely<Database>,
  pairId: string,
  conversationId: string,
  changes: Pick<TeamBuddyConversationsTable, 'planned_on' | 'held_on' | 'stage' | 'note_encrypted' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('team_buddy_conversations').set(changes).where('pair_id', '=', pairId).where('id', '=', conversationId).execute();
}

export async function deleteConversation(db: Kysely<Database>, pairId: string, conversationId: string): Promise<void> {
  await db.deleteFrom('team_buddy_conversations').where('pair_id', '=', pairId).where('id', '=', conversationId).execute();
}

// ---------- evaluations ----------

/** The evaluation of a pair, if begun. */
export async function findEvaluation(db: Kysely<Database>, pairId: string) {
  return db.selectFrom('team_onboarding_evaluations').selectAll().where('pair_id', '=', pairId).executeTakeFirst();
}

/** Stores the evaluation's answers (and, once, that it was submitted). */
export async function upsertEvaluation(db: Kysely<Database>, row: TeamOnboardingEvaluationsTable): Promise<void> {
  await db
    .insertInto('team_onboarding_evaluations')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('pair_id').doUpdateSet({ answers_json: row.answers_json, submitted_at: row.submitted_at, updated_at: row.updated_at, instrument_version: row.instrument_version }),
    )
    .execute();
}

/** The school's submitted evaluations (answers only; the service never returns who gave them). */
export async function listSubmittedEvaluations(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('team_onboarding_evaluations')
    .select(['pair_id', 'instrument_id', 'instrument_version', 'answers_json'])
    .where('school_id', '=', schoolId)
    .where('submitted_at', 'is not', null)
    .execute();
}

// ---------- texts ----------

/** The school's own role texts. */
export async function listTexts(db: Kysely<Database>, schoolId: string) {
  return db.selectFrom('team_onboarding_texts').select(['key', 'body', 'updated_at']).where('school_id', '=', schoolId).execute();
}

export async function upsertText(db: Kysely<Database>, row: Database['team_onboarding_texts']): Promise<void> {
  await db
    .insertInto('team_onboarding_texts')
    .values(row)
    .onConflict((conflict) => conflict.columns(['school_id', 'key']).doUpdateSet({ body: row.body, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}

