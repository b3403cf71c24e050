import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { OutboxMessageRow, OutboxMessagesTable } from './mail.tables';

/** Keeps one mail in the outbox. */
export async function insertOutboxMessage(db: Kysely<Database>, message: Insertable<OutboxMessagesTable>): Promise<void> {
  await db.insertInto('outbox_messages').values(message).execute();
}

/** The newest 200 mails of a board or a school, newest first. */
export async function listOutboxMessages(db: Kysely<Database>, scope: { boardId: string } | { schoolId: string }): Promise<OutboxMessageRow[]> {
  let query = db.selectFrom('outbox_messages').selectAll();
  query = 'boardId' in scope ? query.where('board_id', '=', scope.boardId) : query.where('school_id', '=', scope.schoolId);
  return query.orderBy('created_at', 'desc').limit(200).execute();
}

/** Deletes the sealed secret link of every mail whose link expired at or before `now`; returns how many. */
export async function purgeExpiredSecretLinks(db: Kysely<Database>, now: string): Promise<number> {
  const result = await db
    .updateTable('outbox_messages')
    .set({ secret_link_encrypted: null })
    .where('secret_link_encrypted', 'is not', null)
    .where('secret_link_expires_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
