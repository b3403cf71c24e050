import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { isoInstant, newId } from '../../deps';
import { seededRandom } from '../../../shared/seeded-random';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { loadShippedInstruments } from '../questionnaires/instrument-catalogue';
import type { BoardEffect } from './board-effect.schemas';
import type { SchoolEffect } from './school-effect.schemas';

const competence = loadShippedInstruments().find((instrument) => instrument.id === 'teacher-competence')!;
// Six closed teacher waves over two school years (the test clock stands on Saturday 21 November 2026), the team
// training in between, an open wave that must not count, and a pupil wave only four pupils answered.
const WAVES = [
  ['Najaar 2024', '2024-11-04'],
  ['Winter 2025', '2025-02-03'],
  ['Voorjaar 2025', '2025-05-12'],
  ['Najaar 2025', '2025-11-03'],
  ['Winter 2026', '2026-02-02'],
  ['Voorjaar 2026', '2026-05-11'],
] as const;
const TRAINING = '2025-08-25';
const TEACHERS = 8;

describe.each(testDialects())('the effect evaluation of a school on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const path = () => `/api/schools/${world.schoolA1}/effect-evaluation`;

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }

  async function wave(name: string, audience: 'teachers' | 'pupils', opensOn: string, closesOn: string, instrumentId: string): Promise<string> {
    const db = test.deps.db.kysely;
    const now = isoInstant(test.clock.now());
    const id = newId();
    await db.insertInto('questionnaire_waves').values({ id, school_id: world.schoolA1, name, audience, opens_on: opensOn, closes_on: closesOn, created_by: null, created_at: now, updated_at: now }).execute();
    await db.insertInto('questionnaire_wave_instruments').values({ wave_id: id, instrument_id: instrumentId, instrument_version: '1.0.0', position: 0 }).execute();
    return id;
  }

  async function answer(waveId: string, instrumentId: string, kind: 'staff' | 'pupil', respondentId: string, answers: Record<string, number>) {
    const now = isoInstant(test.clock.now());
    await test.deps.db.kysely
      .insertInto('questionnaire_responses')
      .values({ id: newId(), wave_id: waveId, instrument_id: instrumentId, respondent_kind: kind, respondent_id: respondentId, class_id: null, answers: JSON.stringify(answers), is_complete: 1, created_at: now, updated_at: now })
      .execute();
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const db = test.deps.db.kysely;
    const now = isoInstant(test.clock.now());
    await db.insertInto('trainings').values({ id: newId(), school_id: world.schoolA1, kind: 'full_team', title: null, held_on: TRAINING, created_by: null, created_at: now, updated_at: now }).execute();
    // Eight teachers: each their own level; a little growth before the training, clearly more after it.
    const random = seededRandom(13);
    const levels = Array.from({ length: TEACHERS }, () => 2.2 + random());
    for (const [index, [name, opensOn]] of WAVES.entries()) {
      const id = await wave(name, 'teachers', opensOn, opensOn.replace(/-(\d\d)$/, (_, day: string) => `-${String(Number(day) + 4).padStart(2, '0')}`), 'teacher-competence');
      const growth = index < 3 ? 0.1 * index : 0.3 + 0.35 * (index - 2);
      for (let teacher = 0; teacher < TEACHERS; teacher++) {
        const value = (item: number) => Math.min(5, Math.max(1, Math.round(levels[teacher]! + growth + (random() - 0.5) + item * 0)));
        const answers = Object.fromEntries(competence.items.map((item, number) => [item.id, item.reverse ? 6 - value(number) : value(number)]));
        await answer(id, 'teacher-competence', 'staff', `teacher-${teacher}`, answers);
      }
    }
    const open = await wave('Najaar 2026', 'teachers', '2026-11-16', '2026-11-27', 'teacher-competence');
    await answer(open, 'teacher-competence', 'staff', 'teacher-0', Object.fromEntries(competence.items.map((item) => [item.id, 5])));
    const pupils = await wave('Leerlingen', 'pupils', '2026-10-05', '2026-10-09', 'pupil-wellbeing');
    for (let pupil = 0; pupil < 4; pupil++) await answer(pupils, 'pupil-wellbeing', 'pupil', `pupil-${pupil}`, { 'wellbeing.1': 3, 'wellbeing.2': 3 });
  });
  afterAll(async () => test.close());

  it('shows the TSO lead the growth model fitted to the six closed teacher waves, the open wave left out', async () => {
    const response = await requestAs(test.app, await as('tsoLead'), 'GET', path());
    expect(response.statusCode, response.body).toBe(200);
    const effect = response.json() as SchoolEffect;
    expect(effect.trainingOn).toBe(TRAINING);
    expect(effect.minGroupSize).toBe(5);
    expect(effect.waves.map((wave) => wave.name)).toEqual(['Najaar 2024', 'Winter 2025', 'Voorjaar 2025', 'Najaar 2025', 'Winter 2026', 'Voorjaar 2026', 'Leerlingen']);
    const teacher = effect.instruments.find((instrument) => instrument.id === 'teacher-competence')!;
    expect(teacher.scales.map((scale) => scale.id)).toEqual(competence.scales.map((scale) => scale.id));
    for (const scale of teacher.scales) {
      expect(scale.range).toEqual({ lowest: 1, highest: 5 });
      expect(scale.waves.map((entry) => entry.training)).toEqual(['before', 'before', 'before', 'after', 'after', 'after']);
      expect(scale.waves.every((entry) => !entry.figures.hidden && entry.figures.n === TEACHERS)).toBe(true);
      expect(scale.effect.status).toBe('fitted');
      if (scale.effect.status !== 'fitted') continue;
      expect(scale.effect.persons).toBe(TEACHERS);
      expect(scale.effect.measurements).toBe(TEACHERS * 6);
      // Growth after the training was built in clearly stronger than before it.
      expect(scale.effect.slopeDifference.estimate).toBeGreaterThan(0);
      expect(scale.effect.sameSeason?.pairs).toBe(3);
      expect(scale.effect.before[1].date).toBe(TRAINING);
    }
  });

  it('shows no number for the pupil wave that four pupils answered, and fits nothing to a single wave', async () => {
    const effect = (await requestAs(test.app, await as('leadership'), 'GET', path())).json() as SchoolEffect;
    const pupils = effect.instruments.find((instrument) => instrument.id === 'pupil-wellbeing')!;
    for (const scale of pupils.scales) {
      expect(scale.waves).toEqual([{ waveId: effect.waves[6]!.id, training: 'after', figures: { hidden: true } }]);
      expect(scale.effect).toEqual({ status: 'not_fitted', reason: 'too_few_waves' });
    }
    expect(JSON.stringify(pupils)).not.toMatch(/"mean"/);
  });

  it('shows the board nothing until the school shares, then pooled estimates without the school\'s own means', async () => {
    const board = await as('boardAdmin');
    const path = `/api/boards/${world.boardA}/effect-evaluation`;
    const before = (await requestAs(test.app, board, 'GET', path)).json() as BoardEffect;
    expect(before.instruments).toEqual([]);
    expect(before.schools.find((school) => school.schoolId === world.schoolA1)?.isSharing).toBe(false);

    const shared = await requestAs(test.app, await as('leadership'), 'PUT', `/api/schools/${world.schoolA1}/settings`, { sharesEffectWithBoard: true });
    expect(shared.statusCode, shared.body).toBe(200);
    const response = await requestAs(test.app, board, 'GET', path);
    expect(response.statusCode, response.body).toBe(200);
    const after = response.json() as BoardEffect;
    const teacher = after.instruments.find((instrument) => instrument.id === 'teacher-competence')!;
    for (const scale of teacher.scales) {
      expect(scale.schools).toEqual([{ schoolId: world.schoolA1, status: 'included' }]);
      expect(scale.effect).toMatchObject({ status: 'fitted', model: 'person', schools: 1, persons: TEACHERS });
    }
    // The pupil wave of four: the school is named, without a figure.
    const pupils = after.instruments.find((instrument) => instrument.id === 'pupil-wellbeing')!;
    expect(pupils.scales[0]!.schools).toEqual([{ schoolId: world.schoolA1, status: 'too_few_waves' }]);
    expect(JSON.stringify(after)).not.toMatch(/"mean"|"n":/);
    const audits = await test.deps.db.kysely.selectFrom('audit_events').select('board_id').where('action', '=', 'evaluation.board_view_read').execute();
    expect(audits).toEqual([{ board_id: world.boardA }, { board_id: world.boardA }]);
  });

  it("refuses teachers, the care team and the school's administrator", async () => {
    for (const key of ['teacher', 'careTeam', 'schoolAdmin'] as const) {
      expect((await requestAs(test.app, await as(key), 'GET', path())).statusCode, key).toBe(403);
    }
  });
});
