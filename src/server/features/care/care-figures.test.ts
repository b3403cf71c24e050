import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolYearAt } from '../../../shared/school-time';
import { isoInstant, newId } from '../../deps';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import type { AceFigures, CareCoverage } from './care-figures';

// School A1 of the test world gets three classes of this school year — 6, 5 and 2 pupils — beside the world's own
// two classes of one pupil each; k is the default 5.
describe.each(testDialects())('the anonymous care figures on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const classes: Record<'big' | 'middle' | 'small', { id: string; pupils: string[] }> = { big: { id: '', pupils: [] }, middle: { id: '', pupils: [] }, small: { id: '', pupils: [] } };
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);
  const care = (pupilId: string, path: string) => `/api/schools/${world.schoolA1}/pupils/${pupilId}/care${path}`;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const db = test.deps.db.kysely;
    const now = isoInstant(test.clock.now());
    let number = 3000;
    for (const [key, size] of [['big', 6], ['middle', 5], ['small', 2]] as const) {
      const id = newId();
      classes[key].id = id;
      await db.insertInto('classes').values({ id, school_id: world.schoolA1, location_id: null, school_year: schoolYearAt(test.clock.now()), name: `Klas ${key}`, created_at: now }).execute();
      for (let index = 0; index < size; index++) {
        const pupilId = newId();
        number += 1;
        classes[key].pupils.push(pupilId);
        await db.insertInto('pupils').values({ id: pupilId, school_id: world.schoolA1, pupil_number: String(number), first_name: `Kind${number}`, last_name: 'Test', birth_date: '2016-01-01', created_at: now, updated_at: now }).execute();
        await db.insertInto('class_pupils').values({ class_id: id, pupil_id: pupilId, created_at: now }).execute();
      }
    }
  });
  afterAll(async () => test.close());

  it('counts trusted adults and current plans per class and school, hiding a class under k and the class that would give it away', async () => {
    const careTeam = await as('careTeam');
    const [first, second, third] = classes.big.pupils as [string, string, string];
    for (const pupilId of [first, second]) {
      expect((await requestAs(test.app, careTeam, 'POST', care(pupilId, '/trusted-adults'), { userId: world.users.teacher.id })).statusCode).toBe(201);
    }
    await requestAs(test.app, careTeam, 'PUT', care(first, '/support-plan'), { content: {}, reviewOn: '2027-03-01' });
    // A plan past its review date is not current.
    await requestAs(test.app, careTeam, 'PUT', care(third, '/support-plan'), { content: {}, reviewOn: '2026-11-01' });
    // A trusted adult of the small class must not be found by subtracting.
    await requestAs(test.app, careTeam, 'POST', care(classes.small.pupils[0]!, '/trusted-adults'), { userId: world.users.teacher.id });

    const response = await requestAs(test.app, await as('tsoLead'), 'GET', `/api/schools/${world.schoolA1}/care/coverage`);
    expect(response.statusCode, response.body).toBe(200);
    const coverage = response.json() as CareCoverage;
    const byName = Object.fromEntries(coverage.classes.map((entry) => [entry.className, entry.figures]));
    expect(byName['Klas big']).toEqual({ pupils: 6, withTrustedAdult: 2, withCurrentPlan: 1 });
    // The world's two one-pupil classes and the small class are under k; together (4) still under k, so the middle
    // class is hidden as well: the school's figure minus the shown ones never tells about fewer than 5 pupils.
    expect(byName['Klas small']).toBeNull();
    expect(byName['Klas middle']).toBeNull();
    expect(coverage.school).toEqual({ pupils: 15, withTrustedAdult: 3, withCurrentPlan: 1 });
    // Teachers do not get the figures.
    expect((await requestAs(test.app, await as('teacher'), 'GET', `/api/schools/${world.schoolA1}/care/coverage`)).statusCode).toBe(403);
  });

  it('gives the care team ACE figures per informant and combined, hiding an informant who told about fewer than k pupils', async () => {
    const careTeam = await as('careTeam');
    const record = async (pupilId: string, informant: string, answers: [string, string][]) => {
      const response = await requestAs(test.app, careTeam, 'PUT', care(pupilId, '/aces'), { informant, recordedOn: '2026-11-01', answers: answers.map(([category, answer]) => ({ category, answer })) });
      expect(response.statusCode, response.body).toBe(200);
    };
    const many: [string, string][] = [['poverty', 'yes'], ['bullying', 'yes'], ['parental-separation', 'yes'], ['death-of-a-loved-one', 'yes']];
    const pupils = classes.big.pupils;
    await record(pupils[0]!, 'file', many);
    await record(pupils[1]!, 'file', [['poverty', 'yes']]);
    await record(pupils[2]!, 'file', [['poverty', 'no']]);
    await record(pupils[3]!, 'file', [['poverty', 'unknown']]);
    await record(pupils[4]!, 'file', [['bullying', 'yes']]);
    // The parents told about two pupils only; one of them adds a category the file did not know.
    await record(pupils[1]!, 'parent', [['bullying', 'yes'], ['poverty', 'no']]);
    await record(pupils[5]!, 'parent', [['poverty', 'no']]);
    // A correction: the file's later "no" replaces its earlier "yes" for this pupil.
    await record(pupils[4]!, 'file', [['bullying', 'no']]);

    const figures = (await requestAs(test.app, careTeam, 'GET', `/api/schools/${world.schoolA1}/care/ace-figures`)).json() as AceFigures;
    expect(figures).toEqual({
      minGroupSize: 5,
      pupil: null,
      parent: null,
      file: { pupils: 5, atLeastOne: 2, fourOrMore: 1 },
      combined: { pupils: 6, atLeastOne: 2, fourOrMore: 1 },
    });
    expect((await requestAs(test.app, await as('tsoLead'), 'GET', `/api/schools/${world.schoolA1}/care/ace-figures`)).statusCode).toBe(403);
  });
});
