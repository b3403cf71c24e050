// Several servers, one PostgreSQL (issue 18): three real `groeiwijzer serve` processes start together on one
// new database (so they migrate it together), take pupil check-ins and staff writes spread over all three, and
// one is killed with SIGKILL in the middle of it. Proven afterwards: every acknowledged write is stored, each
// idempotency key once (also when sent again to another server), the login limit holds across the servers, each
// background job ran on one server only, and the weekly digest goes out once when servers send it at the same
// time. Needs PostgreSQL: skipped, with the reason printed, when TEST_DATABASE_URL is not set.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config';
import { unavailableFieldCrypto } from '../src/server/crypto/field-encryption';
import { createDb } from '../src/server/db/create-db';
import type { Db } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { isoInstant, newId, systemClock } from '../src/server/deps';
import { sendWeeklyDigests } from '../src/server/features/plan/plan-digest';
import { createOutboxMailer } from '../src/server/mail/mailer';
import { schoolDateOf } from '../src/shared/school-time';
import { sendJson, setUpFirstSchool } from './durability/http-client';
import { consistencyProblems, lostWrites, storedLocationIds } from './durability/integrity';
import { newKeyEncryptionKey, type ServerProcess, sleep, stopServerProcess } from './durability/server-process';
import { createPupilDevices, emptyWriteLoadFigures, startCheckinLoad, startWriteLoad, storedCheckinKeys, type WriteLoad, type WriteLoadFigures } from './durability/write-load';
import { addJobRuns, createScratchPostgresDatabase, jobRunsOf, type ScratchDatabase, startServers } from './support/servers';

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) console.info('test/multi-server.test.ts skipped: it needs PostgreSQL (set TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test)');

const LOGIN_LIMIT = 6;
// Jobs main.ts starts (background-job.ts names; any other it starts is checked too): each runs on one server only.
const JOBS = ['checkin-retention', 'sociogram-retention', 'care-retention', 'care-reminders', 'plan-digest', 'outbox-link-purge', 'pupil-import-purge', 'school-year-departures', 'database-optimize'];

async function waitFor<T>(what: string, look: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await look();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(100);
  }
}

describe.skipIf(!adminUrl)('several servers on one PostgreSQL database', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  async function scratch(): Promise<ScratchDatabase> {
    const database = await createScratchPostgresDatabase(adminUrl!, 'gw_multi');
    cleanups.push(database.drop);
    return database;
  }

  async function open(url: string): Promise<Db> {
    const db = await createDb(url);
    cleanups.push(() => db.close());
    return db;
  }

  it('three servers migrating one new database at the same moment apply each migration once', async () => {
    const database = await scratch();
    const connections = await Promise.all([1, 2, 3].map(() => open(database.url)));
    const applied = await Promise.all(connections.map((db) => migrateToLatest(db.kysely)));
    // One of them did the work (Kysely's migrator locks on PostgreSQL); the others found nothing left to do.
    expect(applied.map((names) => names.length > 0).filter(Boolean)).toHaveLength(1);
    const rows = await sql<{ name: string; times: string }>`select name, count(*) as times from kysely_migration group by name`.execute(connections[0]!.kysely);
    expect(rows.rows.length).toBe(applied.flat().length);
    expect(rows.rows.filter((row) => Number(row.times) !== 1)).toEqual([]);
  });

  it('takes writes on all three, loses none when one is killed, keeps the limits and runs each job once', async () => {
    const database = await scratch();
    const servers = await startServers(3, {
      databaseUrl: database.url,
      key: newKeyEncryptionKey(),
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: String(LOGIN_LIMIT), JOB_FIRST_DELAY_SECONDS: '1' },
    });
    for (const server of servers) cleanups.push(() => stopServerProcess(server));
    const db = await open(database.url);
    const admin = await setUpFirstSchool(servers[0]!.baseUrl);
    const devices = await createPupilDevices(db, admin.schoolId, 40);

    // The login limit counts per address over all servers together: failed sign-ins spread over the three are
    // refused once the limit is reached in total, and then the right password is refused too.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 2 * LOGIN_LIMIT; attempt += 1) {
      const server = servers[attempt % servers.length]!;
      statuses.push((await sendJson(server.baseUrl, { method: 'POST', path: '/api/session', body: { email: admin.email, password: 'niet het wachtwoord' } })).status);
    }
    expect(statuses).toEqual([...Array<number>(LOGIN_LIMIT).fill(401), ...Array<number>(LOGIN_LIMIT).fill(429)]);
    expect((await sendJson(servers[1]!.baseUrl, { method: 'POST', path: '/api/session', body: { email: admin.email, password: admin.password } })).status).toBe(429);

    // Every job ticked once on each server a second after its start: one ran it, two skipped (the lease).
    const jobRuns = await waitFor('every job ticked on every server', async () => {
      const total = addJobRuns(await Promise.all(servers.map(jobRunsOf)));
      // Every job named here and every job the servers report: a run is counted when it ends, a skip at once, so
      // a job left out of the wait could be seen mid-run (ok 0, skipped 2).
      const ticked = [...new Set([...JOBS, ...total.keys()])].every((job) => {
        const runs = total.get(job);
        return runs !== undefined && runs.ok + runs.failed + runs.skipped >= servers.length;
      });
      return ticked ? total : undefined;
    });
    expect([...jobRuns.keys()]).toEqual(expect.arrayContaining(JOBS));
    expect(Object.fromEntries(jobRuns)).toEqual(Object.fromEntries([...jobRuns.keys()].map((job) => [job, { ok: 1, failed: 0, skipped: 2 }])));

    // Staff writes (a location + its audit event each, with the same session on every server) and pupil
    // check-ins through each server's write queue; the third server is killed while they run.
    const locationFigures = servers.map(() => emptyWriteLoadFigures());
    const checkinFigures = servers.map(() => emptyWriteLoadFigures());
    const loads: WriteLoad[] = servers.flatMap((server, index) => [
      startWriteLoad({ baseUrl: server.baseUrl, admin, workers: 2, namePrefix: `server${index}`, figures: locationFigures[index]! }),
      startCheckinLoad({ baseUrl: server.baseUrl, devices, workers: 3, figures: checkinFigures[index]! }),
    ]);
    const victim: ServerProcess = servers[2]!;
    await waitFor('the victim acknowledged writes of both kinds', async () =>
      locationFigures[2]!.acknowledged.size >= 5 && checkinFigures[2]!.acknowledged.size >= 20 ? true : undefined,
    );
    const inFlightAtKill = locationFigures[2]!.inFlight + checkinFigures[2]!.inFlight;
    victim.child.kill('SIGKILL');
    expect((await victim.exited).signal).toBe('SIGKILL');
    const survivorsAtKill = checkinFigures[0]!.acknowledged.size + checkinFigures[1]!.acknowledged.size;
    await waitFor('the survivors went on taking check-ins', async () => (checkinFigures[0]!.acknowledged.size + checkinFigures[1]!.acknowledged.size >= survivorsAtKill + 50 ? true : undefined));
    for (const load of loads) await load.stop();

    const all = (figures: WriteLoadFigures[]) => figures.flatMap((figure) => [...figure.acknowledged.keys()]);
    expect([...locationFigures, ...checkinFigures].flatMap((figure) => figure.unexpected)).toEqual([]);
    expect(inFlightAtKill, 'the kill came in the middle of requests').toBeGreaterThan(0);
    expect(lostWrites(all(locationFigures), await storedLocationIds(db, admin.schoolId))).toEqual([]);
    expect(lostWrites(all(checkinFigures), await storedCheckinKeys(db))).toEqual([]);
    expect(await consistencyProblems(db, admin.schoolId)).toEqual([]);

    // Each idempotency key is stored once: keys acknowledged by the killed server, sent again to the others,
    // are answered as duplicates; a new key sent to both survivors at the same moment is stored once.
    const survivors = servers.slice(0, 2);
    const resent = [...checkinFigures[2]!.acknowledged].slice(0, 10);
    for (const [index, [idempotencyKey, pupilId]] of resent.entries()) {
      const device = devices.find((candidate) => candidate.pupilId === pupilId)!;
      const answer = await sendJson(survivors[index % 2]!.baseUrl, { method: 'POST', path: '/api/pupil/checkins', body: { idempotencyKey, state: 'in_window', wantsTalk: false }, as: device });
      expect(answer).toMatchObject({ status: 201, body: { received: true, duplicate: true } });
    }
    const racedKey = randomUUID();
    const raced = await Promise.all(
      survivors.map((server) => sendJson(server.baseUrl, { method: 'POST', path: '/api/pupil/checkins', body: { idempotencyKey: racedKey, state: 'low', wantsTalk: false }, as: devices[0]! })),
    );
    expect(raced.map((answer) => answer.status)).toEqual([201, 201]);
    const keys = await sql<{ rows: string; keys: string }>`select count(*) as rows, count(distinct idempotency_key) as keys from checkins`.execute(db.kysely);
    expect(Number(keys.rows[0]!.rows)).toBe(Number(keys.rows[0]!.keys));
    expect(Number(keys.rows[0]!.rows)).toBeGreaterThanOrEqual(all(checkinFigures).length + 1);

    // The weekly digest, sent by three servers at the same moment (as on Monday 07:00 when their hourly checks
    // coincide): one mail per owner with something due.
    const goalId = newId();
    const at = isoInstant(systemClock.now());
    const adminId = (await db.kysely.selectFrom('users').select('id').where('email', '=', admin.email).executeTakeFirstOrThrow()).id;
    await db.kysely
      .insertInto('plan_goals')
      .values({ id: goalId, school_id: admin.schoolId, school_year: '2026-2027', aspect_id: null, model_id: null, target_phase: null, source_round_id: null, title: 'Rust', owner_user_id: null, status: 'in_progress', evidence: '', created_by: null, created_at: at, updated_at: at })
      .execute();
    await db.kysely
      .insertInto('plan_actions')
      .values({ id: newId(), goal_id: goalId, school_id: admin.schoolId, title: 'Teamoverleg plannen', owner_user_id: adminId, due_on: schoolDateOf(systemClock.now()), status: 'open', kotter_step: null, created_by: null, created_at: at, updated_at: at, completed_at: null })
      .execute();
    const mailsBefore = await db.kysely.selectFrom('outbox_messages').select('id').where('to_address', '=', admin.email).execute();
    const senders = await Promise.all([1, 2, 3].map(() => open(database.url)));
    const config = loadConfig({ DATABASE_URL: database.url });
    const results = await Promise.all(
      senders.map((sender) =>
        sendWeeklyDigests(
          { config, db: sender, mailer: createOutboxMailer({ db: sender.kysely, clock: systemClock, fieldCrypto: unavailableFieldCrypto('not needed for the digest') }) },
          systemClock.now(),
        ),
      ),
    );
    expect(results.map((result) => result.sent).reduce((sum, sent) => sum + sent, 0)).toBe(1);
    expect(results.map((result) => result.alreadySent).reduce((sum, already) => sum + already, 0)).toBe(2);
    const mailsAfter = await db.kysely.selectFrom('outbox_messages').select('id').where('to_address', '=', admin.email).execute();
    expect(mailsAfter.length - mailsBefore.length).toBe(1);

    // The survivors still stop cleanly.
    for (const server of survivors) expect(await stopServerProcess(server)).toEqual({ code: 0, signal: null });
  });
});
