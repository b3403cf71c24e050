// `npm run bench:figures -- [--schools 20] [--classes 25] [--pupils 25] [--attendance 0.75] [--days 200] [--repeats 5]
//                            [--data-dir <dir>] [--skip-baseline] [--postgres <admin url>]`
//
// The anonymous check-in figures of a board over a whole school year (platform issue: 21.6 s, the server
// answering nothing else meanwhile, 3.4 GiB). Generates a board of `schools` × `classes` × `pupils` with one
// check-in per pupil on `attendance` of the school days of 2025-2026 (and a second one now and then),
// stored as raw check-ins the way an earlier version left them, then counts them into checkin_class_days
// with the migration that does so on upgrade (timed). Then the real app (buildApp, in a child process, with
// a second listener in the same process for the BASELINE: the old counting of raw rows in JavaScript,
// copied below from the code before this change) answers:
//   - the board's year view (by week; by day its last two months) and one school's year view, new and baseline, with the ratio;
//   - the worst wait of a /healthz probe sent back to back while each view is being answered (the event
//     loop is shared, so this is how long the server blocks everyone else);
//   - the server process's peak memory after the new views and after the baseline.
// Then the write path on the same database: a morning of check-ins for the whole board in batches of 500,
// committed as the write queue does (insert + adding the batch to the counts; checked equal to a recount),
// with the touched class-days counted again instead (the alternative not taken) and as before (insert
// only), so the cost of keeping the counts live shows. Goals: board year view < 200 ms, no
// /healthz wait > 100 ms. SQLite (synchronous=FULL) by default; `--postgres` creates a scratch database there.
// Generating ~2 M check-ins takes minutes: with `--data-dir` the SQLite database is kept there and used again
// by the next run with that folder (the write section adds a morning to it each time). Not a test.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import { buildApp } from '../src/server/app';
import { startSession } from '../src/server/auth/sessions.service';
import { loadConfig } from '../src/server/config';
import { openFieldCrypto } from '../src/server/crypto/field-encryption';
import { newKeyText } from '../src/server/crypto/kek';
import { createDb } from '../src/server/db/create-db';
import type { Database } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import * as classDayCountsMigration from '../src/server/db/migrations/2026-11-26-001-checkin-class-day-counts';
import { type Deps, isoInstant, newId, systemClock } from '../src/server/deps';
import { recountClassDays } from '../src/server/features/checkin/checkin-class-days.repository';
import { insertCheckinBatch, type NewCheckin } from '../src/server/features/checkin/checkin-submit.repository';
import { createOutboxMailer } from '../src/server/mail/mailer';
import { addDays, isoWeekOf, schoolDateOf } from '../src/shared/school-time';
import { seededRandom } from '../src/shared/seeded-random';
import { findFreePort, REPOSITORY_ROOT } from '../test/durability/server-process';
import { createEmptyTestDatabaseUrl } from '../test/support/test-db';

const GOAL_BOARD_YEAR_MS = 200;
const GOAL_BLOCKING_MS = 100;
const SCHOOL_YEAR = '2025-2026';
const YEAR_FROM = '2025-08-01';
const YEAR_TO = '2026-07-31';
const STATES = ['in_window', 'bit_high', 'far_high', 'low'] as const;
// The holidays of 2025-2026 (region midden, roughly): no check-ins on these weekdays.
const HOLIDAYS: readonly [string, string][] = [
  ['2025-10-20', '2025-10-24'],
  ['2025-12-22', '2026-01-02'],
  ['2026-02-16', '2026-02-20'],
  ['2026-04-27', '2026-05-08'],
];

const optionsSchema = z.strictObject({
  schools: z.coerce.number().int().min(1).max(200).default(20),
  classes: z.coerce.number().int().min(1).max(100).default(25),
  pupils: z.coerce.number().int().min(1).max(40).default(25),
  attendance: z.coerce.number().min(0.05).max(1).default(0.75),
  days: z.coerce.number().int().min(1).max(260).optional(),
  repeats: z.coerce.number().int().min(1).max(50).default(5),
  'data-dir': z.string().min(1).optional(),
  'skip-baseline': z.boolean().default(false),
  postgres: z.string().startsWith('postgres').optional(),
});
type BenchOptions = z.infer<typeof optionsSchema>;

// ---------- the dataset ----------

/** The school days of 2025-2026 from the first Monday after the summer holiday to the last Friday before the next. */
function schoolDaysOfYear(): string[] {
  const days: string[] = [];
  for (let date = '2025-08-25'; date <= '2026-07-10'; date = addDays(date, 1)) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (HOLIDAYS.some(([start, end]) => date >= start && date <= end)) continue;
    days.push(date);
  }
  return days;
}

interface Dataset {
  boardId: string;
  schoolIds: string[];
  classIds: string[][];
  pupilIds: string[][][];
  checkins: number;
  classDays: number;
  generateSeconds: number;
  countSeconds: number;
  boardAdmin: { cookie: string; csrfToken: string };
  leadership: { cookie: string; csrfToken: string };
  /** The school whose leadership reads the school view. */
  leadershipSchoolId: string;
}

async function generate(db: Kysely<Database>, options: BenchOptions, schoolDays: readonly string[]): Promise<Dataset> {
  const started = performance.now();
  const at = isoInstant(new Date());
  const boardId = newId();
  await db.insertInto('boards').values({ id: boardId, name: 'Bench', min_group_size: 5, created_at: at }).execute();
  const schoolIds: string[] = [];
  const classIds: string[][] = [];
  const pupilIds: string[][][] = [];
  for (let school = 0; school < options.schools; school += 1) {
    const schoolId = newId();
    schoolIds.push(schoolId);
    await db.insertInto('schools').values({ id: schoolId, board_id: boardId, name: `School ${school + 1}`, kind: 'primary', created_at: at }).execute();
    await db
      .insertInto('school_settings')
      .values({ school_id: schoolId, shares_selfscan_with_board: 0, shares_checkin_with_board: 1, shares_plan_with_team: 0, shares_plan_with_board: 0, shares_effect_with_board: 0, untrained_after_months: 12, updated_by: null, updated_at: at })
      .execute();
    const classes: string[] = [];
    const pupilsOfSchool: string[][] = [];
    for (let index = 0; index < options.classes; index += 1) {
      const classId = newId();
      classes.push(classId);
      await db.insertInto('classes').values({ id: classId, school_id: schoolId, location_id: null, school_year: SCHOOL_YEAR, name: `Groep ${index + 1}`, created_at: at }).execute();
      const pupils = Array.from({ length: options.pupils }, () => newId());
      await db
        .insertInto('pupils')
        .values(pupils.map((id, place) => ({ id, school_id: schoolId, pupil_number: `${index}-${place}`, first_name: `Leerling ${place}`, last_name: `Klas ${index}`, birth_date: null, created_at: at, updated_at: at })))
        .execute();
      await db.insertInto('class_pupils').values(pupils.map((pupilId) => ({ class_id: classId, pupil_id: pupilId, created_at: at }))).execute();
      pupilsOfSchool.push(pupils);
    }
    classIds.push(classes);
    pupilIds.push(pupilsOfSchool);
  }

  // Raw check-ins as an earlier version stored them: no class-day counts yet.
  const random = seededRandom(20_261_126);
  let checkins = 0;
  let pending: NewCheckin[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    await db.transaction().execute(async (trx) => {
      for (let start = 0; start < rows.length; start += 500) await trx.insertInto('checkins').values(rows.slice(start, start + 500)).execute();
    });
  };
  for (const date of schoolDays) {
    for (let school = 0; school < options.schools; school += 1) {
      for (let index = 0; index < options.classes; index += 1) {
        for (const pupilId of pupilIds[school]![index]!) {
          if (random() >= options.attendance) continue;
          const times = random() < 0.05 ? 2 : 1;
          for (let time = 0; time < times; time += 1) {
            const draw = random();
            pending.push({
              id: newId(),
              idempotency_key: newId(),
              pupil_id: pupilId,
              class_id: classIds[school]![index]!,
              school_id: schoolIds[school]!,
              school_date: date,
              state: draw < 0.7 ? 'in_window' : draw < 0.85 ? 'bit_high' : draw < 0.95 ? 'low' : 'far_high',
              wants_talk: random() < 0.03 ? 1 : 0,
              word_encrypted: null,
              channel: 'kiosk',
              created_at: `${date}T07:${String(15 + time * 20 + Math.floor(random() * 20)).padStart(2, '0')}:00.000Z`,
            });
            checkins += 1;
          }
        }
      }
    }
    if (pending.length >= 20_000) await flush();
  }
  await flush();
  const generateSeconds = (performance.now() - started) / 1000;

  const countStarted = performance.now();
  await classDayCountsMigration.up(db);
  const countSeconds = (performance.now() - countStarted) / 1000;
  const classDays = Number((await db.selectFrom('checkin_class_days').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()).count);

  return { boardId, schoolIds, classIds, pupilIds, checkins, classDays, generateSeconds, countSeconds, ...(await benchSessions(db, boardId, schoolIds[0]!)) };
}

/** A dataset generated by an earlier run (`--data-dir`), read back from the database, with fresh sessions. */
async function loadDataset(db: Kysely<Database>): Promise<Dataset> {
  const board = await db.selectFrom('boards').select('id').where('name', '=', 'Bench').executeTakeFirstOrThrow();
  const schools = await db.selectFrom('schools').select('id').where('board_id', '=', board.id).orderBy('name').execute();
  const classIds: string[][] = [];
  const pupilIds: string[][][] = [];
  for (const school of schools) {
    const classes = await db.selectFrom('classes').select('id').where('school_id', '=', school.id).orderBy('name').execute();
    classIds.push(classes.map((each) => each.id));
    const pupilsOfSchool: string[][] = [];
    for (const each of classes) pupilsOfSchool.push((await db.selectFrom('class_pupils').select('pupil_id').where('class_id', '=', each.id).orderBy('pupil_id').execute()).map((row) => row.pupil_id));
    pupilIds.push(pupilsOfSchool);
  }
  const count = async (table: 'checkins' | 'checkin_class_days') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()).count);
  return {
    boardId: board.id,
    schoolIds: schools.map((school) => school.id),
    classIds,
    pupilIds,
    checkins: await count('checkins'),
    classDays: await count('checkin_class_days'),
    generateSeconds: 0,
    countSeconds: 0,
    ...(await benchSessions(db, board.id, schools[0]!.id)),
  };
}

async function benchSessions(db: Kysely<Database>, boardId: string, firstSchoolId: string): Promise<Pick<Dataset, 'boardAdmin' | 'leadership' | 'leadershipSchoolId'>> {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const at = isoInstant(new Date());
  const userOf = async (name: string) => {
    const found = await db.selectFrom('users').select('id').where('email', '=', `${name}@bench.test`).executeTakeFirst();
    if (found) return { id: found.id, isNew: false };
    const id = newId();
    await db.insertInto('users').values({ id, email: `${name}@bench.test`, name, password_hash: 'x', locale: 'nl', disabled_at: null, created_at: at }).execute();
    return { id, isNew: true };
  };
  const boardAdmin = await userOf('bestuur');
  if (boardAdmin.isNew) await db.insertInto('board_memberships').values({ board_id: boardId, user_id: boardAdmin.id, role: 'board_admin', created_at: at }).execute();
  const leadership = await userOf('directie');
  if (leadership.isNew) await db.insertInto('school_memberships').values({ school_id: firstSchoolId, user_id: leadership.id, role: 'leadership', created_at: at }).execute();
  const membership = await db.selectFrom('school_memberships').select('school_id').where('user_id', '=', leadership.id).executeTakeFirstOrThrow();
  const sessionOf = async (userId: string) => {
    const session = await startSession(db, systemClock, config, userId);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  };
  return { boardAdmin: await sessionOf(boardAdmin.id), leadership: await sessionOf(leadership.id), leadershipSchoolId: membership.school_id };
}

// ---------- BASELINE: the counting before this change (copied from checkin-teacher.{service,repository}.ts) ----------

interface CountingCheckin {
  classId: string;
  pupilId: string;
  date: string;
  state: string;
  at: string;
}

interface DayFigure {
  pupils: number;
  inWindow: number;
  pupilIds: Set<string> | null;
}

const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

function oldAggregateClassFigures(input: {
  checkins: readonly CountingCheckin[];
  storedDays: readonly { classId: string; date: string; pupilsCheckedIn: number; inWindow: number }[];
  classNames: ReadonlyMap<string, string>;
  minGroupSize: number;
  groupBy: 'day' | 'week';
}) {
  const latest = new Map<string, CountingCheckin>();
  for (const checkin of input.checkins) {
    const key = `${checkin.classId}|${checkin.date}|${checkin.pupilId}`;
    const seen = latest.get(key);
    if (!seen || checkin.at >= seen.at) latest.set(key, checkin);
  }
  const days = new Map<string, Map<string, DayFigure>>();
  const dayOf = (classId: string, date: string) => {
    const byDate = days.get(classId) ?? new Map<string, DayFigure>();
    days.set(classId, byDate);
    return { byDate, figure: byDate.get(date) };
  };
  for (const checkin of latest.values()) {
    const { byDate, figure } = dayOf(checkin.classId, checkin.date);
    const day = figure ?? { pupils: 0, inWindow: 0, pupilIds: new Set<string>() };
    day.pupils += 1;
    if (checkin.state === 'in_window') day.inWindow += 1;
    day.pupilIds?.add(checkin.pupilId);
    byDate.set(checkin.date, day);
  }
  for (const stored of input.storedDays) {
    const { byDate, figure } = dayOf(stored.classId, stored.date);
    if (!figure && stored.pupilsCheckedIn > 0) byDate.set(stored.date, { pupils: stored.pupilsCheckedIn, inWindow: stored.inWindow, pupilIds: null });
  }
  const summarise = (list: readonly DayFigure[]) => {
    const distinct = new Set<string>();
    let largestStoredDay = 0;
    let pupilDays = 0;
    let inWindow = 0;
    for (const day of list) {
      pupilDays += day.pupils;
      inWindow += day.inWindow;
      if (day.pupilIds) for (const id of day.pupilIds) distinct.add(id);
      else largestStoredDay = Math.max(largestStoredDay, day.pupils);
    }
    return { pupilsCheckedIn: Math.max(distinct.size, largestStoredDay), shareInWindow: pupilDays === 0 ? 0 : Math.round((inWindow / pupilDays) * 1000) / 1000 };
  };
  const classes: { classId: string; className: string; periods: { period: string; pupilsCheckedIn: number; shareInWindow: number }[] }[] = [];
  let hiddenClasses = 0;
  for (const [classId, byDate] of days) {
    const figures = [...byDate.entries()].sort(([left], [right]) => left.localeCompare(right));
    const periods = new Map<string, DayFigure[]>();
    for (const [date, figure] of figures) {
      const period = input.groupBy === 'day' ? date : isoWeekOf(date);
      periods.set(period, [...(periods.get(period) ?? []), figure]);
    }
    const shown = [...periods.entries()].map(([period, list]) => ({ period, ...summarise(list) })).filter((period) => period.pupilsCheckedIn >= input.minGroupSize);
    if (summarise(figures.map(([, figure]) => figure)).pupilsCheckedIn < input.minGroupSize || shown.length === 0) {
      hiddenClasses += 1;
      continue;
    }
    classes.push({ classId, className: input.classNames.get(classId) ?? '', periods: shown });
  }
  classes.sort((left, right) => collator.compare(left.className, right.className) || left.classId.localeCompare(right.classId));
  return { classes, hiddenClasses };
}

async function oldFiguresOfSchools(db: Kysely<Database>, schoolIds: readonly string[], from: string, to: string, groupBy: 'day' | 'week') {
  const classes = await db.selectFrom('classes').select(['id', 'name', 'school_id']).where('school_id', 'in', schoolIds).execute();
  const checkins = await db
    .selectFrom('checkins')
    .select(['id', 'class_id', 'pupil_id', 'school_date', 'state', 'created_at'])
    .where('school_id', 'in', schoolIds)
    .where('school_date', '>=', from)
    .where('school_date', '<=', to)
    .execute();
  const storedDays = await db
    .selectFrom('checkin_class_days')
    .innerJoin('classes', 'classes.id', 'checkin_class_days.class_id')
    .select(['checkin_class_days.class_id', 'checkin_class_days.school_date', 'checkin_class_days.pupils_checked_in', 'checkin_class_days.in_window'])
    .where('classes.school_id', 'in', schoolIds)
    .where('checkin_class_days.school_date', '>=', from)
    .where('checkin_class_days.school_date', '<=', to)
    .execute();
  return schoolIds.map((schoolId) => {
    const ofSchool = new Set(classes.filter((each) => each.school_id === schoolId).map((each) => each.id));
    return {
      schoolId,
      ...oldAggregateClassFigures({
        checkins: checkins
          .filter((row) => ofSchool.has(row.class_id))
          .map((row) => ({ classId: row.class_id, pupilId: row.pupil_id, date: row.school_date, state: row.state, at: `${row.created_at}|${row.id}` })),
        storedDays: storedDays.filter((row) => ofSchool.has(row.class_id)).map((row) => ({ classId: row.class_id, date: row.school_date, pupilsCheckedIn: row.pupils_checked_in, inWindow: row.in_window })),
        classNames: new Map(classes.map((each) => [each.id, each.name])),
        minGroupSize: 5,
        groupBy,
      }),
    };
  });
}

// ---------- the server (child process: `tsx bench/checkin-figures.ts --serve <database url> <port> <baseline port>`) ----------

async function serve(databaseUrl: string, port: number, baselinePort: number): Promise<void> {
  const db = await createDb(databaseUrl);
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl, key: newKeyText(), mfaRequired: false };
  const fieldCrypto = await openFieldCrypto({ db, config, clock: systemClock });
  const deps: Deps = { config, db, clock: systemClock, mailer: createOutboxMailer({ db: db.kysely, clock: systemClock, fieldCrypto }), fieldCrypto };
  const app = await buildApp(deps, { logger: false });
  await app.listen({ host: '127.0.0.1', port });

  // The baseline listens on its own port in the same process, so a /healthz probe on the app feels its blocking.
  const baseline = Fastify();
  baseline.get('/baseline/boards/:boardId', async (request) => {
    const { boardId } = request.params as { boardId: string };
    const { from, to, groupBy } = request.query as { from: string; to: string; groupBy: 'day' | 'week' };
    const schools = await db.kysely.selectFrom('schools').select('id').where('board_id', '=', boardId).execute();
    return { schools: await oldFiguresOfSchools(db.kysely, schools.map((school) => school.id), from, to, groupBy) };
  });
  baseline.get('/baseline/schools/:schoolId', async (request) => {
    const { schoolId } = request.params as { schoolId: string };
    const { from, to, groupBy } = request.query as { from: string; to: string; groupBy: 'day' | 'week' };
    return (await oldFiguresOfSchools(db.kysely, [schoolId], from, to, groupBy))[0];
  });
  // What the server process spent since the last reading: CPU, the longest the event loop was held up, peak memory.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  let cpuAtReset = process.cpuUsage();
  baseline.get('/baseline/process', async () => {
    const cpu = process.cpuUsage(cpuAtReset);
    const reading = { cpuMs: (cpu.user + cpu.system) / 1000, loopDelayMaxMs: loopDelay.max / 1e6, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) };
    loopDelay.reset();
    cpuAtReset = process.cpuUsage();
    return reading;
  });
  await baseline.listen({ host: '127.0.0.1', port: baselinePort });
  process.on('SIGTERM', () => {
    void Promise.all([app.close(), baseline.close()]).then(async () => {
      await db.close();
      process.exit(0);
    });
  });
}

async function startServer(databaseUrl: string): Promise<{ child: ChildProcess; baseUrl: string; baselineUrl: string }> {
  const [port, baselinePort] = [await findFreePort(), await findFreePort()];
  // The baseline holds every raw check-in of the year in memory at once (3.4 GiB in the issue): room for it.
  const child = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', fileURLToPath(import.meta.url), '--serve', databaseUrl, String(port), String(baselinePort)], {
    cwd: REPOSITORY_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt += 1) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok && (await fetch(`http://127.0.0.1:${baselinePort}/baseline/process`)).ok) return { child, baseUrl, baselineUrl: `http://127.0.0.1:${baselinePort}` };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the bench server did not start');
}

// ---------- measuring ----------

/** What the server process reports about the time since its last report. */
interface ProcessReading {
  cpuMs: number;
  loopDelayMaxMs: number;
  peakRssMiB: number;
}

let processUrl = '';

// node:http without timeouts: the baseline may hold the server for minutes (fetch gives up after 300 s). A new
// connection per request: a kept-alive one may be closed by the server just as the next request reuses it.
const agent = new Agent({ keepAlive: false });

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(url, { headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end();
  });
}

async function readProcess(): Promise<ProcessReading> {
  return JSON.parse((await get(processUrl)).body.toString()) as ProcessReading;
}

/**
 * One view answered: how long it took, the answer's size, the longest a /healthz probe waited meanwhile,
 * and, from the server process itself, the CPU it spent and the longest its event loop was held up (both
 * hold also when other programs share the cores).
 */
interface Timed {
  ms: number;
  bytes: number;
  worstProbeMs: number;
  probes: number;
  serverCpuMs: number;
  loopDelayMaxMs: number;
}

// With `healthzUrl`, /healthz is probed while the view is answered; without, nothing else is sent (the view's own time and CPU).
async function timeView(url: string, headers: Record<string, string>, healthzUrl: string | null): Promise<Timed> {
  await readProcess();
  let isDone = false;
  let worstProbeMs = 0;
  let probes = 0;
  // Back to back: each probe is sent when the previous one answered, so every stretch the server is blocked shows in one of them.
  const probing = (async () => {
    while (!isDone && healthzUrl) {
      const sent = performance.now();
      await get(healthzUrl);
      worstProbeMs = Math.max(worstProbeMs, performance.now() - sent);
      probes += 1;
    }
  })();
  const started = performance.now();
  const response = await get(url, headers);
  const ms = performance.now() - started;
  isDone = true;
  await probing;
  const server = await readProcess();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${response.body.toString().slice(0, 300)}`);
  return { ms, bytes: response.body.byteLength, worstProbeMs, probes, serverCpuMs: server.cpuMs, loopDelayMaxMs: server.loopDelayMaxMs };
}

/**
 * A view after one warm-up run (not counted): `repeats` runs alone (time and server CPU: medians, worst),
 * then `repeats` runs with /healthz probed meanwhile (the worst probe wait and event-loop stall).
 */
interface Repeated {
  median: number;
  max: number;
  bytes: number;
  worstProbeMs: number;
  probes: number;
  medianCpuMs: number;
  loopDelayMaxMs: number;
}

async function repeatView(repeats: number, url: string, headers: Record<string, string>, healthzUrl: string | null, options: { isOnceProbed?: boolean } = {}): Promise<Repeated> {
  const probed: Timed[] = [];
  // Once, probed, no warm-up: for the baseline's board year, minutes of CPU (its CPU then includes the probes').
  if (options.isOnceProbed) probed.push(await timeView(url, headers, healthzUrl));
  const alone = [...probed];
  if (!options.isOnceProbed) {
    await timeView(url, headers, null);
    for (let run = 0; run < repeats; run += 1) alone.push(await timeView(url, headers, null));
    for (let run = 0; run < repeats; run += 1) probed.push(await timeView(url, headers, healthzUrl));
  }
  const median = (values: number[]) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!;
  return {
    median: median(alone.map((run) => run.ms)),
    max: Math.max(...alone.map((run) => run.ms)),
    bytes: alone[0]!.bytes,
    worstProbeMs: Math.max(...probed.map((run) => run.worstProbeMs)),
    probes: probed.reduce((sum, run) => sum + run.probes, 0),
    medianCpuMs: median(alone.map((run) => run.serverCpuMs)),
    loopDelayMaxMs: Math.max(...probed.map((run) => run.loopDelayMaxMs)),
  };
}

/** The batches of one way of writing: wall time (the commit's fsync included) and this process's CPU per batch. */
interface WriteFigures {
  batches: number;
  medianMs: number;
  maxMs: number;
  medianCpuMs: number;
  totalMs: number;
}

// Two mornings: every pupil of the board checks in once each morning, in random order, in batches of 500 —
// one morning with the class-day counts kept as the write queue does now, the other inserted only as
// before. Their batches take turns, so neither gains from a page cache the other warmed.
type WriteKind = 'counting' | 'recounting' | 'insertOnly';

async function timeMornings(db: Kysely<Database>, dataset: Dataset, dates: Record<WriteKind, string>): Promise<Record<WriteKind, WriteFigures>> {
  const morningOf = (date: string, seed: number) => {
    const random = seededRandom(seed);
    const rows: NewCheckin[] = [];
    dataset.pupilIds.forEach((classes, school) =>
      classes.forEach((pupils, index) =>
        pupils.forEach((pupilId) =>
          rows.push({
            id: newId(),
            idempotency_key: newId(),
            pupil_id: pupilId,
            class_id: dataset.classIds[school]![index]!,
            school_id: dataset.schoolIds[school]!,
            school_date: date,
            state: STATES[Math.floor(random() * STATES.length)]!,
            wants_talk: 0,
            word_encrypted: null,
            channel: 'device',
            created_at: isoInstant(new Date()),
          }),
        ),
      ),
    );
    for (let index = rows.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [rows[index], rows[other]] = [rows[other]!, rows[index]!];
    }
    return rows;
  };
  const counting = morningOf(dates.counting, 1);
  const recounting = morningOf(dates.recounting, 3);
  const insertOnly = morningOf(dates.insertOnly, 2);
  const times: Record<WriteKind, number[]> = { counting: [], recounting: [], insertOnly: [] };
  const cpu: Record<WriteKind, number[]> = { counting: [], recounting: [], insertOnly: [] };
  const timed = async (kind: WriteKind, write: () => Promise<unknown>) => {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await write();
    times[kind].push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu[kind].push((used.user + used.system) / 1000);
  };
  for (let start = 0; start < counting.length; start += 500) {
    await timed('counting', () => insertCheckinBatch(db, counting.slice(start, start + 500)));
    await timed('recounting', () => insertRecounting(db, recounting.slice(start, start + 500)));
    await timed('insertOnly', () =>
      db.transaction().execute((trx) =>
        trx
          .insertInto('checkins')
          .values(insertOnly.slice(start, start + 500))
          .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
          .returning('id')
          .execute(),
      ),
    );
  }
  const median = (values: number[]) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!;
  const figuresOf = (kind: WriteKind): WriteFigures => ({
    batches: times[kind].length,
    medianMs: median(times[kind]),
    maxMs: Math.max(...times[kind]),
    medianCpuMs: median(cpu[kind]),
    totalMs: times[kind].reduce((sum, each) => sum + each, 0),
  });
  return { counting: figuresOf('counting'), recounting: figuresOf('recounting'), insertOnly: figuresOf('insertOnly') };
}

// The ALTERNATIVE not taken, for comparison: after the insert, the class-days the batch touched are counted
// again from all their raw rows (what retention and the migration do), instead of adding the batch's changes.
async function insertRecounting(db: Kysely<Database>, batch: readonly NewCheckin[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const inserted = new Set((await trx.insertInto('checkins').values([...batch]).onConflict((conflict) => conflict.column('idempotency_key').doNothing()).returning('id').execute()).map((row) => row.id));
    await recountClassDays(
      trx,
      batch.filter((row) => inserted.has(row.id)).map((row) => ({ classId: row.class_id, date: row.school_date })),
    );
  });
}

// ---------- the run ----------

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      schools: { type: 'string' },
      classes: { type: 'string' },
      pupils: { type: 'string' },
      attendance: { type: 'string' },
      days: { type: 'string' },
      repeats: { type: 'string' },
      'data-dir': { type: 'string' },
      'skip-baseline': { type: 'boolean' },
      postgres: { type: 'string' },
    },
    strict: true,
  });
  const options = optionsSchema.parse(values);
  const schoolDays = schoolDaysOfYear().slice(0, options.days);
  const dataDir = options['data-dir'];
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'gw-bench-figures-'));
  const databasePath = join(dir, 'figures.db');
  const isReused = !options.postgres && dataDir !== undefined && existsSync(databasePath);
  if (options.postgres) process.env.TEST_DATABASE_URL = options.postgres;
  const database = options.postgres ? await createEmptyTestDatabaseUrl('postgres') : { url: `sqlite:${databasePath}`, drop: async () => undefined };
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const db = await createDb(database.url);
    await migrateToLatest(db.kysely);
    let dataset: Dataset;
    if (isReused) {
      dataset = await loadDataset(db.kysely);
      console.log(`figures bench on ${db.dialect}, the dataset in ${dir}: ${dataset.schoolIds.length} schools, ${dataset.classIds.flat().length} classes, ${dataset.pupilIds.flat(2).length} pupils`);
    } else {
      console.log(
        `figures bench on ${db.dialect}: ${options.schools} schools × ${options.classes} classes × ${options.pupils} pupils, ${schoolDays.length} school days of ${SCHOOL_YEAR}, attendance ${options.attendance}; generating…`,
      );
      dataset = await generate(db.kysely, options, schoolDays);
      if (db.dialect === 'postgres') await sql`analyze`.execute(db.kysely);
    }
    const size = db.dialect === 'sqlite' ? `, database file ${Math.round(statSync(databasePath).size / 1024 / 1024)} MiB` : '';
    console.log(
      isReused
        ? `${dataset.checkins.toLocaleString('en')} raw check-ins, ${dataset.classDays.toLocaleString('en')} class-days${size}`
        : `generated ${dataset.checkins.toLocaleString('en')} raw check-ins in ${dataset.generateSeconds.toFixed(1)} s${size}; the migration counted them into ${dataset.classDays.toLocaleString('en')} class-days in ${dataset.countSeconds.toFixed(1)} s`,
    );
    await db.close();

    server = await startServer(database.url);
    processUrl = `${server.baselineUrl}/baseline/process`;
    const healthz = `${server.baseUrl}/healthz`;
    const idle = await repeatView(20, healthz, {}, null);
    const year = `from=${YEAR_FROM}&to=${YEAR_TO}`;
    const boardHeaders = { cookie: dataset.boardAdmin.cookie };
    const schoolHeaders = { cookie: dataset.leadership.cookie };
    const rows: Record<string, string | number>[] = [];
    const row = (view: string, timed: Repeated, repeats: number) => {
      console.log(`${view}: median ${timed.median.toFixed(0)} ms, server CPU ${timed.medianCpuMs.toFixed(0)} ms, worst /healthz wait ${timed.worstProbeMs.toFixed(0)} ms, longest stall ${timed.loopDelayMaxMs.toFixed(0)} ms`);
      rows.push({
        view,
        runs: repeats,
        'median ms': Math.round(timed.median),
        'max ms': Math.round(timed.max),
        'server CPU ms': Math.round(timed.medianCpuMs),
        'answer KiB': Math.round(timed.bytes / 1024),
        'worst /healthz wait ms': Math.round(timed.worstProbeMs),
        'longest event-loop stall ms': Math.round(timed.loopDelayMaxMs),
        probes: timed.probes,
      });
    };

    const boardWeek = await repeatView(options.repeats, `${server.baseUrl}/api/boards/${dataset.boardId}/checkin/aggregates?${year}&groupBy=week`, boardHeaders, healthz);
    row('NEW board, year by week', boardWeek, options.repeats);
    // By day the API gives at most 62 days (MAX_FIGURES_DAYS_BY_DAY): the last two months of the year.
    const boardDay = await repeatView(options.repeats, `${server.baseUrl}/api/boards/${dataset.boardId}/checkin/aggregates?from=2026-05-11&to=2026-07-10&groupBy=day`, boardHeaders, healthz);
    row('NEW board, 61 days by day', boardDay, options.repeats);
    const schoolWeek = await repeatView(options.repeats, `${server.baseUrl}/api/schools/${dataset.leadershipSchoolId}/checkin/aggregates?${year}&groupBy=week`, schoolHeaders, healthz);
    row('NEW school, year by week', schoolWeek, options.repeats);
    const memoryNew = await readProcess();

    if (!options['skip-baseline']) {
      // The baseline's school year first; its board year is minutes of CPU on a large board.
      const oldSchool = await repeatView(Math.min(options.repeats, 3), `${server.baselineUrl}/baseline/schools/${dataset.leadershipSchoolId}?${year}&groupBy=week`, {}, healthz);
      row('BASELINE school, year by week', oldSchool, Math.min(options.repeats, 3));
      const oldBoard = await repeatView(1, `${server.baselineUrl}/baseline/boards/${dataset.boardId}?${year}&groupBy=week`, {}, healthz, { isOnceProbed: true });
      row('BASELINE board, year by week', oldBoard, 1);
      const memoryOld = await readProcess();
      console.log(
        `ratio baseline / new: board year ${(oldBoard.median / boardWeek.median).toFixed(0)} × the time (${(oldBoard.medianCpuMs / boardWeek.medianCpuMs).toFixed(0)} × the server CPU), school year ${(oldSchool.median / schoolWeek.median).toFixed(0)} × (${(oldSchool.medianCpuMs / schoolWeek.medianCpuMs).toFixed(0)} ×)`,
      );
      console.log(`server peak memory: ${memoryNew.peakRssMiB} MiB after the new views, ${memoryOld.peakRssMiB} MiB after the baseline`);
    } else console.log(`server peak memory: ${memoryNew.peakRssMiB} MiB after the new views`);
    console.table(rows);
    console.log(`idle /healthz: median ${idle.median.toFixed(1)} ms, max ${idle.max.toFixed(1)} ms`);
    console.log(
      `goal board year view (by week) < ${GOAL_BOARD_YEAR_MS} ms: median ${boardWeek.median.toFixed(0)} ms ${boardWeek.median < GOAL_BOARD_YEAR_MS ? 'met' : 'NOT met'}, max of ${options.repeats} ${boardWeek.max.toFixed(0)} ms ${boardWeek.max < GOAL_BOARD_YEAR_MS ? 'met' : 'NOT met'}`,
    );
    const worstNew = Math.max(boardWeek.worstProbeMs, schoolWeek.worstProbeMs, boardDay.worstProbeMs);
    const worstStall = Math.max(boardWeek.loopDelayMaxMs, schoolWeek.loopDelayMaxMs, boardDay.loopDelayMaxMs);
    console.log(
      `goal no request blocked > ${GOAL_BLOCKING_MS} ms during the new views: ${worstNew <= GOAL_BLOCKING_MS ? 'met' : 'NOT met'} (worst /healthz wait ${worstNew.toFixed(0)} ms, longest event-loop stall ${worstStall.toFixed(0)} ms)`,
    );
    console.log(`machine load average while measuring: ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${cpus().length} cores`);
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server!.child.once('exit', resolve));
    server = undefined;

    const writer = await createDb(database.url);
    // Three fresh days after every day stored, so a run on a kept dataset writes mornings like the first run did.
    const latest = await writer.kysely.selectFrom('checkins').select((eb) => eb.fn.max('school_date').as('date')).executeTakeFirst();
    const first = addDays(latest?.date && latest.date > schoolDateOf(new Date()) ? latest.date : schoolDateOf(new Date()), 1);
    const { counting, recounting, insertOnly } = await timeMornings(writer.kysely, dataset, { counting: first, recounting: addDays(first, 1), insertOnly: addDays(first, 2) });
    // The write queue's increments must have come to the counts a recount gives.
    const countsOf = () => writer.kysely.selectFrom('checkin_class_days').selectAll().where('school_date', '=', first).orderBy('class_id').execute();
    const check = await countsOf();
    await writer.kysely.transaction().execute((trx) => recountClassDays(trx, check.map((row) => ({ classId: row.class_id, date: first }))));
    const recounted = await countsOf();
    await writer.close();
    const pupils = dataset.pupilIds.flat(2).length;
    const writeRow = (write: string, figures: WriteFigures) => ({
      write,
      batches: figures.batches,
      'median ms/batch': figures.medianMs.toFixed(1),
      'max ms/batch': figures.maxMs.toFixed(1),
      'median CPU ms/batch': figures.medianCpuMs.toFixed(1),
      'check-ins/s': Math.round(pupils / (figures.totalMs / 1000)),
    });
    console.table([
      writeRow('NEW insert + add the batch to the counts (write queue)', counting),
      writeRow('ALTERNATIVE insert + count the touched class-days again', recounting),
      writeRow('BASELINE insert only', insertOnly),
    ]);
    console.log(`increments equal to a recount: ${JSON.stringify(check) === JSON.stringify(recounted) ? 'yes' : 'NO'} (${check.length} class-days)`);
  } finally {
    if (server) server.child.kill('SIGKILL');
    await database.drop();
    if (!dataDir) rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, serveDatabase, servePort, serveBaselinePort] = process.argv.slice(2);
const run = mode === '--serve' ? serve(serveDatabase ?? '', Number(servePort), Number(serveBaselinePort)) : main(process.argv.slice(2));
run.catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
