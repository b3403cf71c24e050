import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb } from '../../src/server/db/create-db';
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
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `gw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
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

/** Opens a fresh migrated database of the dialect. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const { url, drop } = await createEmptyTestDatabaseUrl(dialect);
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
