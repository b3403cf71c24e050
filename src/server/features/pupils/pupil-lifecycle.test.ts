import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { startSession } from '../../auth/sessions.service';
import { isoInstant, newId } from '../../deps';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { PUPIL_COOKIE } from '../../../shared/checkin';
import { schoolYearAt } from '../../../shared/school-time';
import type { Pupil } from './pupils.schemas';

function pupilCookieOf(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const cookie = (Array.isArray(header) ? header : [header ?? '']).find((value) => value.startsWith(`${PUPIL_COOKIE}=`)) ?? '';
  return cookie.split('; ')[0] ?? '';
}

describe.each(testDialects())('a pupil through the school year on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let year: string;

  beforeEach(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    year = schoolYearAt(test.clock.now());
  });
  afterEach(async () => test.close());

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }
  const school = () => `/api/schools/${world.schoolA1}`;
  const pupilUrl = (pupilId = world.pupilInClassA1, schoolId = world.schoolA1) => `/api/schools/${schoolId}/pupils/${pupilId}`;
  const details = { pupilNumber: '1001', firstName: 'Sanne', lastName: 'de Vries', birthDate: '2017-03-04' };

  async function events(action: string) {
    return test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq').execute();
  }
  async function numbersIn(key: WorldUserKey, query: string): Promise<string[]> {
    const response = await requestAs(test.app, await as(key), 'GET', `${school()}/pupils${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().map((pupil: Pupil) => pupil.pupilNumber);
  }
  async function markLeft(leftOn = '2026-11-20', pupilId = world.pupilInClassA1) {
    return requestAs(test.app, await as('schoolAdmin'), 'PUT', `${pupilUrl(pupilId)}/departure`, { leftOn });
  }

  describe('correcting details', () => {
    it("saves a pupil's number, names and birth date and records which fields changed, never their values", async () => {
      const response = await requestAs(test.app, await as('schoolAdmin'), 'PUT', pupilUrl(), { ...details, pupilNumber: '1001a', firstName: 'Sanna', birthDate: null });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        id: world.pupilInClassA1,
        pupilNumber: '1001a',
        firstName: 'Sanna',
        lastName: 'de Vries',
        birthDate: null,
        classId: world.classA1,
        className: 'Groep 5',
        leftOn: null,
      });
      const [event, ...more] = await events('pupils.updated');
      expect(more).toEqual([]);
      expect(event).toMatchObject({ actor_user_id: world.users.schoolAdmin.id, target_type: 'pupil', target_id: world.pupilInClassA1, school_id: world.schoolA1, board_id: world.boardA });
      expect(JSON.parse(event?.detail ?? '{}')).toEqual({ fields: ['pupilNumber', 'firstName', 'birthDate'] });
      expect(event?.detail).not.toContain('Sanna');

      // The same details again change nothing and record nothing.
      const again = await requestAs(test.app, await as('schoolAdmin'), 'PUT', pupilUrl(), { ...details, pupilNumber: '1001a', firstName: 'Sanna', birthDate: null });
      expect(again.statusCode).toBe(200);
      expect(await events('pupils.updated')).toHaveLength(1);
    });

    it("refuses another pupil's number, a birth date in the future, and empty or multi-line names", async () => {
      const admin = await as('schoolAdmin');
      const taken = await requestAs(test.app, admin, 'PUT', pupilUrl(), { ...details, pupilNumber: '1002' });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error).toMatchObject({ code: 'pupil_number_taken', fields: { 'body.pupilNumber': [expect.any(String)] } });
      for (const body of [
        { ...details, birthDate: '2026-11-22' },
        { ...details, firstName: '' },
        { ...details, lastName: 'de\nVries' },
        { ...details, birthDate: '04-03-2017' },
        { ...details, extra: true },
      ]) {
        const response = await requestAs(test.app, admin, 'PUT', pupilUrl(), body);
        expect([JSON.stringify(body), response.statusCode]).toEqual([JSON.stringify(body), 400]);
      }
      const stored = await test.deps.db.kysely.selectFrom('pupils').select(['pupil_number', 'first_name', 'last_name', 'birth_date']).where('id', '=', world.pupilInClassA1).executeTakeFirstOrThrow();
      expect(stored).toEqual({ pupil_number: '1001', first_name: 'Sanne', last_name: 'de Vries', birth_date: '2017-03-04' });
      expect(await events('pupils.updated')).toEqual([]);
    });
  });

  describe('moving', () => {
    it('moves a pupil into another class of the same school year, out of the old one, and leaves other years alone', async () => {
      const db = test.deps.db.kysely;
      const now = isoInstant(test.clock.now());
      const lastYear = `${Number(year.slice(0, 4)) - 1}-${year.slice(0, 4)}`;
      const oldClass = newId();
      await db.insertInto('classes').values({ id: oldClass, school_id: world.schoolA1, location_id: null, school_year: lastYear, name: 'Groep 4', created_at: now }).execute();
      await db.insertInto('class_pupils').values({ class_id: oldClass, pupil_id: world.pupilInClassA1, created_at: now }).execute();

      const response = await requestAs(test.app, await as('schoolAdmin'), 'PUT', `${pupilUrl()}/class`, { classId: world.classA1Other });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ classId: world.classA1Other, className: 'Groep 6' });
      const placements = await db.selectFrom('class_pupils').select('class_id').where('pupil_id', '=', world.pupilInClassA1).orderBy('class_id').execute();
      expect(placements.map((row) => row.class_id).sort()).toEqual([oldClass, world.classA1Other].sort());
      const [event] = await events('pupils.moved');
      expect(JSON.parse(event?.detail ?? '{}')).toEqual({ schoolYear: year, fromClassIds: [world.classA1], toClassId: world.classA1Other });

      // The teacher of Groep 5 no longer sees the pupil; moving to the class they are in records nothing.
      expect(await numbersIn('teacher', '')).toEqual([]);
      await requestAs(test.app, await as('schoolAdmin'), 'PUT', `${pupilUrl()}/class`, { classId: world.classA1Other });
      expect(await events('pupils.moved')).toHaveLength(1);
    });

    it("refuses a class of another school and a pupil of another school", async () => {
      const admin = await as('schoolAdmin');
      const otherClass = await requestAs(test.app, admin, 'PUT', `${pupilUrl()}/class`, { classId: world.classB1 });
      expect(otherClass.statusCode).toBe(400);
      expect(otherClass.json().error.fields).toEqual({ 'body.classId': [expect.any(String)] });
      const otherPupil = await requestAs(test.app, admin, 'PUT', `${pupilUrl(world.pupilB1)}/class`, { classId: world.classA1 });
      expect(otherPupil.statusCode).toBe(404);
      const otherAdmin = await as('schoolAdminOtherBoard');
      expect((await requestAs(test.app, otherAdmin, 'PUT', `${pupilUrl(world.pupilInClassA1, world.schoolB1)}/class`, { classId: world.classB1 })).statusCode).toBe(404);
      expect(await events('pupils.moved')).toEqual([]);
    });
  });

  describe('leaving the school', () => {
    it('takes a pupil who left out of class lists and class counts, and lists them under former pupils with the date', async () => {
      const response = await markLeft('2026-11-20');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ id: world.pupilInClassA1, leftOn: '2026-11-20', classId: world.classA1 });

      expect(await numbersIn('schoolAdmin', '')).toEqual(['1002']);
      expect(await numbersIn('teacher', `?classId=${world.classA1}`)).toEqual([]);
      // Former pupils: for the whole school to those who see it, for a teacher those of their own classes.
      expect(await numbersIn('careTeam', '?status=former')).toEqual(['1001']);
      expect(await numbersIn('teacher', '?status=former')).toEqual(['1001']);
      const classes = await requestAs(test.app, await as('schoolAdmin'), 'GET', `${school()}/classes?schoolYear=${year}`);
      expect(classes.json().find((entry: { id: string }) => entry.id === world.classA1).pupilCount).toBe(0);

      const [event] = await events('pupils.left');
      expect(event).toMatchObject({ actor_user_id: world.users.schoolAdmin.id, target_type: 'pupil', target_id: world.pupilInClassA1 });
      expect(JSON.parse(event?.detail ?? '{}')).toEqual({ leftOn: '2026-11-20', before: null });
    });

    it('takes them out of the check-in: overview, kiosk names, login cards, class-code sign-in and a running own-device session; their history stays readable', async () => {
      const teacher = await as('teacher');
      const classUrl = (part: string) => `${school()}/classes/${world.classA1}/checkin/${part}`;
      const card = await requestAs(test.app, teacher, 'POST', classUrl('cards'), { pupilIds: [world.pupilInClassA1] });
      const personalCode = card.json().cards[0].code;
      const classCode = (await requestAs(test.app, teacher, 'POST', classUrl('class-code'))).json().code;
      const signedIn = await test.app.inject({ method: 'POST', url: '/api/pupil/session', payload: { classCode, personalCode } });
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      const pupilCookie = pupilCookieOf(signedIn);

      expect((await markLeft()).statusCode).toBe(200);

      expect((await requestAs(test.app, teacher, 'GET', classUrl('today'))).json().pupils).toEqual([]);
      expect((await requestAs(test.app, teacher, 'POST', classUrl('kiosk'))).json().pupils).toEqual([]);
      expect((await requestAs(test.app, teacher, 'POST', classUrl('cards'), {})).json().cards).toEqual([]);
      expect((await test.app.inject({ method: 'GET', url: '/api/pupil/session', headers: { cookie: pupilCookie } })).statusCode).toBe(401);
      const again = await test.app.inject({ method: 'POST', url: '/api/pupil/session', payload: { classCode, personalCode } });
      expect(again.statusCode).not.toBe(200);
      const history = await requestAs(test.app, teacher, 'GET', `${pupilUrl()}/checkin/history`);
      expect(history.statusCode, history.body).toBe(200);
    });

    it('refuses a date after today, and moving a pupil who left', async () => {
      const future = await markLeft('2026-11-22');
      expect(future.statusCode).toBe(400);
      expect(future.json().error.fields).toEqual({ 'body.leftOn': [expect.any(String)] });
      expect((await markLeft('20-11-2026')).statusCode).toBe(400);
      expect(await events('pupils.left')).toEqual([]);

      await markLeft('2026-11-21');
      const moved = await requestAs(test.app, await as('schoolAdmin'), 'PUT', `${pupilUrl()}/class`, { classId: world.classA1Other });
      expect(moved.statusCode).toBe(409);
      expect(moved.json().error.code).toBe('pupil_has_left');
    });

    it('is undone ("terugzetten"): the pupil is back in their class, once', async () => {
      await markLeft('2026-11-02');
      const undone = await requestAs(test.app, await as('schoolAdmin'), 'DELETE', `${pupilUrl()}/departure`);
      expect(undone.statusCode, undone.body).toBe(200);
      expect(undone.json()).toMatchObject({ leftOn: null, classId: world.classA1 });
      expect(await numbersIn('teacher', '')).toEqual(['1001']);
      expect(await numbersIn('schoolAdmin', '?status=former')).toEqual([]);
      const [event] = await events('pupils.returned');
      expect(JSON.parse(event?.detail ?? '{}')).toEqual({ leftOn: '2026-11-02' });
      await requestAs(test.app, await as('schoolAdmin'), 'DELETE', `${pupilUrl()}/departure`);
      expect(await events('pupils.returned')).toHaveLength(1);
    });
  });

  it('lets only the school admins of the school change pupils', async () => {
    const before = await test.deps.db.kysely.selectFrom('pupils').selectAll().orderBy('id').execute();
    for (const key of ['boardAdmin', 'leadership', 'tsoLead', 'teacher', 'careTeam', 'schoolAdminOtherBoard'] as const) {
      const session = await as(key);
      const answers = [
        await requestAs(test.app, session, 'PUT', pupilUrl(), details),
        await requestAs(test.app, session, 'PUT', `${pupilUrl()}/class`, { classId: world.classA1Other }),
        await requestAs(test.app, session, 'PUT', `${pupilUrl()}/departure`, { leftOn: '2026-11-20' }),
        await requestAs(test.app, session, 'DELETE', `${pupilUrl()}/departure`),
      ];
      expect([key, ...answers.map((answer) => answer.statusCode)]).toEqual([key, 403, 403, 403, 403]);
    }
    expect(await test.deps.db.kysely.selectFrom('pupils').selectAll().orderBy('id').execute()).toEqual(before);
  });
});
