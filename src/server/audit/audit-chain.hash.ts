import { createHash } from 'node:crypto';

// FROZEN: the audit chain migration and every stored row_hash depend on the exact output of this file.
// Never change what these functions return for a given input. A new column or a new way of hashing
// gets a new version (a new function and a new prefix), chosen per row by a stored marker.

/** The prev_hash of the first event in the chain: 64 zeros (there is nothing before it). */
export const AUDIT_CHAIN_GENESIS = '0'.repeat(64);

/** Every column of one audit event that its row hash covers (all of them except row_hash itself). */
export interface ChainedAuditFields {
  seq: number;
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  board_id: string | null;
  school_id: string | null;
  detail: string | null;
  prev_hash: string;
}

/**
 * The canonical text of one audit event (version 1): a JSON array of every column in a fixed order,
 * so no value can run into the next and `null` differs from an empty string.
 */
export function canonicalAuditTextV1(fields: ChainedAuditFields): string {
  return JSON.stringify([
    'gw-audit-v1',
    fields.seq,
    fields.id,
    fields.occurred_at,
    fields.actor_user_id,
    fields.action,
    fields.target_type,
    fields.target_id,
    fields.board_id,
    fields.school_id,
    fields.detail,
    fields.prev_hash,
  ]);
}

/** SHA-256 (hex) over the canonical text of one audit event: the event's row_hash. */
export function auditRowHashV1(fields: ChainedAuditFields): string {
  return createHash('sha256').update(canonicalAuditTextV1(fields), 'utf8').digest('hex');
}
