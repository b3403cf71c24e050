import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { isoInstant, newId } from '../../deps';
import { aspectIdsOf } from '../../../shared/selfscan-model';
import { createTestApp, requestAs, type Login, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { loadShippedModels } from './model-catalogue';
import { ensureShippedModels, shippedModelId } from './selfscan.service';

const model = loadShippedModels()[0]!;
const ASPECTS = aspectIdsOf(model);
const [MOTIVATION, KNOWLEDGE, LANGUAGE] = ASPECTS as [string, string, string];
const MODEL_ID = shippedModelId(model.id, model.version);
type Phase = 1 | 2 | 3 | 4 | null;

describe.each(testDialects())('self-scan shift, timeline and board view on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const rounds = { spring2025: '', autumn2025: '', upcoming: '', otherModel: '', otherSchool: '', otherBoard: '' };
  const sessions = new Map<WorldUserKey, Login>();

  async function as(key: WorldUserKey): Promise<Login> {
    const known = sessions.get(key);
    if (known) return known;
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    const login = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    sessions.set(key, login);
    return login;
  }

  /** Stores a round with answers (one list of phases per respondent) and agreed phases, straight in the database. */
  async function seedRound(input: {
    schoolId: string;
    modelId: string;
    name: string;
    opensOn: string;
    closesOn: string;
    answers?: { user: WorldUserKey; role: string; phases: Record<string, Phase> }[];
    consensus?: Record<string, 1 | 2 | 3 | 4>;
  }): Promise<string> {
    const db = test.deps.db.kysely;
    const now = isoInstant(test.clock.now());
    const id = newId();
    await db
      .insertInto('selfscan_rounds')
      .values({
        id,
        school_id: input.schoolId,
        model_id: input.modelId,
        name: input.name,
        opens_on: input.opensOn,
        closes_on: input.closesOn,
        audience: JSON.stringify({ roles: [], locationIds: [] }),
        results_shared_at: null,
        created_by: null,
        created_at: now,
      })
      .execute();
    for (const answer of input.answers ?? []) {
      const responseId = newId();
      await db.insertInto('selfscan_invitations').values({ round_id: id, user_id: world.users[answer.user].id }).execute();
      await db.insertInto('selfscan_responses').values({ id: responseId, round_id: id, user_id: world.users[answer.user].id, role: answer.role, created_at: now, updated_at: now }).execute();
      for (const [aspect, phase] of Object.entries(answer.phases)) {
        await db.insertInto('selfscan_ratings').values({ response_id: responseId, aspect_id: aspect, phase, note: null, updated_at: now }).execute();
      }
    }
    for (const [aspect, phase] of Object.entries(input.consensus ?? {})) {
      await db.insertInto('selfscan_consensus').values({ round_id: id, aspect_id: aspect, phase, rationale: 'Samen besproken', recorded_by: null, recorded_at: now }).execute();
    }
    return id;
  }

  const shiftUrl = (roundId: string, against?: string) =>
    `/api/schools/${world.schoolA1}/selfscan/rounds/${roundId}/shift${against === undefined ? '' : `?against=${against}`}`;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    // Three respondents per round: board A's k is 3, so their medians may show (the k rule has its own tests).
    await test.deps.db.kysely.updateTable('boards').set({ min_group_size: 3 }).where('id', '=', world.boardA).execute();
    await ensureShippedModels(test.deps.db.kysely, test.clock.now());
    const otherModelId = newId();
    await test.deps.db.kysely
      .insertInto('development_models')
      .values({
        id: otherModelId,
        school_id: world.schoolA1,
        model_key: 'welzijn-checklist',
        version: '1.0.0',
        definition: JSON.stringify({ ...model, id: 'welzijn-checklist' }),
        created_at: isoInstant(test.clock.now()),
      })
      .execute();

    rounds.spring2025 = await seedRound({
      schoolId: world.schoolA1,
      modelId: MODEL_ID,
      name: 'Voorjaar 2025',
      opensOn: '2025-03-01',
      closesOn: '2025-03-31',
      answers: [
        { user: 'teacher', role: 'teacher', phases: { [MOTIVATION]: 1, [KNOWLEDGE]: 1, [LANGUAGE]: 2 } },
        { user: 'careTeam', role: 'care_team', phases: { [MOTIVATION]: 2, [KNOWLEDGE]: 1, [LANGUAGE]: 3 } },
        { user: 'tsoLead', role: 'tso_lead', phases: { [MOTIVATION]: 2, [KNOWLEDGE]: 2, [LANGUAGE]: null } },
      ],
      consensus: { [MOTIVATION]: 2 },
    });
    rounds.autumn2025 = await seedRound({
      schoolId: world.schoolA1,
      modelId: MODEL_ID,
      name: 'Najaar 2025',
      opensOn: '2025-10-01',
      closesOn: '2025-10-31',
      answers: [
        { user: 'teacher', role: 'teacher', phases: { [MOTIVATION]: 3, [KNOWLEDGE]: 2 } },
        { user: 'careTeam', role: 'care_team', phases: { [MOTIVATION]: 3, [KNOWLEDGE]: 3 } },
        { user: 'tsoLead', role: 'tso_lead', phases: { [MOTIVATION]: 4, [KNOWLEDGE]: 3 } },
      ],
      consensus: { [MOTIVATION]: 3, [LANGUAGE]: 3 },
    });
    // Later, but not open yet: neither on the timeline nor on the board.
    rounds.upcoming = await seedRound({ schoolId: world.schoolA1, modelId: MODEL_ID, name: 'Voorjaar 2027', opensOn: '2027-03-01', closesOn: '2027-03-31', consensus: { [MOTIVATION]: 4 } });
    rounds.otherModel = await seedRound({
      schoolId: world.schoolA1,
      modelId: otherModelId,
      name: 'Welzijn 2024',
      opensOn: '2024-09-01',
      closesOn: '2024-09-30',
      answers: [{ user: 'teacher', role: 'teacher', phases: { [MOTIVATION]: 4 } }],
    });
    rounds.otherSchool = await seedRound({ schoolId: world.schoolA2, modelId: MODEL_ID, name: 'Ronde van A2', opensOn: '2025-01-01', closesOn: '2025-01-31', consensus: { [MOTIVATION]: 4 } });
    // Board B keeps k = 5: five answers (the users only stand in as respondents).
    rounds.otherBoard = await seedRound({
      schoolId: world.schoolB1,
      modelId: MODEL_ID,
      name: 'Ronde van B1',
      opensOn: '2025-01-01',
      closesOn: '2025-01-31',
      answers: (['teacher', 'careTeam', 'tsoLead', 'leadership', 'schoolAdmin'] as const).map((user) => ({ user, role: 'teacher', phases: { [KNOWLEDGE]: 1 } })),
      consensus: { [KNOWLEDGE]: 1 },
    });
  });
  afterAll(async () => test.close());

  describe('shift against an earlier round', () => {
    it('uses the agreed phase where there is one and the median elsewhere, per aspect in model order', async () => {
      const response = await requestAs(test.app, await as('tsoLead'), 'GET', shiftUrl(rounds.autumn2025, rounds.spring2025));
      expect(response.statusCode, response.body).toBe(200);
      const shift = response.json();
      expect(shift.round).toEqual({ id: rounds.autumn2025, name: 'Najaar 2025', opensOn: '2025-10-01', closesOn: '2025-10-31' });
      expect(shift.against.name).toBe('Voorjaar 2025');
      expect(shift.aspects.map((entry: { aspectId: string }) => entry.aspectId)).toEqual(ASPECTS);
      const [motivation, knowledge, language, fourth] = shift.aspects;
      // Consensus 2 → consensus 3.
      expect(motivation).toEqual({ aspectId: MOTIVATION, current: { value: 3, basis: 'consensus' }, earlier: { value: 2, basis: 'consensus' }, difference: 1 });
      // Medians of 1,1,2 → 2,3,3.
      expect(knowledge).toEqual({ aspectId: KNOWLEDGE, current: { value: 3, basis: 'median' }, earlier: { value: 1, basis: 'median' }, difference: 2 });
      // Two ratings with a phase ("weet ik niet" is not one) are below k = 3: no median, nothing to compare the agreed phase with.
      expect(language).toEqual({ aspectId: LANGUAGE, current: { value: 3, basis: 'consensus' }, earlier: { basis: 'hidden' }, difference: null });
      expect(fourth).toEqual({ aspectId: ASPECTS[3], current: { basis: 'hidden' }, earlier: { basis: 'hidden' }, difference: null });
    });

    it('goes the other way round with the opposite sign', async () => {
      const response = await requestAs(test.app, await as('leadership'), 'GET', shiftUrl(rounds.spring2025, rounds.autumn2025));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().aspects.slice(0, 3).map((entry: { difference: number }) => entry.difference)).toEqual([-1, -2, null]);
    });

    it('refuses a round of another school, another board, another model, the same round, an unknown round and a missing one', async () => {
      const lead = await as('tsoLead');
      const otherSchool = await requestAs(test.app, lead, 'GET', shiftUrl(rounds.autumn2025, rounds.otherSchool));
      expect(otherSchool.statusCode).toBe(404);
      expect(otherSchool.body).not.toContain('Ronde van A2');
      expect((await requestAs(test.app, lead, 'GET', shiftUrl(rounds.autumn2025, rounds.otherBoard))).statusCode).toBe(404);
      const otherModel = await requestAs(test.app, lead, 'GET', shiftUrl(rounds.autumn2025, rounds.otherModel));
      expect(otherModel.statusCode).toBe(400);
      expect(otherModel.json().error.fields).toHaveProperty(['querystring.against']);
      expect((await requestAs(test.app, lead, 'GET', shiftUrl(rounds.autumn2025, rounds.autumn2025))).statusCode).toBe(400);
      expect((await requestAs(test.app, lead, 'GET', shiftUrl(rounds.autumn2025, newId()))).statusCode).toBe(404);
      expect((await requestAs(test.app, lead, 'GET', shiftUrl(rounds.autumn2025))).statusCode).toBe(400);
      expect((await requestAs(test.app, lead, 'GET', shiftUrl(rounds.autumn2025, 'not-a-uuid'))).statusCode).toBe(400);
    });

    it('lets the team compare only when both rounds were shared with it, and never the board', async () => {
      const db = test.deps.db.kysely;
      const teacher = await as('teacher');
      expect((await requestAs(test.app, teacher, 'GET', shiftUrl(rounds.autumn2025, rounds.spring2025))).statusCode).toBe(403);
      await db.updateTable('selfscan_rounds').set({ results_shared_at: isoInstant(test.clock.now()) }).where('id', '=', rounds.autumn2025).execute();
      expect((await requestAs(test.app, teacher, 'GET', shiftUrl(rounds.autumn2025, rounds.spring2025))).statusCode).toBe(403);
      await db.updateTable('selfscan_rounds').set({ results_shared_at: isoInstant(test.clock.now()) }).where('id', '=', rounds.spring2025).execute();
      const shared = await requestAs(test.app, teacher, 'GET', shiftUrl(rounds.autumn2025, rounds.spring2025));
      expect(shared.statusCode, shared.body).toBe(200);
      expect(shared.json().aspects[0].difference).toBe(1);
      expect((await requestAs(test.app, await as('boardAdmin'), 'GET', shiftUrl(rounds.autumn2025, rounds.spring2025))).statusCode).toBe(403);
      expect((await requestAs(test.app, await as('teacherOtherSchool'), 'GET', shiftUrl(rounds.autumn2025, rounds.spring2025))).statusCode).toBe(403);
    });
  });

  describe('timeline per aspect', () => {
    const historyUrl = () => `/api/schools/${world.schoolA1}/selfscan/history`;

    it('lists the open and closed rounds of the latest model in date order, with agreed phase and median', async () => {
      const response = await requestAs(test.app, await as('tsoLead'), 'GET', historyUrl());
      expect(response.statusCode, response.body).toBe(200);
      const history = response.json();
      expect(history.model).toMatchObject({ id: MODEL_ID, key: model.id, version: model.version });
      // The upcoming round and the round on another model are left out.
      expect(history.rounds).toEqual([
        { id: rounds.spring2025, name: 'Voorjaar 2025', opensOn: '2025-03-01', closesOn: '2025-03-31', status: 'closed' },
        { id: rounds.autumn2025, name: 'Najaar 2025', opensOn: '2025-10-01', closesOn: '2025-10-31', status: 'closed' },
      ]);
      expect(history.aspects.map((entry: { aspectId: string }) => entry.aspectId)).toEqual(ASPECTS);
      const [motivation, knowledge, language] = history.aspects;
      expect(motivation.points).toEqual([
        { roundId: rounds.spring2025, consensusPhase: 2, median: { hidden: false, value: 2 } },
        { roundId: rounds.autumn2025, consensusPhase: 3, median: { hidden: false, value: 3 } },
      ]);
      expect(knowledge.points).toEqual([
        { roundId: rounds.spring2025, consensusPhase: null, median: { hidden: false, value: 1 } },
        { roundId: rounds.autumn2025, consensusPhase: null, median: { hidden: false, value: 3 } },
      ]);
      // Two ratings, then none: below k.
      expect(language.points).toEqual([
        { roundId: rounds.spring2025, consensusPhase: null, median: { hidden: true } },
        { roundId: rounds.autumn2025, consensusPhase: 3, median: { hidden: true } },
      ]);
    });

    it('shows a round that is open today, after the closed ones', async () => {
      const openRound = await seedRound({ schoolId: world.schoolA1, modelId: MODEL_ID, name: 'Najaar 2026', opensOn: '2026-11-01', closesOn: '2026-11-30' });
      try {
        const history = (await requestAs(test.app, await as('leadership'), 'GET', historyUrl())).json();
        expect(history.rounds.map((round: { name: string; status: string }) => `${round.name}:${round.status}`)).toEqual(['Voorjaar 2025:closed', 'Najaar 2025:closed', 'Najaar 2026:open']);
        expect(history.aspects[0].points[2]).toEqual({ roundId: openRound, consensusPhase: null, median: { hidden: true } });
      } finally {
        await test.deps.db.kysely.deleteFrom('selfscan_rounds').where('id', '=', openRound).execute();
      }
    });

    it('is only for the lead and leadership, even after sharing', async () => {
      for (const key of ['teacher', 'careTeam', 'schoolAdmin', 'boardAdmin', 'teacherOtherSchool'] as const) {
        expect((await requestAs(test.app, await as(key), 'GET', historyUrl())).statusCode, key).toBe(403);
      }
    });

    it('is empty for a school without rounds', async () => {
      const response = await requestAs(test.app, await as('tsoLead'), 'GET', `/api/schools/${world.schoolA1}/selfscan/history`);
      expect(response.statusCode).toBe(200);
      const db = test.deps.db.kysely;
      // School A2 has no lead in the world; ask the service's answer through a temporary lead there.
      await db.insertInto('school_memberships').values({ school_id: world.schoolA2, user_id: world.users.teacherOtherSchool.id, role: 'tso_lead', created_at: isoInstant(test.clock.now()) }).execute();
      await db.deleteFrom('selfscan_rounds').where('id', '=', rounds.otherSchool).execute();
      try {
        const empty = await requestAs(test.app, await as('teacherOtherSchool'), 'GET', `/api/schools/${world.schoolA2}/selfscan/history`);
        expect(empty.statusCode, empty.body).toBe(200);
        expect(empty.json()).toEqual({ minGroupSize: 3, model: null, rounds: [], aspects: [] });
      } finally {
        await db.deleteFrom('school_memberships').where('school_id', '=', world.schoolA2).where('role', '=', 'tso_lead').execute();
        rounds.otherSchool = await seedRound({ schoolId: world.schoolA2, modelId: MODEL_ID, name: 'Ronde van A2', opensOn: '2025-01-01', closesOn: '2025-01-31', consensus: { [MOTIVATION]: 4 } });
      }
    });
  });

  describe('board view', () => {
    const boardUrl = (boardId: string) => `/api/boards/${boardId}/selfscan`;
    const setSharing = async (key: WorldUserKey, schoolId: string, shares: boolean) =>
      requestAs(test.app, await as(key), 'PUT', `/api/schools/${schoolId}/settings`, { sharesSelfscanWithBoard: shares });

    it('lists every school as not shared while no school chose to share', async () => {
      const response = await requestAs(test.app, await as('boardAdmin'), 'GET', boardUrl(world.boardA));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().schools).toEqual([
        { schoolId: world.schoolA1, schoolName: 'School A1', isShared: false, latest: null },
        { schoolId: world.schoolA2, schoolName: 'School A2', isShared: false, latest: null },
      ]);
      expect(response.body).not.toContain('Najaar 2025');
    });

    it('shows the latest round with agreed phases of a sharing school, and nothing of the school that does not share', async () => {
      expect((await setSharing('leadership', world.schoolA1, true)).statusCode).toBe(200);
      const response = await requestAs(test.app, await as('boardAdmin'), 'GET', boardUrl(world.boardA));
      expect(response.statusCode, response.body).toBe(200);
      const [a1, a2] = response.json().schools;
      expect(a1).toMatchObject({ schoolId: world.schoolA1, isShared: true, latest: { round: { id: rounds.autumn2025, name: 'Najaar 2025' }, model: { key: model.id } } });
      expect(a1.latest.aspects.map((entry: { aspectId: string }) => entry.aspectId)).toEqual(ASPECTS);
      expect(a1.latest.aspects.map((entry: { phase: number | null }) => entry.phase)).toEqual([3, null, 3, ...ASPECTS.slice(3).map(() => null)]);
      expect(a1.latest.aspects[0]).toMatchObject({ name: model.layers[0]!.aspects[0]!.name, layerId: model.layers[0]!.id });
      expect(a2).toEqual({ schoolId: world.schoolA2, schoolName: 'School A2', isShared: false, latest: null });
      // Neither the rationale nor a median nor anything of A2 or of the other board travels along.
      for (const hidden of ['Ronde van A2', 'Ronde van B1', 'Samen besproken', 'median', 'Voorjaar 2027']) expect(response.body).not.toContain(hidden);
    });

    it('stops showing a school the moment it stops sharing', async () => {
      expect((await setSharing('schoolAdmin', world.schoolA1, false)).statusCode).toBe(200);
      const response = await requestAs(test.app, await as('boardAdmin'), 'GET', boardUrl(world.boardA));
      expect(response.json().schools[0]).toEqual({ schoolId: world.schoolA1, schoolName: 'School A1', isShared: false, latest: null });
      expect((await setSharing('leadership', world.schoolA1, true)).statusCode).toBe(200);
    });

    it('shows another board only its own schools, and refuses it board A', async () => {
      expect((await requestAs(test.app, await as('boardAdminOtherBoard'), 'GET', boardUrl(world.boardA))).statusCode).toBe(403);
      expect((await setSharing('schoolAdminOtherBoard', world.schoolB1, true)).statusCode).toBe(200);
      const response = await requestAs(test.app, await as('boardAdminOtherBoard'), 'GET', boardUrl(world.boardB));
      expect(response.statusCode, response.body).toBe(200);
      const schools = response.json().schools;
      expect(schools.map((school: { schoolName: string }) => school.schoolName)).toEqual(['School B1']);
      expect(schools[0].latest.round.name).toBe('Ronde van B1');
      expect(response.body).not.toContain('School A1');
      expect(response.body).not.toContain('Najaar 2025');
    });

    it('is for board admins only', async () => {
      for (const key of ['schoolAdmin', 'leadership', 'tsoLead', 'teacher'] as const) {
        expect((await requestAs(test.app, await as(key), 'GET', boardUrl(world.boardA))).statusCode, key).toBe(403);
      }
    });
  });
});
