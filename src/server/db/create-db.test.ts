import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/test-app';
import { createEmptyTestDatabaseUrl, testDialects } from '../../../test/support/test-db';
import { assertSqliteDurable, createDb, sqlitePathOf } from './create-db';
import { migrateToBottom, migrateToLatest } from './migrate';

const dir = mkdtempSync(join(tmpdir(), 'gw-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite durability', () => {
  it('opens in WAL mode with synchronous=FULL and foreign keys on', async () => {
    const db = await createDb(`sqlite:${join(dir, 'durable.db')}`);
    const settings = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db.kysely);
    expect(settings.rows[0]?.journal_mode).toBe('wal');
    expect((await sql<{ synchronous: number }>`pragma synchronous`.execute(db.kysely)).rows[0]?.synchronous).toBe(2);
    expect((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db.kysely)).rows[0]?.foreign_keys).toBe(1);
    await db.close();
  });

  it('refuses a connection that would lose acknowledged commits', () => {
    const sqlite = new SQLite(join(dir, 'weak.db'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    expect(() => assertSqliteDurable(sqlite)).toThrow(/not durable/);
    sqlite.pragma('synchronous = FULL');
    expect(() => assertSqliteDurable(sqlite)).not.toThrow();
    sqlite.pragma('journal_mode = DELETE');
    expect(() => assertSqliteDurable(sqlite)).toThrow(/journal_mode=delete/);
    sqlite.close();
  });

  it('reads file paths from sqlite: URLs and refuses in-memory databases', () => {
    expect(sqlitePathOf('sqlite:/tmp/x.db')).toBe('/tmp/x.db');
    expect(sqlitePathOf('sqlite:///tmp/x.db')).toBe('/tmp/x.db');
    expect(() => sqlitePathOf('sqlite::memory:')).toThrow(/not durable/);
  });
});

describe.each(testDialects())('migrations on %s', (dialect) => {
  it('apply on an empty database, revert completely, and apply again', async () => {
    const { url, drop } = await createEmptyTestDatabaseUrl(dialect);
    const db = await createDb(url);
    try {
      expect(await migrateToLatest(db.kysely)).toContain('2026-11-21-001-foundation');
      expect(await migrateToLatest(db.kysely)).toEqual([]);
      await migrateToBottom(db.kysely);
      const tables = await db.kysely.introspection.getTables();
      expect(tables.map((table) => table.name)).toEqual([]);
      expect(await migrateToLatest(db.kysely)).toContain('2026-11-21-001-foundation');
    } finally {
      await db.close();
      await drop();
    }
  });

  it('reports the engine on /healthz', async () => {
    const test = await createTestApp(dialect);
    try {
      const response = await test.app.inject({ method: 'GET', url: '/healthz' });
      expect(response.json()).toEqual({ status: 'ok', database: dialect });
      expect(response.headers['cache-control']).toBe('no-store');
    } finally {
      await test.close();
    }
  });
});
