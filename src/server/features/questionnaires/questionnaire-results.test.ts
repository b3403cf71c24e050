import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { isoInstant, newId } from '../../deps';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { loadShippedInstruments } from './instrument-catalogue';
import type { WaveResults } from './questionnaire-results.schemas';

const DAY = 24 * 60 * 60 * 1000;
const shipped = (id: string) => loadShippedInstruments().find((instrument) => instrument.id === id)!;
const wellbeing = shipped('pupil-wellbeing');
const competence = shipped('teacher-competence');
/** Every item answered with `value`. */
const all = (instrument: typeof wellbeing, value: number) => Object.fromEntries(instrument.items.map((item) => [item.id, value]));

describe.each(testDialects())('wave results on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let pupilWave = '';
  let teacherWave = '';
  const school = () => `/api/schools/${world.schoolA1}`;

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }
  const results = async (key: WorldUserKey, waveId: string) => requestAs(test.app, await as(key), 'GET', `${school()}/questionnaire-waves/${waveId}/results`);

  /** Answers stored as a respondent would leave them (pupils answer on the class device, not built yet). */
  async function answered(waveId: string, instrumentId: string, kind: 'pupil' | 'staff', classId: string | null, answers: Record<string, number>, count: number) {
    const now = isoInstant(test.clock.now());
    for (let index = 0; index < count; index++) {
      await test.deps.db.kysely
        .insertInto('questionnaire_responses')
        .values({ id: newId(), wave_id: waveId, instrument_id: instrumentId, respondent_kind: kind, respondent_id: newId(), class_id: classId, answers: JSON.stringify(answers), is_complete: 1, created_at: now, updated_at: now })
        .execute();
    }
  }

  beforeAll(async () => {
    // Saturday 21 November 2026; both waves run Monday 23 to Friday 27 November.
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const lead = await as('tsoLead');
    const plan = async (body: object) => ((await requestAs(test.app, lead, 'POST', `${school()}/questionnaire-waves`, body)).json() as { id: string }).id;
    const days = { opensOn: '2026-11-23', closesOn: '2026-11-27' };
    pupilWave = await plan({ name: 'Leerlingen', audience: 'pupils', ...days, instrumentIds: ['pupil-wellbeing'], classIds: [world.classA1, world.classA1Other] });
    teacherWave = await plan({ name: 'Team', audience: 'teachers', ...days, instrumentIds: ['teacher-competence'] });
    test.clock.advance(2 * DAY);
    // Class A1: six pupils answer 4 throughout (reversed items score 1); A1-other: five answer 1 (reversed: 4).
    await answered(pupilWave, 'pupil-wellbeing', 'pupil', world.classA1, all(wellbeing, 4), 6);
    await answered(pupilWave, 'pupil-wellbeing', 'pupil', world.classA1Other, all(wellbeing, 1), 5);
    // The world's teacher answers 5 throughout in the app; five colleagues answered 2.
    const saved = await requestAs(test.app, await as('teacher'), 'PUT', `${school()}/my-questionnaires/${teacherWave}/teacher-competence`, { answers: all(competence, 5) });
    expect(saved.statusCode, saved.body).toBe(200);
    await answered(teacherWave, 'teacher-competence', 'staff', null, all(competence, 2), 5);
  });
  afterAll(async () => test.close());

  it('has no results while the wave is open: a moving figure would give away each new answer', async () => {
    const open = await results('tsoLead', pupilWave);
    expect(open.statusCode).toBe(409);
    expect(open.json().error.code).toBe('wave_not_closed');
  });

  it('shows the TSO lead the school and every class of a pupil wave once it has closed', async () => {
    test.clock.advance(5 * DAY); // Saturday 28 November.
    const response = await results('tsoLead', pupilWave);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as WaveResults;
    expect(body).toMatchObject({ audience: 'pupils', training: 'before', minGroupSize: 5 });
    const [scale] = body.instruments[0]!.scales;
    // Wellbeing: two items plus one reversed. Class A1 scores (4 + 4 + 1) / 3 = 3, A1-other (1 + 1 + 4) / 3 = 2.
    expect(scale).toMatchObject({ id: 'wellbeing', range: { lowest: 1, highest: 4 }, mine: null });
    expect(scale!.school).toMatchObject({ hidden: false, n: 11 });
    expect((scale!.school as { mean: number }).mean).toBeCloseTo((6 * 3 + 5 * 2) / 11, 12);
    const figuresOf = (classId: string) => scale!.classes.find((entry) => entry.id === classId)?.figures;
    expect(scale!.classes).toHaveLength(2);
    expect(figuresOf(world.classA1)).toMatchObject({ hidden: false, n: 6, mean: 3, favourableShare: 2 / 3 });
    expect(figuresOf(world.classA1Other)).toMatchObject({ hidden: false, n: 5, mean: 2, favourableShare: 1 / 3 });
  });

  it('shows a teacher only the classes they teach, never the school level', async () => {
    const body = (await results('teacher', pupilWave)).json() as WaveResults;
    for (const scale of body.instruments[0]!.scales) {
      expect(scale.school).toBeNull();
      expect(scale.classes.map((entry) => entry.id)).toEqual([world.classA1]);
      expect(scale.classes[0]!.figures).toMatchObject({ hidden: false, n: 6 });
    }
  });

  it('gives a teacher their own scores of a teacher wave and the lead the school level, never one colleague', async () => {
    const mine = (await results('teacher', teacherWave)).json() as WaveResults;
    expect(mine.instruments[0]!.scales.map((scale) => [scale.id, scale.school, scale.mine])).toEqual([
      // All 5: reversed items score 1, so each scale of four items (one reversed) is (5 + 5 + 5 + 1) / 4.
      ['adapting-instruction', null, 4],
      ['keeping-order', null, 4],
      ['engaging-pupils', null, 5],
    ]);
    const lead = (await results('tsoLead', teacherWave)).json() as WaveResults;
    for (const scale of lead.instruments[0]!.scales) {
      expect(scale.mine).toBeNull();
      expect(scale.classes).toEqual([]);
      expect(scale.school).toMatchObject({ hidden: false, n: 6 });
    }
  });

  it('lists for a teacher the closed waves they may open: teacher waves and pupil waves of a class they teach', async () => {
    const closed = async (key: WorldUserKey) => (await requestAs(test.app, await as(key), 'GET', `${school()}/my-questionnaires/closed`)).json() as { id: string; audience: string }[];
    expect((await closed('teacher')).map((wave) => [wave.id, wave.audience]).sort()).toEqual([
      [pupilWave, 'pupils'],
      [teacherWave, 'teachers'],
    ].sort());
    // A pupil wave of a class the teacher does not teach is not theirs to open.
    await test.deps.db.kysely.deleteFrom('questionnaire_wave_classes').where('wave_id', '=', pupilWave).where('class_id', '=', world.classA1).execute();
    expect((await closed('teacher')).map((wave) => wave.id)).toEqual([teacherWave]);
    const results = await requestAs(test.app, await as('teacher'), 'GET', `${school()}/questionnaire-waves/${pupilWave}/results`);
    expect((results.json() as WaveResults).instruments[0]!.scales[0]!.classes).toEqual([]);
    await test.deps.db.kysely.insertInto('questionnaire_wave_classes').values({ wave_id: pupilWave, class_id: world.classA1 }).execute();
  });

  it('is refused to those who neither lead nor teach at the school', async () => {
    for (const key of ['careTeam', 'schoolAdmin', 'teacherOtherSchool', 'boardAdmin'] as const) {
      expect((await results(key, pupilWave)).statusCode, key).toBe(403);
    }
  });
});
