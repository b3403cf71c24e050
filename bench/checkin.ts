// `npm run bench:checkin -- [--pupils 2000] [--connections 100] [--requests 20000] [--warm-up 2000] [--postgres <admin url>]`
//
// Issue 5, "Load and durability": the real server (`groeiwijzer serve`, a child process) on a fresh
// SQLite file with synchronous=FULL, driven with autocannon on 127.0.0.1 through
// POST /api/pupil/checkins — each request a different pupil (own session cookie) and a new
// idempotency key. Next to it, in the same run, a BASELINE: a bare Fastify route doing one SQLite
// insert per request (its own commit) on its own database file with the same pragmas. Each is run
// flat out (every connection sends its next request when answered) and offered at the goal rate.
// Prints check-ins/s, p50/p99 latency, errors and other answers for both, and their ratio; then checks that
// the rows stored equal the 201 answers (each run sends a fixed number of requests and waits for
// every answer, so none is cut off at the end). Goal: ≥ 2,000 check-ins/s sustained with p99 < 50 ms.
// The write queue's settings come from the environment (CHECKIN_BATCH_SIZE, CHECKIN_BATCH_WAIT_MS,
// CHECKIN_QUEUE_LIMIT; the server process inherits them), so they can be tuned here. Not a test.
// With `--postgres` (e.g. postgres://postgres@127.0.0.1:5432/test; a scratch database is made beside it for each
// run) the same load then goes to 1, 2 and 3 servers on one PostgreSQL database (issue 18), through the small
// round-robin proxy of docs/DEPLOYMENT.md (test/deployment/small-proxy.ts), run in this process (as a load balancer
// would spread it; the proxy shares the machine's cores, so the 1-server PostgreSQL run goes through it too), and a
// summary prints throughput and p99 of every setup next to the single SQLite server of the same run.
// Each run also prints the server's own CPU time per request (from /proc, Linux): on a machine shared with other
// work, throughput swings from run to run, CPU per request much less.
// With `--cpu-prof <folder>` every server process (and the baseline's) runs with V8's CPU profiler on
// (bench/cpu-profile-preload.mjs) and writes its profile into <folder>/server, <folder>/baseline and
// <folder>/postgres-<n> when it stops; `tsx bench/cpu-profile-summary.ts <folder>/server` then shows where a
// check-in's CPU went (a smaller run is enough, e.g. `--requests 8000 --warm-up 1000`).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { z } from 'zod';
import { createDb } from '../src/server/db/create-db';
import { migrateToLatest } from '../src/server/db/migrate';
import { hashSecret, isoInstant, newId, newSecretToken } from '../src/server/deps';
import { PUPIL_COOKIE } from '../src/shared/checkin';
import { findFreePort, newKeyEncryptionKey, REPOSITORY_ROOT, startServerProcess, stopServerProcess, waitUntilHealthy } from '../test/durability/server-process';
import { createScratchPostgresDatabase, startServers } from '../test/support/servers';
import { startSmallProxy } from '../test/deployment/small-proxy';
import { schoolYearAt } from '../src/shared/school-time';

const GOAL_PER_SECOND = 2_000;
const GOAL_P99_MS = 50;
const STATES = ['in_window', 'bit_high', 'far_high', 'low'] as const;

const optionsSchema = z.strictObject({
  pupils: z.coerce.number().int().min(1).max(100_000).default(2_000),
  connections: z.coerce.number().int().min(1).max(2_000).default(100),
  requests: z.coerce.number().int().min(100).max(10_000_000).default(20_000),
  'warm-up': z.coerce.number().int().min(0).max(1_000_000).default(2_000),
  postgres: z.string().regex(/^postgres(ql)?:\/\//, '--postgres takes a postgres:// URL').optional(),
  'cpu-prof': z.string().min(1).optional(),
});
type BenchOptions = z.infer<typeof optionsSchema>;

/** A pupil's own-device session as the page holds it. */
interface PupilDevice {
  cookie: string;
  csrfToken: string;
}

/** What one measured run gave. */
interface RunFigures {
  label: string;
  created: number;
  seconds: number;
  clientCpuMsPerRequest: number;
  /** CPU the server processes used per request (user + system, all their threads); undefined where /proc is absent. */
  serverCpuMsPerRequest: number | undefined;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  otherAnswers: Record<string, number>;
}

// ---------- the baseline server (runs as its own process: `tsx bench/checkin.ts --baseline-server <db> <port>`) ----------

async function runBaselineServer(databasePath: string, port: number): Promise<void> {
  const sqlite = new SQLite(databasePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.exec(`create table if not exists checkins (
    id text primary key, idempotency_key text not null unique, pupil_id text not null, school_date text not null,
    state text not null, wants_talk integer not null, created_at text not null)`);
  const insert = sqlite.prepare(
    'insert into checkins (id, idempotency_key, pupil_id, school_date, state, wants_talk, created_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing',
  );
  const app = Fastify();
  app.post('/baseline', async (request, reply) => {
    const body = request.body as { idempotencyKey: string; state: string; wantsTalk: boolean };
    const now = new Date();
    const result = insert.run(newId(), body.idempotencyKey, 'pupil', now.toISOString().slice(0, 10), body.state, body.wantsTalk ? 1 : 0, now.toISOString());
    return reply.code(201).send({ received: true, duplicate: result.changes === 0 });
  });
  app.get('/healthz', async () => ({ ok: true }));
  const stop = async () => {
    await app.close();
    sqlite.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  await app.listen({ host: '127.0.0.1', port });
}

// ---------- fixtures ----------

// One school, classes of 25, `pupils` pupils, each with a live own-device session (as the sign-in stores it).
async function createPupilSessions(databaseUrl: string, pupils: number): Promise<PupilDevice[]> {
  const db = await createDb(databaseUrl);
  try {
    await migrateToLatest(db.kysely);
    const now = new Date();
    const at = isoInstant(now);
    const expiresAt = isoInstant(new Date(now.getTime() + 6 * 3_600_000));
    const boardId = newId();
    const schoolId = newId();
    await db.kysely.insertInto('boards').values({ id: boardId, name: 'Bench', min_group_size: 5, created_at: at }).execute();
    await db.kysely.insertInto('schools').values({ id: schoolId, board_id: boardId, name: 'Bench', kind: 'primary', created_at: at }).execute();
    const devices: PupilDevice[] = [];
    await db.kysely.transaction().execute(async (trx) => {
      let classId = '';
      for (let index = 0; index < pupils; index += 1) {
        if (index % 25 === 0) {
          classId = newId();
          await trx.insertInto('classes').values({ id: classId, school_id: schoolId, location_id: null, school_year: schoolYearAt(now), name: `Groep ${index / 25 + 1}`, created_at: at }).execute();
        }
        const pupilId = newId();
        await trx
          .insertInto('pupils')
          .values({ id: pupilId, school_id: schoolId, pupil_number: String(10_000 + index), first_name: `Leerling${index}`, last_name: 'Bench', birth_date: null, created_at: at, updated_at: at })
          .execute();
        await trx.insertInto('class_pupils').values({ class_id: classId, pupil_id: pupilId, created_at: at }).execute();
        const token = newSecretToken();
        const csrfToken = newSecretToken();
        await trx.insertInto('pupil_sessions').values({ id_hash: hashSecret(token), pupil_id: pupilId, class_id: classId, csrf_token: csrfToken, created_at: at, expires_at: expiresAt }).execute();
        devices.push({ cookie: `${PUPIL_COOKIE}=${token}`, csrfToken });
      }
    });
    return devices;
  } finally {
    await db.close();
  }
}

async function countRows(databaseUrl: string): Promise<number> {
  const db = await createDb(databaseUrl);
  try {
    const row = await db.kysely.selectFrom('checkins').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    return Number(row.count);
  } finally {
    await db.close();
  }
}

// ---------- load ----------

/** When a run's first request was built and its last answer arrived (autocannon's own start/finish round up to its 1 s sampling). */
interface RunTiming {
  firstSentAt: number | undefined;
  lastAnsweredAt: number;
}

/** The requests of a load and the timing of its current run. */
interface Load {
  requests: autocannon.Request[];
  timing: RunTiming;
}

// Every request: the next pupil in turn (its cookie and CSRF token) and a new idempotency key.
function checkinLoad(path: string, devices: readonly PupilDevice[]): Load {
  let turn = 0;
  const timing: RunTiming = { firstSentAt: undefined, lastAnsweredAt: 0 };
  const requests: autocannon.Request[] = [
    {
      method: 'POST',
      path,
      setupRequest: (request) => {
        timing.firstSentAt ??= performance.now();
        const device = devices[turn % devices.length]!;
        turn += 1;
        return {
          ...request,
          headers: { ...request.headers, 'content-type': 'application/json', cookie: device.cookie, 'x-csrf-token': device.csrfToken },
          body: JSON.stringify({ idempotencyKey: randomUUID(), state: STATES[turn % STATES.length], wantsTalk: turn % 7 === 0 }),
        };
      },
      onResponse: () => {
        timing.lastAnsweredAt = performance.now();
      },
    },
  ];
  return { requests, timing };
}

// A fixed number of requests (not a duration): autocannon waits for every answer, so the 201s can be
// compared with the rows stored.
// With `overallRate` the load is offered at that rate (latencies corrected for coordinated omission);
// without, every connection sends its next request as soon as the last is answered.
async function drive(url: string, load: Load, connections: number, amount: number, servers: readonly ChildProcess[], overallRate?: number): Promise<Driven> {
  load.timing.firstSentAt = undefined;
  const cpuBefore = process.cpuUsage();
  const serverCpuBefore = cpuMsOf(servers);
  const result = await new Promise<autocannon.Result>((resolveRun, reject) => {
    autocannon({ url, connections, amount, requests: load.requests, timeout: 30, ...(overallRate ? { overallRate } : {}) }, (error, finished) =>
      error ? reject(error) : resolveRun(finished),
    );
  });
  const cpu = process.cpuUsage(cpuBefore);
  const serverCpuAfter = cpuMsOf(servers);
  return {
    result,
    seconds: (load.timing.lastAnsweredAt - (load.timing.firstSentAt ?? load.timing.lastAnsweredAt)) / 1000,
    clientCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / amount,
    serverCpuMsPerRequest: serverCpuBefore !== undefined && serverCpuAfter !== undefined ? (serverCpuAfter - serverCpuBefore) / amount : undefined,
  };
}

/** One autocannon run: its result, its own timing, and what the load generator itself cost (it shares the machine's cores). */
interface Driven {
  result: autocannon.Result;
  seconds: number;
  clientCpuMsPerRequest: number;
  serverCpuMsPerRequest: number | undefined;
}

// Clock ticks per second of /proc/<pid>/stat's CPU times: 100 on every Linux build that matters here (USER_HZ).
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * The CPU time (user + system, ms) the processes used so far, from /proc/<pid>/stat (Linux); undefined elsewhere.
 * Unlike throughput, this hardly changes when other work shares the machine's cores, so it is the steadier figure.
 */
function cpuMsOf(processes: readonly ChildProcess[]): number | undefined {
  let total = 0;
  for (const child of processes) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
    } catch {
      return undefined;
    }
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is the
    // 14th field of the line, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    total += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  }
  return total;
}

function statusCount(result: autocannon.Result, status: number): number {
  const stats = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  return stats[String(status)]?.count ?? 0;
}

function figuresOf(label: string, { result, seconds, clientCpuMsPerRequest, serverCpuMsPerRequest }: Driven): RunFigures {
  const stats = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const otherAnswers = Object.fromEntries(Object.entries(stats).filter(([status]) => status !== '201').map(([status, { count }]) => [status, count]));
  const created = statusCount(result, 201);
  return { label, created, seconds, clientCpuMsPerRequest, serverCpuMsPerRequest, perSecond: created / seconds, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, timeouts: result.timeouts, otherAnswers };
}

/**
 * Warm-up (not in the figures, but in the row check), then two measured runs: as fast as the server
 * answers, and offered at the goal rate (does it keep up, and with what latency).
 */
async function measure(
  label: string,
  url: string,
  load: Load,
  options: BenchOptions,
  servers: readonly ChildProcess[],
): Promise<{ figures: RunFigures[]; created: number }> {
  let created = 0;
  if (options['warm-up'] > 0) created += statusCount((await drive(url, load, options.connections, options['warm-up'], servers)).result, 201);
  const fastest = await drive(url, load, options.connections, options.requests, servers);
  const atGoal = await drive(url, load, options.connections, options.requests, servers, GOAL_PER_SECOND);
  created += statusCount(fastest.result, 201) + statusCount(atGoal.result, 201);
  return { figures: [figuresOf(`${label}, flat out`, fastest), figuresOf(`${label}, offered ${GOAL_PER_SECOND}/s`, atGoal)], created };
}

// ---------- several servers on PostgreSQL ----------

/** The proxy in front of the PostgreSQL servers: the shared one of docs/DEPLOYMENT.md, on any free port. */
async function startProxy(targets: readonly string[]): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const proxy = await startSmallProxy(0, targets.map((target) => new URL(target).host));
  const address = proxy.address();
  return {
    baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise((resolveClose) => proxy.close(resolveClose));
    },
  };
}

const CPU_PROFILE_PRELOAD = pathToFileURL(join(REPOSITORY_ROOT, 'bench/cpu-profile-preload.mjs')).href;

/**
 * The environment that makes a server process write a CPU profile into `folder` when it stops: the server is
 * started through bin/groeiwijzer.js by the shared harness (which passes `env` after its own clean-up), and Node 20
 * refuses `--cpu-prof` in NODE_OPTIONS, so a preloaded module runs the profiler (bench/cpu-profile-preload.mjs).
 */
function cpuProfileEnv(folder: string | undefined): Record<string, string> {
  if (!folder) return {};
  mkdirSync(folder, { recursive: true });
  return { NODE_OPTIONS: `--import ${CPU_PROFILE_PRELOAD}`, GW_CPU_PROFILE_DIR: folder };
}

/** One PostgreSQL run: a scratch database with the pupils, `count` servers behind the proxy, the same load. */
async function measurePostgres(adminUrl: string, count: number, options: BenchOptions): Promise<{ figures: RunFigures[]; check: string }> {
  const database = await createScratchPostgresDatabase(adminUrl, 'gw_bench');
  try {
    const devices = await createPupilSessions(database.url, options.pupils);
    const servers = await startServers(count, {
      databaseUrl: database.url,
      key: newKeyEncryptionKey(),
      env: { LOG_LEVEL: 'warn', ...cpuProfileEnv(options['cpu-prof'] && join(options['cpu-prof'], `postgres-${count}`)) },
    });
    const proxy = await startProxy(servers.map((server) => server.baseUrl));
    try {
      const label = `PostgreSQL, ${count} server${count === 1 ? '' : 's'} behind the proxy`;
      const measured = await measure(label, `${proxy.baseUrl}/api/pupil/checkins`, checkinLoad('/api/pupil/checkins', devices), options, servers.map((server) => server.child));
      const stored = await countRows(database.url);
      return { figures: measured.figures, check: `rows stored / 201 answers (${label}): ${stored} / ${measured.created} ${stored === measured.created ? 'equal' : 'DIFFERENT'}` };
    } finally {
      await proxy.close();
      for (const server of servers) await stopServerProcess(server);
    }
  } finally {
    await database.drop();
  }
}

function printSummary(runs: RunFigures[]): void {
  console.log('\nsummary, flat out (every connection sends its next request when answered):');
  console.table(runs.filter((run) => run.label.endsWith('flat out')).map((run) => ({ setup: run.label.replace(/, flat out$/, ''), 'check-ins/s': Math.round(run.perSecond), 'p99 ms': run.p99 })));
}

// ---------- the run ----------

async function startBaselineServer(databasePath: string, cpuProfileFolder: string | undefined): Promise<{ child: ChildProcess; baseUrl: string }> {
  const port = await findFreePort();
  // The same profiler as the server's (not `--cpu-prof`, which would also profile tsx's loader thread).
  const { NODE_OPTIONS: preload, ...profiling } = cpuProfileEnv(cpuProfileFolder);
  const child = spawn(process.execPath, [...(preload ? preload.split(' ') : []), '--import', 'tsx', fileURLToPath(import.meta.url), '--baseline-server', databasePath, String(port)], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, ...profiling },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilHealthy({ baseUrl, port, child, output: () => '', exited });
  return { child, baseUrl };
}

function baselineRows(databasePath: string): number {
  const sqlite = new SQLite(databasePath, { readonly: true });
  try {
    return Number((sqlite.prepare('select count(*) as count from checkins').get() as { count: number }).count);
  } finally {
    sqlite.close();
  }
}

function printFigures(runs: RunFigures[], checks: string[]): void {
  console.table(
    runs.map((run) => ({
      run: run.label,
      'check-ins/s': Math.round(run.perSecond),
      seconds: Number(run.seconds.toFixed(2)),
      'p50 ms': run.p50,
      'p99 ms': run.p99,
      errors: run.errors,
      timeouts: run.timeouts,
      'other answers': Object.entries(run.otherAnswers).map(([status, count]) => `${status}×${count}`).join(' ') || '0',
      'server CPU ms/req': run.serverCpuMsPerRequest === undefined ? '?' : Number(run.serverCpuMsPerRequest.toFixed(3)),
      'autocannon CPU ms/req': Number(run.clientCpuMsPerRequest.toFixed(3)),
    })),
  );
  const [baselineFlatOut, baselineAtGoal, checkinFlatOut, checkinAtGoal] = runs;
  if (baselineFlatOut && baselineAtGoal && checkinFlatOut && checkinAtGoal) {
    console.log(`ratio check-in route / baseline, flat out: ${(checkinFlatOut.perSecond / baselineFlatOut.perSecond).toFixed(2)} × the throughput`);
    console.log(`ratio check-in route / baseline, offered ${GOAL_PER_SECOND}/s: ${(checkinAtGoal.p99 / Math.max(baselineAtGoal.p99, 1)).toFixed(2)} × the p99 latency`);
    if (checkinFlatOut.serverCpuMsPerRequest !== undefined && baselineFlatOut.serverCpuMsPerRequest !== undefined) {
      // The steadier figure on a shared machine: what one request costs the server, whatever else ran meanwhile.
      console.log(`ratio check-in route / baseline, flat out: ${(checkinFlatOut.serverCpuMsPerRequest / baselineFlatOut.serverCpuMsPerRequest).toFixed(2)} × the server CPU per request`);
    }
    // Sustained: the offered rate was kept up (within 5 %) over the whole run.
    const meetsGoal = checkinAtGoal.perSecond >= GOAL_PER_SECOND * 0.95 && checkinAtGoal.p99 < GOAL_P99_MS;
    console.log(`goal ≥ ${GOAL_PER_SECOND}/s sustained with p99 < ${GOAL_P99_MS} ms: ${meetsGoal ? 'met' : 'NOT met'}`);
  }
  for (const check of checks) console.log(check);
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      pupils: { type: 'string' },
      connections: { type: 'string' },
      requests: { type: 'string' },
      'warm-up': { type: 'string' },
      postgres: { type: 'string' },
      'cpu-prof': { type: 'string' },
    },
    strict: true,
  });
  const parsed = optionsSchema.parse(values);
  // The profiles are written by other processes (other working folders): an absolute path.
  const options: BenchOptions = parsed['cpu-prof'] ? { ...parsed, 'cpu-prof': resolve(parsed['cpu-prof']) } : parsed;
  const dir = mkdtempSync(join(tmpdir(), 'gw-bench-checkin-'));
  const databaseUrl = `sqlite:${join(dir, 'checkin.db')}`;
  const baselinePath = join(dir, 'baseline.db');
  let isConsistent = true;
  try {
    const devices = await createPupilSessions(databaseUrl, options.pupils);
    const queueSettings = ['CHECKIN_BATCH_SIZE', 'CHECKIN_BATCH_WAIT_MS', 'CHECKIN_QUEUE_LIMIT'].map((name) => `${name}=${process.env[name] ?? '(default)'}`).join(', ');
    console.log(
      `check-in bench${options.postgres ? ' (then PostgreSQL with 1, 2, 3 servers)' : ''}: ${options.pupils} pupils, ${options.connections} connections, ${options['warm-up']} warm-up + ${options.requests} measured requests per run, SQLite synchronous=FULL; ${queueSettings}`,
    );

    const baselineServer = await startBaselineServer(baselinePath, options['cpu-prof'] && join(options['cpu-prof'], 'baseline'));
    const baseline = await measure('baseline: bare Fastify, one insert per request', `${baselineServer.baseUrl}/baseline`, checkinLoad('/baseline', devices), options, [baselineServer.child]);
    baselineServer.child.kill('SIGTERM');
    await new Promise((resolveExit) => baselineServer.child.once('exit', resolveExit));

    const server = await startServerProcess({
      databaseUrl,
      key: newKeyEncryptionKey(),
      env: { LOG_LEVEL: 'warn', ...cpuProfileEnv(options['cpu-prof'] && join(options['cpu-prof'], 'server')) },
    });
    const checkin = await measure('POST /api/pupil/checkins (write queue)', `${server.baseUrl}/api/pupil/checkins`, checkinLoad('/api/pupil/checkins', devices), options, [server.child]);
    const exit = await stopServerProcess(server);
    if (exit.code !== 0) console.log(`server output:\n${server.output()}`);

    const stored = await countRows(databaseUrl);
    const storedBaseline = baselineRows(baselinePath);
    isConsistent = stored === checkin.created && storedBaseline === baseline.created;
    const postgresRuns: RunFigures[] = [];
    const postgresChecks: string[] = [];
    for (const count of options.postgres ? [1, 2, 3] : []) {
      const run = await measurePostgres(options.postgres!, count, options);
      postgresRuns.push(...run.figures);
      postgresChecks.push(run.check);
      if (!run.check.endsWith('equal')) isConsistent = false;
    }
    printFigures(
      [...baseline.figures, ...checkin.figures, ...postgresRuns],
      [
        `rows stored / 201 answers (check-in route, warm-up included): ${stored} / ${checkin.created} ${stored === checkin.created ? 'equal' : 'DIFFERENT'}`,
        `rows stored / 201 answers (baseline): ${storedBaseline} / ${baseline.created} ${storedBaseline === baseline.created ? 'equal' : 'DIFFERENT'}`,
        `server stopped with SIGTERM: exit ${JSON.stringify(exit)}`,
        ...postgresChecks,
      ],
    );
    if (options.postgres) printSummary([...checkin.figures.map((run) => ({ ...run, label: run.label.replace('POST /api/pupil/checkins (write queue)', 'SQLite, 1 server, direct') })), ...postgresRuns]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return isConsistent ? 0 : 1;
}

const [mode, baselineDatabase, baselinePort] = process.argv.slice(2);
const run = mode === '--baseline-server' ? runBaselineServer(baselineDatabase ?? '', Number(baselinePort)).then(() => 0) : main(process.argv.slice(2));
run.then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
