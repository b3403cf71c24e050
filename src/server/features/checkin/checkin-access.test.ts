import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
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
  let schoolAdmin: Login;
  const classUrl = (classId: string, part: string) => `/api/schools/${world.schoolA1}/classes/${classId}/checkin/${part}`;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());
  // Tests move the clock by hours: fresh staff sessions each time, so idle staff sessions do not end midway.
  beforeEach(async () => {
    [teacher, schoolAdmin] = [await staff('teacher'), await staff('schoolAdmin')];
  });

  async function staff(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
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
      expect(body.pupils).toEqual([{ pupilId: world.pupilInClassA1, displayName: 'Sanne V.', checkedInToday: false }]);
      expect(JSON.stringify(body)).not.toContain('de Vries');
      expect(Date.parse(body.expiresAt) - test.clock.now().getTime()).toBe(KIOSK_HOURS * 3_600_000);
      expect(body.form.choices.map((choice: { state: string }) => choice.state)).toEqual(['in_window', 'bit_high', 'far_high', 'low']);
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
      expect(listed.json().pupils).toEqual([{ pupilId: world.pupilInClassA1, displayName: 'Sanne V.', checkedInToday: true }]);

      const withoutToken = await test.app.inject({ method: 'DELETE', url: '/api/kiosk', headers: { cookie: kiosk.cookie } });
      expect(withoutToken.statusCode).toBe(403);
      expect(withoutToken.json().error.code).toBe('csrf_failed');
      expect((await requestAs(test.app, kiosk, 'DELETE', '/api/kiosk')).statusCode).toBe(200);
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
      const kiosk = await openKiosk(classId, schoolAdmin);
      expect((await requestAs(test.app, kiosk, 'GET', '/api/kiosk')).statusCode).toBe(200);
      await test.deps.db.kysely.deleteFrom('classes').where('id', '=', classId).execute();
      expect((await requestAs(test.app, kiosk, 'GET', '/api/kiosk')).statusCode).toBe(401);
    });

    async function openKiosk(classId = world.classA1, as = teacher): Promise<Login> {
      const response = await requestAs(test.app, as, 'POST', classUrl(classId, 'kiosk'));
      expect(response.statusCode, response.body).toBe(200);
      return { cookie: cookieOf(response, KIOSK_COOKIE).pair, csrfToken: response.json().csrfToken };
    }
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
      const [code, otherClassCode] = [await classCode(), await classCode(world.classA1Other, schoolAdmin)];
      const [sanne, milan] = [await cardCode(), await cardCode(world.pupilInClassA1Other, world.classA1Other, schoolAdmin)];
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
      const code = await classCode(oldClassId, schoolAdmin);
      const response = await signIn({ classCode: code, personalCode: await cardCode(world.pupilInClassA1, oldClassId, schoolAdmin) });
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
        { state: 'in_window', label: DEFAULT_STATE_WORDS.young.in_window.en.label, hint: DEFAULT_STATE_WORDS.young.in_window.en.hint, symbol: 'sun' },
        { state: 'bit_high', label: DEFAULT_STATE_WORDS.young.bit_high.en.label, hint: DEFAULT_STATE_WORDS.young.bit_high.en.hint, symbol: 'wind' },
        { state: 'far_high', label: DEFAULT_STATE_WORDS.young.far_high.en.label, hint: DEFAULT_STATE_WORDS.young.far_high.en.hint, symbol: 'thunderstorm' },
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

  const attempt = (classCode: string, remoteAddress = '127.0.0.1') =>
    test.app.inject({ method: 'POST', url: '/api/pupil/session', payload: { classCode, personalCode: 'AAAAAAAA' }, remoteAddress });

  it('throttles wrong class codes per address, and a valid class code per address and class', async () => {
    const statuses = [];
    for (const code of ['AAAAAA', 'BBBBBB', 'CCCCCC', 'DDDDDD']) statuses.push((await attempt(code)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await attempt('eeeeee')).json().error.code).toBe('rate_limited');
    expect((await attempt('AAAAAA', '10.0.0.2')).statusCode).toBe(401);

    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users.teacher.id);
    const teacher = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    const code = (await requestAs(test.app, teacher, 'POST', `/api/schools/${world.schoolA1}/classes/${world.classA1}/checkin/class-code`)).json().code;
    const forClass = [];
    for (let index = 0; index < 4; index += 1) forClass.push((await attempt(code.toLowerCase())).statusCode);
    expect(forClass).toEqual([401, 401, 401, 429]);
  });
});
