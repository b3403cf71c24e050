import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { newId } from '../../deps';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDialects())('measurement waves on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const waves = () => `/api/schools/${world.schoolA1}/questionnaire-waves`;

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }
  const pupilWave = (changes: Record<string, unknown> = {}) => ({
    name: 'Meting najaar',
    audience: 'pupils',
    opensOn: '2026-12-01',
    closesOn: '2026-12-14',
    instrumentIds: ['class-climate-pupil', 'pupil-wellbeing'],
    classIds: [world.classA1],
    ...changes,
  });

  beforeAll(async () => {
    // Saturday 21 November 2026, school year 2026-2027.
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it('offers the shipped instruments with their informant, scales and age range', async () => {
    const response = await requestAs(test.app, await as('tsoLead'), 'GET', `/api/schools/${world.schoolA1}/questionnaire-instruments`);
    expect(response.statusCode).toBe(200);
    const instruments = response.json() as { id: string; informant: string; ageRange: unknown; items: number; scales: unknown[] }[];
    expect(instruments.map((instrument) => [instrument.id, instrument.informant]).sort()).toEqual([
      ['class-climate-pupil', 'pupil'],
      ['class-climate-teacher', 'teacher'],
      ['pupil-wellbeing', 'pupil'],
      ['pupil-wellbeing-young', 'pupil'],
      ['teacher-competence', 'teacher'],
    ]);
    expect(instruments.find((instrument) => instrument.id === 'pupil-wellbeing-young')).toMatchObject({ ageRange: { from: 4, to: 7 }, items: 5 });
  });

  it('plans a pupil wave and a teacher wave, each marked before the team training while the register has none', async () => {
    const lead = await as('tsoLead');
    const planned = await requestAs(test.app, lead, 'POST', waves(), pupilWave());
    expect(planned.statusCode, planned.body).toBe(201);
    expect(planned.json()).toEqual({
      id: expect.any(String),
      schoolYear: '2026-2027',
      name: 'Meting najaar',
      audience: 'pupils',
      opensOn: '2026-12-01',
      closesOn: '2026-12-14',
      state: 'planned',
      training: 'before',
      instruments: [
        { id: 'class-climate-pupil', version: '1.0.0', name: { nl: 'Klasklimaat (leerling)', en: 'Class climate (pupil)' } },
        { id: 'pupil-wellbeing', version: '1.0.0', name: { nl: 'Welbevinden en erbij horen', en: 'Wellbeing and belonging' } },
      ],
      classes: [{ id: world.classA1, name: expect.any(String) }],
    });
    const teachers = await requestAs(test.app, await as('leadership'), 'POST', waves(), {
      name: 'Meting team',
      audience: 'teachers',
      opensOn: '2026-11-23',
      closesOn: '2026-12-04',
      instrumentIds: ['teacher-competence', 'class-climate-teacher'],
    });
    expect(teachers.statusCode, teachers.body).toBe(201);
    const listed = (await requestAs(test.app, lead, 'GET', waves())).json() as { schoolYear: string; trainingHeldOn: string | null; waves: { name: string; training: string }[] };
    expect(listed.schoolYear).toBe('2026-2027');
    expect(listed.trainingHeldOn).toBeNull();
    expect(listed.waves.map((wave) => [wave.name, wave.training])).toEqual([
      ['Meting team', 'before'],
      ['Meting najaar', 'before'],
    ]);
  });

  it('marks each wave before or after the school\'s first full team training in the register', async () => {
    const lead = await as('tsoLead');
    const spring = await requestAs(test.app, lead, 'POST', waves(), pupilWave({ name: 'Meting voorjaar', opensOn: '2027-03-01', closesOn: '2027-03-12' }));
    expect(spring.statusCode, spring.body).toBe(201);
    const db = test.deps.db.kysely;
    const now = test.clock.now().toISOString();
    for (const [kind, heldOn] of [['intro', '2026-10-01'], ['full_team', '2027-01-20'], ['full_team', '2027-05-01']] as const) {
      await db.insertInto('trainings').values({ id: newId(), school_id: world.schoolA1, kind, title: null, held_on: heldOn, created_by: null, created_at: now, updated_at: now }).execute();
    }
    const listed = (await requestAs(test.app, lead, 'GET', waves())).json() as { trainingHeldOn: string; waves: { name: string; training: string }[] };
    expect(listed.trainingHeldOn).toBe('2027-01-20');
    expect(listed.waves.map((wave) => [wave.name, wave.training])).toEqual([
      ['Meting team', 'before'],
      ['Meting najaar', 'before'],
      ['Meting voorjaar', 'after'],
    ]);
    // Another school year's list does not show them.
    expect((await requestAs(test.app, lead, 'GET', `${waves()}?schoolYear=2027-2028`)).json()).toMatchObject({ schoolYear: '2027-2028', waves: [] });
  });

  it('refuses a wave that breaks a rule at the field that is wrong, and stores nothing', async () => {
    const lead = await as('tsoLead');
    const before = (await requestAs(test.app, lead, 'GET', waves())).json();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ opensOn: '2026-11-20' }, ['body.opensOn']],
      [{ closesOn: '2026-11-30' }, ['body.closesOn']],
      [{ opensOn: '2027-07-20', closesOn: '2027-08-10' }, ['body.closesOn']],
      [{ instrumentIds: ['teacher-competence'] }, ['body.instrumentIds.0']],
      [{ instrumentIds: ['class-climate-pupil', 'no-such-list'] }, ['body.instrumentIds.1']],
      [{ instrumentIds: ['pupil-wellbeing', 'pupil-wellbeing'] }, ['body.instrumentIds.1']],
      [{ classIds: [] }, ['body.classIds']],
      [{ classIds: [world.classA1, world.classB1] }, ['body.classIds.1']],
      [{ audience: 'teachers', instrumentIds: ['teacher-competence'] }, ['body.classIds']],
    ];
    for (const [changes, fields] of cases) {
      const response = await requestAs(test.app, lead, 'POST', waves(), pupilWave(changes));
      expect(response.statusCode, JSON.stringify(changes)).toBe(400);
      expect(Object.keys(response.json().error.fields ?? {}), JSON.stringify(changes)).toEqual(fields);
    }
    expect((await requestAs(test.app, lead, 'POST', waves(), { ...pupilWave(), extra: 1 })).statusCode).toBe(400);
    expect((await requestAs(test.app, lead, 'GET', waves())).json()).toEqual(before);
  });

  it('lets a wave be changed and removed until it opens, and refuses both with wave_already_open from then on', async () => {
    const lead = await as('tsoLead');
    const wave = (await requestAs(test.app, lead, 'POST', waves(), pupilWave({ name: 'Proef', opensOn: '2026-11-25', closesOn: '2026-11-27' }))).json() as { id: string };
    const changed = await requestAs(test.app, lead, 'PUT', `${waves()}/${wave.id}`, pupilWave({ name: 'Proefmeting', opensOn: '2026-11-24', closesOn: '2026-11-27', instrumentIds: ['pupil-wellbeing'], classIds: [world.classA1Other, world.classA1] }));
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Proefmeting', opensOn: '2026-11-24', instruments: [{ id: 'pupil-wellbeing' }] });
    expect((changed.json() as { classes: { id: string }[] }).classes.map((schoolClass) => schoolClass.id).sort()).toEqual([world.classA1, world.classA1Other].sort());

    test.clock.advance(3 * DAY); // Tuesday 24 November: the wave is open. (Sessions end meanwhile: sign in anew.)
    const listedState = async () => requestAs(test.app, await as('tsoLead'), 'GET', waves()).then((response) => (response.json() as { waves: { id: string; state: string }[] }).waves.find((listed) => listed.id === wave.id)?.state);
    expect(await listedState()).toBe('open');
    for (const [method, body] of [['PUT', pupilWave({ opensOn: '2026-11-30' })], ['DELETE', undefined]] as const) {
      const refused = await requestAs(test.app, await as('tsoLead'), method, `${waves()}/${wave.id}`, body);
      expect(refused.statusCode, method).toBe(409);
      expect(refused.json().error.code).toBe('wave_already_open');
    }
    test.clock.advance(4 * DAY);
    expect(await listedState()).toBe('closed');

    const leadNow = await as('tsoLead');
    const later = (await requestAs(test.app, leadNow, 'POST', waves(), pupilWave({ name: 'Weg ermee', opensOn: '2027-01-10', closesOn: '2027-01-20' }))).json() as { id: string };
    expect((await requestAs(test.app, leadNow, 'DELETE', `${waves()}/${later.id}`)).statusCode).toBe(204);
    expect((await requestAs(test.app, leadNow, 'DELETE', `${waves()}/${later.id}`)).statusCode).toBe(404);
    expect(await test.deps.db.kysely.selectFrom('questionnaire_wave_instruments').select('wave_id').where('wave_id', '=', later.id).execute()).toEqual([]);
  });

  it('is for the TSO lead and the leadership only', async () => {
    for (const key of ['teacher', 'careTeam', 'schoolAdmin', 'boardAdmin'] as const) {
      expect((await requestAs(test.app, await as(key), 'GET', waves())).statusCode, key).toBe(403);
      expect((await requestAs(test.app, await as(key), 'POST', waves(), pupilWave({ opensOn: '2027-02-01', closesOn: '2027-02-05' }))).statusCode, key).toBe(403);
    }
  });
});
