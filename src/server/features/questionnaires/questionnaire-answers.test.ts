import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { loadShippedInstruments } from './instrument-catalogue';

const DAY = 24 * 60 * 60 * 1000;
const competence = loadShippedInstruments().find((instrument) => instrument.id === 'teacher-competence')!;
const itemIds = competence.items.map((item) => item.id);

describe.each(testDialects())('answering waves on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let teacherWave = '';
  let pupilWave = '';
  const school = () => `/api/schools/${world.schoolA1}`;
  const mine = () => `${school()}/my-questionnaires`;

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }
  const save = async (answers: Record<string, number | null>, key: WorldUserKey = 'teacher') =>
    requestAs(test.app, await as(key), 'PUT', `${mine()}/${teacherWave}/teacher-competence`, { answers });
  const completion = async (waveId: string) => (await requestAs(test.app, await as('tsoLead'), 'GET', `${school()}/questionnaire-waves/${waveId}/completion`)).json();

  beforeAll(async () => {
    // Saturday 21 November 2026.
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const lead = await as('tsoLead');
    const plan = async (body: object) => {
      const response = await requestAs(test.app, lead, 'POST', `${school()}/questionnaire-waves`, body);
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as { id: string }).id;
    };
    teacherWave = await plan({ name: 'Team najaar', audience: 'teachers', opensOn: '2026-11-23', closesOn: '2026-11-27', instrumentIds: ['teacher-competence'] });
    pupilWave = await plan({ name: 'Leerlingen najaar', audience: 'pupils', opensOn: '2026-11-23', closesOn: '2026-11-27', instrumentIds: ['pupil-wellbeing'], classIds: [world.classA1] });
  });
  afterAll(async () => test.close());

  it('asks nothing before the wave opens, and refuses answers then', async () => {
    expect((await requestAs(test.app, await as('teacher'), 'GET', mine())).json()).toEqual([]);
    const early = await save({ [itemIds[0]!]: 4 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('wave_not_open');
  });

  it('lets a teacher answer an open wave in parts, see only their own answers, and complete it', async () => {
    test.clock.advance(2 * DAY); // Monday 23 November: open.
    const [wave, ...others] = (await requestAs(test.app, await as('teacher'), 'GET', mine())).json() as {
      id: string;
      instruments: { id: string; items: { id: string }[]; responseScales: { options: { value: number }[] }[]; myAnswers: object; isComplete: boolean }[];
    }[];
    expect(others).toEqual([]);
    expect(wave!.id).toBe(teacherWave);
    expect(wave!.instruments.map((instrument) => [instrument.id, instrument.items.length, instrument.myAnswers, instrument.isComplete])).toEqual([['teacher-competence', 12, {}, false]]);
    expect(wave!.instruments[0]!.responseScales[0]!.options.map((option) => option.value)).toEqual([1, 2, 3, 4, 5]);

    const part = await save({ [itemIds[0]!]: 4, [itemIds[1]!]: 2, [itemIds[2]!]: null });
    expect(part.statusCode, part.body).toBe(200);
    expect(part.json()).toEqual({ answered: 2, items: 12, isComplete: false });
    expect((await completion(teacherWave)).completed).toBe(0);

    const all = await save(Object.fromEntries(itemIds.map((itemId) => [itemId, 3])));
    expect(all.json()).toEqual({ answered: 12, items: 12, isComplete: true });
    const [again] = (await requestAs(test.app, await as('teacher'), 'GET', mine())).json() as { instruments: { myAnswers: Record<string, number>; isComplete: boolean }[] }[];
    expect(again!.instruments[0]).toMatchObject({ isComplete: true, myAnswers: Object.fromEntries(itemIds.map((itemId) => [itemId, 3])) });
    const counts = await completion(teacherWave);
    expect(counts).toMatchObject({ audience: 'teachers', state: 'open', completed: 1, classes: [] });
    expect(counts.asked).toBeGreaterThanOrEqual(1);

    // Taking one answer back makes it incomplete again.
    await save({ ...Object.fromEntries(itemIds.map((itemId) => [itemId, 3])), [itemIds[5]!]: null });
    expect((await completion(teacherWave)).completed).toBe(0);
  });

  it('refuses an answer the item does not offer and an item the instrument lacks, and keeps what was saved', async () => {
    for (const [answers, field] of [
      [{ [itemIds[0]!]: 6 }, `body.answers.${itemIds[0]}`],
      [{ 'keeping-order.9': 3 }, 'body.answers.keeping-order.9'],
    ] as const) {
      const refused = await save(answers);
      expect(refused.statusCode).toBe(400);
      expect(Object.keys(refused.json().error.fields)).toEqual([field]);
    }
    const [wave] = (await requestAs(test.app, await as('teacher'), 'GET', mine())).json() as { instruments: { myAnswers: object }[] }[];
    expect(Object.keys(wave!.instruments[0]!.myAnswers)).toHaveLength(11);
  });

  it('is for teachers of the school only, answers only teacher waves, and counts pupils per class for a pupil wave', async () => {
    for (const key of ['tsoLead', 'leadership', 'schoolAdmin', 'careTeam', 'teacherOtherSchool', 'boardAdmin'] as const) {
      expect((await requestAs(test.app, await as(key), 'GET', mine())).statusCode, key).toBe(403);
    }
    const notTeachers = await requestAs(test.app, await as('teacher'), 'PUT', `${mine()}/${pupilWave}/pupil-wellbeing`, { answers: {} });
    expect(notTeachers.statusCode).toBe(404);
    const notInWave = await requestAs(test.app, await as('teacher'), 'PUT', `${mine()}/${teacherWave}/class-climate-teacher`, { answers: {} });
    expect(notInWave.statusCode).toBe(404);
    const pupils = await test.deps.db.kysely.selectFrom('class_pupils').select('pupil_id').where('class_id', '=', world.classA1).execute();
    expect(await completion(pupilWave)).toEqual({
      audience: 'pupils',
      state: 'open',
      asked: pupils.length,
      completed: 0,
      classes: [{ id: world.classA1, name: expect.any(String), asked: pupils.length, completed: 0 }],
    });
    expect((await requestAs(test.app, await as('teacher'), 'GET', `${school()}/questionnaire-waves/${pupilWave}/completion`)).statusCode).toBe(403);
  });

  it('refuses answers once the wave has closed', async () => {
    test.clock.advance(5 * DAY); // Saturday 28 November.
    const late = await save({ [itemIds[0]!]: 5 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('wave_not_open');
    expect((await requestAs(test.app, await as('teacher'), 'GET', mine())).json()).toEqual([]);
  });
});
