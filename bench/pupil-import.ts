// `npm run bench:import -- [--rows 200000] [--batch 200] [--database-url postgres://…]`
//
// Security test finding (Low): "a 200k-row CSV import blocks the server 6.5 s and every batch re-parses the
// whole file". This runs a generated file of --rows pupils through the real app (buildApp, listening on
// 127.0.0.1; a SQLite file with synchronous=FULL, or a fresh database made and dropped on the PostgreSQL server
// --database-url names) as the wizard does: one upload; the same file again with the mapping chosen (it replaces
// the first staged import); then batches of --batch rows until done. Meanwhile it records the longest
// event-loop block (perf_hooks.monitorEventLoopDelay, 1 ms resolution) and the worst latency of a /healthz
// probe sent every 10 ms, i.e. how long another user's request waited. The BASELINE, in the same run and
// process: parsing the same file with csv-parse/sync in one go, which the old code did on every batch call.
// The file is kept within the body limit (MAX_IMPORT_BODY_BYTES): short names, no birth dates. Not a test.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { z } from 'zod';
import { buildApp } from '../src/server/app';
import { SESSION_COOKIE, startSession } from '../src/server/auth/sessions.service';
import { loadConfig } from '../src/server/config';
import { createFieldCryptoForConfig } from '../src/server/crypto/field-encryption';
import { createDb } from '../src/server/db/create-db';
import { migrateToLatest } from '../src/server/db/migrate';
import { type Deps, isoInstant, newId, systemClock } from '../src/server/deps';
import { createOutboxMailer } from '../src/server/mail/mailer';
import { IMPORT_BATCH_SIZE, MAX_IMPORT_BODY_BYTES } from '../src/shared/limits';

const optionsSchema = z.strictObject({
  rows: z.coerce.number().int().min(1_000).max(1_000_000).default(200_000),
  batch: z.coerce.number().int().min(1).max(1_000).default(IMPORT_BATCH_SIZE),
  'database-url': z.string().startsWith('postgres').optional(),
});

const PROBE_EVERY_MS = 10;
const FIRST_NAMES = ['Emma', 'Noah', 'Julia', 'Liam', 'Mila', 'Luca', 'Saar', 'Sem', 'Tess', 'Finn', 'Zoë', 'Daan'];
const LAST_NAMES = ['Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Bos', 'Mulder', 'Vos', 'Dekker', 'Peters'];

/** How long the event loop and another user's request waited while `work` ran. */
interface Figures {
  label: string;
  seconds: number;
  longestBlockMs: number;
  worstProbeMs: number;
  probes: number;
}

// Row i: a six-digit pupil number, a first and last name and a class ("1A" … "8B"), semicolon-separated.
// The file's 16 classes (1A … 8B) are new to the bench school: the wizard's answer "create it" for each.
const CREATE_EVERY_CLASS = Array.from({ length: 16 }, (_, index) => ({ name: `${1 + (index % 8)}${index < 8 ? 'A' : 'B'}`, action: 'create' }));

function generateCsv(rows: number): string {
  const lines = ['Leerlingnummer;Roepnaam;Achternaam;Groep'];
  for (let row = 0; row < rows; row += 1) {
    const className = `${1 + (row % 8)}${row % 16 < 8 ? 'A' : 'B'}`;
    lines.push(`${100_000 + row};${FIRST_NAMES[row % FIRST_NAMES.length]};${LAST_NAMES[row % LAST_NAMES.length]};${className}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `work` while the event loop's delay is monitored and /healthz is probed on a fixed schedule, every
 * PROBE_EVERY_MS without waiting for the previous answer: a probe's latency counts from when it was due,
 * so a block that holds back its sending counts too (slots missed during a block are not sent late).
 */
async function measure(label: string, baseUrl: string, work: () => Promise<void>): Promise<Figures> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let worstProbeMs = 0;
  let probes = 0;
  const inFlight = new Set<Promise<void>>();
  const probe = async (due: number) => {
    const response = await fetch(`${baseUrl}/healthz`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`/healthz answered ${response.status}`);
    worstProbeMs = Math.max(worstProbeMs, performance.now() - due);
    probes += 1;
  };
  let isRunning = true;
  const scheduling = (async () => {
    const firstDue = performance.now();
    let due = firstDue;
    while (isRunning) {
      const sent = probe(due).finally(() => inFlight.delete(sent));
      inFlight.add(sent);
      due = firstDue + (Math.floor((performance.now() - firstDue) / PROBE_EVERY_MS) + 1) * PROBE_EVERY_MS;
      await sleep(due - performance.now());
    }
    await Promise.all(inFlight);
  })();
  // The monitor records from its second tick after enable (or reset) on; both settle before the work.
  histogram.enable();
  await sleep(200);
  worstProbeMs = 0;
  probes = 0;
  histogram.reset();
  await sleep(20);
  const start = performance.now();
  await work();
  const seconds = (performance.now() - start) / 1000;
  await sleep(200);
  histogram.disable();
  isRunning = false;
  await scheduling;
  return { label, seconds, longestBlockMs: histogram.max / 1e6, worstProbeMs, probes };
}

function print(figures: Figures): void {
  console.log(
    `${figures.label.padEnd(36)} ${figures.seconds.toFixed(2).padStart(7)} s   longest event-loop block ${figures.longestBlockMs.toFixed(0).padStart(5)} ms   worst /healthz ${figures.worstProbeMs.toFixed(0).padStart(5)} ms (${figures.probes} probes)`,
  );
}

// A new, empty database on the server `adminUrl` points at, and how to drop it again.
async function freshPostgresDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gw_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, batch: { type: 'string' }, 'database-url': { type: 'string' } } });
  const options = optionsSchema.parse(values);
  const dir = mkdtempSync(join(tmpdir(), 'gw-bench-import-'));
  const postgres = options['database-url'] ? await freshPostgresDatabase(options['database-url']) : null;
  const databaseUrl = postgres?.url ?? `sqlite:${join(dir, 'bench.db')}`;
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl, mfaRequired: false };
  const db = await createDb(databaseUrl);
  try {
    await migrateToLatest(db.kysely);
    const fieldCrypto = await createFieldCryptoForConfig(config, db);
    const deps: Deps = { config, db, clock: systemClock, mailer: createOutboxMailer({ db: db.kysely, clock: systemClock, fieldCrypto }), fieldCrypto };
    const now = isoInstant(new Date());
    const [boardId, schoolId, adminId] = [newId(), newId(), newId()];
    await db.kysely.insertInto('boards').values({ id: boardId, name: 'Bench', min_group_size: 5, created_at: now }).execute();
    await db.kysely.insertInto('schools').values({ id: schoolId, board_id: boardId, name: `Bench ${schoolId}`, kind: 'primary', created_at: now }).execute();
    await db.kysely.insertInto('users').values({ id: adminId, email: `beheer-${adminId}@bench.test`, name: 'Beheer', password_hash: 'x', locale: 'nl', disabled_at: null, created_at: now }).execute();
    await db.kysely.insertInto('school_memberships').values({ school_id: schoolId, user_id: adminId, role: 'school_admin', created_at: now }).execute();
    const session = await startSession(db.kysely, systemClock, config, adminId);
    const headers = { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken };

    const app = await buildApp(deps, { logger: false });
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const csv = generateCsv(options.rows);
    const body = JSON.stringify({ csv });
    if (body.length > MAX_IMPORT_BODY_BYTES) throw new Error(`the file (${body.length} bytes) does not fit the body limit of ${MAX_IMPORT_BODY_BYTES} bytes: use fewer --rows`);
    console.log(`${options.rows} rows, ${(csv.length / 1024 / 1024).toFixed(1)} MB, batches of ${options.batch}, ${db.dialect}`);

    let parseSeconds = 0;
    const baseline = await measure('baseline: csv-parse/sync, whole file', baseUrl, async () => {
      const start = performance.now();
      const records = parse(csv, { delimiter: ';', relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true });
      parseSeconds = (performance.now() - start) / 1000;
      if (records.length !== options.rows + 1) throw new Error(`the baseline read ${records.length} records`);
    });

    let importId = '';
    let batches = 0;
    const post = async (path: string, payload: string) => {
      const response = await fetch(`${baseUrl}/api/schools/${schoolId}${path}`, { method: 'POST', headers, body: payload });
      const answer = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`);
      return answer;
    };
    const stage = async (payload: string) => {
      const staged = await post('/pupil-imports', payload);
      if (staged.validCount !== options.rows) throw new Error(`staged ${String(staged.validCount)} of ${options.rows} rows`);
      importId = String(staged.id);
    };
    const upload = await measure('upload: stream, check, stage', baseUrl, () => stage(body));
    // A column chosen in the wizard sends the file again; its staged import replaces the first (deleted in slices).
    const mapping = { pupilNumber: 'Leerlingnummer', firstName: 'Roepnaam', lastName: 'Achternaam', className: 'Groep' };
    const remap = await measure('upload again (mapping), replace', baseUrl, () => stage(JSON.stringify({ csv, mapping })));
    const imported = await measure('import: batches from staged rows', baseUrl, async () => {
      for (let offset = 0; ; batches += 1) {
        const result = await post(`/pupil-imports/${importId}/batches`, JSON.stringify({ offset, limit: options.batch, classChoices: CREATE_EVERY_CLASS }));
        offset = Number(result.processed);
        if (result.done === true) break;
      }
      batches += 1;
    });
    await app.close();

    const pupils = await db.kysely.selectFrom('pupils').select((eb) => eb.fn.countAll<number | string>().as('count')).where('school_id', '=', schoolId).executeTakeFirstOrThrow();
    if (Number(pupils.count) !== options.rows) throw new Error(`${String(pupils.count)} pupils imported, expected ${options.rows}`);
    print(baseline);
    print(upload);
    print(remap);
    print(imported);
    const total = upload.seconds + remap.seconds + imported.seconds;
    console.log(`new flow: ${total.toFixed(1)} s in all (${batches} batch calls; the file parsed once per mapping; ${options.rows} pupils stored)`);
    console.log(
      `old flow: the same ${batches} batch calls each parsed the whole file again: ≥ ${(batches * parseSeconds).toFixed(0)} s of parsing alone, each call blocking the server ≥ ${baseline.longestBlockMs.toFixed(0)} ms`,
    );
  } finally {
    await db.close();
    await postgres?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
