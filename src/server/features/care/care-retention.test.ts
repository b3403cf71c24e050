import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoInstant, newId } from '../../deps';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { type CareRetentionReport, purgeCareData } from './care-retention';

// Today is 21 November 2026 (the test clock). One pupil left two years and a bit ago, one last June, one is at school.
describe.each(testDialects())('the retention of care data on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const pupils = { longGone: '', leftInJune: '', atSchool: '' };
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);
  const url = () => `/api/schools/${world.schoolA1}/care/retention`;
  const count = async (table: 'care_trusted_adults' | 'care_support_plans' | 'care_ace_answers' | 'care_screenings', pupilId: string) =>
    (await test.deps.db.kysely.selectFrom(table).select('id').where('pupil_id', '=', pupilId).execute()).length;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const db = test.deps.db.kysely;
    const now = isoInstant(test.clock.now());
    for (const [key, leftOn] of [['longGone', '2024-11-01'], ['leftInJune', '2025-06-01'], ['atSchool', null]] as const) {
      const id = newId();
      pupils[key] = id;
      await db.insertInto('pupils').values({ id, school_id: world.schoolA1, pupil_number: `9${Object.keys(pupils).indexOf(key)}`, first_name: key, last_name: 'Test', birth_date: '2014-01-01', left_on: leftOn, created_at: now, updated_at: now }).execute();
      const care = { school_id: world.schoolA1, pupil_id: id };
      await db.insertInto('care_trusted_adults').values({ id: newId(), ...care, user_id: world.users.teacher.id, why_encrypted: 'gw1:x', created_by: null, created_at: now }).execute();
      await db.insertInto('care_support_plans').values({ id: newId(), ...care, version: 1, content_encrypted: 'gw1:x', review_on: '2026-01-01', created_by: null, created_at: now }).execute();
      await db.insertInto('care_ace_answers').values({ id: newId(), ...care, informant: 'file', category: 'poverty', answer_encrypted: 'gw1:x', recorded_on: '2024-01-01', recorded_by: null, created_at: now }).execute();
      await db.insertInto('care_screenings').values({ id: newId(), ...care, instrument_id: 'cats', instrument_version: '1.0.0', informant: 'pupil', taken_on: '2024-01-01', answers_encrypted: 'gw1:x', recorded_by: null, created_at: now }).execute();
    }
  });
  afterAll(async () => test.close());

  it('reports, as a dry run, what the default two years would delete: only the pupil who left before 21 November 2024', async () => {
    const response = await requestAs(test.app, await as('schoolAdmin'), 'GET', url());
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as CareRetentionReport;
    expect(report.today).toBe('2026-11-21');
    const plans = report.categories.find((entry) => entry.category === 'plans');
    expect(plans).toEqual({ category: 'plans', months: 24, isDefault: true, leftOnOrBefore: '2024-11-21', pupils: 1, records: 2 });
    expect(report.categories.find((entry) => entry.category === 'aces')).toMatchObject({ pupils: 1, records: 1 });
    expect(await count('care_support_plans', pupils.longGone)).toBe(1);
  });

  it('lets the data steward shorten one term, refuses a term past ten years, and keeps the care team and teachers out', async () => {
    const admin = await as('schoolAdmin');
    const changed = await requestAs(test.app, admin, 'PUT', url(), { terms: { aces: 6 } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((changed.json() as CareRetentionReport).categories.find((entry) => entry.category === 'aces')).toMatchObject({ months: 6, isDefault: false, leftOnOrBefore: '2026-05-21', pupils: 2 });
    expect((await requestAs(test.app, admin, 'PUT', url(), { terms: { aces: 121 } })).statusCode).toBe(400);
    expect((await requestAs(test.app, admin, 'PUT', url(), { terms: { photos: 6 } })).statusCode).toBe(400);
    for (const key of ['careTeam', 'teacher'] as const) expect((await requestAs(test.app, await as(key), 'PUT', url(), { terms: { aces: 1 } })).statusCode).toBe(403);
  });

  it('deletes nothing in a dry run, then exactly what the terms say, with one audit event per school and no names', async () => {
    const dry = await purgeCareData(test.deps.db.kysely, test.clock, { dryRun: true });
    expect(dry.schools).toHaveLength(1);
    expect(await count('care_ace_answers', pupils.longGone)).toBe(1);

    const done = await purgeCareData(test.deps.db.kysely, test.clock, { dryRun: false });
    expect(done.schools[0]?.categories).toEqual(dry.schools[0]?.categories);
    for (const table of ['care_trusted_adults', 'care_support_plans', 'care_ace_answers', 'care_screenings'] as const) expect(await count(table, pupils.longGone), table).toBe(0);
    // Left in June: the ACEs (six months) went, the plan and screening (two years) stay.
    expect([await count('care_ace_answers', pupils.leftInJune), await count('care_support_plans', pupils.leftInJune), await count('care_screenings', pupils.leftInJune)]).toEqual([0, 1, 1]);
    for (const table of ['care_trusted_adults', 'care_support_plans', 'care_ace_answers', 'care_screenings'] as const) expect(await count(table, pupils.atSchool), table).toBe(1);
    const events = await test.deps.db.kysely.selectFrom('audit_events').select(['actor_user_id', 'detail']).where('action', '=', 'care.retention_applied').execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_user_id).toBeNull();
    expect(events[0]!.detail).not.toContain('longGone');
    // Nothing left to do: a second run deletes nothing and records nothing.
    expect((await purgeCareData(test.deps.db.kysely, test.clock, { dryRun: false })).schools).toEqual([]);
  });
});
