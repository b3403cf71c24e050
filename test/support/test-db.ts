import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, sqlitePathOf } from '../../src/server/db/create-db';
import type { Db, Dialect } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';

/** A fresh, migrated database for one test file, and how to throw it away. */
export interface TestDatabase {
  db: Db;
  url: string;
  drop(): Promise<void>;
}

/** The dialects to run integration tests on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDialects(): Dialect[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** Creates an empty database of the dialect (a temp file, or a new PostgreSQL database). */
export async function createEmptyTestDatabaseUrl(dialect: Dialect): Promise<{ url: string; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gw-test-'));
    return { url: `sqlite:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  return createPostgresDatabase('');
}

/** Creates a new PostgreSQL database next to TEST_DATABASE_URL's (`options`: e.g. `template <name>`). */
async function createPostgresDatabase(options: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `gw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} ${options}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

// Migrating a fresh database takes longer than many test files' own work (every DDL statement is synced), and
// some files open dozens: each one starts as a copy of a template that test/support/test-db-setup.ts migrates
// once per run (SQLite: the file is copied; PostgreSQL: CREATE DATABASE … TEMPLATE). migrateToLatest still
// runs on every copy (a no-op), so a stale template cannot go unnoticed; without a template (a script outside
// vitest) each database is migrated from empty.

/** Makes the migrated templates of a run: a SQLite file, and a PostgreSQL database when TEST_DATABASE_URL is set. */
export async function createTestDatabaseTemplates(): Promise<{ sqlitePath: string; postgresName: string | null; drop: () => Promise<void> }> {
  const sqlite = await createEmptyTestDatabaseUrl('sqlite');
  const postgres = process.env.TEST_DATABASE_URL ? await createPostgresDatabase('') : null;
  for (const { url } of [sqlite, ...(postgres ? [postgres] : [])]) {
    const db = await createDb(url);
    await migrateToLatest(db.kysely);
    // SQLite: the last connection to close checkpoints the WAL into the file that is copied.
    await db.close();
  }
  return {
    sqlitePath: sqlitePathOf(sqlite.url),
    postgresName: postgres ? new URL(postgres.url).pathname.slice(1) : null,
    drop: async () => {
      await sqlite.drop();
      await postgres?.drop();
    },
  };
}

/** A copy of the run's migrated template (see above), or null when there is none. */
async function copyOfTemplate(dialect: Dialect): Promise<{ url: string; drop: () => Promise<void> } | null> {
  if (dialect === 'sqlite') {
    const template = process.env.TEST_SQLITE_TEMPLATE;
    if (!template) return null;
    const dir = mkdtempSync(join(tmpdir(), 'gw-test-'));
    const path = join(dir, 'test.db');
    copyFileSync(template, path);
    if (existsSync(`${template}-wal`)) copyFileSync(`${template}-wal`, `${path}-wal`);
    return { url: `sqlite:${path}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const template = process.env.TEST_DATABASE_TEMPLATE;
  return template ? createPostgresDatabase(`template ${template}`) : null;
}

/** Opens a fresh migrated database of the dialect. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const { url, drop } = (await copyOfTemplate(dialect)) ?? (await createEmptyTestDatabaseUrl(dialect));
  const db = await createDb(url);
  await migrateToLatest(db.kysely);
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      await drop();
    },
  };
}
