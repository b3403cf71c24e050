import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { addSchoolA1Staff, createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { DEFAULT_STATE_WORDS } from '../../../shared/checkin-wording';
import { schoolDateOf } from '../../../shared/school-time';
import { WINDOW_LESSON_IDS } from '../../../shared/window-lessons';
import { isoInstant, newId } from '../../deps';
import type { ClassWindowLessons, LessonEvidence } from './window-lessons.schemas';

describe.each(testDialects())('"know your window" lessons on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let otherTeacherId: string;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);
  const lessonsOf = (classId: string) => `/api/schools/${world.schoolA1}/classes/${classId}/window-lessons`;
  const today = () => schoolDateOf(test.clock.now());

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    otherTeacherId = await addSchoolA1Staff(test, world, { name: 'OtherTeacher', role: 'teacher', classId: world.classA1Other });
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    const db = test.deps.db.kysely;
    await db.deleteFrom('regulation_lessons_given').execute();
    await db.deleteFrom('checkin_class_settings').execute();
    await db.deleteFrom('checkin_wording').execute();
  });

  it("gives the class's teacher its age group, the words of its own check-in and the lessons not yet given", async () => {
    const now = isoInstant(test.clock.now());
    // The school's own word for "in the window" in Dutch; the English stays the default.
    await test.deps.db.kysely.insertInto('checkin_wording').values({ school_id: world.schoolA1, age_group: 'middle', state: 'in_window', locale: 'nl', label: 'Lekker in mijn raam', updated_at: now }).execute();
    const read = await requestAs(test.app, await as('teacher'), 'GET', lessonsOf(world.classA1));
    expect(read.statusCode, read.body).toBe(200);
    const lessons = read.json() as ClassWindowLessons;
    expect(lessons).toMatchObject({ classId: world.classA1, className: 'Groep 5', ageGroup: 'middle', today: today() });
    const words = DEFAULT_STATE_WORDS.middle;
    expect(lessons.checkinWords).toEqual([
      { state: 'far_high', symbol: 'thunderstorm', label: { nl: words.far_high.nl.label, en: words.far_high.en.label } },
      { state: 'bit_high', symbol: 'wind', label: { nl: words.bit_high.nl.label, en: words.bit_high.en.label } },
      { state: 'in_window', symbol: 'sun', label: { nl: 'Lekker in mijn raam', en: words.in_window.en.label } },
      { state: 'low', symbol: 'fog', label: { nl: words.low.nl.label, en: words.low.en.label } },
    ]);
    expect(lessons.lessons).toEqual(WINDOW_LESSON_IDS.map((lessonId) => ({ lessonId, given: [] })));

    // A class whose teacher chose the youngest words gets those (and the youngest lesson version).
    await test.deps.db.kysely.insertInto('checkin_class_settings').values({ class_id: world.classA1, age_group: 'young', updated_by: null, updated_at: now }).execute();
    const young = (await requestAs(test.app, await as('teacher'), 'GET', lessonsOf(world.classA1))).json() as ClassWindowLessons;
    expect(young.ageGroup).toBe('young');
    expect(young.checkinWords.map((word) => word.label.nl)).toEqual(['Onweer', 'Het waait', 'Zonnig', 'Mist']);
  });

  it('records a lesson as given (audited) on a day that has been in the class\'s school year, and undoes it', async () => {
    const teacher = await as('teacher');
    const given = await requestAs(test.app, teacher, 'POST', `${lessonsOf(world.classA1)}/stress-in-your-body/given`, { givenOn: today() });
    expect(given.statusCode, given.body).toBe(201);
    const after = given.json() as ClassWindowLessons;
    const record = after.lessons.find((lesson) => lesson.lessonId === 'stress-in-your-body')!.given;
    expect(record).toEqual([{ id: expect.any(String), givenOn: today(), ageGroup: 'middle' }]);
    expect(after.lessons.filter((lesson) => lesson.given.length > 0)).toHaveLength(1);
    const stored = await test.deps.db.kysely.selectFrom('regulation_lessons_given').select(['school_id', 'class_id', 'lesson_id', 'age_group', 'given_on', 'recorded_by']).execute();
    expect(stored).toEqual([{ school_id: world.schoolA1, class_id: world.classA1, lesson_id: 'stress-in-your-body', age_group: 'middle', given_on: today(), recorded_by: world.users.teacher.id }]);
    const audited = await test.deps.db.kysely.selectFrom('audit_events').select(['target_type', 'target_id', 'detail']).where('action', '=', 'regulation.lesson_given').execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ target_type: 'class', target_id: world.classA1 });

    const url = `${lessonsOf(world.classA1)}/the-window/given`;
    for (const [body, fields] of [
      [{ givenOn: '2026-11-22' }, { 'body.givenOn': ['in_the_future'] }],
      [{ givenOn: '2026-07-31' }, { 'body.givenOn': ['outside_school_year'] }],
    ] as const) {
      const refused = await requestAs(test.app, teacher, 'POST', url, body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.json().error.fields).toEqual(fields);
    }
    expect((await requestAs(test.app, teacher, 'POST', url, { givenOn: '21-11-2026' })).statusCode).toBe(400);
    expect((await requestAs(test.app, teacher, 'POST', url, { givenOn: today(), note: 'x' })).statusCode).toBe(400);
    expect((await requestAs(test.app, teacher, 'POST', `${lessonsOf(world.classA1)}/no-such-lesson/given`, { givenOn: today() })).statusCode).toBe(400);
    expect(await test.deps.db.kysely.selectFrom('regulation_lessons_given').select('id').execute()).toHaveLength(1);

    // Undone by the care team (the whole school), not twice, and not under another lesson's id.
    const givenId = record[0]!.id;
    expect((await requestAs(test.app, await as('careTeam'), 'DELETE', `${lessonsOf(world.classA1)}/the-window/given/${givenId}`)).statusCode).toBe(404);
    expect((await requestAs(test.app, await as('careTeam'), 'DELETE', `${lessonsOf(world.classA1)}/stress-in-your-body/given/${givenId}`)).statusCode).toBe(204);
    expect((await requestAs(test.app, teacher, 'DELETE', `${lessonsOf(world.classA1)}/stress-in-your-body/given/${givenId}`)).statusCode).toBe(404);
    expect(await test.deps.db.kysely.selectFrom('audit_events').select('id').where('action', '=', 'regulation.lesson_given_undone').execute()).toHaveLength(1);
  });

  it("keeps a class's lessons to its own teachers and the care team", async () => {
    const other = await sessionFor(test, otherTeacherId);
    const url = lessonsOf(world.classA1);
    expect((await requestAs(test.app, other, 'GET', url)).statusCode).toBe(404);
    expect((await requestAs(test.app, other, 'POST', `${url}/noticing/given`, { givenOn: today() })).statusCode).toBe(404);
    const given = (await requestAs(test.app, await as('teacher'), 'POST', `${url}/noticing/given`, { givenOn: today() })).json() as ClassWindowLessons;
    const givenId = given.lessons.find((lesson) => lesson.lessonId === 'noticing')!.given[0]!.id;
    expect((await requestAs(test.app, other, 'DELETE', `${url}/noticing/given/${givenId}`)).statusCode).toBe(404);
    expect((await requestAs(test.app, await as('careTeam'), 'GET', url)).statusCode).toBe(200);
    // A class of another school through this school's path: as unknown as a class that does not exist.
    expect((await requestAs(test.app, await as('careTeam'), 'GET', lessonsOf(world.classB1))).statusCode).toBe(404);
    for (const key of ['tsoLead', 'leadership', 'boardAdmin'] as const) expect((await requestAs(test.app, await as(key), 'GET', url)).statusCode, key).toBe(403);
    expect(await test.deps.db.kysely.selectFrom('regulation_lessons_given').select('id').execute()).toHaveLength(1);
  });

  it("counts, per lesson, the school's classes of this school year that had it, out of all of them", async () => {
    const db = test.deps.db.kysely;
    const teacher = await as('teacher');
    await requestAs(test.app, teacher, 'POST', `${lessonsOf(world.classA1)}/stress-in-your-body/given`, { givenOn: '2026-10-01' });
    await requestAs(test.app, teacher, 'POST', `${lessonsOf(world.classA1)}/stress-in-your-body/given`, { givenOn: today() });
    await requestAs(test.app, teacher, 'POST', `${lessonsOf(world.classA1)}/the-window/given`, { givenOn: today() });
    await requestAs(test.app, await sessionFor(test, otherTeacherId), 'POST', `${lessonsOf(world.classA1Other)}/stress-in-your-body/given`, { givenOn: today() });
    // A class of last school year that had lesson 1 does not count for this year.
    const lastYear = newId();
    const now = isoInstant(test.clock.now());
    await db.insertInto('classes').values({ id: lastYear, school_id: world.schoolA1, location_id: null, school_year: '2025-2026', name: 'Groep 4', created_at: now }).execute();
    await db.insertInto('regulation_lessons_given').values({ id: newId(), school_id: world.schoolA1, class_id: lastYear, lesson_id: 'noticing', age_group: 'middle', given_on: '2026-03-02', recorded_by: null, created_at: now }).execute();

    const classesThisYear = (await db.selectFrom('classes').select('id').where('school_id', '=', world.schoolA1).where('school_year', '=', '2026-2027').execute()).length;
    for (const key of ['tsoLead', 'leadership', 'careTeam'] as const) {
      const evidence = await requestAs(test.app, await as(key), 'GET', `/api/schools/${world.schoolA1}/regulation/lesson-evidence`);
      expect(evidence.statusCode, key).toBe(200);
      expect(evidence.json() as LessonEvidence).toEqual({
        schoolYear: '2026-2027',
        classes: classesThisYear,
        lessons: [
          { lessonId: 'stress-in-your-body', classesGiven: 2 },
          { lessonId: 'the-window', classesGiven: 1 },
          { lessonId: 'noticing', classesGiven: 0 },
          { lessonId: 'back-into-the-window', classesGiven: 0 },
        ],
      });
    }
    expect(classesThisYear).toBe(2);
    expect((await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolA1}/regulation/lesson-evidence`)).statusCode).toBe(403);
    await db.deleteFrom('regulation_lessons_given').execute();
    await db.deleteFrom('classes').where('id', '=', lastYear).execute();
  });
});
