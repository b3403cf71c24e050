import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmptyTestDatabaseUrl, testDialects } from '../../test/support/test-db';
import { createDb } from '../server/db/create-db';
import type { Db } from '../server/db/database';
import { DEMO_LOGINS } from '../server/features/demo/demo.data';
import { DEMO_COLLEAGUES } from '../server/features/demo/demo-school-year.data';
import { DEMO_NEWCOMER } from '../server/features/demo/demo-team.seed';
import { linkBaseOf } from '../server/installation/link-base';
import { runBackup, runRestore } from './backup.command';
import { CliError } from './cli-arguments';
import { runCreateAdmin } from './create-admin.command';
import { formatDemoLogins, prepareDemo } from './demo.command';

const quiet = () => undefined;

async function boardNames(db: Db): Promise<string[]> {
  return (await db.kysely.selectFrom('boards').select('name').orderBy('name').execute()).map((row) => row.name);
}

describe('the demo command', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('rebuilds its own throwaway SQLite file at every start when DATABASE_URL is unset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-demo-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const fallback = `sqlite:${join(dir, 'demo.db')}`;
    for (let start = 0; start < 2; start += 1) {
      const { db, config } = await prepareDemo({ DATABASE_URL: '' }, fallback);
      try {
        expect(config.databaseUrl).toBe(fallback);
        expect(config.mfaRequired).toBe(false);
        expect(config.isDemo).toBe(true);
        expect(await boardNames(db)).toEqual(['Stichting Voorbeeld']);
        const users = await db.kysely.selectFrom('users').select('email').execute();
        // The demo accounts, De Vlinderboom's colleagues of the demo school year and De Horizon's new colleague
        // in the onboarding (who cannot sign in).
        expect(users).toHaveLength(DEMO_LOGINS.length + DEMO_COLLEAGUES.length + 1);
        expect(users.map((user) => user.email)).toContain(DEMO_NEWCOMER.email);
        expect(await db.kysely.selectFrom('plan_actions').select('id').execute()).not.toHaveLength(0);
        // Links in the demo's mails point to the demo's own port on this machine.
        expect(await linkBaseOf({ config, db })).toBe('http://localhost:3000');
      } finally {
        await db.close();
      }
    }
  });

  it.each(testDialects())('loads into an empty configured %s database, and refuses one with data', async (dialect) => {
    const target = await createEmptyTestDatabaseUrl(dialect);
    cleanups.push(target.drop);
    const { db } = await prepareDemo({ DATABASE_URL: target.url });
    await db.close();
    const again = prepareDemo({ DATABASE_URL: target.url });
    await expect(again).rejects.toBeInstanceOf(CliError);
    await expect(again).rejects.toThrow(/has data already/);
  });

  it('prints every demo login with the password', () => {
    const text = formatDemoLogins();
    expect(text).toContain('demo-groeiwijzer');
    for (const login of DEMO_LOGINS) expect(text).toContain(login.email);
  });
});

describe('the backup and restore commands', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('copy a database through a file into an empty one', async () => {
    const source = await createEmptyTestDatabaseUrl('sqlite');
    const target = await createEmptyTestDatabaseUrl('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'gw-backup-cli-'));
    cleanups.push(source.drop, target.drop, () => rmSync(dir, { recursive: true, force: true }));
    await runCreateAdmin(['--email', 'anne@bestuur.test', '--name', 'Anne', '--password', 'een lang wachtwoord', '--board-name', 'Stichting Kopie'], { DATABASE_URL: source.url }, quiet);
    const file = join(dir, 'kopie.db');
    await runBackup([file], { DATABASE_URL: source.url }, quiet);
    await runRestore([file], { DATABASE_URL: target.url }, quiet);
    const db = await createDb(target.url);
    try {
      expect(await boardNames(db)).toEqual(['Stichting Kopie']);
    } finally {
      await db.close();
    }
  });

  it('explain what is missing instead of creating an empty database to back up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-backup-cli-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const missing = `sqlite:${join(dir, 'missing.db')}`;
    await expect(runBackup([join(dir, 'out.db')], { DATABASE_URL: missing }, quiet)).rejects.toThrow(/there is no database at/);
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);
    await expect(runBackup([], { DATABASE_URL: missing }, quiet)).rejects.toBeInstanceOf(CliError);
    await expect(runRestore(['a', 'b'], { DATABASE_URL: missing }, quiet)).rejects.toBeInstanceOf(CliError);
    await expect(runRestore([join(dir, 'no-such-backup.db')], { DATABASE_URL: missing }, quiet)).rejects.toThrow(/Backup file not found/);
  });
});
