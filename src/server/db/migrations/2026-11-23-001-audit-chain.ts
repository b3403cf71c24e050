import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { AUDIT_CHAIN_GENESIS, auditRowHashV1 } from '../../audit/audit-chain.hash';

// The audit log becomes a hash chain: every event gets a sequence number, the hash of the event
// before it and its own hash. `audit_chain_head` (one row, from the first event on) holds the newest seq and hash;
// writers lock that row, so on PostgreSQL two transactions never take the same place in the chain
// (SQLite serialises writers anyway). Triggers make both tables append-only in the database
// itself: an event can be added only as the next link, never changed or deleted, and the head can
// only move forward to the newest event. The old table is rebuilt (not altered) so the new columns
// can be NOT NULL on SQLite too; existing events are chained in (occurred_at, id) order.

const BACKFILL_BATCH = 200;

interface OldAuditRow {
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

/** Adds seq, prev_hash and row_hash to the audit log, chains existing events and makes the log append-only. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_events_chained')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('board_id', 'text')
    .addColumn('school_id', 'text')
    .addColumn('detail', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('row_hash', 'text', (c) => c.notNull())
    .execute();
  const head = await copyWithChain(db);
  await db.schema.dropTable('audit_events').execute();
  await db.schema.alterTable('audit_events_chained').renameTo('audit_events').execute();
  await db.schema.createIndex('audit_events_seq_idx').unique().on('audit_events').column('seq').execute();
  await db.schema.createIndex('audit_events_school_idx').on('audit_events').columns(['school_id', 'occurred_at']).execute();
  await db.schema.createIndex('audit_events_board_idx').on('audit_events').columns(['board_id', 'occurred_at']).execute();

  await db.schema
    .createTable('audit_chain_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('row_hash', 'text', (c) => c.notNull())
    .addCheckConstraint('audit_chain_head_one_row', sql`id = 1`)
    .execute();
  // An empty log gets its head with the first event (a migrated but unused database stays without rows).
  if (head.seq > 0) await db.insertInto('audit_chain_head').values({ id: 1, seq: head.seq, row_hash: head.rowHash }).execute();

  for (const statement of isPostgres(db) ? POSTGRES_TRIGGERS : SQLITE_TRIGGERS) await sql.raw(statement).execute(db);
}

/** Removes the triggers, the head table and the chain columns again (the events themselves stay). */
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of isPostgres(db) ? POSTGRES_DROP_TRIGGERS : SQLITE_DROP_TRIGGERS) await sql.raw(statement).execute(db);
  await db.schema.dropTable('audit_chain_head').execute();
  await db.schema.dropIndex('audit_events_seq_idx').execute();
  await db.schema.alterTable('audit_events').dropColumn('row_hash').execute();
  await db.schema.alterTable('audit_events').dropColumn('prev_hash').execute();
  await db.schema.alterTable('audit_events').dropColumn('seq').execute();
}

// Copies the events in batches, computing each link with the frozen version-1 hash.
async function copyWithChain(db: Kysely<any>): Promise<{ seq: number; rowHash: string }> {
  let seq = 0;
  let prevHash = AUDIT_CHAIN_GENESIS;
  for (;;) {
    const rows: OldAuditRow[] = await db
      .selectFrom('audit_events')
      .select(['id', 'occurred_at', 'actor_user_id', 'action', 'target_type', 'target_id', 'board_id', 'school_id', 'detail'])
      .orderBy('occurred_at')
      .orderBy('id')
      .limit(BACKFILL_BATCH)
      .offset(seq)
      .execute();
    if (rows.length === 0) return { seq, rowHash: prevHash };
    const chained = rows.map((row) => {
      seq += 1;
      const fields = { ...row, seq, prev_hash: prevHash };
      prevHash = auditRowHashV1(fields);
      return { ...fields, row_hash: prevHash };
    });
    await db.insertInto('audit_events_chained').values(chained).execute();
  }
}

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const SQLITE_TRIGGERS = [
  `create trigger audit_events_no_update before update on audit_events
     begin select raise(abort, 'audit_events is append-only'); end`,
  `create trigger audit_events_no_delete before delete on audit_events
     begin select raise(abort, 'audit_events is append-only'); end`,
  `create trigger audit_events_extends_head before insert on audit_events
     when new.seq is not (select seq + 1 from audit_chain_head where id = 1)
       or new.prev_hash is not (select row_hash from audit_chain_head where id = 1)
     begin select raise(abort, 'an audit event must extend the chain head'); end`,
  `create trigger audit_chain_head_no_delete before delete on audit_chain_head
     begin select raise(abort, 'audit_chain_head cannot be deleted'); end`,
  `create trigger audit_chain_head_moves_forward before update on audit_chain_head
     when new.id is not old.id or new.seq is not old.seq + 1
       or new.row_hash is not (select row_hash from audit_events where seq = new.seq)
     begin select raise(abort, 'the audit chain head only moves to the next event'); end`,
];

const SQLITE_DROP_TRIGGERS = [
  'drop trigger if exists audit_events_no_update',
  'drop trigger if exists audit_events_no_delete',
  'drop trigger if exists audit_events_extends_head',
  'drop trigger if exists audit_chain_head_no_delete',
  'drop trigger if exists audit_chain_head_moves_forward',
];

const POSTGRES_TRIGGERS = [
  `create function audit_refuse_change() returns trigger language plpgsql as $$
   begin
     raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
   end $$`,
  `create function audit_check_extends_head() returns trigger language plpgsql as $$
   begin
     if not exists (select 1 from audit_chain_head where id = 1 and seq + 1 = new.seq and row_hash = new.prev_hash) then
       raise exception 'an audit event must extend the chain head' using errcode = 'integrity_constraint_violation';
     end if;
     return new;
   end $$`,
  `create function audit_check_head_moves_forward() returns trigger language plpgsql as $$
   begin
     if new.id <> old.id or new.seq <> old.seq + 1
        or not exists (select 1 from audit_events where seq = new.seq and row_hash = new.row_hash) then
       raise exception 'the audit chain head only moves to the next event' using errcode = 'integrity_constraint_violation';
     end if;
     return new;
   end $$`,
  'create trigger audit_events_no_change before update or delete on audit_events for each row execute function audit_refuse_change()',
  'create trigger audit_events_no_truncate before truncate on audit_events for each statement execute function audit_refuse_change()',
  'create trigger audit_events_extends_head before insert on audit_events for each row execute function audit_check_extends_head()',
  'create trigger audit_chain_head_no_delete before delete on audit_chain_head for each row execute function audit_refuse_change()',
  'create trigger audit_chain_head_no_truncate before truncate on audit_chain_head for each statement execute function audit_refuse_change()',
  'create trigger audit_chain_head_moves_forward before update on audit_chain_head for each row execute function audit_check_head_moves_forward()',
];

const POSTGRES_DROP_TRIGGERS = [
  'drop trigger if exists audit_events_no_change on audit_events',
  'drop trigger if exists audit_events_no_truncate on audit_events',
  'drop trigger if exists audit_events_extends_head on audit_events',
  'drop trigger if exists audit_chain_head_no_delete on audit_chain_head',
  'drop trigger if exists audit_chain_head_no_truncate on audit_chain_head',
  'drop trigger if exists audit_chain_head_moves_forward on audit_chain_head',
  'drop function if exists audit_check_head_moves_forward()',
  'drop function if exists audit_check_extends_head()',
  'drop function if exists audit_refuse_change()',
];
