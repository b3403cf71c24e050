import type { Selectable } from 'kysely';

/** A mail kept for administrators when no SMTP server is configured. */
export interface OutboxMessagesTable {
  id: string;
  board_id: string | null;
  school_id: string | null;
  to_address: string;
  subject: string;
  /** The mail's text, with its secret link (reset, invitation) cut out: that never lies here in plain text. */
  body_text: string;
  /** The secret link sealed with field encryption; null without one, and once it expired (purged). */
  secret_link_encrypted: string | null;
  /** Where in body_text the secret link stood (UTF-16 code units, as JavaScript counts). */
  secret_link_offset: number | null;
  /** When the secret link stops working; from then on the outbox shows the mail without it. */
  secret_link_expires_at: string | null;
  created_at: string;
}

export type OutboxMessageRow = Selectable<OutboxMessagesTable>;
