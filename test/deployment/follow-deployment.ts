// `npm run test:deployment`: follows docs/DEPLOYMENT.md step by step. The page's ```bash deploy-sqlite and
// ```bash deploy-postgres blocks run in order, as written, in one bash per setup (set -euo pipefail) on a fresh clone
// of this repository, with GW_APP, GW_HOME and GW_PORT pointing at temporary places; then this script checks what
// the page promises (the server answers; the administrator signs in; with two servers behind the proxy a session
// made through one server is known to the other) and runs the last block of each setup, which stops the servers.
//
//   npm run test:deployment                       # both setups (PostgreSQL at TEST_DATABASE_URL's server)
//   npm run test:deployment -- --setup sqlite --app .   # reuse this checkout instead of a fresh clone
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../src/server/auth/sessions.service';

const REPOSITORY = resolve(import.meta.dirname, '../..');
const GUIDE = join(REPOSITORY, 'docs/DEPLOYMENT.md');
const SETUPS = ['sqlite', 'postgres'] as const;
type Setup = (typeof SETUPS)[number];

const optionsSchema = z.object({
  setup: z.enum([...SETUPS, 'both']).default('both'),
  app: z.string().optional(),
  keep: z.boolean().default(false),
});

/** The guide's runnable blocks of one setup, in the order they appear. */
export function blocksOf(guide: string, setup: Setup): string[] {
  return [...guide.matchAll(/^```bash deploy-(\w+)\n([\s\S]*?)^```/gm)].filter((match) => match[1] === setup).map((match) => match[2]!);
}

// A base port with the two after it free as well (the PostgreSQL setup uses base+1 and base+2).
async function freePortBase(): Promise<number> {
  const isFree = (port: number) =>
    new Promise<boolean>((resolveFree) => {
      const probe = createServer().once('error', () => resolveFree(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolveFree(true)));
    });
  for (;;) {
    const base = randomInt(20_000, 40_000);
    if ((await isFree(base)) && (await isFree(base + 1)) && (await isFree(base + 2))) return base;
  }
}

function runBash(script: string, env: NodeJS.ProcessEnv, cwd: string): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolveRun() : reject(new Error(`a block of the guide failed (exit ${code})`))));
  });
}

// Each block announced by the guide's own step text would be nicer, but the blocks carry none: number them.
function scriptOf(blocks: readonly string[], firstNumber: number): string {
  return blocks.map((block, index) => `echo "── step ${firstNumber + index} ──"\n${block}`).join('\n');
}

/** Signs in through `base` with the administrator's password; the session cookie. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const answer = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (answer.status !== 200) throw new Error(`sign-in through ${base} answered ${answer.status}: ${await answer.text()}`);
  const cookie = answer.headers.getSetCookie().find((each) => each.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`sign-in through ${base} set no session cookie`);
  return cookie.split(';', 1)[0]!;
}

/** The e-mail address of the session's user, as `base` sees it (null: not signed in there). */
async function sessionUserAt(base: string, cookie: string): Promise<string | null> {
  const answer = await fetch(`${base}/api/session`, { headers: { cookie } });
  if (answer.status !== 200) throw new Error(`GET /api/session at ${base} answered ${answer.status}`);
  const body = (await answer.json()) as { user: { email: string } | null };
  return body.user?.email ?? null;
}

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(`not as the guide promises: ${what}`);
  console.log(`  ✓ ${what}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stoppedWithin(pids: readonly number[], ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (pids.every((pid) => !isAlive(pid))) return true;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return false;
}

const pidsIn = (home: string) =>
  existsSync(home)
    ? readdirSync(home)
        .filter((name) => name.endsWith('.pid'))
        .map((name) => Number(readFileSync(join(home, name), 'utf8').trim()))
    : [];

async function follow(setup: Setup, appDir: string, work: string): Promise<void> {
  const blocks = blocksOf(readFileSync(GUIDE, 'utf8'), setup);
  if (blocks.length < 3) throw new Error(`docs/DEPLOYMENT.md has ${blocks.length} deploy-${setup} blocks; expected the steps and a last one that stops`);
  const home = join(work, `home-${setup}`);
  const port = await freePortBase();
  const pgServer = (process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test').replace(/\/[^/]*$/, '');
  const database = `gw_deploy_${randomBytes(4).toString('hex')}`;
  const password = `Deploy-${randomBytes(12).toString('base64url')}`;
  const env: NodeJS.ProcessEnv = { ...process.env, GW_APP: appDir, GW_HOME: home, GW_PORT: String(port), GW_PG: pgServer, GW_DB: database, GW_ADMIN_PASSWORD: password };
  // The guide's own environment, not the test runner's: no DATABASE_URL or key from outside leaks into the steps.
  for (const name of ['DATABASE_URL', 'GROEIWIJZER_KEY', 'GROEIWIJZER_KEY_FILE', 'PORT', 'HOST', 'NODE_ENV', 'TEST_DATABASE_URL']) delete env[name];
  console.log(`\n▶ ${setup}: ${blocks.length} blocks of docs/DEPLOYMENT.md, GW_HOME=${home}, GW_PORT=${port}`);
  const started = performance.now();
  try {
    await runBash(scriptOf(blocks.slice(0, -1), 1), env, work);
    console.log(`  the steps took ${((performance.now() - started) / 1000).toFixed(1)} s; checking:`);
    const front = `http://127.0.0.1:${port}`;
    const health = await fetch(`${front}/healthz`);
    expect(health.status === 200, `${front}/healthz answers 200`);
    const cookie = await signIn(front, 'it@bestuur.example', password);
    expect((await sessionUserAt(front, cookie)) === 'it@bestuur.example', 'the administrator made by the guide signs in');
    if (setup === 'postgres') {
      for (const server of [1, 2]) {
        expect((await sessionUserAt(`http://127.0.0.1:${port + server}`, cookie)) === 'it@bestuur.example', `server ${server} knows the session made through the proxy`);
      }
      const forwarded = await fetch(`${front}/healthz`);
      expect(forwarded.status === 200, 'the proxy keeps answering after requests to both servers');
    }
    const pids = pidsIn(home);
    await runBash(scriptOf(blocks.slice(-1), blocks.length), env, work);
    expect(await stoppedWithin(pids, 15_000), `the last block stops every process the guide started (${pids.length})`);
  } finally {
    for (const pid of pidsIn(home)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    if (setup === 'postgres') {
      for (const name of [database, `${database}_restore_test`]) {
        execFileSync('psql', [`${pgServer}/postgres`, '-q', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], { stdio: 'ignore' });
      }
    }
  }
  console.log(`◀ ${setup}: followed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { setup: { type: 'string' }, app: { type: 'string' }, keep: { type: 'boolean' } } });
  const options = optionsSchema.parse(values);
  const work = mkdtempSync(join(tmpdir(), 'gw-deployment-'));
  try {
    // A fresh clone, as someone following the guide would have: what is not committed is not in it.
    const appDir = options.app ? resolve(options.app) : join(work, 'app');
    if (!options.app) execFileSync('git', ['clone', '-q', REPOSITORY, appDir], { stdio: 'inherit' });
    const setups = options.setup === 'both' ? SETUPS : [options.setup];
    for (const setup of setups) await follow(setup, appDir, work);
    console.log(`\ndocs/DEPLOYMENT.md followed: ${setups.join(' and ')}`);
  } finally {
    if (options.keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
