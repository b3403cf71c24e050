import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { AUDIT_CHAIN_GENESIS, auditRowHashV1 } from './audit-chain.hash';
import { findChainHead, findSeqByRowHash, listChainBatch } from './audit.repository';
import type { AuditEventRow } from './audit.tables';

const VERIFY_BATCH = 1000;

/** What is wrong at the first broken place of the audit chain. */
export type ChainProblemKind =
  /** An event's columns no longer match its row_hash. */
  | 'changed'
  /** One or more sequence numbers are missing: events were deleted. */
  | 'deleted'
  /** An event sits at another place than where it was written. */
  | 'reordered'
  /** An event does not point at the one before it (that one was rewritten, or events were removed and renumbered). */
  | 'broken_link'
  /** The head says the chain is longer than the events that remain. */
  | 'truncated'
  /** The head row is missing or points at another event than the last one. */
  | 'head_mismatch';

/** The outcome of walking the whole audit chain. */
export type ChainReport =
  | { ok: true; count: number; headSeq: number; headHash: string }
  | { ok: false; checked: number; kind: ChainProblemKind; seq: number; message: string };

interface WalkState {
  expectedSeq: number;
  expectedPrev: string;
}

/**
 * Walks the audit chain from the first event to the head and reports either that every link holds
 * (with the count and the head hash, which an operator can note elsewhere) or the first broken place.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainReport> {
  const state: WalkState = { expectedSeq: 1, expectedPrev: AUDIT_CHAIN_GENESIS };
  for (;;) {
    const rows = await listChainBatch(db, state.expectedSeq - 1, VERIFY_BATCH);
    for (const row of rows) {
      const problem = await checkLink(db, row, state);
      if (problem) return { ok: false, checked: state.expectedSeq - 1, ...problem };
      state.expectedSeq = row.seq + 1;
      state.expectedPrev = row.row_hash;
    }
    if (rows.length < VERIFY_BATCH) break;
  }
  return checkHead(db, state.expectedSeq - 1, state.expectedPrev);
}

async function checkLink(
  db: Kysely<Database>,
  row: AuditEventRow,
  state: WalkState,
): Promise<{ kind: ChainProblemKind; seq: number; message: string } | undefined> {
  if (row.seq !== state.expectedSeq) {
    const range = row.seq - 1 === state.expectedSeq ? `${state.expectedSeq}` : `${state.expectedSeq}–${row.seq - 1}`;
    return { kind: 'deleted', seq: state.expectedSeq, message: `event seq ${range} is missing: deleted from the log` };
  }
  if (row.prev_hash !== state.expectedPrev) {
    const writtenAfter = await findSeqByRowHash(db, row.prev_hash);
    if (writtenAfter !== undefined && writtenAfter !== row.seq - 1) {
      return {
        kind: 'reordered',
        seq: row.seq,
        message: `event seq ${row.seq} was written right after the event now at seq ${writtenAfter}, not after seq ${row.seq - 1}: events were reordered`,
      };
    }
    return {
      kind: 'broken_link',
      seq: row.seq,
      message: `event seq ${row.seq} does not follow seq ${row.seq - 1}: that event was rewritten, or events between them were removed and renumbered`,
    };
  }
  if (auditRowHashV1(row) !== row.row_hash) {
    return { kind: 'changed', seq: row.seq, message: `event seq ${row.seq} (id ${row.id}) was changed after it was written` };
  }
  return undefined;
}

async function checkHead(db: Kysely<Database>, lastSeq: number, lastHash: string): Promise<ChainReport> {
  const head = await findChainHead(db);
  const broken = (kind: ChainProblemKind, seq: number, message: string): ChainReport => ({ ok: false, checked: lastSeq, kind, seq, message });
  if (!head) {
    // No head before the first event; with events it was deleted.
    if (lastSeq === 0) return { ok: true, count: 0, headSeq: 0, headHash: AUDIT_CHAIN_GENESIS };
    return broken('head_mismatch', lastSeq, 'the chain head (audit_chain_head) is missing');
  }
  if (head.seq > lastSeq) {
    return broken('truncated', lastSeq + 1, `the head says the log holds ${head.seq} events, but it ends at seq ${lastSeq}: the newest events were removed`);
  }
  if (head.seq < lastSeq || head.row_hash !== lastHash) {
    return broken('head_mismatch', head.seq, `the head (seq ${head.seq}) does not point at the last event (seq ${lastSeq})`);
  }
  return { ok: true, count: lastSeq, headSeq: head.seq, headHash: head.row_hash };
}
