import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { CareConversationsTable } from './care-conversations.tables';

// SQL of pupil conversations; every query is scoped to the school. Encrypted columns come back sealed: the service opens them.

// The pupil's conversations with their author's name: the one query the list and a single conversation share.
function conversationsOfPupil(db: Kysely<Database>, schoolId: string, pupilId: string) {
  return db
    .selectFrom('care_conversations')
    .leftJoin('users', 'users.id', 'care_conversations.created_by')
    .select([
      'care_conversations.id',
      'care_conversations.pupil_id',
      'care_conversations.planned_on',
      'care_conversations.held_on',
      'care_conversations.note_encrypted',
      'care_conversations.shared_with_care_team',
      'care_conversations.for_care_team_encrypted',
      'care_conversations.created_by',
      'care_conversations.created_at',
      'users.name as teacher_name',
    ])
    .where('care_conversations.school_id', '=', schoolId)
    .where('care_conversations.pupil_id', '=', pupilId);
}

/** The pupil's conversations with their author's name, by planned date. */
export async function listConversations(db: Kysely<Database>, schoolId: string, pupilId: string) {
  return conversationsOfPupil(db, schoolId, pupilId).orderBy('care_conversations.planned_on').orderBy('care_conversations.created_at').execute();
}

/** One conversation of the pupil, if it exists. */
export async function findConversation(db: Kysely<Database>, schoolId: string, pupilId: string, id: string) {
  return conversationsOfPupil(db, schoolId, pupilId).where('care_conversations.id', '=', id).executeTakeFirst();
}

/** How many conversations of the pupil are planned between two school dates (both included). */
export async function countConversationsPlannedBetween(db: Kysely<Database>, schoolId: string, pupilId: string, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('care_conversations')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('school_id', '=', schoolId)
    .where('pupil_id', '=', pupilId)
    .where('planned_on', '>=', from)
    .where('planned_on', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertConversations(db: Kysely<Database>, rows: readonly CareConversationsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('care_conversations').values([...rows]).execute();
}

/** Changes a conversation of the pupil. */
export async function updateConversation(
  db: Kysely<Database>,
  schoolId: string,
  pupilId: string,
  id: string,
  changes: Pick<CareConversationsTable, 'planned_on' | 'held_on' | 'note_encrypted' | 'shared_with_care_team' | 'for_care_team_encrypted' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('care_conversations').set(changes).where('school_id', '=', schoolId).where('pupil_id', '=', pupilId).where('id', '=', id).execute();
}

/** Removes a conversation of the pupil that was not held; false when there was none such. */
export async function deletePlannedConversation(db: Kysely<Database>, schoolId: string, pupilId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('care_conversations')
    .where('school_id', '=', schoolId)
    .where('pupil_id', '=', pupilId)
    .where('id', '=', id)
    .where('held_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The school's conversations held since `since` and shared with the care team, newest first, of pupils still at school. */
export async function listSharedConversationsSince(db: Kysely<Database>, schoolId: string, since: string) {
  return db
    .selectFrom('care_conversations')
    .innerJoin('pupils', 'pupils.id', 'care_conversations.pupil_id')
    .leftJoin('users', 'users.id', 'care_conversations.created_by')
    .select([
      'care_conversations.id',
      'care_conversations.pupil_id',
      'care_conversations.held_on',
      'care_conversations.for_care_team_encrypted',
      'users.name as teacher_name',
      'pupils.first_name',
      'pupils.last_name',
    ])
    .where('care_conversations.school_id', '=', schoolId)
    .where('care_conversations.shared_with_care_team', '=', 1)
    .where('care_conversations.held_on', '>=', since)
    .where('pupils.left_on', 'is', null)
    .orderBy('care_conversations.held_on', 'desc')
    .execute();
}
