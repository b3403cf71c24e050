import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/support/test-app';
import { createEmptyTestDatabaseUrl, testDialects } from '../../../test/support/test-db';
import { isoInstant, newId } from '../deps';
import { DEMO_PASSWORD } from '../features/demo/demo.data';
import { loadDemo } from '../features/setup/setup.service';
import { backupDatabase, restoreDatabase } from './backup';
import { createDb } from './create-db';
import type { Db } from './database';
import { migrateToBottom, migrateToLatest } from './migrate';

/** Every table of the database (Kysely's migration tables included) with all its rows in a fixed order. */
async function readAllTables(db: Db): Promise<Record<string, unknown[]>> {
  const tables =
    db.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db.kysely)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(
          db.kysely,
        );
  const result: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db.kysely);
    // Every table has a primary key, so sorting on the whole row gives the primary-key order's set of rows.
    result[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

async function withDb<T>(url: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await createDb(url);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

describe.each(testDialects())('backup and restore on %s', (dialect) => {
  let test: TestApp;
  let dir: string;
  let backupFile: string;
  const drops: (() => Promise<void>)[] = [];

  const emptyTarget = async () => {
    const target = await createEmptyTestDatabaseUrl(dialect);
    drops.push(target.drop);
    return target.url;
  };

  beforeAll(async () => {
    test = await createTestApp(dialect);
    await loadDemo(test.deps);
    // Fill the tables the demo leaves empty, so the comparison covers every table.
    await login(test.app, 'leerkracht@voorbeeld.test', DEMO_PASSWORD);
    const db = test.deps.db.kysely;
    const user = await db.selectFrom('users').select('id').where('email', '=', 'beheer@voorbeeld.test').executeTakeFirstOrThrow();
    const now = isoInstant(test.clock.now());
    await db.insertInto('user_tokens').values({ token_hash: newId(), user_id: user.id, purpose: 'reset', expires_at: now, used_at: null, created_at: now }).execute();
    await db.insertInto('outbox_messages').values({ id: newId(), board_id: null, school_id: null, to_address: 'beheer@voorbeeld.test', subject: 'Test', body_text: 'Hallo', created_at: now }).execute();
    dir = mkdtempSync(join(tmpdir(), 'gw-backup-'));
    backupFile = join(dir, `groeiwijzer.${dialect}.backup`);
    await backupDatabase(test.deps.db, backupFile);
  });
  afterAll(async () => {
    for (const drop of drops) await drop();
    await test.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores into a new, empty database with identical rows in every table', async () => {
    const source = await readAllTables(test.deps.db);
    expect(Object.keys(source)).toEqual(expect.arrayContaining(['boards', 'pupils', 'class_pupils', 'sessions', 'audit_events', 'kysely_migration']));
    for (const [table, rows] of Object.entries(source)) expect(rows.length, `${table} has rows to compare`).toBeGreaterThan(0);
    const target = await emptyTarget();
    await restoreDatabase(target, backupFile);
    expect(await withDb(target, readAllTables)).toEqual(source);
  });

  it('restores into a database that was migrated but never used', async () => {
    const target = await emptyTarget();
    await withDb(target, async (db) => void (await migrateToLatest(db.kysely)));
    await restoreDatabase(target, backupFile);
    expect(await withDb(target, readAllTables)).toEqual(await readAllTables(test.deps.db));
  });

  it('brings a backup from an older version up to date', async () => {
    // The oldest possible backup: a database from before the first migration.
    const old = await emptyTarget();
    const oldFile = join(dir, `old.${dialect}.backup`);
    await withDb(old, async (db) => {
      await migrateToLatest(db.kysely);
      await migrateToBottom(db.kysely);
      await backupDatabase(db, oldFile);
    });
    const target = await emptyTarget();
    await restoreDatabase(target, oldFile);
    const restored = await withDb(target, readAllTables);
    expect(restored.kysely_migration).toHaveLength(1);
    expect(restored.boards).toEqual([]);
  });

  it('refuses to restore into a database that holds data, and leaves it alone', async () => {
    const before = await readAllTables(test.deps.db);
    await expect(restoreDatabase(test.database.url, backupFile)).rejects.toThrow(/already holds data/);
    expect(await readAllTables(test.deps.db)).toEqual(before);
  });

  it('refuses to overwrite an existing file', async () => {
    await expect(backupDatabase(test.deps.db, backupFile)).rejects.toThrow(/Refusing to overwrite/);
  });

  it('refuses a file that is not a backup and leaves nothing behind', async () => {
    const bogus = join(dir, `bogus.${dialect}`);
    writeFileSync(bogus, 'this is not a database');
    const target = await emptyTarget();
    await expect(restoreDatabase(target, bogus)).rejects.toThrow(dialect === 'sqlite' ? /not a Groeiwijzer SQLite backup/ : /pg_restore failed/);
    if (dialect === 'sqlite') expect(existsSync(target.slice('sqlite:'.length))).toBe(false);
    else expect(await withDb(target, async (db) => (await sql`select 1 from information_schema.tables where table_schema = 'public'`.execute(db.kysely)).rows)).toEqual([]);
  });
});
