// `npm run test:durability -- [--kills 50] [--db auto|sqlite|postgres|both] [--workers 8] [--seed n]`
//
// Starts the real server (`groeiwijzer serve`) on a fresh database, drives concurrent writes
// (POST /api/schools/:id/locations: one row + one audit event per request; and as many writers
// submitting check-ins, POST /api/pupil/checkins, through the batching write queue), kills the server with
// SIGKILL at a random moment, restarts it, and checks that every write answered 201 is stored, that
// the database passes its integrity check, that no transaction was half kept and that the audit chain
// holds. Repeats `--kills` times per database, then stops the server with SIGTERM. Exits 1 on any
// lost write or problem. `auto` = SQLite, plus PostgreSQL when TEST_DATABASE_URL is set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createDb } from '../../src/server/db/create-db';
import type { Db, Dialect } from '../../src/server/db/database';
import { createEmptyTestDatabaseUrl } from '../support/test-db';
import { type Administrator, sendJson, setUpFirstSchool } from './http-client';
import { consistencyProblems, lostWrites, storedLocationIds } from './integrity';
import { newKeyEncryptionKey, type ServerProcess, startServerProcess, stopServerProcess } from './server-process';
import {
  createPupilDevices,
  emptyWriteLoadFigures,
  type PupilDevice,
  startCheckinLoad,
  startWriteLoad,
  storedCheckinKeys,
  type WriteLoadFigures,
} from './write-load';
import { seededRandom } from '../../src/shared/seeded-random';

// A kill lands somewhere in this window after the load started: early (first requests, connections
// opening) as well as later (a steady stream of commits).
const KILL_WINDOW_MS = { min: 20, max: 700 };
// Pupils whose check-ins the check-in writers send, in turn.
const CHECKIN_PUPILS = 50;

const optionsSchema = z.strictObject({
  kills: z.coerce.number().int().min(1).max(10_000).default(50),
  db: z.enum(['auto', 'sqlite', 'postgres', 'both']).default('auto'),
  workers: z.coerce.number().int().min(1).max(64).default(8),
  seed: z.coerce.number().int().min(0).default(() => Date.now() % 1_000_000),
});

type RunOptions = z.infer<typeof optionsSchema>;

/** The figures of one database's run. */
interface RunFigures {
  dialect: Dialect;
  kills: number;
  load: WriteLoadFigures;
  lost: string[];
  /** The check-in writers: acknowledged = idempotency keys answered 201. */
  checkins: WriteLoadFigures;
  lostCheckins: string[];
  storedCheckins: number;
  inFlightAtKill: number[];
  committedUnacknowledged: number;
  stored: number;
  integrityChecks: number;
  problems: string[];
  cleanExit: boolean;
  seconds: number;
}

function parseOptions(argv: string[]): RunOptions {
  const { values } = parseArgs({
    args: argv,
    options: { kills: { type: 'string' }, db: { type: 'string' }, workers: { type: 'string' }, seed: { type: 'string' } },
    strict: true,
  });
  return optionsSchema.parse(values);
}

function dialectsOf(choice: RunOptions['db']): Dialect[] {
  const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);
  if ((choice === 'postgres' || choice === 'both') && !hasPostgres) {
    throw new Error('--db postgres/both needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test): a new database is created beside it');
  }
  if (choice === 'sqlite') return ['sqlite'];
  if (choice === 'postgres') return ['postgres'];
  return hasPostgres ? ['sqlite', 'postgres'] : ['sqlite'];
}


/** A fresh database of the dialect: a file in a new temp folder, or a new PostgreSQL database beside TEST_DATABASE_URL. */
async function freshDatabase(dialect: Dialect): Promise<{ url: string; drop: () => Promise<void> }> {
  if (dialect === 'postgres') return createEmptyTestDatabaseUrl('postgres');
  const dir = mkdtempSync(join(tmpdir(), 'gw-durability-'));
  return { url: `sqlite:${join(dir, 'durability.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function withDb<T>(url: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await createDb(url);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/**
 * After a restart: the database (opened beside the running server, which recovered it first) holds
 * every acknowledged write and passes its checks, and the server lists the same rows through the API.
 */
async function verifyAfterRestart(url: string, server: ServerProcess, admin: Administrator, figures: RunFigures): Promise<void> {
  const acknowledged = [...figures.load.acknowledged.keys()];
  await withDb(url, async (db) => {
    const storedCheckins = await storedCheckinKeys(db);
    figures.lostCheckins.push(...lostWrites(figures.checkins.acknowledged.keys(), storedCheckins).filter((key) => !figures.lostCheckins.includes(key)));
    figures.storedCheckins = storedCheckins.size;
    const stored = await storedLocationIds(db, admin.schoolId);
    figures.lost.push(...lostWrites(acknowledged, stored).filter((id) => !figures.lost.includes(id)));
    figures.stored = stored.size;
    figures.committedUnacknowledged = stored.size - acknowledged.filter((id) => stored.has(id)).length;
    figures.problems.push(...(await consistencyProblems(db, admin.schoolId)));
    figures.integrityChecks += 1;
  });
  const listed = await sendJson(server.baseUrl, { method: 'GET', path: `/api/schools/${admin.schoolId}/locations`, as: admin });
  if (listed.status !== 200) {
    figures.problems.push(`GET locations after restart answered ${listed.status}`);
    return;
  }
  const listedIds = new Set(z.array(z.object({ id: z.string() })).parse(listed.body).map((location) => location.id));
  const missing = lostWrites(acknowledged, listedIds);
  if (missing.length > 0) figures.problems.push(`the restarted server does not list ${missing.length} acknowledged location(s)`);
}

async function runOnDialect(dialect: Dialect, options: RunOptions): Promise<RunFigures> {
  const started = performance.now();
  const random = seededRandom(options.seed);
  const database = await freshDatabase(dialect);
  const key = newKeyEncryptionKey();
  const figures: RunFigures = {
    dialect,
    kills: 0,
    load: emptyWriteLoadFigures(),
    lost: [],
    checkins: emptyWriteLoadFigures(),
    lostCheckins: [],
    storedCheckins: 0,
    inFlightAtKill: [],
    committedUnacknowledged: 0,
    stored: 0,
    integrityChecks: 0,
    problems: [],
    cleanExit: false,
    seconds: 0,
  };
  let server: ServerProcess | undefined;
  try {
    server = await startServerProcess({ databaseUrl: database.url, key });
    const admin = await setUpFirstSchool(server.baseUrl);
    const devices: PupilDevice[] = await withDb(database.url, (db) => createPupilDevices(db, admin.schoolId, CHECKIN_PUPILS));
    for (let kill = 1; kill <= options.kills; kill += 1) {
      const load = startWriteLoad({ baseUrl: server.baseUrl, admin, workers: options.workers, namePrefix: `k${kill}`, figures: figures.load });
      const checkinLoad = startCheckinLoad({ baseUrl: server.baseUrl, devices, workers: options.workers, figures: figures.checkins });
      const delay = KILL_WINDOW_MS.min + random() * (KILL_WINDOW_MS.max - KILL_WINDOW_MS.min);
      await new Promise((resolveDelay) => setTimeout(resolveDelay, delay));
      figures.inFlightAtKill.push(figures.load.inFlight + figures.checkins.inFlight);
      server.child.kill('SIGKILL');
      const exit = await server.exited;
      if (exit.signal !== 'SIGKILL') figures.problems.push(`kill ${kill}: the server had already ended (${JSON.stringify(exit)}):\n${server.output()}`);
      await load.stop();
      await checkinLoad.stop();
      figures.kills += 1;
      server = await startServerProcess({ databaseUrl: database.url, key });
      await verifyAfterRestart(database.url, server, admin, figures);
      const acknowledged = figures.load.acknowledged.size + figures.checkins.acknowledged.size;
      const lost = figures.lost.length + figures.lostCheckins.length;
      process.stdout.write(`\r${dialect}: ${kill}/${options.kills} kills, ${acknowledged} acknowledged, ${lost} lost   `);
    }
    const exit = await stopServerProcess(server);
    figures.cleanExit = exit.code === 0;
    if (!figures.cleanExit) figures.problems.push(`SIGTERM after the last kill: the server ended with ${JSON.stringify(exit)}`);
    await withDb(database.url, async (db) => {
      figures.problems.push(...(await consistencyProblems(db, admin.schoolId)));
      figures.integrityChecks += 1;
    });
  } finally {
    process.stdout.write('\n');
    // After a failure: no server left running (its pipes would keep this script alive).
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await database.drop();
  }
  figures.seconds = (performance.now() - started) / 1000;
  return figures;
}

function printFigures(figures: RunFigures): void {
  const inFlight = figures.inFlightAtKill;
  const rows: [string, string | number][] = [
    ['database', figures.dialect],
    ['kills (SIGKILL under load)', figures.kills],
    ['requests sent', figures.load.sent],
    ['acknowledged writes (201)', figures.load.acknowledged.size],
    ['lost acknowledged writes', figures.lost.length],
    ['in flight at kill: total / max per kill', `${inFlight.reduce((sum, count) => sum + count, 0)} / ${Math.max(0, ...inFlight)}`],
    ['committed but never acknowledged', figures.committedUnacknowledged],
    ['requests cut off by a kill', figures.load.failed],
    ['unexpected answers (not 201)', figures.load.unexpected.length],
    ['rows stored at the end', figures.stored],
    ['check-ins sent / acknowledged (201)', `${figures.checkins.sent} / ${figures.checkins.acknowledged.size}`],
    ['lost acknowledged check-ins', figures.lostCheckins.length],
    ['check-ins cut off by a kill / unexpected answers', `${figures.checkins.failed} / ${figures.checkins.unexpected.length}`],
    ['check-ins stored at the end', figures.storedCheckins],
    ['integrity checks run / failed', `${figures.integrityChecks} / ${figures.problems.length}`],
    ['SIGTERM at the end: exit 0', figures.cleanExit ? 'yes' : 'no'],
    ['time', `${figures.seconds.toFixed(1)} s`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  for (const problem of figures.problems) console.log(`  PROBLEM: ${problem}`);
  for (const answer of [...figures.load.unexpected, ...figures.checkins.unexpected].slice(0, 5)) console.log(`  UNEXPECTED ANSWER: ${answer}`);
  if (figures.lost.length > 0) console.log(`  LOST: ${figures.lost.slice(0, 10).join(', ')}`);
  if (figures.lostCheckins.length > 0) console.log(`  LOST CHECK-INS (idempotency keys): ${figures.lostCheckins.slice(0, 10).join(', ')}`);
}

function isSuccess(figures: RunFigures): boolean {
  return (
    figures.lost.length === 0 &&
    figures.lostCheckins.length === 0 &&
    figures.problems.length === 0 &&
    figures.load.unexpected.length === 0 &&
    figures.checkins.unexpected.length === 0 &&
    figures.kills > 0
  );
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const dialects = dialectsOf(options.db);
  console.log(`Durability: ${options.kills} kill(s) under load on ${dialects.join(' and ')}, ${options.workers} writers, seed ${options.seed}`);
  let isAllGood = true;
  for (const dialect of dialects) {
    const figures = await runOnDialect(dialect, options);
    printFigures(figures);
    isAllGood &&= isSuccess(figures);
  }
  console.log(isAllGood ? 'Durability: no acknowledged write lost, every check passed.' : 'Durability: FAILED (see above).');
  return isAllGood ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
