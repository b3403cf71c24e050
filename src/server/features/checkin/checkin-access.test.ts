import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World } from '../../../../test/support/world';
import {
  CLASS_CODE_LENGTH,
  CLASS_CODE_MINUTES,
  CODE_ALPHABET,
  KIOSK_COOKIE,
  KIOSK_HOURS,
  PERSONAL_CODE_LENGTH,
  PUPIL_COOKIE,
  PUPIL_SESSION_MINUTES,
} from '../../../shared/checkin';
import { DEFAULT_STATE_WORDS, PUPIL_TEXT_KEYS } from '../../../shared/checkin-wording';
import { hashSecret, isoInstant, newId } from '../../deps';
import { cardUrlOf, randomCode, shortNamesOf } from './checkin-access.service';

const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]+$`);

/** The `name=value` of a cookie a response sets, and its attributes. */
function cookieOf(response: LightMyRequestResponse, name: string): { pair: string; attributes: string } {
  const header = response.headers['set-cookie'];
  const cookie = (Array.isArray(header) ? header : header ? [header] : []).find((value) => value.startsWith(`${name}=`));
  if (!cookie) throw new Error(`no ${name} cookie in ${JSON.stringify(header)}`);
  const [pair = '', ...attributes] = cookie.split('; ');
  return { pair, attributes: attributes.join('; ') };
}

describe('short names and codes', () => {
  it('shows first name and the initial of the last name without tussenvoegsel, and full names where two would look alike', () => {
    const names = shortNamesOf([
      { first_name: 'Sanne', last_name: 'de Vries' },
      { first_name: 'Ali', last_name: 'Yilmaz' },
      { first_name: 'Ali', last_name: 'Yildiz' },
      { first_name: 'Bram', last_name: "van 't Hof" },
    ]).map((pupil) => pupil.displayName);
    expect(names).toEqual(['Ali Yildiz', 'Ali Yilmaz', 'Bram H.', 'Sanne V.']);
  });

  it('makes codes of the asked length from the alphabet without look-alikes', () => {
    const codes = Array.from({ length: 200 }, () => randomCode(PERSONAL_CODE_LENGTH));
    for (const code of codes) expect(code).toMatch(CODE_PATTERN);
    expect(codes.every((code) => code.length === PERSONAL_CODE_LENGTH)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(cardUrlOf('https://school.example/', 'ABCDEFGH')).toBe('https://school.example/leerling#kaart=ABCDEFGH');
  });
});

describe.each(testDialects())('pupil access on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let teacher: Login;
  // A second teacher of the school who teaches both classes of A1: only a class's own teachers run its devices.
  let coTeacher: Login;
  let coTeacherId: string;
  const classUrl = (classId: string, part: string) => `/api/schools/${world.schoolA1}/classes/${classId}/checkin/${part}`;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    coTeacherId = newId();
    const now = isoInstant(test.clock.now());
    const db = test.deps.db.kysely;
    await db.insertInto('users').values({ id: coTeacherId, email: 'co@world.test', name: 'coTeacher', password_hash: null, locale: 'nl', disabled_at: null, created_at: now, home_board_id: world.boardA }).execute();
    await db.insertInto('school_memberships').values({ school_id: world.schoolA1, user_id: coTeacherId, role: 'teacher', created_at: now }).execute();
    await db.insertInto('class_teachers').values([world.classA1, world.classA1Other].map((classId) => ({ class_id: classId, user_id: coTeacherId, created_at: now }))).execute();
  });
  afterAll(async () => test.close());
  // Tests move the clock by hours: fresh staff sessions each time, so idle staff sessions do not end midway.
  beforeEach(async () => {
    [teacher, coTeacher] = [await staff(world.users.teacher.id), await staff(coTeacherId)];
  });

  async function staff(userId: string): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, userId);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }

  async function teachesToo(classId: string): Promise<void> {
    await test.deps.db.kysely.insertInto('class_teachers').values({ class_id: classId, user_id: coTeacherId, created_at: isoInstant(test.clock.now()) }).execute();
  }

  async function classCode(classId = world.classA1, as = teacher): Promise<string> {
    const response = await requestAs(test.app, as, 'POST', classUrl(classId, 'class-code'));
    expect(response.statusCode, response.body).toBe(200);
    return response.json().code;
  }

  async function cardCode(pupilId = world.pupilInClassA1, classId = world.classA1, as = teacher): Promise<string> {
    const response = await requestAs(test.app, as, 'POST', classUrl(classId, 'cards'), { pupilIds: [pupilId] });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().cards[0].code;
  }

  function signIn(codes: { classCode: string; personalCode: string }, headers: Record<string, string> = {}) {
    return test.app.inject({ method: 'POST', url: '/api/pupil/session', payload: codes, headers });
  }

  async function pupilLogin(codes: { classCode: string; personalCode: string }): Promise<Login> {
    const response = await signIn(codes);
    expect(response.statusCode, response.body).toBe(200);
    return { cookie: cookieOf(response, PUPIL_COOKIE).pair, csrfToken: response.json().csrfToken };
  }

  async function auditEvents(action: string) {
    return test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq').execute();
  }

  describe('the class device (kiosk)', () => {
    it('opens on this device with a strict __Host- cookie, lists first names with an initial and records who opened it', async () => {
      const response = await requestAs(test.app, teacher, 'POST', classUrl(world.classA1, 'kiosk'));
      expect(response.statusCode, response.body).toBe(200);
      const cookie = cookieOf(response, KIOSK_COOKIE);
      expect(cookie.pair).toMatch(/^__Host-gw_kiosk=[\w-]{43}$/);
      expect(cookie.attributes).toMatch(/^Path=\/; Expires=.+; HttpOnly; Secure; SameSite=Strict$/);
      const body = response.json();
      expect(body.className).toBe('Groep 5');
      expect(body.pupils).toEqual([{ pupilId: world.pupilInClassA1, displayName: 'Sanne V.', checkedInToday: false, symbol: null }]);
      expect(JSON.stringify(body)).not.toContain('de Vries');
      expect(Date.parse(body.expiresAt) - test.clock.now().getTime()).toBe(KIOSK_HOURS * 3_600_000);
      // The order of the thermometer: far too high at the top, too low at the bottom.
      expect(body.form.choices.map((choice: { state: string }) => choice.state)).toEqual(['far_high', 'bit_high', 'in_window', 'low']);
      expect(Object.keys(body.form.texts).sort()).toEqual([...PUPIL_TEXT_KEYS].sort());
      // Only the hash of the cookie is stored.
      const token = cookie.pair.split('=')[1] ?? '';
      const stored = await test.deps.db.kysely.selectFrom('kiosk_devices').select('id_hash').execute();
      expect(stored.map((row) => row.id_hash)).toContain(hashSecret(token));
      expect(JSON.stringify(stored)).not.toContain(token);
      const [event] = (await auditEvents('checkin.kiosk_opened')).slice(-1);
      expect(event).toMatchObject({ actor_user_id: world.users.teacher.id, target_type: 'class', target_id: world.classA1, school_id: world.schoolA1 });
    });

    it('shows who checked in today, and stops working once closed', async () => {
      const kiosk = await openKiosk();
      const submitted = await requestAs(test.app, kiosk, 'POST', '/api/kiosk/checkins', {
        idempotencyKey: randomUUID(),
        pupilId: world.pupilInClassA1,
        state: 'in_window',
        wantsTalk: false,
      });
      expect(submitted.statusCode, submitted.body).toBe(201);
      const listed = await requestAs(test.app, kiosk, 'GET', '/api/kiosk');
      expect(listed.json().pupils).toEqual([{ pupilId: world.pupilInClassA1, displayName: 'Sanne V.', checkedInToday: true, symbol: null }]);

      const withoutToken = await test.app.inject({ method: 'DELETE', url: '/api/kiosk', headers: { cookie: kiosk.cookie } });
      expect(withoutToken.statusCode).toBe(403);
      expect(withoutToken.json().error.code).toBe('csrf_failed');
      const closedBefore = (await auditEvents('checkin.kiosk_closed')).length;
      expect((await requestAs(test.app, kiosk, 'DELETE', '/api/kiosk')).statusCode).toBe(200);
      // Closed on the device itself (by the teacher, after the long press): audited without a person, with the device's id.
      const closedEvents = await auditEvents('checkin.kiosk_closed');
      expect(closedEvents).toHaveLength(closedBefore + 1);
      const [closedEvent] = closedEvents.slice(-1);
      expect(closedEvent).toMatchObject({ actor_user_id: null, target_type: 'class', target_id: world.classA1, school_id: world.schoolA1, board_id: world.boardA });
      expect(JSON.parse(closedEvent?.detail ?? '{}')).toMatchObject({ count: 1, on: 'class_device' });
      expect(JSON.parse(closedEvent?.detail ?? '{}').kioskIds).toHaveLength(1);
      const after = await requestAs(test.app, kiosk, 'GET', '/api/kiosk');
      expect(after.statusCode).toBe(401);
      expect(after.json().error.code).toBe('not_authenticated');
    });

    it('ends after its hours, and removes the cookie that no longer works', async () => {
      const kiosk = await openKiosk();
      test.clock.advance(KIOSK_HOURS * 3_600_000);
      const response = await requestAs(test.app, kiosk, 'GET', '/api/kiosk');
      expect(response.statusCode).toBe(401);
      expect(cookieOf(response, KIOSK_COOKIE).attributes).toContain('Expires=Thu, 01 Jan 1970');
    });

    it('stops working on the next request when its class is deleted', async () => {
      const classId = newId();
      const now = isoInstant(test.clock.now());
      const year = (await test.deps.db.kysely.selectFrom('classes').select('school_year').where('id', '=', world.classA1).executeTakeFirstOrThrow()).school_year;
      await test.deps.db.kysely.insertInto('classes').values({ id: classId, school_id: world.schoolA1, location_id: null, school_year: year, name: 'Groep 8', created_at: now }).execute();
      await teachesToo(classId);
      const kiosk = await openKiosk(classId, coTeacher);
      expect((await requestAs(test.app, kiosk, 'GET', '/api/kiosk')).statusCode).toBe(200);
      await test.deps.db.kysely.deleteFrom('classes').where('id', '=', classId).execute();
      expect((await requestAs(test.app, kiosk, 'GET', '/api/kiosk')).statusCode).toBe(401);
    });

    it('stops working on its next request once the teacher who opened it is disabled, leaves, changes role or no longer teaches the class', async () => {
      const db = test.deps.db.kysely;
      const teacherId = world.users.teacher.id;
      const now = isoInstant(test.clock.now());
      const changes: { name: string; apply: () => Promise<unknown>; undo: () => Promise<unknown> }[] = [
        {
          name: 'account disabled',
          apply: () => db.updateTable('users').set({ disabled_at: now }).where('id', '=', teacherId).execute(),
          undo: () => db.updateTable('users').set({ disabled_at: null }).where('id', '=', teacherId).execute(),
        },
        {
          name: 'no longer in the school',
          apply: () => db.deleteFrom('school_memberships').where('user_id', '=', teacherId).execute(),
          undo: () => db.insertInto('school_memberships').values({ school_id: world.schoolA1, user_id: teacherId, role: 'teacher', created_at: now }).execute(),
        },
        {
          name: 'in the school, but no longer as teacher',
          apply: () => db.updateTable('school_memberships').set({ role: 'leadership' }).where('user_id', '=', teacherId).execute(),
          undo: () => db.updateTable('school_memberships').set({ role: 'teacher' }).where('user_id', '=', teacherId).execute(),
        },
        {
          name: 'no longer teaching the class',
          apply: () => db.deleteFrom('class_teachers').where('user_id', '=', teacherId).execute(),
          undo: () => db.insertInto('class_teachers').values({ class_id: world.classA1, user_id: teacherId, created_at: now }).execute(),
        },
        {
          name: 'account removed (the kiosk keeps no opener)',
          apply: () => db.updateTable('kiosk_devices').set({ opened_by: null }).execute(),
          undo: async () => undefined,
        },
      ];
      for (const change of changes) {
        const kiosk = await openKiosk();
        expect((await requestAs(test.app, kiosk, 'GET', '/api/kiosk')).statusCode, change.name).toBe(200);
        await change.apply();
        try {
          const listed = await requestAs(test.app, kiosk, 'GET', '/api/kiosk');
          expect(listed.statusCode, change.name).toBe(401);
          expect(cookieOf(listed, KIOSK_COOKIE).attributes, change.name).toContain('Expires=Thu, 01 Jan 1970');
          const checkin = { idempotencyKey: randomUUID(), pupilId: world.pupilInClassA1, state: 'low', wantsTalk: true };
          expect((await requestAs(test.app, kiosk, 'POST', '/api/kiosk/checkins', checkin)).statusCode, change.name).toBe(401);
          expect(await db.selectFrom('checkins').select('id').where('idempotency_key', '=', checkin.idempotencyKey).execute()).toEqual([]);
        } finally {
          await change.undo();
        }
        // Ended for good: putting the rights back does not open the kiosk again.
        expect((await requestAs(test.app, kiosk, 'GET', '/api/kiosk')).statusCode, change.name).toBe(401);
      }
    });

    it("gives a school administrator no class device: no kiosk, class code or login cards (they would act as the class's pupils)", async () => {
      const admin = await staff(world.users.schoolAdmin.id);
      for (const part of ['kiosk', 'class-code', 'cards', 'kiosks']) {
        const response = await requestAs(test.app, admin, part === 'kiosks' ? 'GET' : 'POST', classUrl(world.classA1Other, part), part === 'cards' ? {} : undefined);
        expect(response.statusCode, part).toBe(403);
      }
    });

    it('stops working once the school blocks the teacher who opened it', async () => {
      const db = test.deps.db.kysely;
      const kiosk = await openKiosk(world.classA1Other, coTeacher);
      expect((await requestAs(test.app, kiosk, 'GET', '/api/kiosk')).statusCode).toBe(200);
      await db.insertInto('school_staff_status').values({ school_id: world.schoolA1, user_id: coTeacherId, blocked_at: isoInstant(test.clock.now()), sessions_ended_at: null, updated_at: isoInstant(test.clock.now()) }).execute();
      try {
        expect((await requestAs(test.app, kiosk, 'GET', '/api/kiosk')).statusCode).toBe(401);
      } finally {
        await db.deleteFrom('school_staff_status').where('user_id', '=', coTeacherId).execute();
      }
    });

    it('lets staff who manage the class see its open kiosks (never a secret) and close one or all, audited', async () => {
      const db = test.deps.db.kysely;
      const kiosksUrl = (classId = world.classA1) => classUrl(classId, 'kiosks');
      await requestAs(test.app, coTeacher, 'DELETE', kiosksUrl());
      const [firstAt, secondAt] = [test.clock.now(), new Date(test.clock.now().getTime() + 60_000)];
      const first = await openKiosk();
      test.clock.advance(60_000);
      const second = await openKiosk(world.classA1, coTeacher);
      const otherClass = await openKiosk(world.classA1Other, coTeacher);

      const listed = await requestAs(test.app, teacher, 'GET', kiosksUrl());
      expect(listed.statusCode, listed.body).toBe(200);
      const until = (openedAt: Date) => isoInstant(new Date(openedAt.getTime() + KIOSK_HOURS * 3_600_000));
      const { kiosks } = listed.json();
      expect(kiosks).toEqual([
        { id: expect.any(String), openedAt: isoInstant(firstAt), openedBy: { id: world.users.teacher.id, name: 'teacher' }, expiresAt: until(firstAt) },
        { id: expect.any(String), openedAt: isoInstant(secondAt), openedBy: { id: coTeacherId, name: 'coTeacher' }, expiresAt: until(secondAt) },
      ]);
      for (const device of [first, second]) {
        const token = device.cookie.split('=')[1] ?? '';
        expect(listed.body).not.toContain(token);
        expect(listed.body).not.toContain(hashSecret(token));
        expect(listed.body).not.toContain(device.csrfToken);
      }
      // Need-to-know: a teacher of the school who does not teach the class does not see them.
      const colleague = await teacherWithoutClass();
      expect((await requestAs(test.app, colleague, 'GET', kiosksUrl())).statusCode).toBe(404);
      expect((await requestAs(test.app, colleague, 'DELETE', kiosksUrl())).statusCode).toBe(404);

      // One: by its id, only within its own class.
      const [firstKiosk, secondKiosk] = kiosks as { id: string }[];
      const otherKioskId = (await requestAs(test.app, coTeacher, 'GET', kiosksUrl(world.classA1Other))).json().kiosks[0].id;
      expect((await requestAs(test.app, teacher, 'DELETE', `${kiosksUrl()}/${otherKioskId}`)).statusCode).toBe(404);
      expect((await requestAs(test.app, teacher, 'DELETE', `${kiosksUrl()}/${newId()}`)).statusCode).toBe(404);
      const before = (await auditEvents('checkin.kiosk_closed')).length;
      expect((await requestAs(test.app, teacher, 'DELETE', `${kiosksUrl()}/${firstKiosk!.id}`)).statusCode).toBe(204);
      expect((await requestAs(test.app, first, 'GET', '/api/kiosk')).statusCode).toBe(401);
      expect((await requestAs(test.app, second, 'GET', '/api/kiosk')).statusCode).toBe(200);
      expect((await requestAs(test.app, otherClass, 'GET', '/api/kiosk')).statusCode).toBe(200);
      const [closedOne] = (await auditEvents('checkin.kiosk_closed')).slice(before);
      expect(closedOne).toMatchObject({ actor_user_id: world.users.teacher.id, target_type: 'class', target_id: world.classA1, school_id: world.schoolA1, board_id: world.boardA });
      expect(JSON.parse(closedOne?.detail ?? '{}')).toEqual({ count: 1, kioskIds: [firstKiosk!.id] });

      // All: what is left of the class; a second "close all" finds nothing and records nothing.
      const third = await openKiosk();
      const all = await requestAs(test.app, teacher, 'DELETE', kiosksUrl());
      expect(all.statusCode, all.body).toBe(200);
      expect(all.json()).toEqual({ closed: 2 });
      for (const device of [second, third]) expect((await requestAs(test.app, device, 'GET', '/api/kiosk')).statusCode).toBe(401);
      expect((await requestAs(test.app, otherClass, 'GET', '/api/kiosk')).statusCode).toBe(200);
      expect((await requestAs(test.app, teacher, 'GET', kiosksUrl())).json()).toEqual({ kiosks: [] });
      const closedAll = (await auditEvents('checkin.kiosk_closed')).slice(before + 1);
      expect(closedAll).toHaveLength(1);
      expect(JSON.parse(closedAll[0]?.detail ?? '{}')).toMatchObject({ count: 2, kioskIds: expect.arrayContaining([secondKiosk!.id]) });
      expect((await requestAs(test.app, teacher, 'DELETE', kiosksUrl())).json()).toEqual({ closed: 0 });
      expect(await auditEvents('checkin.kiosk_closed')).toHaveLength(before + 2);

      // A kiosk whose time ran out is not listed, although its row waits for the next clean-up.
      await openKiosk();
      test.clock.advance(KIOSK_HOURS * 3_600_000);
      expect((await requestAs(test.app, await staff(world.users.teacher.id), 'GET', kiosksUrl())).json()).toEqual({ kiosks: [] });
      expect(await db.selectFrom('kiosk_devices').select('id').where('class_id', '=', world.classA1).execute()).toHaveLength(1);
    });

    async function teacherWithoutClass(): Promise<Login> {
      const db = test.deps.db.kysely;
      const id = newId();
      const now = isoInstant(test.clock.now());
      await db.insertInto('users').values({ id, email: `collega-${id}@world.test`, name: 'Collega', password_hash: null, locale: 'nl', disabled_at: null, created_at: now }).execute();
      await db.insertInto('school_memberships').values({ school_id: world.schoolA1, user_id: id, role: 'teacher', created_at: now }).execute();
      const session = await startSession(db, test.clock, test.deps.config, id);
      return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    }

    async function openKiosk(classId = world.classA1, as = teacher): Promise<Login> {
      const response = await requestAs(test.app, as, 'POST', classUrl(classId, 'kiosk'));
      expect(response.statusCode, response.body).toBe(200);
      return { cookie: cookieOf(response, KIOSK_COOKIE).pair, csrfToken: response.json().csrfToken };
    }
  });

  describe('name symbols of young pupils', () => {
    const symbolUrl = (pupilId: string) => `/api/kiosk/pupils/${pupilId}/symbol`;
    const clearSymbols = () => test.deps.db.kysely.deleteFrom('checkin_pupil_symbols').execute();
    async function openKiosk(): Promise<Login> {
      const response = await requestAs(test.app, teacher, 'POST', classUrl(world.classA1, 'kiosk'));
      expect(response.statusCode, response.body).toBe(200);
      return { cookie: cookieOf(response, KIOSK_COOKIE).pair, csrfToken: response.json().csrfToken };
    }

    it('lets a young pupil choose a picture once on the class device; the list shows it and only the teacher changes it', async () => {
      await clearSymbols();
      expect((await requestAs(test.app, teacher, 'PUT', classUrl(world.classA1, 'settings'), { ageGroup: 'young' })).statusCode).toBe(200);
      const kiosk = await openKiosk();
      const before = (await requestAs(test.app, kiosk, 'GET', '/api/kiosk')).json();
      expect(before.asksForSymbol).toBe(true);
      expect(before.pupils[0]).toMatchObject({ pupilId: world.pupilInClassA1, symbol: null });
      expect(before.symbols.length).toBeGreaterThanOrEqual(20);
      expect(before.symbols).toContainEqual({ key: 'owl', emoji: '🦉', name: 'Uil' });

      const chosen = await requestAs(test.app, kiosk, 'POST', symbolUrl(world.pupilInClassA1), { symbol: 'owl' });
      expect(chosen.statusCode, chosen.body).toBe(200);
      expect(chosen.json()).toEqual({ pupilId: world.pupilInClassA1, symbol: 'owl' });
      expect((await requestAs(test.app, kiosk, 'GET', '/api/kiosk')).json().pupils[0]).toMatchObject({ displayName: 'Sanne V.', symbol: 'owl' });
      const [event] = (await auditEvents('checkin.symbol_changed')).slice(-1);
      expect(event).toMatchObject({ actor_user_id: null, target_type: 'pupil', target_id: world.pupilInClassA1, school_id: world.schoolA1, board_id: world.boardA });
      expect(JSON.parse(event?.detail ?? '{}')).toMatchObject({ symbol: 'owl', by: 'class_device' });

      // A classmate tapping the same name cannot change it on the shared device.
      const again = await requestAs(test.app, kiosk, 'POST', symbolUrl(world.pupilInClassA1), { symbol: 'cat' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('conflict');
      expect((await test.deps.db.kysely.selectFrom('checkin_pupil_symbols').select('symbol').execute()).map((row) => row.symbol)).toEqual(['owl']);
      // Not a picture of the set, or a pupil of another class: refused, nothing stored.
      expect((await requestAs(test.app, kiosk, 'POST', symbolUrl(world.pupilInClassA1Other), { symbol: 'cat' })).statusCode).toBe(404);
      expect((await requestAs(test.app, kiosk, 'POST', symbolUrl(world.pupilInClassA1Other), { symbol: 'dragon' })).statusCode).toBe(400);
      expect(await test.deps.db.kysely.selectFrom('checkin_pupil_symbols').select('pupil_id').where('pupil_id', '=', world.pupilInClassA1Other).execute()).toEqual([]);
    });

    it('does not ask older pupils for a picture', async () => {
      expect((await requestAs(test.app, teacher, 'PUT', classUrl(world.classA1, 'settings'), { ageGroup: 'middle' })).statusCode).toBe(200);
      const kiosk = await openKiosk();
      expect((await requestAs(test.app, kiosk, 'GET', '/api/kiosk')).json().asksForSymbol).toBe(false);
    });

    it("lets the class's teacher list, set and clear the pictures, audited; prints the picture on the login card", async () => {
      await clearSymbols();
      const listed = await requestAs(test.app, teacher, 'GET', classUrl(world.classA1, 'symbols'));
      expect(listed.statusCode, listed.body).toBe(200);
      expect(listed.json().pupils).toEqual([{ pupilId: world.pupilInClassA1, displayName: 'Sanne V.', symbol: null }]);
      expect(listed.json().symbols[0]).toEqual({ key: 'cat', emoji: '🐱', name: 'Kat' });

      const set = await requestAs(test.app, teacher, 'PUT', `${classUrl(world.classA1, 'symbols')}/${world.pupilInClassA1}`, { symbol: 'frog' });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toEqual({ pupilId: world.pupilInClassA1, symbol: 'frog' });
      const [event] = (await auditEvents('checkin.symbol_changed')).slice(-1);
      expect(event).toMatchObject({ actor_user_id: world.users.teacher.id, target_type: 'pupil', target_id: world.pupilInClassA1, school_id: world.schoolA1 });
      expect(JSON.parse(event?.detail ?? '{}')).toMatchObject({ symbol: 'frog', by: 'teacher' });

      const cards = await requestAs(test.app, teacher, 'POST', classUrl(world.classA1, 'cards'), { pupilIds: [world.pupilInClassA1] });
      expect(cards.json().cards[0].symbol).toEqual({ key: 'frog', emoji: '🐸', name: 'Kikker' });

      const cleared = await requestAs(test.app, teacher, 'PUT', `${classUrl(world.classA1, 'symbols')}/${world.pupilInClassA1}`, { symbol: null });
      expect(cleared.json()).toEqual({ pupilId: world.pupilInClassA1, symbol: null });
      expect(await test.deps.db.kysely.selectFrom('checkin_pupil_symbols').select('pupil_id').execute()).toEqual([]);
      const cardsAfter = await requestAs(test.app, teacher, 'POST', classUrl(world.classA1, 'cards'), { pupilIds: [world.pupilInClassA1] });
      expect(cardsAfter.json().cards[0].symbol).toBeNull();
    });

    it("answers 404 for a class the teacher does not teach, and for a pupil who is not in the class", async () => {
      const other = await requestAs(test.app, teacher, 'GET', classUrl(world.classA1Other, 'symbols'));
      expect(other.statusCode).toBe(404);
      const notInClass = await requestAs(test.app, teacher, 'PUT', `${classUrl(world.classA1, 'symbols')}/${world.pupilInClassA1Other}`, { symbol: 'cat' });
      expect(notInClass.statusCode).toBe(404);
      const otherClass = await requestAs(test.app, teacher, 'PUT', `${classUrl(world.classA1Other, 'symbols')}/${world.pupilInClassA1Other}`, { symbol: 'cat' });
      expect(otherClass.statusCode).toBe(404);
      expect(await test.deps.db.kysely.selectFrom('checkin_pupil_symbols').select('pupil_id').where('pupil_id', '=', world.pupilInClassA1Other).execute()).toEqual([]);
    });
  });

  describe('class codes and login cards', () => {
    it('makes a 6-character class code valid for its minutes, stored only as a hash', async () => {
      const response = await requestAs(test.app, teacher, 'POST', classUrl(world.classA1, 'class-code'));
      expect(response.statusCode).toBe(200);
      const { code, expiresAt } = response.json();
      expect(code).toHaveLength(CLASS_CODE_LENGTH);
      expect(code).toMatch(CODE_PATTERN);
      expect(Date.parse(expiresAt) - test.clock.now().getTime()).toBe(CLASS_CODE_MINUTES * 60_000);
      const stored = await test.deps.db.kysely.selectFrom('class_codes').selectAll().where('code_hash', '=', hashSecret(code)).execute();
      expect(stored).toHaveLength(1);
      expect(stored[0]?.class_id).toBe(world.classA1);
      expect(JSON.stringify(await test.deps.db.kysely.selectFrom('class_codes').selectAll().execute())).not.toContain(code);
    });

    it('prints a card per pupil with an 8-character code and a QR code, and audits the count but never a code', async () => {
      const response = await requestAs(test.app, teacher, 'POST', classUrl(world.classA1, 'cards'), {});
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body.className).toBe('Groep 5');
      expect(body.cards).toHaveLength(1);
      const [card] = body.cards;
      expect(card).toMatchObject({ pupilId: world.pupilInClassA1, displayName: 'Sanne V.' });
      expect(card.code).toHaveLength(PERSONAL_CODE_LENGTH);
      expect(card.code).toMatch(CODE_PATTERN);
      expect(card.qrSvg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
      const stored = await test.deps.db.kysely.selectFrom('pupil_codes').selectAll().where('pupil_id', '=', world.pupilInClassA1).executeTakeFirstOrThrow();
      expect(stored.code_hash).toBe(hashSecret(card.code));
      const [event] = (await auditEvents('checkin.cards_issued')).slice(-1);
      expect(event).toMatchObject({ actor_user_id: world.users.teacher.id, target_type: 'class', target_id: world.classA1, school_id: world.schoolA1 });
      expect(JSON.parse(event?.detail ?? '{}')).toEqual({ count: 1 });
      expect(JSON.stringify(event)).not.toContain(card.code);
    });

    it('refuses cards for a pupil who is not in the class as not found', async () => {
      const response = await requestAs(test.app, teacher, 'POST', classUrl(world.classA1, 'cards'), { pupilIds: [world.pupilInClassA1Other] });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    });
  });

  describe("signing in on the pupil's own device", () => {
    it('needs a valid class code and the personal code of a pupil in that class, and sets a strict __Host- cookie', async () => {
      const response = await signIn({ classCode: await classCode(), personalCode: (await cardCode()).toLowerCase() });
      expect(response.statusCode, response.body).toBe(200);
      const cookie = cookieOf(response, PUPIL_COOKIE);
      expect(cookie.pair).toMatch(/^__Host-gw_pupil=[\w-]{43}$/);
      expect(cookie.attributes).toMatch(/^Path=\/; Expires=.+; HttpOnly; Secure; SameSite=Strict$/);
      const body = response.json();
      expect(body).toMatchObject({ firstName: 'Sanne', form: { locale: 'nl', ageGroup: 'middle' } });
      expect(JSON.stringify(body)).not.toContain('de Vries');
      const session = await requestAs(test.app, { cookie: cookie.pair, csrfToken: body.csrfToken }, 'GET', '/api/pupil/session');
      expect(session.statusCode).toBe(200);
      expect(session.json().firstName).toBe('Sanne');
    });

    it('answers every wrong combination with the same error', async () => {
      const [code, otherClassCode] = [await classCode(), await classCode(world.classA1Other, coTeacher)];
      const [sanne, milan] = [await cardCode(), await cardCode(world.pupilInClassA1Other, world.classA1Other, coTeacher)];
      const attempts = [
        { classCode: code, personalCode: 'AAAAAAAA' },
        { classCode: 'AAAAAA', personalCode: sanne },
        // The code of another class, with a card of this class; and a card of another class.
        { classCode: otherClassCode, personalCode: sanne },
        { classCode: code, personalCode: milan },
      ];
      const answers = [];
      for (const attempt of attempts) answers.push(await signIn(attempt));
      for (const answer of answers) {
        expect(answer.statusCode).toBe(401);
        expect(answer.json()).toEqual(answers[0]?.json());
        expect(answer.headers['set-cookie']).toBeUndefined();
      }
      expect(answers[0]?.json().error.code).toBe('invalid_credentials');
    });

    it('records a failed sign-in with a valid class code in the audit log (never a code), and one with a wrong class code not', async () => {
      const code = await classCode();
      const before = (await auditEvents('checkin.pupil_sign_in_failed')).length;
      expect((await signIn({ classCode: 'AAAAAA', personalCode: 'AAAAAAAA' })).statusCode).toBe(401);
      expect(await auditEvents('checkin.pupil_sign_in_failed')).toHaveLength(before);
      expect((await signIn({ classCode: code, personalCode: 'AAAAAAAA' })).statusCode).toBe(401);
      const events = await auditEvents('checkin.pupil_sign_in_failed');
      expect(events).toHaveLength(before + 1);
      expect(events.at(-1)).toMatchObject({ actor_user_id: null, target_type: 'class', target_id: world.classA1, school_id: world.schoolA1, board_id: world.boardA, detail: null });
    });

    it('refuses a class code once its minutes are over', async () => {
      const [code, personalCode] = [await classCode(), await cardCode()];
      test.clock.advance(CLASS_CODE_MINUTES * 60_000);
      expect((await signIn({ classCode: code, personalCode })).statusCode).toBe(401);
    });

    it('refuses a pupil placed in the class only in an earlier school year', async () => {
      const oldClassId = newId();
      const now = isoInstant(test.clock.now());
      await test.deps.db.kysely.insertInto('classes').values({ id: oldClassId, school_id: world.schoolA1, location_id: null, school_year: '2020-2021', name: 'Groep 1', created_at: now }).execute();
      await test.deps.db.kysely.insertInto('class_pupils').values({ class_id: oldClassId, pupil_id: world.pupilInClassA1, created_at: now }).execute();
      await teachesToo(oldClassId);
      // A class of an ended school year gives out no class code and no login cards any more.
      for (const path of ['class-code', 'cards']) {
        const refused = await requestAs(test.app, coTeacher, 'POST', classUrl(oldClassId, path), path === 'cards' ? { pupilIds: [world.pupilInClassA1] } : undefined);
        expect(refused.statusCode, path).toBe(409);
        expect(refused.json().error.code).toBe('school_year_ended');
      }
      // And a class code it still had does not sign in a pupil who is in that class only in that year.
      const code = randomCode(6);
      await test.deps.db.kysely
        .insertInto('class_codes')
        .values({ code_hash: hashSecret(code), class_id: oldClassId, created_by: coTeacherId, created_at: now, expires_at: isoInstant(new Date(test.clock.now().getTime() + 600_000)) })
        .execute();
      const response = await signIn({ classCode: code, personalCode: await cardCode() });
      expect(response.statusCode).toBe(401);
    });

    it('replaces a pupil cookie sent at sign-in with a new one', async () => {
      const codes = { classCode: await classCode(), personalCode: await cardCode() };
      const first = await pupilLogin(codes);
      const second = await signIn(codes, { cookie: first.cookie });
      expect(second.statusCode).toBe(200);
      expect(cookieOf(second, PUPIL_COOKIE).pair).not.toBe(first.cookie);
      expect((await requestAs(test.app, first, 'GET', '/api/pupil/session')).statusCode).toBe(401);
    });

    it('revokes the old card when a card is printed again, and ends sessions made with it', async () => {
      const code = await classCode();
      const oldCard = await cardCode();
      const session = await pupilLogin({ classCode: code, personalCode: oldCard });
      const newCard = await cardCode();
      expect(newCard).not.toBe(oldCard);
      expect((await signIn({ classCode: code, personalCode: oldCard })).statusCode).toBe(401);
      expect((await requestAs(test.app, session, 'GET', '/api/pupil/session')).statusCode).toBe(401);
      expect((await signIn({ classCode: code, personalCode: newCard })).statusCode).toBe(200);
    });

    it('ends the session after its minutes, at sign-out, and when the pupil leaves the class', async () => {
      const codes = { classCode: await classCode(), personalCode: await cardCode() };
      const expiring = await pupilLogin(codes);
      test.clock.advance(PUPIL_SESSION_MINUTES * 60_000);
      expect((await requestAs(test.app, expiring, 'GET', '/api/pupil/session')).statusCode).toBe(401);

      const codesNow = { classCode: await classCode(), personalCode: codes.personalCode };
      const signingOut = await pupilLogin(codesNow);
      const withoutToken = await test.app.inject({ method: 'DELETE', url: '/api/pupil/session', headers: { cookie: signingOut.cookie } });
      expect(withoutToken.statusCode).toBe(403);
      const out = await requestAs(test.app, signingOut, 'DELETE', '/api/pupil/session');
      expect(out.statusCode).toBe(200);
      expect(cookieOf(out, PUPIL_COOKIE).attributes).toContain('Expires=Thu, 01 Jan 1970');
      expect((await requestAs(test.app, signingOut, 'GET', '/api/pupil/session')).statusCode).toBe(401);

      const leaving = await pupilLogin(codesNow);
      const db = test.deps.db.kysely;
      await db.deleteFrom('class_pupils').where('class_id', '=', world.classA1).where('pupil_id', '=', world.pupilInClassA1).execute();
      try {
        expect((await requestAs(test.app, leaving, 'GET', '/api/pupil/session')).statusCode).toBe(401);
      } finally {
        await db.insertInto('class_pupils').values({ class_id: world.classA1, pupil_id: world.pupilInClassA1, created_at: isoInstant(test.clock.now()) }).execute();
      }
    });

    it("shows the class's age group and the school's own words, in the pupil's language", async () => {
      const saved = await requestAs(test.app, teacher, 'PUT', classUrl(world.classA1, 'settings'), { ageGroup: 'young' });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toEqual({ ageGroup: 'young' });
      await test.deps.db.kysely
        .insertInto('checkin_wording')
        .values({ school_id: world.schoolA1, age_group: 'young', state: 'low', locale: 'en', label: 'Sleepy snail', updated_at: isoInstant(test.clock.now()) })
        .execute();
      const response = await signIn({ classCode: await classCode(), personalCode: await cardCode() }, { 'accept-language': 'en' });
      const form = response.json().form;
      expect(form).toMatchObject({ locale: 'en', ageGroup: 'young' });
      expect(form.choices).toEqual([
        { state: 'far_high', label: DEFAULT_STATE_WORDS.young.far_high.en.label, hint: DEFAULT_STATE_WORDS.young.far_high.en.hint, symbol: 'thunderstorm' },
        { state: 'bit_high', label: DEFAULT_STATE_WORDS.young.bit_high.en.label, hint: DEFAULT_STATE_WORDS.young.bit_high.en.hint, symbol: 'wind' },
        { state: 'in_window', label: DEFAULT_STATE_WORDS.young.in_window.en.label, hint: DEFAULT_STATE_WORDS.young.in_window.en.hint, symbol: 'sun' },
        { state: 'low', label: 'Sleepy snail', hint: DEFAULT_STATE_WORDS.young.low.en.hint, symbol: 'fog' },
      ]);
      expect(form.texts.question).toBe('How do you feel right now?');
    });

    it("tells the pupil today's latest state after checking in", async () => {
      const pupil = await pupilLogin({ classCode: await classCode(), personalCode: await cardCode() });
      const sent = await requestAs(test.app, pupil, 'POST', '/api/pupil/checkins', { idempotencyKey: randomUUID(), state: 'far_high', wantsTalk: true });
      expect(sent.statusCode, sent.body).toBe(201);
      expect((await requestAs(test.app, pupil, 'GET', '/api/pupil/session')).json().today).toBe('far_high');
    });
  });
});

describe.each(testDialects())('pupil sign-in throttle on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  beforeAll(async () => {
    test = await createTestApp(dialect, { config: { pupilSignInRateLimitPerMinute: 3 } });
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  const signIn = (codes: { classCode: string; personalCode: string }, remoteAddress: string) =>
    test.app.inject({ method: 'POST', url: '/api/pupil/session', payload: codes, remoteAddress });

  it('gives a throttled address the same answer for a wrong and a valid class code, even for the right card', async () => {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users.teacher.id);
    const teacher = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    const classUrl = (part: string) => `/api/schools/${world.schoolA1}/classes/${world.classA1}/checkin/${part}`;
    const classCode = (await requestAs(test.app, teacher, 'POST', classUrl('class-code'))).json().code;
    const card = (await requestAs(test.app, teacher, 'POST', classUrl('cards'), { pupilIds: [world.pupilInClassA1] })).json().cards[0].code;

    const address = '198.51.100.4';
    const allowed = [];
    for (const code of ['AAAAAA', classCode, 'BBBBBB']) allowed.push((await signIn({ classCode: code, personalCode: 'AAAAAAAA' }, address)).statusCode);
    expect(allowed).toEqual([401, 401, 401]);
    const wrongClassCode = await signIn({ classCode: 'CCCCCC', personalCode: 'AAAAAAAA' }, address);
    const validClassCode = await signIn({ classCode, personalCode: 'AAAAAAAA' }, address);
    const rightCard = await signIn({ classCode, personalCode: card }, address);
    for (const answer of [wrongClassCode, validClassCode, rightCard]) {
      expect(answer.statusCode).toBe(429);
      expect(answer.body).toBe(wrongClassCode.body);
    }
    expect(wrongClassCode.json().error.code).toBe('rate_limited');
    // Another address is not held up.
    expect((await signIn({ classCode, personalCode: card }, '198.51.100.5')).statusCode).toBe(200);
  });
});

describe.each(testDialects())('a school signing in at 08:30 on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  // The default limit, not a test value: that is what a school gets.
  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it('lets three classes of 30 pupils sign in from one address within a minute', async () => {
    const db = test.deps.db.kysely;
    const now = isoInstant(test.clock.now());
    const { school_year: schoolYear } = await db.selectFrom('classes').select('school_year').where('id', '=', world.classA1).executeTakeFirstOrThrow();
    // The teacher of the three classes makes their codes and cards.
    const session = await startSession(db, test.clock, test.deps.config, world.users.teacher.id);
    const admin = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    const codes: { classCode: string; personalCode: string }[] = [];
    for (const group of ['6a', '6b', '7a']) {
      const classId = newId();
      await db.insertInto('classes').values({ id: classId, school_id: world.schoolA1, location_id: null, school_year: schoolYear, name: `Groep ${group}`, created_at: now }).execute();
      const pupils = Array.from({ length: 30 }, (_, index) => ({ id: newId(), number: `${group}${String(index).padStart(3, '0')}` }));
      await db
        .insertInto('pupils')
        .values(pupils.map((pupil) => ({ id: pupil.id, school_id: world.schoolA1, pupil_number: pupil.number, first_name: `Kind ${pupil.number}`, last_name: 'Jansen', birth_date: null, created_at: now, updated_at: now })))
        .execute();
      await db.insertInto('class_pupils').values(pupils.map((pupil) => ({ class_id: classId, pupil_id: pupil.id, created_at: now }))).execute();
      await db.insertInto('class_teachers').values({ class_id: classId, user_id: world.users.teacher.id, created_at: now }).execute();
      const classUrl = (part: string) => `/api/schools/${world.schoolA1}/classes/${classId}/checkin/${part}`;
      const classCode = (await requestAs(test.app, admin, 'POST', classUrl('class-code'))).json().code;
      const cards = (await requestAs(test.app, admin, 'POST', classUrl('cards'), {})).json().cards;
      expect(cards).toHaveLength(30);
      codes.push(...cards.map((card: { code: string }) => ({ classCode, personalCode: card.code })));
    }

    const started = Date.now();
    const statuses = await Promise.all(
      codes.map(async (pupil) => (await test.app.inject({ method: 'POST', url: '/api/pupil/session', payload: pupil, remoteAddress: '203.0.113.10' })).statusCode),
    );
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(statuses).toEqual(codes.map(() => 200));
  });
});
