import type { Selectable } from 'kysely';

/** One append-only audit event: who did what to which record, and when (UTC), as a link in the hash chain. */
export interface AuditEventsTable {
  id: string;
  /** Place in the chain: 1, 2, 3, … without gaps. */
  seq: number;
  occurred_at: string;
  actor_user_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  board_id: string | null;
  school_id: string | null;
  detail: string | null;
  /** row_hash of the event with seq − 1 (64 zeros for the first). */
  prev_hash: string;
  /** SHA-256 over every other column (see audit-chain.hash.ts). */
  row_hash: string;
}

/** The newest link of the audit chain (exactly one row, id 1; seq 0 while the log is empty). */
export interface AuditChainHeadTable {
  id: number;
  seq: number;
  row_hash: string;
}

export type AuditEventRow = Selectable<AuditEventsTable>;
