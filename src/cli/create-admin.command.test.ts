import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmptyTestDatabaseUrl, testDialects } from '../../test/support/test-db';
import { hashPassword, verifyPassword } from '../server/auth/passwords';
import { createDb } from '../server/db/create-db';
import type { Db } from '../server/db/database';
import { isoInstant, newId } from '../server/deps';
import { CliError } from './cli-arguments';
import { ADMIN_PASSWORD_ENV, runCreateAdmin } from './create-admin.command';

const PASSWORD = 'een lang wachtwoord';

async function withDb<T>(url: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await createDb(url);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function countRows(url: string) {
  return withDb(url, async (db) => {
    const count = async (table: 'boards' | 'users' | 'board_memberships') =>
      Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { boards: await count('boards'), users: await count('users'), boardAdmins: await count('board_memberships') };
  });
}

describe.each(testDialects())('create-admin on %s', (dialect) => {
  const drops: (() => Promise<void>)[] = [];
  const printed: string[] = [];
  const print = (line: string) => void printed.push(line);

  const emptyDatabase = async () => {
    const target = await createEmptyTestDatabaseUrl(dialect);
    drops.push(target.drop);
    return { DATABASE_URL: target.url };
  };
  afterEach(async () => {
    for (const drop of drops.splice(0)) await drop();
    printed.length = 0;
  });

  it('creates the board and its administrator on an empty database, with the password from the environment', async () => {
    const env = await emptyDatabase();
    const outcome = await runCreateAdmin(
      ['--email', 'Anne@Bestuur.test', '--name', 'Anne de Boer', '--board-name', 'Stichting Proef'],
      { ...env, [ADMIN_PASSWORD_ENV]: PASSWORD },
      print,
    );
    expect(outcome).toMatchObject({ boardName: 'Stichting Proef', isNewBoard: true, isNewAccount: true, wasAdminAlready: false });
    await withDb(env.DATABASE_URL, async (db) => {
      const user = await db.kysely.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect(user.email).toBe('anne@bestuur.test');
      expect(await verifyPassword(user.password_hash, PASSWORD)).toBe(true);
      const memberships = await db.kysely.selectFrom('board_memberships').select(['board_id', 'user_id', 'role']).execute();
      expect(memberships).toEqual([{ board_id: outcome.boardId, user_id: user.id, role: 'board_admin' }]);
      const actions = await db.kysely.selectFrom('audit_events').select('action').orderBy('action').execute();
      expect(actions.map((row) => row.action)).toEqual(['setup.completed', 'staff.roles_changed']);
    });
    expect(printed.join('\n')).toContain('Stichting Proef');
  });

  it('asks for a board name on an empty database and writes nothing without one', async () => {
    const env = await emptyDatabase();
    await expect(runCreateAdmin(['--email', 'anne@bestuur.test', '--name', 'Anne', '--password', PASSWORD], env, print)).rejects.toThrow(/--board-name/);
    expect(await countRows(env.DATABASE_URL)).toEqual({ boards: 0, users: 0, boardAdmins: 0 });
  });

  it('adds a second administrator to the only board, and changes nothing when run again', async () => {
    const env = await emptyDatabase();
    const first = await runCreateAdmin(['--email', 'anne@bestuur.test', '--name', 'Anne', '--password', PASSWORD, '--board-name', 'Stichting Proef'], env, print);
    const second = await runCreateAdmin(['--email', 'bas@bestuur.test', '--name', 'Bas Smit', '--password', PASSWORD], env, print);
    expect(second).toMatchObject({ boardId: first.boardId, isNewBoard: false, isNewAccount: true });
    const again = await runCreateAdmin(['--email', 'bas@bestuur.test', '--name', 'Bas Smit', '--password', PASSWORD], env, print);
    expect(again.wasAdminAlready).toBe(true);
    expect(await countRows(env.DATABASE_URL)).toEqual({ boards: 1, users: 2, boardAdmins: 2 });
  });

  it('gives an existing account the role instead of a second account, keeping its password', async () => {
    const env = await emptyDatabase();
    await runCreateAdmin(['--email', 'anne@bestuur.test', '--name', 'Anne', '--password', PASSWORD, '--board-name', 'Stichting Proef'], env, print);
    const teacherId = newId();
    await withDb(env.DATABASE_URL, async (db) => {
      const now = isoInstant(new Date());
      await db.kysely
        .insertInto('users')
        .values({ id: teacherId, email: 'carla@school.test', name: 'Carla', password_hash: await hashPassword('eigen wachtwoord'), locale: 'nl', disabled_at: null, created_at: now })
        .execute();
    });
    const outcome = await runCreateAdmin(['--email', 'carla@school.test', '--password', 'iets anders dan'], env, print);
    expect(outcome).toMatchObject({ userId: teacherId, isNewAccount: false, wasAdminAlready: false });
    await withDb(env.DATABASE_URL, async (db) => {
      const carla = await db.kysely.selectFrom('users').select('password_hash').where('id', '=', teacherId).executeTakeFirstOrThrow();
      expect(await verifyPassword(carla.password_hash, 'eigen wachtwoord')).toBe(true);
    });
    expect(await countRows(env.DATABASE_URL)).toEqual({ boards: 1, users: 2, boardAdmins: 2 });
  });

  it('needs --board-id once there are several boards', async () => {
    const env = await emptyDatabase();
    await runCreateAdmin(['--email', 'anne@bestuur.test', '--name', 'Anne', '--password', PASSWORD, '--board-name', 'Stichting Proef'], env, print);
    const otherBoard = newId();
    await withDb(env.DATABASE_URL, (db) =>
      db.kysely.insertInto('boards').values({ id: otherBoard, name: 'Stichting Tweede', min_group_size: 5, created_at: isoInstant(new Date()) }).execute(),
    );
    const args = ['--email', 'dirk@bestuur.test', '--name', 'Dirk', '--password', PASSWORD];
    await expect(runCreateAdmin(args, env, print)).rejects.toThrow(/2 boards: pick one with --board-id[\s\S]*Stichting Tweede/);
    const outcome = await runCreateAdmin([...args, '--board-id', otherBoard], env, print);
    expect(outcome.boardId).toBe(otherBoard);
  });

  it('refuses bad arguments before touching the database', async () => {
    const env = await emptyDatabase();
    const attempts = [
      ['--email', 'anne@bestuur.test', '--name', 'Anne', '--password', 'kort', '--board-name', 'B'],
      ['--email', 'geen-adres', '--name', 'Anne', '--password', PASSWORD, '--board-name', 'B'],
      ['--email', 'anne@bestuur.test', '--name', 'Anne', '--password', PASSWORD, '--board-name', 'B', '--role', 'god'],
      ['--email', 'anne@bestuur.test', '--name', 'Anne', '--password', PASSWORD, '--board-id', 'not-a-uuid'],
      ['--email', 'anne@bestuur.test', '--name', 'Anne', '--password', PASSWORD, '--board-name', 'B', 'extra'],
    ];
    const reasons = [/password must be 8–128 characters/, /--email: Invalid email/, /Unknown option '--role'/, /--board-id: Invalid UUID/, /arguments: /];
    for (const [index, args] of attempts.entries()) {
      const attempt = runCreateAdmin(args, env, print);
      await expect(attempt).rejects.toBeInstanceOf(CliError);
      await expect(attempt).rejects.toThrow(reasons[index] ?? /never/);
    }
    // Refused before the database was opened: on SQLite the file does not even exist.
    if (dialect === 'sqlite') expect(existsSync(env.DATABASE_URL.slice('sqlite:'.length))).toBe(false);
  });
});

describe('the groeiwijzer command', () => {
  it('migrates a new SQLite database when run as a program', async () => {
    const target = await createEmptyTestDatabaseUrl('sqlite');
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['bin/groeiwijzer.js', 'migrate'], {
        env: { ...process.env, DATABASE_URL: target.url },
      });
      expect(stdout).toContain('Applied: 2026-11-21-001-foundation');
      const tables = await withDb(target.url, (db) => db.kysely.selectFrom('boards').select('id').execute());
      expect(tables).toEqual([]);
    } finally {
      await target.drop();
    }
  });
});
