import type { Selectable } from 'kysely';

/** One append-only audit event: who did what to which record, and when (UTC). */
export interface AuditEventsTable {
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  board_id: string | null;
  school_id: string | null;
  detail: string | null;
}

export type AuditEventRow = Selectable<AuditEventsTable>;
