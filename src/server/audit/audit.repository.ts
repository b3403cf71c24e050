import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { AuditEventRow, AuditEventsTable } from './audit.tables';

/** Appends one audit event. There is deliberately no update or delete. */
export async function insertAuditEvent(db: Kysely<Database>, event: AuditEventsTable): Promise<void> {
  await db.insertInto('audit_events').values(event).execute();
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
  return query.orderBy('audit_events.occurred_at', 'desc').orderBy('audit_events.id').limit(limit).execute();
}
