import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { newId } from '../../deps';
import { loadDemo } from '../setup/setup.service';
import { DEMO_CHECKIN_DAYS, DEMO_CHECKIN_STORIES, schoolDaysBefore } from './demo-checkins.data';
import { buildDemoRows, DEMO_BOARD_NAME, DEMO_LOGINS, DEMO_PASSWORD } from './demo.data';
import { schoolDateOf, schoolYearAt } from '../../../shared/school-time';

describe('the demo rows', () => {
  const build = () => buildDemoRows({ now: new Date('2026-11-21T09:00:00Z'), passwordHash: 'hash', newId });

  it('show the same pupils every time, so screenshots and instructions stay true', () => {
    const names = (rows: ReturnType<typeof build>) => rows.pupils.map((pupil) => [pupil.pupil_number, pupil.first_name, pupil.last_name, pupil.birth_date]);
    expect(names(build())).toEqual(names(build()));
  });

  it('give pupils birth dates that fit their class', () => {
    const rows = build();
    const classOf = new Map(rows.class_pupils.map((link) => [link.pupil_id, rows.classes.find((c) => c.id === link.class_id)?.name]));
    const ageOnFirstOctober = (birthDate: string) => {
      const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
      return 2026 - year - (month > 10 || (month === 10 && day > 1) ? 1 : 0);
    };
    for (const pupil of rows.pupils) {
      const className = classOf.get(pupil.id);
      if (className === 'Groep 3') expect(ageOnFirstOctober(pupil.birth_date ?? '')).toBe(6);
      if (className === 'Groep 7') expect(ageOnFirstOctober(pupil.birth_date ?? '')).toBe(10);
      if (className === 'Klas 1A') expect(ageOnFirstOctober(pupil.birth_date ?? '')).toBe(12);
    }
  });

  it('give groep 5 four weeks of check-ins on weekdays before today only, with a streak and a change to notice', () => {
    const rows = build();
    const groep5 = rows.classes.find((item) => item.name === 'Groep 5');
    expect(new Set(rows.checkins.map((row) => row.class_id))).toEqual(new Set([groep5?.id]));
    const dates = [...new Set(rows.checkins.map((row) => row.school_date))].sort();
    expect(dates).toEqual(schoolDaysBefore('2026-11-21', DEMO_CHECKIN_DAYS));
    expect(dates.every((date) => date < '2026-11-21' && ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()))).toBe(true);
    const pupilsOfGroep5 = rows.class_pupils.filter((link) => link.class_id === groep5?.id).map((link) => link.pupil_id);
    const statesOf = (pupilId: string | undefined) => rows.checkins.filter((row) => row.pupil_id === pupilId).sort((a, b) => a.school_date.localeCompare(b.school_date)).map((row) => row.state);
    expect(statesOf(pupilsOfGroep5[DEMO_CHECKIN_STORIES.streak]).slice(-4).every((state) => state !== 'in_window')).toBe(true);
    expect(statesOf(pupilsOfGroep5[DEMO_CHECKIN_STORIES.changed]).slice(-5)).toEqual(['low', 'low', 'low', 'low', 'low']);
    expect(rows.checkins.every((row) => row.word_encrypted === null)).toBe(true);
  });

  it('never repeat a pupil name or number within a school', () => {
    const rows = build();
    for (const school of rows.schools) {
      const pupils = rows.pupils.filter((pupil) => pupil.school_id === school.id);
      expect(new Set(pupils.map((pupil) => `${pupil.first_name} ${pupil.last_name}`)).size).toBe(pupils.length);
      expect(new Set(pupils.map((pupil) => pupil.pupil_number)).size).toBe(pupils.length);
    }
  });
});

describe.each(testDialects())('the demo on %s', (dialect) => {
  let test: TestApp;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    await loadDemo(test.deps, { isFromThisMachine: true });
  });
  afterAll(async () => test.close());

  it('holds one board with a primary school and a special secondary school with two locations', async () => {
    const db = test.deps.db.kysely;
    const boards = await db.selectFrom('boards').selectAll().execute();
    expect(boards.map((board) => [board.name, board.min_group_size])).toEqual([[DEMO_BOARD_NAME, 5]]);
    const schools = await db
      .selectFrom('schools')
      .leftJoin('locations', 'locations.school_id', 'schools.id')
      .select(['schools.kind', (eb) => eb.fn.count<number>('locations.id').as('locations')])
      .groupBy('schools.kind')
      .orderBy('schools.kind')
      .execute();
    expect(schools.map((school) => [school.kind, Number(school.locations)])).toEqual([
      ['primary', 1],
      ['special_secondary', 2],
    ]);
  });

  it('places about 60 pupils, each in exactly one class of the current school year at their own school', async () => {
    const db = test.deps.db.kysely;
    const pupils = await db.selectFrom('pupils').select(['id', 'school_id']).execute();
    expect(pupils.length).toBeGreaterThanOrEqual(55);
    expect(pupils.length).toBeLessThanOrEqual(65);
    const placements = await db
      .selectFrom('class_pupils')
      .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
      .select(['class_pupils.pupil_id', 'classes.school_id', 'classes.school_year'])
      .execute();
    expect(placements).toHaveLength(pupils.length);
    expect(new Set(placements.map((placement) => placement.pupil_id)).size).toBe(pupils.length);
    const schoolOfPupil = new Map(pupils.map((pupil) => [pupil.id, pupil.school_id]));
    for (const placement of placements) {
      expect(placement.school_id).toBe(schoolOfPupil.get(placement.pupil_id));
      expect(placement.school_year).toBe(schoolYearAt(test.clock.now()));
    }
  });

  it('spreads the special secondary school classes over both its locations', async () => {
    const rows = await test.deps.db.kysely
      .selectFrom('classes')
      .innerJoin('schools', 'schools.id', 'classes.school_id')
      .select('classes.location_id')
      .distinct()
      .where('schools.kind', '=', 'special_secondary')
      .execute();
    expect(rows.filter((row) => row.location_id !== null)).toHaveLength(2);
  });

  it('lets every one of the seven demo accounts sign in with the demo password', async () => {
    expect(DEMO_LOGINS).toHaveLength(7);
    for (const account of DEMO_LOGINS) {
      const session = await login(test.app, account.email, DEMO_PASSWORD);
      const me = await requestAs(test.app, session, 'GET', '/api/session');
      expect(me.json().user.email).toBe(account.email);
    }
  });

  it('gives each account the role README promises, and each teacher exactly one class', async () => {
    const db = test.deps.db.kysely;
    const userId = async (email: string) => (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const schoolRoles = async (email: string) =>
      (
        await db
          .selectFrom('school_memberships')
          .innerJoin('schools', 'schools.id', 'school_memberships.school_id')
          .select(['schools.kind', 'school_memberships.role'])
          .where('school_memberships.user_id', '=', await userId(email))
          .orderBy('schools.kind')
          .execute()
      ).map((row) => `${row.kind}:${row.role}`);

    const boardAdmin = await db.selectFrom('board_memberships').select('role').where('user_id', '=', await userId('bestuur@voorbeeld.test')).execute();
    expect(boardAdmin).toEqual([{ role: 'board_admin' }]);
    expect(await schoolRoles('directie@voorbeeld.test')).toEqual(['primary:leadership']);
    expect(await schoolRoles('kartrekker@voorbeeld.test')).toEqual(['primary:tso_lead']);
    expect(await schoolRoles('leerkracht@voorbeeld.test')).toEqual(['primary:teacher']);
    expect(await schoolRoles('ib@voorbeeld.test')).toEqual(['primary:care_team']);
    expect(await schoolRoles('leerkracht2@voorbeeld.test')).toEqual(['special_secondary:teacher']);
    expect(await schoolRoles('beheer@voorbeeld.test')).toEqual(['primary:school_admin', 'special_secondary:school_admin']);

    for (const [email, kind] of [
      ['leerkracht@voorbeeld.test', 'primary'],
      ['leerkracht2@voorbeeld.test', 'special_secondary'],
    ] as const) {
      const classes = await db
        .selectFrom('class_teachers')
        .innerJoin('classes', 'classes.id', 'class_teachers.class_id')
        .innerJoin('schools', 'schools.id', 'classes.school_id')
        .select(['classes.id', 'schools.kind'])
        .where('class_teachers.user_id', '=', await userId(email))
        .execute();
      expect(classes).toHaveLength(1);
      expect(classes[0]?.kind).toBe(kind);
    }
  });

  it("counts groep 5's check-in days for the anonymous figures, so leadership sees the class", async () => {
    const db = test.deps.db.kysely;
    const days = await db
      .selectFrom('checkin_class_days')
      .innerJoin('classes', 'classes.id', 'checkin_class_days.class_id')
      .select(['classes.name', 'checkin_class_days.school_date', 'checkin_class_days.pupils_checked_in'])
      .orderBy('checkin_class_days.school_date')
      .execute();
    expect(days.map((day) => day.school_date)).toEqual(schoolDaysBefore(schoolDateOf(test.clock.now()), DEMO_CHECKIN_DAYS));
    expect(new Set(days.map((day) => day.name))).toEqual(new Set(['Groep 5']));
    // Each day every pupil who checked in once: the raw rows of that day.
    const raw = await db.selectFrom('checkins').select('school_date').execute();
    for (const day of days) expect(day.pupils_checked_in).toBe(raw.filter((row) => row.school_date === day.school_date).length);

    const school = await db.selectFrom('schools').select('id').where('kind', '=', 'primary').executeTakeFirstOrThrow();
    const figures = await requestAs(test.app, await login(test.app, 'directie@voorbeeld.test', DEMO_PASSWORD), 'GET', `/api/schools/${school.id}/checkin/aggregates`);
    expect(figures.statusCode, figures.body).toBe(200);
    expect(figures.json().classes.map((entry: { className: string }) => entry.className)).toEqual(['Groep 5']);
  });

  it('records that the demo was loaded', async () => {
    const events = await test.deps.db.kysely.selectFrom('audit_events').select(['action', 'board_id']).where('action', '=', 'demo.loaded').execute();
    const board = await test.deps.db.kysely.selectFrom('boards').select('id').executeTakeFirstOrThrow();
    expect(events).toEqual([{ action: 'demo.loaded', board_id: board.id }]);
  });

  it('is refused once the installation has a board', async () => {
    await expect(loadDemo(test.deps, { isFromThisMachine: true })).rejects.toMatchObject({ code: 'already_set_up' });
    expect(await test.deps.db.kysely.selectFrom('boards').select('id').execute()).toHaveLength(1);
  });
});
