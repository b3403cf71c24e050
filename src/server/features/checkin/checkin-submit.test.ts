import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World } from '../../../../test/support/world';
import { KIOSK_COOKIE, PUPIL_COOKIE } from '../../../shared/checkin';
import { hashSecret, isoInstant, newId, newSecretToken } from '../../deps';
import { errorMessage } from '../../i18n/messages';
import { checkinWriteQueueOf } from './checkin-submit.routes';
import { decryptCheckinWord } from './checkin-submit.service';
import { createCheckinWriteQueue } from './checkin-write-queue';
import { schoolDateOf } from '../../../shared/school-time';

/** A pupil device or kiosk as a test sends it: the cookie and the CSRF token. */
interface Device {
  cookie: string;
  csrfToken: string;
}

// Sessions are made the way the sign-in routes store them: only the cookie's hash is kept.
async function pupilDevice(test: TestApp, pupilId: string, classId: string): Promise<Device> {
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  const now = test.clock.now();
  await test.deps.db.kysely
    .insertInto('pupil_sessions')
    .values({ id_hash: hashSecret(token), pupil_id: pupilId, class_id: classId, csrf_token: csrfToken, created_at: isoInstant(now), expires_at: isoInstant(new Date(now.getTime() + 3_600_000)) })
    .execute();
  return { cookie: `${PUPIL_COOKIE}=${token}`, csrfToken };
}

// A kiosk works only while its opener may open it: the class's teacher opens these.
async function kioskDevice(test: TestApp, classId: string, openedBy: string): Promise<Device> {
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  const now = test.clock.now();
  await test.deps.db.kysely
    .insertInto('kiosk_devices')
    .values({ id: newId(), id_hash: hashSecret(token), class_id: classId, csrf_token: csrfToken, opened_by: openedBy, created_at: isoInstant(now), expires_at: isoInstant(new Date(now.getTime() + 3_600_000)) })
    .execute();
  return { cookie: `${KIOSK_COOKIE}=${token}`, csrfToken };
}

function post(test: TestApp, device: Device, url: string, payload: object, headers: Record<string, string> = {}) {
  return test.app.inject({ method: 'POST', url, payload, headers: { cookie: device.cookie, 'x-csrf-token': device.csrfToken, ...headers } });
}

function checkin(overrides: Record<string, unknown> = {}) {
  return { idempotencyKey: randomUUID(), state: 'in_window', wantsTalk: false, ...overrides };
}

async function rowsWithKey(test: TestApp, key: string) {
  return test.deps.db.kysely.selectFrom('checkins').selectAll().where('idempotency_key', '=', key).execute();
}

// Waits (without a clock) until the app's write queue holds `count` check-ins.
async function untilQueued(test: TestApp, count: number): Promise<void> {
  for (let turn = 0; turn < 10_000 && (checkinWriteQueueOf(test.deps)?.pending ?? 0) < count; turn += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  expect(checkinWriteQueueOf(test.deps)?.pending).toBe(count);
}

describe('the school date of a check-in', () => {
  it('is the calendar day in the Netherlands, in winter and in summer time', () => {
    expect(schoolDateOf(new Date('2026-11-21T22:59:59Z'))).toBe('2026-11-21');
    expect(schoolDateOf(new Date('2026-11-21T23:00:00Z'))).toBe('2026-11-22');
    expect(schoolDateOf(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(schoolDateOf(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });
});

describe.each(testDialects())('submitting a check-in on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let pupil: Device;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    pupil = await pupilDevice(test, world.pupilInClassA1, world.classA1);
  });
  afterAll(async () => test.close());

  it('stores a pupil’s check-in for the pupil of the session, on today’s school date, and answers 201 after the commit', async () => {
    const body = checkin({ state: 'bit_high', wantsTalk: true });
    const response = await post(test, pupil, '/api/pupil/checkins', body);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ received: true, duplicate: false });
    const [row, ...more] = await rowsWithKey(test, body.idempotencyKey);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      pupil_id: world.pupilInClassA1,
      class_id: world.classA1,
      school_id: world.schoolA1,
      school_date: '2026-11-21',
      state: 'bit_high',
      wants_talk: 1,
      word_encrypted: null,
      channel: 'device',
      created_at: isoInstant(test.clock.now()),
    });
  });

  it('stores a retried key once and answers the retry duplicate=true, even when its content differs (the first wins)', async () => {
    const body = checkin({ state: 'low' });
    expect((await post(test, pupil, '/api/pupil/checkins', body)).json()).toEqual({ received: true, duplicate: false });
    const retry = await post(test, pupil, '/api/pupil/checkins', body);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual({ received: true, duplicate: true });
    const changed = await post(test, pupil, '/api/pupil/checkins', { ...body, state: 'far_high', wantsTalk: true, word: 'anders' });
    expect(changed.json()).toEqual({ received: true, duplicate: true });
    const rows = await rowsWithKey(test, body.idempotencyKey);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'low', wants_talk: 0, word_encrypted: null });
  });

  it('stores one row when the same key arrives several times at once', async () => {
    const body = checkin({ state: 'far_high' });
    const responses = await Promise.all(Array.from({ length: 6 }, () => post(test, pupil, '/api/pupil/checkins', body)));
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(responses.filter((response) => response.json().duplicate === false)).toHaveLength(1);
    expect(await rowsWithKey(test, body.idempotencyKey)).toHaveLength(1);
  });

  it('encrypts the word at rest (bound to its row) and the service decrypts it', async () => {
    const word = 'moe 😴';
    const body = checkin({ word: `  ${word} ` });
    expect((await post(test, pupil, '/api/pupil/checkins', body)).statusCode).toBe(201);
    const [row] = await rowsWithKey(test, body.idempotencyKey);
    expect(row?.word_encrypted).toMatch(/^gw1:/);
    expect(row?.word_encrypted).not.toContain('moe');
    expect(await decryptCheckinWord(test.deps, { id: row!.id, word_encrypted: row!.word_encrypted })).toBe(word);
    // Copied to another check-in, the value no longer opens.
    await expect(decryptCheckinWord(test.deps, { id: newId(), word_encrypted: row!.word_encrypted })).rejects.toThrow();
  });

  it('never lets a pupil name the pupil: the body has no pupil, and another pupil’s id is refused', async () => {
    const body = { ...checkin(), pupilId: world.pupilInClassA1Other };
    const response = await post(test, pupil, '/api/pupil/checkins', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(await rowsWithKey(test, body.idempotencyKey)).toEqual([]);
    const stored = await test.deps.db.kysely.selectFrom('checkins').select('pupil_id').distinct().where('channel', '=', 'device').execute();
    expect(stored).toEqual([{ pupil_id: world.pupilInClassA1 }]);
  });

  it('needs the pupil’s own cookie and its CSRF token; a kiosk or staff cookie does not do', async () => {
    const body = checkin();
    expect((await post(test, { ...pupil, csrfToken: 'wrong' }, '/api/pupil/checkins', body)).json().error.code).toBe('csrf_failed');
    expect((await post(test, { cookie: '', csrfToken: '' }, '/api/pupil/checkins', body)).statusCode).toBe(401);
    const kiosk = await kioskDevice(test, world.classA1, world.users.teacher.id);
    expect((await post(test, kiosk, '/api/pupil/checkins', body)).statusCode).toBe(401);
    expect(await rowsWithKey(test, body.idempotencyKey)).toEqual([]);
  });

  it('takes kiosk check-ins for pupils of the kiosk’s class only; any other pupil is not found', async () => {
    const kiosk = await kioskDevice(test, world.classA1, world.users.teacher.id);
    const body = { ...checkin({ state: 'in_window' }), pupilId: world.pupilInClassA1 };
    const response = await post(test, kiosk, '/api/kiosk/checkins', body);
    expect(response.statusCode, response.body).toBe(201);
    expect((await rowsWithKey(test, body.idempotencyKey))[0]).toMatchObject({ pupil_id: world.pupilInClassA1, class_id: world.classA1, channel: 'kiosk' });

    for (const pupilId of [world.pupilInClassA1Other, world.pupilB1, randomUUID()]) {
      const other = { ...checkin(), pupilId };
      const refused = await post(test, kiosk, '/api/kiosk/checkins', other);
      expect(refused.statusCode, pupilId).toBe(404);
      expect(refused.json().error.code).toBe('not_found');
      expect(await rowsWithKey(test, other.idempotencyKey)).toEqual([]);
    }
  });

  it('answers the kiosk’s retry of a key duplicate=true as well', async () => {
    const kiosk = await kioskDevice(test, world.classA1, world.users.teacher.id);
    const body = { ...checkin(), pupilId: world.pupilInClassA1 };
    expect((await post(test, kiosk, '/api/kiosk/checkins', body)).json().duplicate).toBe(false);
    expect((await post(test, kiosk, '/api/kiosk/checkins', body)).json().duplicate).toBe(true);
    expect(await rowsWithKey(test, body.idempotencyKey)).toHaveLength(1);
  });
});

describe.each(testDialects())('the check-in write queue under load on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  // The queue writes nothing by itself for a minute here, so what it holds is in the test's hands.
  beforeAll(async () => {
    test = await createTestApp(dialect, { config: { checkinQueueLimit: 2, checkinBatchWaitMs: 60_000 } });
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it('refuses with 503 and Retry-After when full, stores nothing of the refused one, and drains the queue when the app closes', async () => {
    const pupil = await pupilDevice(test, world.pupilInClassA1, world.classA1);
    const kiosk = await kioskDevice(test, world.classA1, world.users.teacher.id);
    const first = checkin();
    const second = { ...checkin(), pupilId: world.pupilInClassA1 };
    const waiting = [post(test, pupil, '/api/pupil/checkins', first), post(test, kiosk, '/api/kiosk/checkins', second)];
    await untilQueued(test, 2);

    const refused = checkin();
    const overloaded = await post(test, pupil, '/api/pupil/checkins', refused, { 'accept-language': 'en' });
    expect(overloaded.statusCode).toBe(503);
    expect(overloaded.headers['retry-after']).toBe('1');
    expect(overloaded.json()).toEqual({ error: { code: 'overloaded', message: errorMessage('overloaded', 'en') } });

    // Nothing is written before the queue drains; closing the app drains it before it returns.
    expect(await test.deps.db.kysely.selectFrom('checkins').select('id').execute()).toEqual([]);
    await test.app.close();
    const answers = await Promise.all(waiting);
    expect(answers.map((answer) => [answer.statusCode, answer.json()])).toEqual([
      [201, { received: true, duplicate: false }],
      [201, { received: true, duplicate: false }],
    ]);
    const stored = await test.deps.db.kysely.selectFrom('checkins').select('idempotency_key').execute();
    expect(stored.map((row) => row.idempotency_key).sort()).toEqual([first.idempotencyKey, second.idempotencyKey].sort());
    expect(await rowsWithKey(test, refused.idempotencyKey)).toEqual([]);
  });
});

describe.each(testDialects())('one batch of the write queue on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  function newCheckin(pupilId: string, key = randomUUID()) {
    return {
      id: newId(),
      idempotency_key: key,
      pupil_id: pupilId,
      class_id: world.classA1,
      school_id: world.schoolA1,
      school_date: '2026-11-21',
      state: 'in_window',
      wants_talk: 0,
      word_encrypted: null,
      channel: 'device',
      created_at: isoInstant(test.clock.now()),
    };
  }

  it('commits a batch together, answering keys repeated within it as duplicates', async () => {
    const queue = createCheckinWriteQueue(test.deps.db, { limit: 100, batchSize: 100, batchWaitMs: 60_000 });
    const key = randomUUID();
    const results = [queue.submit(newCheckin(world.pupilInClassA1, key)), queue.submit(newCheckin(world.pupilInClassA1, key)), queue.submit(newCheckin(world.pupilInClassA1))];
    expect(queue.pending).toBe(3);
    await queue.close();
    expect(await Promise.all(results)).toEqual([{ duplicate: false }, { duplicate: true }, { duplicate: false }]);
    expect(await rowsWithKey(test, key)).toHaveLength(1);
    await expect(queue.submit(newCheckin(world.pupilInClassA1))).rejects.toMatchObject({ code: 'overloaded' });
  });

  it('keeps the class-day counts in the same transaction: each pupil once, with their latest check-in of the day', async () => {
    const date = '2026-11-20';
    const at = (time: string) => ({ school_date: date, created_at: `${date}T${time}:00.000Z` });
    const countsOf = () => test.deps.db.kysely.selectFrom('checkin_class_days').selectAll().where('class_id', '=', world.classA1).where('school_date', '=', date).execute();
    const repeated = { ...newCheckin(world.pupilInClassA1Other), ...at('07:50'), state: 'low', wants_talk: 1 };
    const first = createCheckinWriteQueue(test.deps.db, { limit: 100, batchSize: 100, batchWaitMs: 60_000 });
    await Promise.all([
      first.submit({ ...newCheckin(world.pupilInClassA1), ...at('07:40'), state: 'in_window' }),
      first.submit({ ...newCheckin(world.pupilInClassA1), ...at('07:45'), state: 'far_high' }),
      first.submit(repeated),
      // The same key again stores nothing and counts nothing.
      first.submit({ ...repeated, id: newId(), state: 'in_window' }),
      first.close(),
    ]);
    const counted = { class_id: world.classA1, school_date: date, pupils_checked_in: 2, in_window: 0, bit_high: 0, far_high: 1, low: 1, wants_talk: 1 };
    expect(await countsOf()).toEqual([counted]);

    // A later check-in moves the pupil to another state; an earlier one (sent late) changes nothing.
    const second = createCheckinWriteQueue(test.deps.db, { limit: 100, batchSize: 100, batchWaitMs: 60_000 });
    await Promise.all([
      second.submit({ ...newCheckin(world.pupilInClassA1), ...at('08:30'), state: 'in_window' }),
      second.submit({ ...newCheckin(world.pupilInClassA1Other), ...at('07:00'), state: 'bit_high' }),
      second.close(),
    ]);
    expect(await countsOf()).toEqual([{ ...counted, in_window: 1, far_high: 0 }]);
  });

  it('refuses only the check-in that cannot be stored when one in a batch fails; the others are committed', async () => {
    const queue = createCheckinWriteQueue(test.deps.db, { limit: 100, batchSize: 100, batchWaitMs: 60_000 });
    const good = newCheckin(world.pupilInClassA1);
    const orphan = newCheckin(newId());
    const results = await Promise.allSettled([queue.submit(good), queue.submit(orphan), queue.close()]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await rowsWithKey(test, good.idempotency_key)).toHaveLength(1);
    expect(await rowsWithKey(test, orphan.idempotency_key)).toEqual([]);
    // The counts were rolled back with the failed batch and taken again with the good check-in alone.
    const counts = await test.deps.db.kysely.selectFrom('checkin_class_days').select('pupils_checked_in').where('class_id', '=', world.classA1).where('school_date', '=', '2026-11-21').execute();
    expect(counts).toEqual([{ pupils_checked_in: 1 }]);
  });
});
