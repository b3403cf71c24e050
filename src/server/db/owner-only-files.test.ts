import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment, GROEIWIJZER_BIN, REPOSITORY_ROOT, startServerProcess, stopServerProcess } from '../../../test/durability/server-process';
import { createEmptyTestDatabaseUrl, testDialects } from '../../../test/support/test-db';
import { loadConfig } from '../config';
import { openFieldCrypto } from '../crypto/field-encryption';
import { backupDatabase, restoreDatabase } from './backup';
import { createDb } from './create-db';
import { migrateToLatest } from './migrate';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

// The usual shell umask, under which SQLite, Node and pg_dump create files readable by everyone.
let previousUmask: number;
const dir = mkdtempSync(join(tmpdir(), 'gw-modes-'));
beforeAll(() => {
  previousUmask = process.umask(0o022);
});
afterAll(() => {
  process.umask(previousUmask);
  rmSync(dir, { recursive: true, force: true });
});

describe('files that hold data are readable by their owner only', () => {
  it('creates the folder, the SQLite database with its WAL and shared memory, the key file and a backup that way', async () => {
    const folder = join(dir, 'fresh', 'data');
    const path = join(folder, 'groeiwijzer.db');
    const db = await createDb(`sqlite:${path}`);
    try {
      await migrateToLatest(db.kysely);
      // No key configured: the default key file is made next to the database.
      const fieldCrypto = await openFieldCrypto({ db, config: loadConfig({}) });
      expect(fieldCrypto.available).toBe(true);
      // Still open after writing, so the WAL and shared-memory files exist.
      expect([path, `${path}-wal`, `${path}-shm`, join(folder, 'groeiwijzer.key')].map(modeOf)).toEqual(['600', '600', '600', '600']);
      expect(modeOf(folder)).toBe('700');
      expect(modeOf(join(dir, 'fresh'))).toBe('700');

      const backup = join(dir, 'fresh-backup.db');
      await backupDatabase(db, backup);
      expect(modeOf(backup)).toBe('600');
    } finally {
      await db.close();
    }
  });

  it('tightens a database, WAL and shared memory left readable by others, and says so', async () => {
    const path = join(dir, 'loose.db');
    const first = await createDb(`sqlite:${path}`);
    await migrateToLatest(first.kysely);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) chmodSync(file, 0o644);
    const warnings: string[] = [];
    const second = await createDb(`sqlite:${path}`, { warn: (message) => warnings.push(message) });
    try {
      expect([path, `${path}-wal`, `${path}-shm`].map(modeOf)).toEqual(['600', '600', '600']);
      expect(warnings).toEqual([path, `${path}-wal`, `${path}-shm`].map((file) => `${file} was readable by other users (mode 644): made it readable by its owner only`));
      // Nothing more to say the next time.
      warnings.length = 0;
      await (await createDb(`sqlite:${path}`, { warn: (message) => warnings.push(message) })).close();
      expect(warnings).toEqual([]);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('restores an old backup that was readable by others into an owner-only database', async () => {
    const source = await createDb(`sqlite:${join(dir, 'old-source.db')}`);
    const backup = join(dir, 'old-backup.db');
    try {
      await migrateToLatest(source.kysely);
      await backupDatabase(source, backup);
    } finally {
      await source.close();
    }
    chmodSync(backup, 0o644);
    const target = join(dir, 'restored.db');
    await restoreDatabase(`sqlite:${target}`, backup);
    expect(modeOf(target)).toBe('600');
  });

  it.each(testDialects())('writes a %s backup owner-only', async (dialect) => {
    const { url, drop } = await createEmptyTestDatabaseUrl(dialect);
    const db = await createDb(url);
    const backup = join(dir, `${dialect}-backup`);
    try {
      await migrateToLatest(db.kysely);
      await backupDatabase(db, backup);
      expect(modeOf(backup)).toBe('600');
    } finally {
      await db.close();
      await drop();
    }
  });
});

describe('the groeiwijzer command under a permissive umask', () => {
  it('serves with umask 077 from owner-only files, and backs up owner-only', async () => {
    const folder = join(dir, 'command', 'data');
    const path = join(folder, 'groeiwijzer.db');
    const server = await startServerProcess({ databaseUrl: `sqlite:${path}`, env: { LOG_LEVEL: 'info' } });
    try {
      const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
      expect(status).toMatch(/^Umask:\s+0077$/m);
      expect([path, `${path}-wal`, `${path}-shm`, join(folder, 'groeiwijzer.key')].map(modeOf)).toEqual(['600', '600', '600', '600']);
      expect(modeOf(folder)).toBe('700');
    } finally {
      await stopServerProcess(server);
    }

    const backup = join(dir, 'command-backup.db');
    await promisify(execFile)(process.execPath, [GROEIWIJZER_BIN, 'backup', backup], {
      cwd: REPOSITORY_ROOT,
      env: childEnvironment({ DATABASE_URL: `sqlite:${path}` }),
    });
    expect(modeOf(backup)).toBe('600');
  });

  it('logs that it tightened a database that others could read', async () => {
    const path = join(dir, 'command-loose', 'groeiwijzer.db');
    const db = await createDb(`sqlite:${path}`);
    await migrateToLatest(db.kysely);
    await db.close();
    chmodSync(path, 0o644);
    expect(existsSync(`${path}-wal`)).toBe(false);
    const server = await startServerProcess({ databaseUrl: `sqlite:${path}` });
    try {
      expect(modeOf(path)).toBe('600');
      expect(server.output()).toContain(`${path} was readable by other users (mode 644): made it readable by its owner only`);
    } finally {
      await stopServerProcess(server);
    }
  });
});
