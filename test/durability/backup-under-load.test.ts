// Restore drill: `groeiwijzer backup` taken while the real server takes writes restores (with
// `groeiwijzer restore`) into a database that passes its integrity check, holds every write
// acknowledged before the backup started, and serves again. backup.test.ts proves a quiet database
// comes back row for row; this file proves the same under load, through the commands an operator runs.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { backupDatabase } from '../../src/server/db/backup';
import { createDb } from '../../src/server/db/create-db';
import type { Db } from '../../src/server/db/database';
import { isoInstant, newId } from '../../src/server/deps';
import { createEmptyTestDatabaseUrl, createTestDatabase, testDialects } from '../support/test-db';
import { sendJson, sessionCookieFrom, setUpFirstSchool } from './http-client';
import { consistencyProblems, integrityProblems, lostWrites, storedLocationIds } from './integrity';
import { childEnvironment, GROEIWIJZER_BIN, newKeyEncryptionKey, REPOSITORY_ROOT, sleep, startServerProcess, stopServerProcess } from './server-process';
import { startWriteLoad } from './write-load';

const execFileAsync = promisify(execFile);

// SQLite: enough rows (≈ 20 MB) that a backup copied in small steps would be overtaken by the writes
// and start over again and again. pg_dump reads one snapshot, so PostgreSQL needs only some volume.
// They belong to a second school, as in a real board.
const OTHER_SCHOOL_LOCATIONS = { sqlite: 60_000, postgres: 5_000 } as const;
const WRITES_BEFORE_BACKUP = 30;
const WORKERS = 4;

/** Runs a `groeiwijzer` command against the database, as an operator would. */
async function groeiwijzer(databaseUrl: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, [GROEIWIJZER_BIN, ...args], {
    cwd: REPOSITORY_ROOT,
    env: childEnvironment({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }),
    timeout: 90_000,
  });
  return stdout;
}

/** Adds a second school with many locations to the board (directly: only their volume matters here). */
async function addLargeSecondSchool(db: Db, locations: number): Promise<string> {
  const board = await db.kysely.selectFrom('boards').select('id').executeTakeFirstOrThrow();
  const schoolId = newId();
  const now = isoInstant(new Date());
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('schools').values({ id: schoolId, board_id: board.id, name: 'De Grote School', kind: 'secondary', created_at: now }).execute();
    for (let start = 0; start < locations; start += 1_000) {
      const batch = Array.from({ length: 1_000 }, (_, index) => ({
        id: newId(),
        school_id: schoolId,
        name: `Vestiging ${start + index} aan de Lange Voorbeeldlaan, een naam zo lang als een echte`,
        created_at: now,
      }));
      await trx.insertInto('locations').values(batch).execute();
    }
  });
  return schoolId;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

describe.each(testDialects())('backup during write load, restored, on %s', (dialect) => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('restores into a sound database with every write acknowledged before the backup began, and serves it', async () => {
    const source = await createEmptyTestDatabaseUrl(dialect);
    const target = await createEmptyTestDatabaseUrl(dialect);
    const dir = mkdtempSync(join(tmpdir(), 'gw-drill-'));
    cleanups.push(source.drop, target.drop, async () => rmSync(dir, { recursive: true, force: true }));
    const key = newKeyEncryptionKey();

    const server = await startServerProcess({ databaseUrl: source.url, key });
    cleanups.push(() => stopServerProcess(server));
    const admin = await setUpFirstSchool(server.baseUrl);
    const sourceDb = await createDb(source.url);
    const otherSchoolId = await addLargeSecondSchool(sourceDb, OTHER_SCHOOL_LOCATIONS[dialect]).finally(() => sourceDb.close());

    const load = startWriteLoad({ baseUrl: server.baseUrl, admin, workers: WORKERS, namePrefix: 'drill' });
    cleanups.push(() => load.stop());
    await waitFor(() => load.figures.acknowledged.size >= WRITES_BEFORE_BACKUP, `${WRITES_BEFORE_BACKUP} writes are acknowledged`);
    const acknowledgedBeforeBackup = [...load.figures.acknowledged.keys()];
    // Every worker is waiting for an answer: the backup starts with writes in flight.
    expect(load.figures.inFlight).toBe(WORKERS);
    const backupFile = join(dir, `drill.${dialect}.backup`);
    expect(await groeiwijzer(source.url, ['backup', backupFile])).toMatch(/^Backed up /);
    await load.stop();
    expect(load.figures.unexpected).toEqual([]);
    expect((await stopServerProcess(server)).code).toBe(0);

    expect(await groeiwijzer(target.url, ['restore', backupFile])).toMatch(/^Restored /);
    const restored = await createDb(target.url);
    try {
      expect(await integrityProblems(restored)).toEqual([]);
      expect(await consistencyProblems(restored, admin.schoolId)).toEqual([]);
      expect(lostWrites(acknowledgedBeforeBackup, await storedLocationIds(restored, admin.schoolId))).toEqual([]);
      expect((await storedLocationIds(restored, otherSchoolId)).size).toBe(OTHER_SCHOOL_LOCATIONS[dialect]);
    } finally {
      await restored.close();
    }

    // The drill ends with the restored database in service: sign in and find the writes.
    const revived = await startServerProcess({ databaseUrl: target.url, key });
    cleanups.push(() => stopServerProcess(revived));
    const login = await sendJson(revived.baseUrl, { method: 'POST', path: '/api/session', body: { email: admin.email, password: admin.password } });
    expect(login.status).toBe(200);
    const as = { cookie: sessionCookieFrom(login.setCookies), csrfToken: (login.body as { csrfToken: string }).csrfToken };
    const listed = await sendJson(revived.baseUrl, { method: 'GET', path: `/api/schools/${admin.schoolId}/locations`, as });
    expect(listed.status).toBe(200);
    const listedIds = new Set((listed.body as { id: string }[]).map((location) => location.id));
    expect(lostWrites(acknowledgedBeforeBackup, listedIds)).toEqual([]);
  }, 180_000);
});

describe('SQLite online backup', () => {
  it('finishes although another connection commits between any two steps of the copy', async () => {
    const test = await createTestDatabase('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'gw-backup-steps-'));
    const writer = new SQLite(test.db.location);
    let isWriting = true;
    try {
      // ≈ 2 MB, several hundred pages: more than one step of SQLite's default step size.
      const insertBoard = writer.prepare("insert into boards (id, name, min_group_size, created_at) values (?, ?, 5, '2026-11-23T08:00:00.000Z')");
      writer.transaction(() => {
        for (let index = 0; index < 10_000; index += 1) insertBoard.run(newId(), `Stichting ${index} met een lange naam voor de omvang`.padEnd(150, '.'));
      })();
      const boardsBefore = Number(writer.prepare('select count(*) from boards').pluck().get());
      // The backup also advances on setImmediate: this writer commits between any two of its steps.
      const writeAgain = () => {
        if (!isWriting) return;
        insertBoard.run(newId(), 'Stichting Tussendoor');
        setImmediate(writeAgain);
      };
      setImmediate(writeAgain);
      const file = join(dir, 'steps.backup');
      await backupDatabase(test.db, file);
      isWriting = false;
      const copy = new SQLite(file, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(Number(copy.prepare('select count(*) from boards').pluck().get())).toBeGreaterThanOrEqual(boardsBefore);
      } finally {
        copy.close();
      }
    } finally {
      isWriting = false;
      writer.close();
      await test.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);
});
