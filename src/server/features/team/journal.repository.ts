import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { TeamJournalEntriesTable } from './journal.tables';

// SQL of the reflection journal. EVERY query is keyed to the school AND the author's user id: there is no query for
// anyone else's entries. Bodies come back sealed; the service opens them.

/** The author's entries in the school, newest first. */
export async function listEntries(db: Kysely<Database>, schoolId: string, userId: string) {
  return db
    .selectFrom('team_journal_entries')
    .select(['id', 'prompt_id', 'body_encrypted', 'created_at', 'updated_at'])
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** How many entries the author keeps in the school. */
export async function countEntries(db: Kysely<Database>, schoolId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('team_journal_entries')
    .select((eb) => eb.fn.countAll<number | string>().as('entries'))
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.entries);
}

/** One of the author's entries. */
export async function findEntry(db: Kysely<Database>, schoolId: string, userId: string, entryId: string) {
  return db
    .selectFrom('team_journal_entries')
    .select(['id', 'prompt_id', 'body_encrypted', 'created_at', 'updated_at'])
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .where('id', '=', entryId)
    .executeTakeFirst();
}

export async function insertEntry(db: Kysely<Database>, row: TeamJournalEntriesTable): Promise<void> {
  await db.insertInto('team_journal_entries').values(row).execute();
}

/** Changes one of the author's entries. */
export async function updateEntry(
  db: Kysely<Database>,
  schoolId: string,
  userId: string,
  entryId: string,
  changes: Pick<TeamJournalEntriesTable, 'prompt_id' | 'body_encrypted' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('team_journal_entries').set(changes).where('school_id', '=', schoolId).where('user_id', '=', userId).where('id', '=', entryId).execute();
}

/** Deletes one of the author's entries. */
export async function deleteEntry(db: Kysely<Database>, schoolId: string, userId: string, entryId: string): Promise<void> {
  await db.deleteFrom('team_journal_entries').where('school_id', '=', schoolId).where('user_id', '=', userId).where('id', '=', entryId).execute();
}

/** Deletes every entry of the author in the school; returns how many there were. */
export async function deleteAllEntries(db: Kysely<Database>, schoolId: string, userId: string): Promise<number> {
  const result = await db.deleteFrom('team_journal_entries').where('school_id', '=', schoolId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
