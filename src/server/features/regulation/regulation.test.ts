import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { addSchoolA1Staff, createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { isoInstant, newId } from '../../deps';
import { loadShippedActivities } from './regulation-activities';
import type { ClassRegulation, LibraryActivity, PupilRegulation, RegulationFigures } from './regulation.schemas';

describe.each(testDialects())('regulation (staff side) on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let otherTeacherId: string;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);
  const school = () => `/api/schools/${world.schoolA1}`;
  const shipped = loadShippedActivities();
  const anActivity = shipped[0]!.id;
  const ownActivity = (id: string) => ({
    ...shipped.find((activity) => activity.id === 'breathing-calm-wave')!,
    id,
    name: { nl: 'Onze eigen ademhaling', en: 'Our own breathing' },
  });

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    otherTeacherId = await addSchoolA1Staff(test, world, { name: 'OtherTeacher', role: 'teacher', classId: world.classA1Other });
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    for (const table of ['regulation_school_activities', 'regulation_hidden_activities', 'regulation_favourites', 'regulation_routines', 'regulation_plan_activities', 'regulation_moments'] as const) {
      await test.deps.db.kysely.deleteFrom(table).execute();
    }
  });

  it('lets the school add its own activity and hide any, which teachers then no longer see', async () => {
    const tsoLead = await as('tsoLead');
    const added = await requestAs(test.app, tsoLead, 'POST', `${school()}/regulation/library`, { definition: ownActivity('our-breathing') });
    expect(added.statusCode, added.body).toBe(201);
    expect((added.json() as LibraryActivity).own).toBe(true);
    const taken = await requestAs(test.app, tsoLead, 'POST', `${school()}/regulation/library`, { definition: ownActivity('breathing-calm-wave') });
    expect(taken.json().error.fields).toEqual({ 'body.definition.id': ['id_taken'] });
    const broken = await requestAs(test.app, tsoLead, 'POST', `${school()}/regulation/library`, { definition: { ...ownActivity('broken'), durationSeconds: 20 } });
    expect(Object.keys(broken.json().error.fields)).toEqual(['body.definition.durationSeconds']);

    expect((await requestAs(test.app, tsoLead, 'PUT', `${school()}/regulation/library/${anActivity}/hidden`, { hidden: true })).statusCode).toBe(200);
    const teacherSees = (await requestAs(test.app, await as('teacher'), 'GET', `${school()}/regulation/activities`)).json() as LibraryActivity[];
    expect(teacherSees.map((activity) => activity.id)).not.toContain(anActivity);
    expect(teacherSees.map((activity) => activity.id)).toContain('our-breathing');
    expect(teacherSees).toHaveLength(shipped.length);
    const library = (await requestAs(test.app, tsoLead, 'GET', `${school()}/regulation/library`)).json() as LibraryActivity[];
    expect(library.find((activity) => activity.id === anActivity)?.hidden).toBe(true);
    // A teacher cannot keep the library; the school's own activity can be removed again.
    expect((await requestAs(test.app, await as('teacher'), 'PUT', `${school()}/regulation/library/${anActivity}/hidden`, { hidden: false })).statusCode).toBe(403);
    expect((await requestAs(test.app, tsoLead, 'DELETE', `${school()}/regulation/library/our-breathing`)).statusCode).toBe(204);
    expect((await requestAs(test.app, tsoLead, 'DELETE', `${school()}/regulation/library/${anActivity}`)).statusCode).toBe(404);
  });

  it("keeps a class's favourites and routine moments for its own teachers and the care team", async () => {
    const teacher = await as('teacher');
    const ofClass = `${school()}/classes/${world.classA1}/regulation`;
    const favourite = await requestAs(test.app, teacher, 'PUT', `${ofClass}/favourites/${anActivity}`, { favourite: true });
    expect((favourite.json() as ClassRegulation).favourites).toEqual([anActivity]);
    const routine = await requestAs(test.app, teacher, 'POST', `${ofClass}/routines`, { timeOfDay: '10:30', label: 'Na de pauze', activityId: 'breathing-calm-wave' });
    expect(routine.statusCode, routine.body).toBe(201);
    const routines = (routine.json() as ClassRegulation).routines;
    expect(routines.map((entry) => [entry.timeOfDay, entry.label, entry.activityName?.nl])).toEqual([['10:30', 'Na de pauze', 'Rustige golf']]);
    const badTime = await requestAs(test.app, teacher, 'POST', `${ofClass}/routines`, { timeOfDay: '25:00', label: 'x', activityId: anActivity });
    expect(badTime.statusCode).toBe(400);
    const unknown = await requestAs(test.app, teacher, 'POST', `${ofClass}/routines`, { timeOfDay: '09:00', label: 'x', activityId: 'no-such-activity' });
    expect(unknown.json().error.fields).toEqual({ 'body.activityId': ['unknown_activity'] });

    const careTeam = (await requestAs(test.app, await as('careTeam'), 'GET', ofClass)).json() as ClassRegulation;
    expect(careTeam.routines).toHaveLength(1);
    const other = await sessionFor(test, otherTeacherId);
    expect((await requestAs(test.app, other, 'GET', ofClass)).statusCode).toBe(404);
    expect((await requestAs(test.app, other, 'DELETE', `${ofClass}/routines/${routines[0]!.id}`)).statusCode).toBe(404);
    expect((await requestAs(test.app, teacher, 'DELETE', `${ofClass}/routines/${routines[0]!.id}`)).statusCode).toBe(204);
  });

  it("shows the pupil's teachers and the care team what helped the pupil (audited); only the care team links activities to the plan", async () => {
    const day = (daysAgo: number) => isoInstant(new Date(test.clock.now().getTime() - daysAgo * 86_400_000)).slice(0, 10);
    const moment = (activityId: string, helped: number | null, daysAgo: number) => ({
      id: newId(),
      school_id: world.schoolA1,
      class_id: world.classA1,
      pupil_id: world.pupilInClassA1,
      school_date: day(daysAgo),
      state: 'too_high',
      activity_id: activityId,
      helped,
      channel: 'device',
      created_at: isoInstant(test.clock.now()),
    });
    await test.deps.db.kysely
      .insertInto('regulation_moments')
      .values([moment('breathing-calm-wave', 1, 3), moment('breathing-calm-wave', 1, 2), moment('movement-shake-it-out', 0, 1), moment('breathing-calm-wave', null, 0), moment('breathing-calm-wave', 1, 200)])
      .execute();
    const url = `${school()}/pupils/${world.pupilInClassA1}/regulation`;
    const read = (await requestAs(test.app, await as('teacher'), 'GET', url)).json() as PupilRegulation;
    // The moment of 200 days ago is older than the weeks shown.
    expect(read.moments.map((entry) => [entry.activityId, entry.helped])).toEqual([
      ['breathing-calm-wave', null],
      ['movement-shake-it-out', false],
      ['breathing-calm-wave', true],
      ['breathing-calm-wave', true],
    ]);
    expect(read.perActivity.map((entry) => [entry.activityId, entry.done, entry.helped, entry.notHelped])).toEqual([
      ['breathing-calm-wave', 3, 2, 0],
      ['movement-shake-it-out', 1, 0, 1],
    ]);
    const audited = await test.deps.db.kysely.selectFrom('audit_events').select(['target_type', 'target_id']).where('action', '=', 'regulation.pupil_read').execute();
    expect(audited.at(-1)).toEqual({ target_type: 'pupil', target_id: world.pupilInClassA1 });
    expect((await requestAs(test.app, await sessionFor(test, otherTeacherId), 'GET', url)).statusCode).toBe(404);

    expect((await requestAs(test.app, await as('teacher'), 'PUT', `${url}/plan-activities/breathing-calm-wave`, { linked: true })).statusCode).toBe(403);
    const linked = await requestAs(test.app, await as('careTeam'), 'PUT', `${url}/plan-activities/breathing-calm-wave`, { linked: true });
    expect((linked.json() as PupilRegulation).planActivities).toEqual(['breathing-calm-wave']);
  });

  // Activity ids are definition ids (lowercase words joined by - and .), not UUIDs: shipped ones and a school's own
  // alike. So `null` is a well-formed id (the OpenAPI fuzzing's seed 516253054 sent it) and only the library decides
  // whether it exists; a path value outside the id's form is refused before anything runs.
  it('refuses a plan link whose activity id is not of the id form, and links no activity the library lacks', async () => {
    const url = `${school()}/pupils/${world.pupilInClassA1}/regulation/plan-activities`;
    const careTeam = await as('careTeam');
    const writes = async () => ({
      links: await test.deps.db.kysely.selectFrom('regulation_plan_activities').select('activity_id').execute(),
      audited: await test.deps.db.kysely.selectFrom('audit_events').select('id').where('action', 'like', 'regulation.plan_activity%').execute(),
    });
    const before = await writes();
    for (const malformed of ['Not-An-Id', 'two%20words', encodeURIComponent("1' OR '1'='1"), 'a..b', 'x'.repeat(81)]) {
      for (const linked of [true, false]) {
        const refused = await requestAs(test.app, careTeam, 'PUT', `${url}/${malformed}`, { linked });
        expect(refused.statusCode, malformed).toBe(400);
        expect(refused.json().error.code).toBe('validation_failed');
        expect(refused.json().error.fields).toHaveProperty(['params.activityId']);
      }
    }
    const unknown = await requestAs(test.app, careTeam, 'PUT', `${url}/null`, { linked: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ 'params.activityId': ['unknown_activity'] });
    expect(await writes()).toEqual(before);
    // Unlinking needs no library entry (an own activity may have been removed since), so it stays idempotent.
    const unlinked = await requestAs(test.app, careTeam, 'PUT', `${url}/null`, { linked: false });
    expect(unlinked.statusCode).toBe(200);
    expect((await writes()).links).toEqual([]);
  });

  it('shows "did it help?" outside the pupils\' teachers only per class and week with at least k pupils', async () => {
    const monday = '2026-11-16';
    const pupils = Array.from({ length: 5 }, () => newId());
    const now = isoInstant(test.clock.now());
    for (const [index, id] of pupils.entries()) {
      await test.deps.db.kysely.insertInto('pupils').values({ id, school_id: world.schoolA1, pupil_number: `r${index}${id.slice(0, 4)}`, first_name: `P${index}`, last_name: 'Test', birth_date: null, created_at: now, updated_at: now }).execute();
    }
    const row = (pupilId: string, date: string, helped: number) => ({
      id: newId(),
      school_id: world.schoolA1,
      class_id: world.classA1,
      pupil_id: pupilId,
      school_date: date,
      state: 'too_low',
      activity_id: anActivity,
      helped,
      channel: 'kiosk',
      created_at: now,
    });
    // Week 47: five pupils answered (k = 5 by default); week 46: only two.
    await test.deps.db.kysely
      .insertInto('regulation_moments')
      .values([...pupils.map((id, index) => row(id, monday, index < 3 ? 1 : 0)), row(pupils[0]!, '2026-11-10', 1), row(pupils[1]!, '2026-11-11', 0)])
      .execute();
    const figures = (await requestAs(test.app, await as('leadership'), 'GET', `${school()}/regulation/figures`)).json() as RegulationFigures;
    expect(figures.minGroupSize).toBe(5);
    expect(figures.classes).toEqual([{ classId: world.classA1, className: 'Groep 5', weeks: [{ week: '2026-W47', pupils: 5, answered: 5, helped: 3 }], hiddenWeeks: 1 }]);
    expect((await requestAs(test.app, await as('boardAdmin'), 'GET', `${school()}/regulation/figures`)).statusCode).toBe(403);
  });
});
