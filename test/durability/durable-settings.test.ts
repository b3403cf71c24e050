// The server refuses to start on a PostgreSQL that could lose acknowledged commits. (SQLite's WAL +
// synchronous=FULL refusal is tested in src/server/db/create-db.test.ts.) fsync and full_page_writes
// can only be changed server-wide, so those cases run on a private, throwaway PostgreSQL cluster.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/server/db/create-db';
import { createEmptyTestDatabaseUrl } from '../support/test-db';
import { childEnvironment, findFreePort, GROEIWIJZER_BIN, REPOSITORY_ROOT, sleep } from './server-process';

const execFileAsync = promisify(execFile);

/** Debian's PostgreSQL server binaries (initdb, pg_ctl), newest version first. */
function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((version) => join(root, version, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
}

const BIN_DIR = postgresBinDir();
// initdb refuses to run as root: as root, run the cluster as the `postgres` system user.
const IS_ROOT = userInfo().uid === 0;
const CAN_RUN_PRIVATE_CLUSTER = Boolean(process.env.TEST_DATABASE_URL) && BIN_DIR !== undefined && (IS_ROOT || userInfo().username === 'postgres');

async function runAsPostgres(command: string, args: string[]): Promise<void> {
  if (IS_ROOT) await execFileAsync('runuser', ['-u', 'postgres', '--', command, ...args]);
  else await execFileAsync(command, args);
}

/** `groeiwijzer serve` on the database: its exit code and output (it should not get as far as listening). */
async function serveOutcome(databaseUrl: string): Promise<{ code: number; output: string }> {
  const env = childEnvironment({ DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: String(await findFreePort()), LOG_LEVEL: 'warn' });
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [GROEIWIJZER_BIN, 'serve'], { cwd: REPOSITORY_ROOT, env, timeout: 60_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failure.code === 'number' ? failure.code : -1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('PostgreSQL with synchronous_commit off', () => {
  it('is refused by the database layer and by `groeiwijzer serve`', async () => {
    const database = await createEmptyTestDatabaseUrl('postgres');
    try {
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      await admin.query(`alter database ${admin.escapeIdentifier(new URL(database.url).pathname.slice(1))} set synchronous_commit = off`);
      await admin.end();
      await expect(createDb(database.url)).rejects.toThrow(/not durable \(fsync=on, synchronous_commit=off/);
      const outcome = await serveOutcome(database.url);
      expect(outcome.code).toBe(1);
      expect(outcome.output).toMatch(/Refusing to start: PostgreSQL is not durable/);
    } finally {
      await database.drop();
    }
  }, 90_000);
});

describe.runIf(CAN_RUN_PRIVATE_CLUSTER)('a private PostgreSQL cluster with server-wide settings changed', () => {
  let dir: string;
  let url: string;
  const pgCtl = () => join(BIN_DIR ?? '', 'pg_ctl');

  const withClient = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  // Both settings can change only server-wide (postgresql.auto.conf + reload); the reload reaches new
  // connections a moment later, so wait until one sees the new values.
  const reconfigure = async (settings: Record<'fsync' | 'full_page_writes', 'on' | 'off'>) => {
    await withClient(async (client) => {
      for (const [name, value] of Object.entries(settings)) await client.query(`alter system set ${name} = ${value}`);
      await client.query('select pg_reload_conf()');
    });
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const current = await withClient(async (client) => (await client.query("select current_setting('fsync') as fsync, current_setting('full_page_writes') as full_page_writes")).rows[0]);
      if (current.fsync === settings.fsync && current.full_page_writes === settings.full_page_writes) return;
      await sleep(50);
    }
    throw new Error(`the private cluster did not take ${JSON.stringify(settings)}`);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gw-pgcluster-'));
    if (IS_ROOT) chownSync(dir, Number((await execFileAsync('id', ['-u', 'postgres'])).stdout.trim()), Number((await execFileAsync('id', ['-g', 'postgres'])).stdout.trim()));
    const port = await findFreePort();
    await runAsPostgres(join(BIN_DIR ?? '', 'initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
    // -l: the server's output goes to a file, not into pipes that would keep execFile waiting.
    await runAsPostgres(pgCtl(), ['-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
    url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  }, 60_000);

  afterAll(async () => {
    if (existsSync(join(dir, 'data', 'postmaster.pid'))) await runAsPostgres(pgCtl(), ['-D', join(dir, 'data'), '-m', 'fast', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses fsync=off, then full_page_writes=off, and accepts the cluster once both are on', async () => {
    await reconfigure({ fsync: 'off', full_page_writes: 'on' });
    await expect(createDb(url)).rejects.toThrow(/not durable \(fsync=off/);
    const outcome = await serveOutcome(url);
    expect(outcome.code).toBe(1);
    expect(outcome.output).toMatch(/Refusing to start: PostgreSQL is not durable \(fsync=off/);

    await reconfigure({ fsync: 'on', full_page_writes: 'off' });
    await expect(createDb(url)).rejects.toThrow(/full_page_writes=off/);

    await reconfigure({ fsync: 'on', full_page_writes: 'on' });
    const db = await createDb(url);
    await db.close();
  }, 90_000);
});
