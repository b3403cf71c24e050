import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/support/test-app';
import { createEmptyTestDatabaseUrl, createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/test-db';
import { runAudit } from '../../cli/audit.command';
import { backupDatabase, restoreDatabase } from '../db/backup';
import { createDb } from '../db/create-db';
import type { Database, Dialect } from '../db/database';
import * as auditChainMigration from '../db/migrations/2026-11-23-001-audit-chain';
import { AUDIT_CHAIN_GENESIS, auditRowHashV1 } from './audit-chain.hash';
import { verifyAuditChain } from './audit-verify';
import { recordAudit } from './audit.service';

// What an attacker with database access does first: remove the guards the migration installed.
async function dropAuditTriggers(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  const statements =
    dialect === 'sqlite'
      ? ['audit_events_no_update', 'audit_events_no_delete', 'audit_events_extends_head', 'audit_chain_head_moves_forward'].map(
          (name) => `drop trigger ${name}`,
        )
      : ['audit_events_no_change', 'audit_events_extends_head'].map((name) => `drop trigger ${name} on audit_events`).concat(
          'drop trigger audit_chain_head_moves_forward on audit_chain_head',
        );
  for (const statement of statements) await sql.raw(statement).execute(db);
}

async function otherBackends(db: Kysely<Database>, dialect: Dialect): Promise<number> {
  if (dialect === 'sqlite') return 0;
  const result = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(db);
  return result.rows[0]?.n ?? 0;
}

async function recordEvents(db: Kysely<Database>, clock: FakeClock, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    clock.advance(1000);
    await recordAudit(db, clock, { actorUserId: null, action: 'auth.login_failed', targetType: 'user', targetId: `user-${index}`, detail: { n: index } });
  }
}

describe.each(testDialects())('the audit hash chain on %s', (dialect) => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  let clock: FakeClock;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    db = database.db.kysely;
    clock = new FakeClock();
  });
  afterEach(async () => {
    await database.drop();
  });

  it('starts without rows (the head comes with the first event) and calls an empty log intact', async () => {
    expect(await db.selectFrom('audit_chain_head').selectAll().execute()).toEqual([]);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 0, headSeq: 0, headHash: AUDIT_CHAIN_GENESIS });
  });

  it('links every event to the one before and reports an intact chain with its length and head', async () => {
    await recordEvents(db, clock, 5);
    const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prev_hash).toBe(AUDIT_CHAIN_GENESIS);
    for (const [index, row] of rows.entries()) {
      expect(row.row_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.row_hash).toBe(auditRowHashV1(row));
      if (index > 0) expect(row.prev_hash).toBe(rows[index - 1]?.row_hash);
    }
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 5, headSeq: 5, headHash: rows[4]?.row_hash });
  });

  it('keeps one unbroken chain when many requests write at the same time', async () => {
    // A second pool of its own, so on PostgreSQL up to ten transactions really compete for the head.
    const others = await otherBackends(db, dialect);
    const writer = await createDb(database.url);
    try {
      await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          index % 2 === 0
            ? recordAudit(writer.kysely, clock, { actorUserId: null, action: 'pupils.read', targetId: `t${index}` })
            : writer.kysely.transaction().execute(async (trx) => {
                await trx.selectFrom('boards').select('id').execute();
                await recordAudit(trx, clock, { actorUserId: null, action: 'outbox.read', targetId: `t${index}` });
              }),
        ),
      );
    } finally {
      await writer.close();
    }
    // The pool's sockets close after close() returns; dropping the database before that kills them noisily.
    while ((await otherBackends(db, dialect)) > others) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: 40, headSeq: 40 });
  });

  it('refuses to change or delete an event, to skip a place in the chain, or to move the head back', async () => {
    await recordEvents(db, clock, 3);
    await expect(db.updateTable('audit_events').set({ detail: '{"n":99}' }).where('seq', '=', 2).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_events').where('seq', '=', 3).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    if (dialect === 'postgres') await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow(/append-only/);
    const stray = { id: 'stray', seq: 9, occurred_at: '2026-11-21T10:00:00.000Z', actor_user_id: null, action: 'auth.logout', target_type: null, target_id: null, board_id: null, school_id: null, detail: null, prev_hash: AUDIT_CHAIN_GENESIS };
    await expect(db.insertInto('audit_events').values({ ...stray, row_hash: auditRowHashV1(stray) }).execute()).rejects.toThrow(/extend the chain head/);
    await expect(db.updateTable('audit_chain_head').set({ seq: 1 }).execute()).rejects.toThrow(/only moves to the next event/);
    await expect(db.deleteFrom('audit_chain_head').execute()).rejects.toThrow(/cannot be deleted|append-only/);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: 3 });
  });

  it('survives a backup and restore: the chain verifies and the copy is append-only too', async () => {
    await recordEvents(db, clock, 3);
    const dir = mkdtempSync(join(tmpdir(), 'gw-audit-backup-'));
    const target = await createEmptyTestDatabaseUrl(dialect);
    try {
      await backupDatabase(database.db, join(dir, 'audit.backup'));
      await restoreDatabase(target.url, join(dir, 'audit.backup'));
      const restored = await createDb(target.url);
      try {
        expect(await verifyAuditChain(restored.kysely)).toMatchObject({ ok: true, count: 3 });
        await expect(restored.kysely.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
        await recordEvents(restored.kysely, clock, 1);
        expect(await verifyAuditChain(restored.kysely)).toMatchObject({ ok: true, count: 4 });
      } finally {
        await restored.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await target.drop();
    }
  });

  it('finds a changed event', async () => {
    await recordEvents(db, clock, 5);
    await dropAuditTriggers(db, dialect);
    await db.updateTable('audit_events').set({ actor_user_id: 'someone-else' }).where('seq', '=', 3).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, kind: 'changed', seq: 3, checked: 2 });
  });

  it('finds an event rewritten together with its own hash, at the link to the next event', async () => {
    await recordEvents(db, clock, 5);
    await dropAuditTriggers(db, dialect);
    const row = await db.selectFrom('audit_events').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const forged = { ...row, action: 'auth.logout' };
    await db.updateTable('audit_events').set({ action: forged.action, row_hash: auditRowHashV1(forged) }).where('seq', '=', 2).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, kind: 'broken_link', seq: 3 });
  });

  it('finds a deleted event', async () => {
    await recordEvents(db, clock, 5);
    await dropAuditTriggers(db, dialect);
    await db.deleteFrom('audit_events').where('seq', '=', 2).execute();
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, kind: 'deleted', seq: 2, checked: 1 });
    expect(report.ok ? '' : report.message).toContain('seq 2 is missing');
  });

  it('finds a truncated tail: the head says more events than remain', async () => {
    await recordEvents(db, clock, 5);
    await dropAuditTriggers(db, dialect);
    await db.deleteFrom('audit_events').where('seq', '>=', 4).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, kind: 'truncated', seq: 4, checked: 3 });
  });

  it('finds reordered events', async () => {
    await recordEvents(db, clock, 5);
    await dropAuditTriggers(db, dialect);
    // Swap the places of events 3 and 4 (through a free number, as seq is unique).
    await db.updateTable('audit_events').set({ seq: -1 }).where('seq', '=', 3).execute();
    await db.updateTable('audit_events').set({ seq: 3 }).where('seq', '=', 4).execute();
    await db.updateTable('audit_events').set({ seq: 4 }).where('seq', '=', -1).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, kind: 'reordered', seq: 3, checked: 2 });
  });

  it('`groeiwijzer audit verify` prints OK with the count and exits 0, and names the broken place with exit code 1', async () => {
    await recordEvents(db, clock, 4);
    const printed: string[] = [];
    const env = { DATABASE_URL: database.url, LOG_LEVEL: 'silent' };
    expect(await runAudit(['verify'], env, (line) => printed.push(line))).toBe(0);
    expect(printed.join('\n')).toMatch(/^OK: .* intact: 4 events, head seq 4, head hash [0-9a-f]{64}$/);
    await dropAuditTriggers(db, dialect);
    await db.updateTable('audit_events').set({ occurred_at: '2020-01-01T00:00:00.000Z' }).where('seq', '=', 2).execute();
    printed.length = 0;
    expect(await runAudit(['verify'], env, (line) => printed.push(line))).toBe(1);
    expect(printed.join('\n')).toMatch(/^BROKEN: .* fails at seq 2 \(changed\)/);
    await expect(runAudit(['check'], env, () => undefined)).rejects.toThrow(/verify/);
  });

  it('the migration chains events that were recorded before it, and its down step undoes it', async () => {
    await auditChainMigration.down(db);
    const oldRows = [3, 1, 2].map((minute) => ({
      id: `old-${minute}`,
      occurred_at: `2026-11-20T10:0${minute}:00.000Z`,
      actor_user_id: null,
      action: 'auth.login_succeeded',
      target_type: 'user',
      target_id: `u${minute}`,
      board_id: null,
      school_id: null,
      detail: null,
    }));
    const untyped = db as unknown as Kysely<any>;
    await untyped.insertInto('audit_events').values(oldRows).execute();
    await auditChainMigration.up(db);
    const rows = await db.selectFrom('audit_events').select(['id', 'seq']).orderBy('seq').execute();
    expect(rows).toEqual([
      { id: 'old-1', seq: 1 },
      { id: 'old-2', seq: 2 },
      { id: 'old-3', seq: 3 },
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: 3 });
    await recordEvents(db, clock, 1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: 4 });
  });
});
