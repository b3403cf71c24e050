import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { addSchoolA1Staff, createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { isoInstant, newId } from '../../deps';
import type { ClassGroup, ClimateRating } from './class-group.schemas';

describe.each(testDialects())("a class's Groep page (climate and group phase) on %s", (dialect) => {
  let test: TestApp;
  let world: World;
  let coTeacherId: string;
  const group = (classId = world.classA1, schoolId = world.schoolA1) => `/api/schools/${schoolId}/classes/${classId}/group`;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);

  async function rate(login: Login, body: object, classId = world.classA1): Promise<ClimateRating> {
    const response = await requestAs(test.app, login, 'POST', `${group(classId)}/climate`, body);
    expect(response.statusCode, response.body).toBe(201);
    // Ratings made in one test get distinct moments, so "newest first" is defined.
    test.clock.advance(1000);
    return response.json() as ClimateRating;
  }
  async function read(login: Login, classId = world.classA1): Promise<ClassGroup> {
    const response = await requestAs(test.app, login, 'GET', group(classId));
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ClassGroup;
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    // A second teacher of the same class: reads the class's ratings, cannot undo a colleague's.
    coTeacherId = await addSchoolA1Staff(test, world, { name: 'CoTeacher', role: 'teacher', classId: world.classA1 });
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    for (const table of ['class_climate_ratings', 'class_group_phases', 'school_closed_days'] as const) await test.deps.db.kysely.deleteFrom(table).execute();
  });

  it("lets the class's teacher and the care team rate the climate and read every rating, newest first, the note stored encrypted", async () => {
    const teacher = await as('teacher');
    const careTeam = await as('careTeam');
    const first = await rate(teacher, { ratedOn: '2026-11-09', rating: 2, note: 'Veel ruzie op het plein; Sanne vaak alleen.' });
    const second = await rate(careTeam, { rating: 3 });
    expect([second.ratedOn, second.note, second.ratedBy, second.isOwn]).toEqual(['2026-11-21', '', 'careTeam', true]);

    const page = await read(teacher);
    expect(page.class).toEqual({ id: world.classA1, name: 'Groep 5', schoolYear: '2026-2027' });
    expect(page.today).toBe('2026-11-21');
    expect(page.climate.map((rating) => [rating.ratedOn, rating.rating, rating.note, rating.ratedBy, rating.isOwn])).toEqual([
      ['2026-11-21', 3, '', 'careTeam', false],
      ['2026-11-09', 2, 'Veel ruzie op het plein; Sanne vaak alleen.', 'teacher', true],
    ]);
    expect((await read(careTeam)).climate.map((rating) => rating.id)).toEqual([second.id, first.id]);

    const stored = await test.deps.db.kysely.selectFrom('class_climate_ratings').select(['id', 'note_encrypted']).where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(stored.note_encrypted).toMatch(/^gw1:/);
    expect(stored.note_encrypted).not.toContain('ruzie');
  });

  it('answers 404 for a class the teacher does not teach, of another school, or unknown; 403 to leadership and the board', async () => {
    const teacher = await as('teacher');
    for (const url of [group(world.classA1Other), group(world.classB1), group(newId())]) {
      expect((await requestAs(test.app, teacher, 'GET', url)).statusCode, url).toBe(404);
      expect((await requestAs(test.app, teacher, 'POST', `${url}/climate`, { rating: 3 })).statusCode, url).toBe(404);
      expect((await requestAs(test.app, teacher, 'PUT', `${url}/phase`, { phase: 'forming', fromOn: '2026-11-20' })).statusCode, url).toBe(404);
    }
    // The care team sees every class of its own school, never another school's class through it.
    expect((await requestAs(test.app, await as('careTeam'), 'GET', group(world.classA1Other))).statusCode).toBe(200);
    expect((await requestAs(test.app, await as('careTeam'), 'GET', group(world.classB1))).statusCode).toBe(404);
    for (const key of ['leadership', 'tsoLead', 'schoolAdmin', 'boardAdmin', 'teacherOtherSchool'] as const) {
      const refused = await requestAs(test.app, await as(key), 'GET', group());
      expect([refused.statusCode, refused.json().error.code], key).toEqual([403, 'forbidden']);
    }
    expect(await test.deps.db.kysely.selectFrom('class_climate_ratings').select('id').execute()).toEqual([]);
  });

  it('undoes only one\'s own rating: a colleague\'s answers 404 and stays', async () => {
    const teacher = await as('teacher');
    const coTeacher = await sessionFor(test, coTeacherId);
    const own = await rate(teacher, { rating: 4, note: 'Fijne week.' });
    const colleagues = await rate(coTeacher, { rating: 1 });
    expect((await requestAs(test.app, teacher, 'DELETE', `${group()}/climate/${colleagues.id}`)).statusCode).toBe(404);
    // The id of a rating of this class, asked for through another class the teacher teaches not, is not found either.
    expect((await requestAs(test.app, coTeacher, 'DELETE', `${group(world.classA1Other)}/climate/${colleagues.id}`)).statusCode).toBe(404);
    expect((await requestAs(test.app, teacher, 'DELETE', `${group()}/climate/${own.id}`)).statusCode).toBe(204);
    expect((await read(teacher)).climate.map((rating) => rating.id)).toEqual([colleagues.id]);
  });

  it('refuses a rating of 0 or 5, a future or other-year date, a long note, an unknown phase and unknown fields', async () => {
    const teacher = await as('teacher');
    const refusals: [string, string, object, Record<string, string[]> | null][] = [
      ['POST', '/climate', { rating: 5 }, null],
      ['POST', '/climate', { rating: 0 }, null],
      ['POST', '/climate', { rating: 2.5 }, null],
      ['POST', '/climate', { rating: 3, ratedOn: '2026-11-22' }, { 'body.ratedOn': ['in_the_future'] }],
      ['POST', '/climate', { rating: 3, ratedOn: '2026-07-31' }, { 'body.ratedOn': ['outside_school_year'] }],
      ['POST', '/climate', { rating: 3, note: 'x'.repeat(1001) }, null],
      ['POST', '/climate', { rating: 3, mood: 'ok' }, null],
      ['PUT', '/phase', { phase: 'chaos', fromOn: '2026-11-20' }, null],
      ['PUT', '/phase', { phase: 'storming', fromOn: '2026-12-01' }, { 'body.fromOn': ['in_the_future'] }],
      ['PUT', '/phase', { phase: 'storming' }, null],
    ];
    for (const [method, path, body, fields] of refusals) {
      const response = await requestAs(test.app, teacher, method as 'POST', `${group()}${path}`, body);
      expect([response.statusCode, response.json().error.code], JSON.stringify(body)).toEqual([400, 'validation_failed']);
      if (fields) expect(response.json().error.fields).toEqual(fields);
    }
    // A note of exactly the maximum, and an empty one, are fine.
    await rate(teacher, { rating: 3, note: 'x'.repeat(1000) });
    const page = await read(teacher);
    expect([page.climate.length, page.currentPhase, page.phaseHistory]).toEqual([1, null, []]);
  });

  it('keeps every phase the class was in: the newest holds, the rest is its history', async () => {
    const teacher = await as('teacher');
    const careTeam = await as('careTeam');
    const set = async (login: Login, phase: string, fromOn: string) => {
      const response = await requestAs(test.app, login, 'PUT', `${group()}/phase`, { phase, fromOn });
      expect(response.statusCode, response.body).toBe(200);
      test.clock.advance(1000);
      return response.json();
    };
    expect(await set(teacher, 'forming', '2026-09-01')).toMatchObject({ phase: 'forming', fromOn: '2026-09-01', setBy: 'teacher' });
    await set(careTeam, 'norming', '2026-11-16');
    // Set later, but from an earlier day: history stays in the order of the days.
    await set(teacher, 'storming', '2026-10-05');
    const page = await read(teacher);
    expect(page.currentPhase).toMatchObject({ phase: 'norming', fromOn: '2026-11-16', setBy: 'careTeam' });
    expect(page.phaseHistory.map((entry) => [entry.phase, entry.fromOn])).toEqual([
      ['norming', '2026-11-16'],
      ['storming', '2026-10-05'],
      ['forming', '2026-09-01'],
    ]);
  });

  // Last in this file: the clock only moves forward.
  it('points out the golden weeks and the restart after the summer and Christmas holidays, from the school days the school entered', async () => {
    const db = test.deps.db.kysely;
    const closed = (start_date: string, end_date: string, name: string) =>
      db.insertInto('school_closed_days').values({ id: newId(), school_id: world.schoolA1, start_date, end_date, name, created_at: isoInstant(test.clock.now()) }).execute();
    // Moves the clock and signs the teacher in again (a session does not last for months).
    const moveTo = (instant: string) => {
      test.clock.advance(new Date(instant).getTime() - test.clock.now().getTime());
      return as('teacher');
    };
    let teacher = await as('teacher');

    // No holidays entered: the school year starts on the first weekday on or after 1 August (Monday 3 August 2026).
    expect((await read(teacher)).guidance).toEqual({ schoolYearStartsOn: '2026-08-03', isGoldenWeeks: false, goldenWeeksUntil: '2026-09-13', restart: null });

    await closed('2026-12-19', '2027-01-03', 'Kerstvakantie');
    teacher = await moveTo('2027-01-04T08:00:00.000Z');
    expect((await read(teacher)).guidance?.restart).toEqual({ after: 'christmas', until: '2027-01-17' });
    teacher = await moveTo('2027-01-18T08:00:00.000Z');
    expect((await read(teacher)).guidance?.restart).toBeNull();

    // The next school year: the summer holiday runs to Sunday 29 August, lessons start on Monday 30 August 2027.
    await closed('2027-07-17', '2027-08-29', 'Zomervakantie');
    teacher = await moveTo('2027-09-06T08:00:00.000Z');
    const nextClass = newId();
    await db.insertInto('classes').values({ id: nextClass, school_id: world.schoolA1, location_id: null, school_year: '2027-2028', name: 'Groep 6', created_at: isoInstant(test.clock.now()) }).execute();
    await db.insertInto('class_teachers').values({ class_id: nextClass, user_id: world.users.teacher.id, created_at: isoInstant(test.clock.now()) }).execute();
    expect((await read(teacher, nextClass)).guidance).toEqual({
      schoolYearStartsOn: '2027-08-30',
      isGoldenWeeks: true,
      goldenWeeksUntil: '2027-10-10',
      restart: { after: 'summer', until: '2027-09-19' },
    });
    // Last year's class keeps its ratings and phases, without reminders; a rating there must lie in its own year.
    expect((await read(teacher)).guidance).toBeNull();
    const late = await requestAs(test.app, teacher, 'POST', `${group()}/climate`, { rating: 3 });
    expect(late.json().error.fields).toEqual({ 'body.ratedOn': ['outside_school_year'] });
  });
});
