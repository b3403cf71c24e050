import { type Kysely, PostgresAdapter } from 'kysely';
import type { Database } from '../db/database';
import { AUDIT_CHAIN_GENESIS } from './audit-chain.hash';
import type { AuditChainHeadTable, AuditEventRow, AuditEventsTable } from './audit.tables';

/** True when the handle talks to PostgreSQL (which needs an explicit row lock on the chain head). */
export function isPostgresHandle(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Reads the chain head inside the caller's transaction. On PostgreSQL the row is locked until the
 * transaction ends, so concurrent writers take their places in the chain one after another; SQLite
 * allows one writer at a time anyway (and has no FOR UPDATE). The head row is created with the
 * first event, so a freshly migrated database holds no rows at all (`restore` relies on that).
 */
export async function lockChainHead(trx: Kysely<Database>): Promise<AuditChainHeadTable> {
  const select = () =>
    trx
      .selectFrom('audit_chain_head')
      .select(['id', 'seq', 'row_hash'])
      .where('id', '=', 1)
      .$if(isPostgresHandle(trx), (query) => query.forUpdate())
      .executeTakeFirst();
  const head = await select();
  if (head) return head;
  // Two first writers at once: one inserts, the other waits for it and then finds its row.
  await trx
    .insertInto('audit_chain_head')
    .values({ id: 1, seq: 0, row_hash: AUDIT_CHAIN_GENESIS })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
  const created = await select();
  if (!created) throw new Error('audit_chain_head could not be created');
  return created;
}

/** Appends one audit event and moves the chain head to it. There is deliberately no update or delete. */
export async function appendAuditEvent(trx: Kysely<Database>, event: AuditEventsTable): Promise<void> {
  await trx.insertInto('audit_events').values(event).execute();
  await trx.updateTable('audit_chain_head').set({ seq: event.seq, row_hash: event.row_hash }).where('id', '=', 1).execute();
}

/** The chain head as stored, or undefined before the first event (or when its row is gone). */
export async function findChainHead(db: Kysely<Database>): Promise<AuditChainHeadTable | undefined> {
  return db.selectFrom('audit_chain_head').select(['id', 'seq', 'row_hash']).where('id', '=', 1).executeTakeFirst();
}

/** Up to `limit` events after `afterSeq`, in chain order. */
export async function listChainBatch(db: Kysely<Database>, afterSeq: number, limit: number): Promise<AuditEventRow[]> {
  return db.selectFrom('audit_events').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

/** The seq of the event whose row_hash is `rowHash`, if any (used only to explain a broken link). */
export async function findSeqByRowHash(db: Kysely<Database>, rowHash: string): Promise<number | undefined> {
  const row = await db.selectFrom('audit_events').select('seq').where('row_hash', '=', rowHash).executeTakeFirst();
  return row?.seq;
}

/** The newest audit events of a school or a board. */
export async function listAuditEvents(
  db: Kysely<Database>,
  scope: { schoolId: string } | { boardId: string },
  limit: number,
): Promise<(AuditEventRow & { actor_name: string | null; actor_email: string | null })[]> {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .selectAll('audit_events')
    .select(['users.name as actor_name', 'users.email as actor_email']);
  query = 'schoolId' in scope ? query.where('audit_events.school_id', '=', scope.schoolId) : query.where('audit_events.board_id', '=', scope.boardId);
  return query.orderBy('audit_events.occurred_at', 'desc').orderBy('audit_events.seq', 'desc').limit(limit).execute();
}
