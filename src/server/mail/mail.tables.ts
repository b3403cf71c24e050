import type { Selectable } from 'kysely';

/** A mail kept for administrators when no SMTP server is configured. */
export interface OutboxMessagesTable {
  id: string;
  board_id: string | null;
  school_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: string;
}

export type OutboxMessageRow = Selectable<OutboxMessagesTable>;
