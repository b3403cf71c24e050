import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { kioskDeviceFor, pupilDeviceFor } from '../../../../test/support/pupil-access';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World } from '../../../../test/support/world';
import type { ClassWave, OpenWave } from './questionnaire-answers.schemas';

const DAY = 24 * 60 * 60 * 1000;
const ALL_HAPPY = { 'wellbeing.1': 3, 'wellbeing.2': 3, 'belonging.1': 3, 'belonging.2': 3, 'belonging.3': 3 };

describe.each(testDialects())('pupils answering their class wave on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let classWave = '';
  let otherClassWave = '';
  let kiosk: Login;
  let ownDevice: Login;

  beforeAll(async () => {
    // Saturday 21 November 2026; the waves run Monday 23 to Friday 27 November.
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users.tsoLead.id);
    const lead: Login = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    const plan = async (body: object) => {
      const response = await requestAs(test.app, lead, 'POST', `/api/schools/${world.schoolA1}/questionnaire-waves`, { opensOn: '2026-11-23', closesOn: '2026-11-27', ...body });
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as { id: string }).id;
    };
    classWave = await plan({ name: 'Groep 5', audience: 'pupils', instrumentIds: ['pupil-wellbeing-young'], classIds: [world.classA1] });
    otherClassWave = await plan({ name: 'Groep 6', audience: 'pupils', instrumentIds: ['pupil-wellbeing'], classIds: [world.classA1Other] });
    await plan({ name: 'Team', audience: 'teachers', instrumentIds: ['teacher-competence'] });
    await openDevices();
  });

  // A kiosk lasts a school day and a pupil session less: both are opened again after the clock moves.
  async function openDevices() {
    kiosk = await kioskDeviceFor(test, world.classA1, world.users.teacher.id);
    ownDevice = await pupilDeviceFor(test, world.pupilInClassA1, world.classA1);
  }
  afterAll(async () => test.close());

  const kioskAnswer = (pupilId: string, waveId = classWave, instrumentId = 'pupil-wellbeing-young', answers: object = ALL_HAPPY) =>
    requestAs(test.app, kiosk, 'PUT', `/api/kiosk/questionnaires/${waveId}/${instrumentId}/pupils/${pupilId}`, { answers });

  it('refuses answers before the wave opens, and lists nothing yet', async () => {
    expect((await kioskAnswer(world.pupilInClassA1)).json().error.code).toBe('wave_not_open');
    expect((await requestAs(test.app, kiosk, 'GET', '/api/kiosk/questionnaires')).json()).toEqual([]);
  });

  it("shows the class device its class's open wave with the questions, and nobody's answers", async () => {
    test.clock.advance(2 * DAY);
    await openDevices();
    const response = await requestAs(test.app, kiosk, 'GET', '/api/kiosk/questionnaires');
    expect(response.statusCode, response.body).toBe(200);
    const waves = response.json() as ClassWave[];
    expect(waves.map((wave) => wave.id)).toEqual([classWave]);
    const [instrument] = waves[0]!.instruments;
    expect(instrument?.id).toBe('pupil-wellbeing-young');
    expect(instrument?.items).toHaveLength(5);
    // Three faces to answer with; how answers are scored never leaves the server.
    expect(instrument?.responseScales[0]?.options.map((option) => option.face)).toEqual(['sad', 'neutral', 'happy']);
    expect(JSON.stringify(waves)).not.toMatch(/favourable|reverse|scales|myAnswers/);
  });

  it('saves a pupil of the class, in that class, and again over their own answers', async () => {
    const first = await kioskAnswer(world.pupilInClassA1);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ answered: 5, items: 5, isComplete: true });
    const again = await kioskAnswer(world.pupilInClassA1, classWave, 'pupil-wellbeing-young', { 'wellbeing.1': 2 });
    expect(again.json()).toEqual({ answered: 1, items: 5, isComplete: false });
    const stored = await test.deps.db.kysely.selectFrom('questionnaire_responses').select(['respondent_kind', 'respondent_id', 'class_id', 'answers']).where('wave_id', '=', classWave).execute();
    expect(stored).toEqual([{ respondent_kind: 'pupil', respondent_id: world.pupilInClassA1, class_id: world.classA1, answers: '{"wellbeing.1":2}' }]);
    // The class device still shows nobody's answers.
    expect(JSON.stringify((await requestAs(test.app, kiosk, 'GET', '/api/kiosk/questionnaires')).json())).not.toContain('"wellbeing.1":2');
  });

  it('refuses a pupil of another class, a wave of another class, an instrument the wave does not ask and an answer it does not offer', async () => {
    expect((await kioskAnswer(world.pupilInClassA1Other)).statusCode).toBe(404);
    expect((await kioskAnswer(world.pupilB1)).statusCode).toBe(404);
    expect((await kioskAnswer(world.pupilInClassA1, otherClassWave, 'pupil-wellbeing')).statusCode).toBe(404);
    expect((await kioskAnswer(world.pupilInClassA1, classWave, 'pupil-wellbeing')).statusCode).toBe(404);
    const wrong = await kioskAnswer(world.pupilInClassA1, classWave, 'pupil-wellbeing-young', { 'wellbeing.1': 4 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('validation_failed');
    expect(Object.keys(wrong.json().error.fields)).toEqual(['body.answers.wellbeing.1']);
  });

  it('lets a pupil on their own device see and change only their own answers', async () => {
    const listed = await requestAs(test.app, ownDevice, 'GET', '/api/pupil/questionnaires');
    expect(listed.statusCode, listed.body).toBe(200);
    const waves = listed.json() as OpenWave[];
    expect(waves.map((wave) => wave.id)).toEqual([classWave]);
    expect(waves[0]!.instruments[0]).toMatchObject({ myAnswers: { 'wellbeing.1': 2 }, isComplete: false });
    const saved = await requestAs(test.app, ownDevice, 'PUT', `/api/pupil/questionnaires/${classWave}/pupil-wellbeing-young`, { answers: ALL_HAPPY });
    expect(saved.json()).toEqual({ answered: 5, items: 5, isComplete: true });
    expect((await requestAs(test.app, ownDevice, 'PUT', `/api/pupil/questionnaires/${otherClassWave}/pupil-wellbeing`, { answers: {} })).statusCode).toBe(404);
    // Another pupil's own device sees the other class's wave, without this pupil's answers.
    const other = await pupilDeviceFor(test, world.pupilInClassA1Other, world.classA1Other);
    const theirs = (await requestAs(test.app, other, 'GET', '/api/pupil/questionnaires')).json() as OpenWave[];
    expect(theirs.map((wave) => wave.id)).toEqual([otherClassWave]);
    expect(theirs[0]!.instruments[0]!.myAnswers).toEqual({});
  });

  it('takes no answers once the wave has closed', async () => {
    test.clock.advance(7 * DAY);
    await openDevices();
    expect((await kioskAnswer(world.pupilInClassA1)).json().error.code).toBe('wave_not_open');
    const fresh = await pupilDeviceFor(test, world.pupilInClassA1, world.classA1);
    expect((await requestAs(test.app, fresh, 'GET', '/api/pupil/questionnaires')).json()).toEqual([]);
  });
});
