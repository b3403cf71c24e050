import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { isoInstant, newId } from '../../deps';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { kioskDeviceFor, pupilDeviceFor } from '../../../../test/support/pupil-access';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import type { NextSchoolYearState, PreparationPreview } from './school-year.schemas';
import { applyDueDepartures } from './school-year.service';

// The test clock stands in November 2026: this school year is 2026-2027, the next one 2027-2028. The world's
// school A1 has "Groep 5" (Sanne, 1001; the teacher) and "Groep 6" (Milan, 1002); each test adds "Groep 8" (Noor, 1008).
const CSV_MAPPING = { pupilNumber: 'Leerlingnummer', firstName: 'Roepnaam', lastName: 'Achternaam', className: 'Groep' };

describe.each(testDialects())('preparing the next school year on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let groupEight: string;
  let leaver: string;

  beforeEach(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const db = test.deps.db.kysely;
    const now = isoInstant(test.clock.now());
    groupEight = newId();
    leaver = newId();
    await db.insertInto('classes').values({ id: groupEight, school_id: world.schoolA1, location_id: null, school_year: '2026-2027', name: 'Groep 8', created_at: now }).execute();
    await db
      .insertInto('pupils')
      .values({ id: leaver, school_id: world.schoolA1, pupil_number: '1008', first_name: 'Noor', last_name: 'Bakker', birth_date: null, left_on: null, created_at: now, updated_at: now })
      .execute();
    await db.insertInto('class_pupils').values({ class_id: groupEight, pupil_id: leaver, created_at: now }).execute();
  });
  afterEach(async () => test.close());

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }
  const url = () => `/api/schools/${world.schoolA1}/next-school-year`;

  // Everything a preparation could change, as plain rows, to compare before and after.
  async function snapshot() {
    const db = test.deps.db.kysely;
    return {
      classes: await db.selectFrom('classes').select(['id', 'school_year', 'name']).where('school_id', '=', world.schoolA1).orderBy('id').execute(),
      placements: await db.selectFrom('class_pupils').select(['class_id', 'pupil_id']).orderBy('class_id').orderBy('pupil_id').execute(),
      teachers: await db.selectFrom('class_teachers').select(['class_id', 'user_id']).orderBy('class_id').orderBy('user_id').execute(),
      pupils: await db.selectFrom('pupils').select(['id', 'pupil_number', 'left_on']).where('school_id', '=', world.schoolA1).orderBy('id').execute(),
      preparations: await db.selectFrom('school_year_preparations').select('id').execute(),
    };
  }
  async function classesOfNextYear() {
    return test.deps.db.kysely.selectFrom('classes').select(['id', 'name']).where('school_id', '=', world.schoolA1).where('school_year', '=', '2027-2028').orderBy('name').execute();
  }
  async function stage(csv: string): Promise<string> {
    const upload = await requestAs(test.app, await as('schoolAdmin'), 'POST', `/api/schools/${world.schoolA1}/pupil-imports`, { csv, mapping: CSV_MAPPING });
    expect(upload.statusCode, upload.body).toBe(201);
    return upload.json().id as string;
  }
  const names = (lines: PreparationPreview['moves']) => lines.map((line) => `${line.pupilNumber} ${line.fromClassName ?? '-'} → ${line.toClassName ?? '-'}`);

  it('shows the next school year with each class and its default new name', async () => {
    const response = await requestAs(test.app, await as('leadership'), 'GET', url());
    expect(response.statusCode, response.body).toBe(200);
    const state = response.json() as NextSchoolYearState;
    expect(state).toMatchObject({ currentSchoolYear: '2026-2027', schoolYear: '2027-2028', startsOn: '2027-08-01', preparation: null });
    expect(state.currentClasses.map((schoolClass) => [schoolClass.name, schoolClass.defaultName, schoolClass.pupilCount])).toEqual([
      ['Groep 5', 'Groep 6', 1],
      ['Groep 6', 'Groep 7', 1],
      ['Groep 8', null, 1],
    ]);
    expect(state.currentClasses[0]?.teachers).toEqual([{ userId: world.users.teacher.id, name: expect.any(String) }]);
  });

  it('previews the rollover without changing anything', async () => {
    const before = await snapshot();
    const response = await requestAs(test.app, await as('schoolAdmin'), 'POST', `${url()}/preview`, {});
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json() as PreparationPreview;
    expect(preview).toMatchObject({ fromSchoolYear: '2026-2027', schoolYear: '2027-2028', leftOn: '2027-07-31', ready: true, unknownClasses: [], newPupils: [] });
    expect(preview.classes.map((schoolClass) => [schoolClass.sourceName, schoolClass.name, schoolClass.teachers.length, schoolClass.pupilCount])).toEqual([
      ['Groep 5', 'Groep 6', 1, 1],
      ['Groep 6', 'Groep 7', 0, 1],
    ]);
    expect(preview.endingClasses).toEqual([{ classId: groupEight, name: 'Groep 8' }]);
    expect(names(preview.moves)).toEqual(['1001 Groep 5 → Groep 6', '1002 Groep 6 → Groep 7']);
    expect(names(preview.leaving)).toEqual(['1008 Groep 8 → -']);
    expect(await snapshot()).toEqual(before);
  });

  it('confirms: creates the classes with their teachers, moves the pupils and lets group 8 leave on 31 July', async () => {
    const response = await requestAs(test.app, await as('leadership'), 'POST', `${url()}/preparation`, { classes: [{ classId: world.classA1Other, name: 'Groep 7b' }] });
    expect(response.statusCode, response.body).toBe(201);
    const db = test.deps.db.kysely;
    const created = await classesOfNextYear();
    expect(created.map((schoolClass) => schoolClass.name)).toEqual(['Groep 6', 'Groep 7b']);
    const [six, seven] = created as unknown as [{ id: string }, { id: string }];
    expect(await db.selectFrom('class_teachers').select('user_id').where('class_id', '=', six.id).execute()).toEqual([{ user_id: world.users.teacher.id }]);
    expect(await db.selectFrom('class_pupils').select('pupil_id').where('class_id', '=', six.id).execute()).toEqual([{ pupil_id: world.pupilInClassA1 }]);
    expect(await db.selectFrom('class_pupils').select('pupil_id').where('class_id', '=', seven.id).execute()).toEqual([{ pupil_id: world.pupilInClassA1Other }]);
    // Last year's placements stay, so last year's data stays readable.
    expect(await db.selectFrom('class_pupils').select('class_id').where('pupil_id', '=', world.pupilInClassA1).orderBy('class_id').execute()).toHaveLength(2);
    // Group 8 stays at school for the rest of this year: marked as left only once 31 July has passed.
    expect((await db.selectFrom('pupils').select('left_on').where('id', '=', leaver).executeTakeFirstOrThrow()).left_on).toBeNull();

    const events = await db.selectFrom('audit_events').selectAll().where('action', '=', 'school_year.prepared').execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_user_id: world.users.leadership.id, target_type: 'school', target_id: world.schoolA1, school_id: world.schoolA1 });
    expect(JSON.parse(events[0]?.detail ?? '{}')).toMatchObject({ schoolYear: '2027-2028', classesCreated: 2, pupilsPlaced: 2, pupilsCreated: 0, pupilsLeft: 1, leftOn: '2027-07-31' });

    const state = (await requestAs(test.app, await as('schoolAdmin'), 'GET', url())).json() as NextSchoolYearState;
    expect(state.preparation).toMatchObject({ classesCreated: 2, pupilsPlaced: 2, pupilsLeft: 1, canUndo: true });

    const before = await snapshot();
    const again = await requestAs(test.app, await as('schoolAdmin'), 'POST', `${url()}/preparation`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('school_year_already_prepared');
    expect(await snapshot()).toEqual(before);

    // 31 July 2027 is still a day at school; from 1 August the leavers are former pupils, left on 31 July.
    test.clock.advance(Date.parse('2027-07-31T10:00:00.000Z') - test.clock.now().getTime());
    expect(await applyDueDepartures(test.deps)).toBe(0);
    test.clock.advance(Date.parse('2027-07-31T22:30:00.000Z') - test.clock.now().getTime());
    expect(await applyDueDepartures(test.deps)).toBe(1);
    expect((await db.selectFrom('pupils').select('left_on').where('id', '=', leaver).executeTakeFirstOrThrow()).left_on).toBe('2027-07-31');
    expect(await applyDueDepartures(test.deps)).toBe(0);
  });

  it('with a re-import: moves pupils to the class the file names, adds new pupils, lets those not in the file leave, and asks about unknown classes', async () => {
    const importId = await stage('Leerlingnummer;Roepnaam;Achternaam;Groep\n1001;Sanne;de Vries;Groep 7\n2001;Lotte;Visser;Groep 1\n');
    const admin = await as('schoolAdmin');
    const before = await snapshot();
    const preview = (await requestAs(test.app, admin, 'POST', `${url()}/preview`, { importId })).json() as PreparationPreview;
    expect(preview.unknownClasses).toEqual([{ name: 'Groep 1', rows: 1 }]);
    expect(preview.ready).toBe(false);
    expect(names(preview.moves)).toEqual(['1001 Groep 5 → Groep 7']);
    expect(preview.newPupils.map((line) => [line.pupilNumber, line.toClassName])).toEqual([['2001', null]]);
    expect(names(preview.leaving)).toEqual(['1008 Groep 8 → -', '1002 Groep 6 → -']);

    const unresolved = await requestAs(test.app, admin, 'POST', `${url()}/preparation`, { importId });
    expect(unresolved.statusCode).toBe(422);
    expect(unresolved.json().error.code).toBe('import_classes_unresolved');
    expect(await snapshot()).toEqual(before);

    const confirmed = await requestAs(test.app, admin, 'POST', `${url()}/preparation`, { importId, classChoices: [{ name: 'Groep 1', action: 'create' }] });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const db = test.deps.db.kysely;
    expect((await classesOfNextYear()).map((schoolClass) => schoolClass.name)).toEqual(['Groep 1', 'Groep 6', 'Groep 7']);
    const lotte = await db.selectFrom('pupils').select(['id', 'left_on']).where('pupil_number', '=', '2001').executeTakeFirstOrThrow();
    expect(lotte.left_on).toBeNull();
    const placed = await db
      .selectFrom('class_pupils')
      .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
      .select(['class_pupils.pupil_id', 'classes.name'])
      .where('classes.school_year', '=', '2027-2028')
      .orderBy('classes.name')
      .execute();
    expect(placed).toEqual([
      { pupil_id: lotte.id, name: 'Groep 1' },
      { pupil_id: world.pupilInClassA1, name: 'Groep 7' },
    ]);
    test.clock.advance(Date.parse('2027-08-02T07:00:00.000Z') - test.clock.now().getTime());
    expect(await applyDueDepartures(test.deps)).toBe(1);
    const left = await db.selectFrom('pupils').select(['pupil_number', 'left_on']).where('left_on', 'is not', null).orderBy('pupil_number').execute();
    expect(left).toEqual([
      { pupil_number: '1002', left_on: '2027-07-31' },
      { pupil_number: '1008', left_on: '2027-07-31' },
    ]);
  });

  it('undoes a preparation: classes, placements, teacher links and new pupils go, those who left are back', async () => {
    const before = await snapshot();
    const importId = await stage('Leerlingnummer;Roepnaam;Achternaam;Groep\n1001;Sanne;de Vries;Groep 6\n2001;Lotte;Visser;Groep 6\n');
    const admin = await as('schoolAdmin');
    expect((await requestAs(test.app, admin, 'POST', `${url()}/preparation`, { importId })).statusCode).toBe(201);
    expect(await snapshot()).not.toEqual(before);

    const undone = await requestAs(test.app, admin, 'DELETE', `/api/schools/${world.schoolA1}/school-years/2027-2028/preparation`);
    expect(undone.statusCode, undone.body).toBe(204);
    expect(await snapshot()).toEqual(before);
    const events = await test.deps.db.kysely.selectFrom('audit_events').select('action').where('action', '=', 'school_year.preparation_undone').execute();
    expect(events).toHaveLength(1);

    const nothing = await requestAs(test.app, admin, 'DELETE', `/api/schools/${world.schoolA1}/school-years/2027-2028/preparation`);
    expect(nothing.statusCode).toBe(404);
  });

  it('refuses to undo once the new school year has started, and keeps everything', async () => {
    expect((await requestAs(test.app, await as('schoolAdmin'), 'POST', `${url()}/preparation`, {})).statusCode).toBe(201);
    // 1 August 2027, 00:30 in Amsterdam.
    test.clock.advance(Date.parse('2027-07-31T22:30:00.000Z') - test.clock.now().getTime());
    const before = await snapshot();
    const refused = await requestAs(test.app, await as('schoolAdmin'), 'DELETE', `/api/schools/${world.schoolA1}/school-years/2027-2028/preparation`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('school_year_started');
    expect(await snapshot()).toEqual(before);
  });

  it("stops last year's kiosk, pupil sessions, class codes and login cards when the new school year starts", async () => {
    const teacher = world.users.teacher.id;
    const kioskBefore = await kioskDeviceFor(test, world.classA1, teacher);
    expect((await requestAs(test.app, kioskBefore, 'GET', '/api/kiosk')).statusCode).toBe(200);
    const cards = await requestAs(test.app, await as('teacher'), 'POST', `/api/schools/${world.schoolA1}/classes/${world.classA1}/checkin/cards`, {});
    expect(cards.statusCode, cards.body).toBe(200);

    test.clock.advance(Date.parse('2027-08-02T07:00:00.000Z') - test.clock.now().getTime());
    const kiosk = await kioskDeviceFor(test, world.classA1, teacher);
    expect((await requestAs(test.app, kiosk, 'GET', '/api/kiosk')).statusCode).toBe(401);
    const device = await pupilDeviceFor(test, world.pupilInClassA1, world.classA1);
    expect((await requestAs(test.app, device, 'GET', '/api/pupil/session')).statusCode).toBe(401);
    for (const path of ['checkin/kiosk', 'checkin/class-code', 'checkin/cards']) {
      const refused = await requestAs(test.app, await as('teacher'), 'POST', `/api/schools/${world.schoolA1}/classes/${world.classA1}/${path}`, {});
      expect(refused.statusCode, path).toBe(409);
      expect(refused.json().error.code).toBe('school_year_ended');
    }
    // Last year's data stays readable: the class is still listed for that school year.
    const classes = await requestAs(test.app, await as('schoolAdmin'), 'GET', `/api/schools/${world.schoolA1}/classes?schoolYear=2026-2027`);
    expect(classes.statusCode, classes.body).toBe(200);
    expect(classes.json().map((schoolClass: { name: string }) => schoolClass.name)).toContain('Groep 5');
  });

  it('refuses a class of another school year in the plan and a teacher who does not teach that class', async () => {
    const admin = await as('schoolAdmin');
    const otherSchool = await requestAs(test.app, admin, 'POST', `${url()}/preview`, { classes: [{ classId: world.classB1, name: 'Groep 8' }] });
    expect(otherSchool.statusCode).toBe(400);
    const notTheirs = await requestAs(test.app, admin, 'POST', `${url()}/preview`, { classes: [{ classId: world.classA1Other, name: 'Groep 7', teacherUserIds: [world.users.teacher.id] }] });
    expect(notTheirs.statusCode).toBe(400);
  });
});
