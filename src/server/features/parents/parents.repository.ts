import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/database';
import type {
  ParentChildrenTable,
  ParentConversationRequestsTable,
  ParentLanguagesTable,
  ParentLinksTable,
  ParentQuestionnairesTable,
  ParentSchoolPagesTable,
  ParentSessionsTable,
  ParentsTable,
} from './parents.tables';

// SQL of parents, their links, sessions, requests and questionnaires; every query is scoped to the school or to the
// parent. Encrypted columns come back sealed: the services open them.

// ---------- parents and their children ----------

/** The parents of one pupil with the link between them (exclusion), oldest first. */
export async function listParentsOfPupil(db: Kysely<Database>, schoolId: string, pupilId: string) {
  return db
    .selectFrom('parent_children')
    .innerJoin('parents', 'parents.id', 'parent_children.parent_id')
    .selectAll('parents')
    .select(['parent_children.pupil_id', 'parent_children.excluded_at', 'parent_children.exclusion_reason_encrypted'])
    .where('parent_children.school_id', '=', schoolId)
    .where('parent_children.pupil_id', '=', pupilId)
    .orderBy('parents.created_at')
    .orderBy('parents.id')
    .execute();
}

/** One parent of one pupil, with the link between them. */
export async function findParentOfPupil(db: Kysely<Database>, schoolId: string, pupilId: string, parentId: string) {
  return db
    .selectFrom('parent_children')
    .innerJoin('parents', 'parents.id', 'parent_children.parent_id')
    .selectAll('parents')
    .select(['parent_children.pupil_id', 'parent_children.excluded_at', 'parent_children.exclusion_reason_encrypted'])
    .where('parent_children.school_id', '=', schoolId)
    .where('parent_children.pupil_id', '=', pupilId)
    .where('parent_children.parent_id', '=', parentId)
    .executeTakeFirst();
}

/** A parent by id. */
export async function findParent(db: Kysely<Database>, parentId: string) {
  return db.selectFrom('parents').selectAll().where('id', '=', parentId).executeTakeFirst();
}

export async function insertParent(db: Kysely<Database>, row: Insertable<ParentsTable>): Promise<void> {
  await db.insertInto('parents').values(row).execute();
}

export async function insertParentChild(db: Kysely<Database>, row: Insertable<ParentChildrenTable>): Promise<void> {
  await db.insertInto('parent_children').values(row).execute();
}

export async function updateParent(db: Kysely<Database>, parentId: string, changes: Updateable<ParentsTable>): Promise<void> {
  await db.updateTable('parents').set(changes).where('id', '=', parentId).execute();
}

export async function updateParentChild(db: Kysely<Database>, parentId: string, pupilId: string, changes: Updateable<ParentChildrenTable>): Promise<void> {
  await db.updateTable('parent_children').set(changes).where('parent_id', '=', parentId).where('pupil_id', '=', pupilId).execute();
}

/** Removes a parent from one child; returns how many children the parent still has at the school. */
export async function deleteParentChild(db: Kysely<Database>, parentId: string, pupilId: string): Promise<number> {
  await db.deleteFrom('parent_children').where('parent_id', '=', parentId).where('pupil_id', '=', pupilId).execute();
  await db.deleteFrom('parent_questionnaires').where('parent_id', '=', parentId).where('pupil_id', '=', pupilId).execute();
  await db.deleteFrom('parent_conversation_requests').where('parent_id', '=', parentId).where('pupil_id', '=', pupilId).execute();
  const row = await db.selectFrom('parent_children').select((eb) => eb.fn.countAll<number>().as('count')).where('parent_id', '=', parentId).executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function deleteParent(db: Kysely<Database>, parentId: string): Promise<void> {
  await db.deleteFrom('parents').where('id', '=', parentId).execute();
}

/**
 * The children a parent may see on the parent page: linked, not excluded, and still at the school (not left).
 * Names only: the parent page needs nothing else of the pupil.
 */
export async function listVisibleChildren(db: Kysely<Database>, parentId: string) {
  return db
    .selectFrom('parent_children')
    .innerJoin('pupils', 'pupils.id', 'parent_children.pupil_id')
    .select(['pupils.id', 'pupils.first_name', 'pupils.last_name'])
    .where('parent_children.parent_id', '=', parentId)
    .where('parent_children.excluded_at', 'is', null)
    .where('pupils.left_on', 'is', null)
    .orderBy('pupils.first_name')
    .orderBy('pupils.id')
    .execute();
}

// ---------- links and sessions ----------

export async function insertLink(db: Kysely<Database>, row: Insertable<ParentLinksTable>): Promise<void> {
  await db.insertInto('parent_links').values(row).execute();
}

/** Stops every link of a parent that could still be opened (a newer link or a revocation replaces them). */
export async function revokeOpenLinks(db: Kysely<Database>, parentId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('parent_links')
    .set({ revoked_at: at })
    .where('parent_id', '=', parentId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Clears the parent's requests for a new link (one just went out). */
export async function clearNewLinkRequests(db: Kysely<Database>, parentId: string): Promise<void> {
  await db.updateTable('parent_links').set({ new_link_requested_at: null }).where('parent_id', '=', parentId).where('new_link_requested_at', 'is not', null).execute();
}

export async function findLinkByHash(db: Kysely<Database>, tokenHash: string) {
  return db.selectFrom('parent_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Marks a link used, only if nobody used it in the meantime; true when this call did. */
export async function markLinkUsed(db: Kysely<Database>, linkId: string, at: string): Promise<boolean> {
  const result = await db.updateTable('parent_links').set({ used_at: at }).where('id', '=', linkId).where('used_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markNewLinkRequested(db: Kysely<Database>, linkId: string, at: string): Promise<void> {
  await db.updateTable('parent_links').set({ new_link_requested_at: at }).where('id', '=', linkId).execute();
}

/** The links of these parents, newest first (the staff page shows the newest one's state and any request for a new one). */
export async function listLinksOfParents(db: Kysely<Database>, parentIds: readonly string[]) {
  if (parentIds.length === 0) return [];
  return db.selectFrom('parent_links').selectAll().where('parent_id', 'in', parentIds).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function insertSession(db: Kysely<Database>, row: Insertable<ParentSessionsTable>): Promise<void> {
  await db.insertInto('parent_sessions').values(row).execute();
}

/** A live session with its parent, or undefined. */
export async function findSession(db: Kysely<Database>, idHash: string) {
  return db.selectFrom('parent_sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('parent_sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a parent; returns how many. */
export async function deleteSessionsOf(db: Kysely<Database>, parentId: string): Promise<number> {
  const result = await db.deleteFrom('parent_sessions').where('parent_id', '=', parentId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ---------- conversation requests ----------

export async function insertConversationRequest(db: Kysely<Database>, row: Insertable<ParentConversationRequestsTable>): Promise<void> {
  await db.insertInto('parent_conversation_requests').values(row).execute();
}

/** A parent's open conversation requests (any child), newest first. */
export async function listOpenRequestsOfParent(db: Kysely<Database>, parentId: string) {
  return db.selectFrom('parent_conversation_requests').selectAll().where('parent_id', '=', parentId).where('handled_at', 'is', null).orderBy('created_at', 'desc').execute();
}

/** The conversation requests about one pupil, open ones first, then the newest. */
export async function listRequestsOfPupil(db: Kysely<Database>, schoolId: string, pupilId: string) {
  return db
    .selectFrom('parent_conversation_requests')
    .innerJoin('parents', 'parents.id', 'parent_conversation_requests.parent_id')
    .leftJoin('users', 'users.id', 'parent_conversation_requests.handled_by')
    .select([
      'parent_conversation_requests.id',
      'parent_conversation_requests.parent_id',
      'parent_conversation_requests.message_encrypted',
      'parent_conversation_requests.created_at',
      'parent_conversation_requests.handled_at',
      'parents.name as parent_name',
      'users.name as handled_by_name',
    ])
    .where('parent_conversation_requests.school_id', '=', schoolId)
    .where('parent_conversation_requests.pupil_id', '=', pupilId)
    .orderBy('parent_conversation_requests.created_at', 'desc')
    .execute();
}

export async function markRequestHandled(db: Kysely<Database>, schoolId: string, pupilId: string, requestId: string, by: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('parent_conversation_requests')
    .set({ handled_at: at, handled_by: by })
    .where('school_id', '=', schoolId)
    .where('pupil_id', '=', pupilId)
    .where('id', '=', requestId)
    .where('handled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---------- questionnaires ----------

export async function insertQuestionnaire(db: Kysely<Database>, row: Insertable<ParentQuestionnairesTable>): Promise<void> {
  await db.insertInto('parent_questionnaires').values(row).execute();
}

/** The questionnaires sent to the parents of one pupil. */
export async function listQuestionnairesOfPupil(db: Kysely<Database>, schoolId: string, pupilId: string) {
  return db.selectFrom('parent_questionnaires').selectAll().where('school_id', '=', schoolId).where('pupil_id', '=', pupilId).orderBy('sent_at').orderBy('id').execute();
}

/** The questionnaires sent to one parent about the given children. */
export async function listQuestionnairesOfParent(db: Kysely<Database>, parentId: string, pupilIds: readonly string[]) {
  if (pupilIds.length === 0) return [];
  return db.selectFrom('parent_questionnaires').selectAll().where('parent_id', '=', parentId).where('pupil_id', 'in', pupilIds).orderBy('sent_at').orderBy('id').execute();
}

export async function findQuestionnaireOfParent(db: Kysely<Database>, parentId: string, questionnaireId: string) {
  return db.selectFrom('parent_questionnaires').selectAll().where('parent_id', '=', parentId).where('id', '=', questionnaireId).executeTakeFirst();
}

export async function updateQuestionnaire(db: Kysely<Database>, questionnaireId: string, changes: Updateable<ParentQuestionnairesTable>): Promise<void> {
  await db.updateTable('parent_questionnaires').set(changes).where('id', '=', questionnaireId).execute();
}

export async function deleteQuestionnaire(db: Kysely<Database>, schoolId: string, pupilId: string, questionnaireId: string): Promise<boolean> {
  const result = await db.deleteFrom('parent_questionnaires').where('school_id', '=', schoolId).where('pupil_id', '=', pupilId).where('id', '=', questionnaireId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

// ---------- what the school shows parents ----------

export async function findSchoolPage(db: Kysely<Database>, schoolId: string) {
  return db.selectFrom('parent_school_pages').selectAll().where('school_id', '=', schoolId).executeTakeFirst();
}

export async function saveSchoolPage(db: Kysely<Database>, row: Insertable<ParentSchoolPagesTable>): Promise<void> {
  await db
    .insertInto('parent_school_pages')
    .values(row)
    .onConflict((oc) => oc.column('school_id').doUpdateSet({ text_nl: row.text_nl, text_en: row.text_en, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}

export async function deleteSchoolPage(db: Kysely<Database>, schoolId: string): Promise<void> {
  await db.deleteFrom('parent_school_pages').where('school_id', '=', schoolId).execute();
}

export async function listLanguages(db: Kysely<Database>, schoolId: string) {
  return db.selectFrom('parent_languages').selectAll().where('school_id', '=', schoolId).orderBy('code').execute();
}

export async function findLanguage(db: Kysely<Database>, schoolId: string, code: string) {
  return db.selectFrom('parent_languages').selectAll().where('school_id', '=', schoolId).where('code', '=', code).executeTakeFirst();
}

export async function saveLanguage(db: Kysely<Database>, row: Insertable<ParentLanguagesTable>): Promise<void> {
  await db
    .insertInto('parent_languages')
    .values(row)
    .onConflict((oc) => oc.columns(['school_id', 'code']).doUpdateSet({ name: row.name, direction: row.direction, texts: row.texts, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}

/** Removes an added language; its parents fall back to Dutch. */
export async function deleteLanguage(db: Kysely<Database>, schoolId: string, code: string): Promise<boolean> {
  const result = await db.deleteFrom('parent_languages').where('school_id', '=', schoolId).where('code', '=', code).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) return false;
  await db.updateTable('parents').set({ language: 'nl' }).where('school_id', '=', schoolId).where('language', '=', code).execute();
  return true;
}
