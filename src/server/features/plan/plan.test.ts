import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aspectIdsOf } from '../../../shared/selfscan-model';
import { startSession } from '../../auth/sessions.service';
import { openFieldCrypto } from '../../crypto/field-encryption';
import { isoInstant, newId } from '../../deps';
import { createTestApp, requestAs, type Login, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { loadShippedModels } from '../selfscan/model-catalogue';
import { shippedModelId } from '../selfscan/selfscan.service';

const model = loadShippedModels()[0]!;
const [MOTIVATION, KNOWLEDGE] = aspectIdsOf(model) as [string, string];
const MODEL_ID = shippedModelId(model.id, model.version);
const DAY = 86_400_000;

// The test clock starts on Saturday 21 November 2026, 10:00 in Amsterdam: school year 2026-2027.
const TODAY = '2026-11-21';
const YEAR = '2026-2027';

describe.each(testDialects())('implementation plan on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const sessions = new Map<string, Login>();

  async function as(key: WorldUserKey): Promise<Login> {
    const userId = world.users[key].id;
    const known = sessions.get(userId);
    if (known) return known;
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, userId);
    const login = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    sessions.set(userId, login);
    return login;
  }
  /** Moves the clock on; sessions are started afresh (they would expire). */
  function advanceDays(days: number): void {
    test.clock.advance(days * DAY);
    sessions.clear();
  }
  const planUrl = (schoolId = world.schoolA1) => `/api/schools/${schoolId}/plan`;
  const call = async (key: WorldUserKey, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    requestAs(test.app, await as(key), method, url, payload);
  const plan = async (key: WorldUserKey, query = '') => {
    const response = await call(key, 'GET', `${planUrl()}${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const errorOf = (response: { statusCode: number; json(): { error: { code: string; fields?: Record<string, string[]> } } }) => ({
    status: response.statusCode,
    code: response.json().error.code,
  });
  const freeGoal = async (title: string, extra: Record<string, unknown> = {}) => {
    const response = await call('tsoLead', 'POST', `${planUrl()}/goals`, { kind: 'free', title, ...extra });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const addAction = async (goalId: string, body: Record<string, unknown>, key: WorldUserKey = 'tsoLead') => {
    const response = await call(key, 'POST', `${planUrl()}/goals/${goalId}/actions`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const workingGroupAudit = () =>
    test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'plan.working_group_changed').orderBy('seq').execute();

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    // Leadership of A1 also leads school A2: the same person can edit both plans, so ids of one
    // school sent through the other school's URL must find nothing.
    await test.deps.db.kysely
      .insertInto('school_memberships')
      .values({ school_id: world.schoolA2, user_id: world.users.leadership.id, role: 'leadership', created_at: isoInstant(test.clock.now()) })
      .execute();
  });
  afterAll(async () => test.close());

  it('shows leadership an empty plan for the current school year, with the school staff to choose owners from', async () => {
    const overview = await plan('leadership');
    expect(overview).toMatchObject({
      schoolId: world.schoolA1,
      schoolYear: YEAR,
      schoolYears: [YEAR],
      today: TODAY,
      currentPhase: null,
      phases: [],
      moments: [],
      rounds: [],
      waves: [],
      workingGroup: [],
      goals: [],
      canEdit: true,
      canManageTeam: true,
      sharedWithTeam: false,
    });
    const names = overview.people.map((person: { name: string }) => person.name).sort();
    expect(names).toEqual(['careTeam', 'leadership', 'schoolAdmin', 'teacher', 'tsoLead']);
  });

  it('answers not_shared to the team until leadership shares the plan; then they read it without the staff list', async () => {
    for (const key of ['teacher', 'careTeam', 'schoolAdmin'] as const) {
      expect(errorOf(await call(key, 'GET', planUrl()))).toEqual({ status: 403, code: 'not_shared' });
    }
    const shared = await call('leadership', 'PUT', `/api/schools/${world.schoolA1}/settings`, { sharesPlanWithTeam: true });
    expect(shared.statusCode, shared.body).toBe(200);
    const teacherView = await plan('teacher');
    expect(teacherView).toMatchObject({ canEdit: false, canManageTeam: false, sharedWithTeam: true, people: [] });
    expect((await call('careTeam', 'GET', planUrl())).statusCode).toBe(200);
    // Reading is not editing: the policy still refuses the team's writes.
    expect(errorOf(await call('teacher', 'POST', `${planUrl()}/goals`, { kind: 'free', title: 'Mag niet' }))).toEqual({ status: 403, code: 'forbidden' });

    const unshared = await call('leadership', 'PUT', `/api/schools/${world.schoolA1}/settings`, { sharesPlanWithTeam: false });
    expect(unshared.statusCode, unshared.body).toBe(200);
    expect(errorOf(await call('teacher', 'GET', planUrl()))).toEqual({ status: 403, code: 'not_shared' });
  });

  it('replaces the phase dates and works out the current phase from today', async () => {
    const phases = [
      { phase: 'implement', startsOn: '2027-02-01', endsOn: null },
      { phase: 'explore', startsOn: '2026-02-01', endsOn: '2026-07-31' },
      { phase: 'prepare', startsOn: '2026-08-01', endsOn: '2027-01-31' },
    ];
    const response = await call('tsoLead', 'PUT', `${planUrl()}/phases`, { phases });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().phases.map((phase: { phase: string }) => phase.phase)).toEqual(['explore', 'prepare', 'implement']);
    expect(response.json().currentPhase).toBe('prepare');

    const replaced = await call('leadership', 'PUT', `${planUrl()}/phases`, { phases: [{ phase: 'explore', startsOn: '2026-09-01', endsOn: null }] });
    expect(replaced.json()).toMatchObject({ phases: [{ phase: 'explore', startsOn: '2026-09-01', endsOn: null }], currentPhase: 'explore' });

    const future = await call('leadership', 'PUT', `${planUrl()}/phases`, { phases: [{ phase: 'explore', startsOn: '2026-12-01', endsOn: null }] });
    expect(future.json().currentPhase).toBeNull();

    const backwards = await call('tsoLead', 'PUT', `${planUrl()}/phases`, { phases: [{ phase: 'prepare', startsOn: '2027-01-01', endsOn: '2026-12-01' }] });
    expect(errorOf(backwards)).toEqual({ status: 400, code: 'validation_failed' });
    const twice = await call('tsoLead', 'PUT', `${planUrl()}/phases`, { phases: [phases[1], phases[1]] });
    expect(errorOf(twice)).toEqual({ status: 400, code: 'validation_failed' });

    const restored = await call('tsoLead', 'PUT', `${planUrl()}/phases`, { phases });
    expect(restored.json().currentPhase).toBe('prepare');
  });

  it('keeps monitoring moments by date and deletes them only in their own school', async () => {
    const later = await call('tsoLead', 'POST', `${planUrl()}/moments`, { onDate: '2027-03-15', title: 'Evaluatie met het team' });
    const sooner = await call('tsoLead', 'POST', `${planUrl()}/moments`, { onDate: '2026-12-10', title: '  Cijfers bekijken  ' });
    expect(later.statusCode, later.body).toBe(201);
    expect(sooner.json()).toMatchObject({ onDate: '2026-12-10', title: 'Cijfers bekijken' });
    expect((await plan('leadership')).moments.map((moment: { title: string }) => moment.title)).toEqual(['Cijfers bekijken', 'Evaluatie met het team']);

    expect(errorOf(await call('leadership', 'DELETE', `${planUrl(world.schoolA2)}/moments/${later.json().id}`))).toEqual({ status: 404, code: 'not_found' });
    expect((await call('tsoLead', 'DELETE', `${planUrl()}/moments/${later.json().id}`)).statusCode).toBe(204);
    expect(errorOf(await call('tsoLead', 'DELETE', `${planUrl()}/moments/${later.json().id}`))).toEqual({ status: 404, code: 'not_found' });
    expect((await plan('leadership')).moments).toEqual([{ id: sooner.json().id, onDate: '2026-12-10', title: 'Cijfers bekijken' }]);
  });

  it('creates goals in the school’s own words with a staff owner, per school year', async () => {
    const goal = await freeGoal('Elke dag rustig starten', { ownerUserId: world.users.teacher.id });
    expect(goal).toMatchObject({
      schoolYear: YEAR,
      kind: 'free',
      aspect: null,
      title: 'Elke dag rustig starten',
      sourceRoundId: null,
      owner: { id: world.users.teacher.id, name: 'teacher' },
      status: 'planned',
      evidence: '',
      actions: [],
    });
    const nextYear = await freeGoal('Nieuwe collega’s inwerken', { schoolYear: '2027-2028' });

    const foreignOwner = await call('tsoLead', 'POST', `${planUrl()}/goals`, { kind: 'free', title: 'Fout', ownerUserId: world.users.teacherOtherSchool.id });
    expect(errorOf(foreignOwner)).toEqual({ status: 400, code: 'validation_failed' });
    expect(foreignOwner.json().error.fields).toHaveProperty(['body.ownerUserId']);
    const unknownOwner = await call('tsoLead', 'POST', `${planUrl()}/goals`, { kind: 'free', title: 'Fout', ownerUserId: newId() });
    expect(errorOf(unknownOwner)).toEqual({ status: 400, code: 'validation_failed' });

    const overview = await plan('leadership');
    expect(overview.schoolYears).toEqual(['2027-2028', YEAR]);
    expect(overview.goals.map((g: { id: string }) => g.id)).toEqual([goal.id]);
    expect((await plan('leadership', '?schoolYear=2027-2028')).goals.map((g: { id: string }) => g.id)).toEqual([nextYear.id]);

    const changed = await call('tsoLead', 'PATCH', `${planUrl()}/goals/${goal.id}`, { status: 'achieved', evidence: 'Alle groepen starten met een check-in', ownerUserId: null });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ status: 'achieved', evidence: 'Alle groepen starten met een check-in', owner: null, title: 'Elke dag rustig starten' });
    expect(changed.json().updatedAt).toBe(isoInstant(test.clock.now()));

    expect(errorOf(await call('tsoLead', 'PATCH', `${planUrl()}/goals/${goal.id}`, { title: null }))).toEqual({ status: 400, code: 'validation_failed' });
    expect(errorOf(await call('tsoLead', 'PATCH', `${planUrl()}/goals/${goal.id}`, { targetPhase: 3 }))).toEqual({ status: 400, code: 'validation_failed' });
    expect(errorOf(await call('tsoLead', 'PATCH', `${planUrl()}/goals/${goal.id}`, { ownerUserId: world.users.teacherOtherSchool.id }))).toEqual({
      status: 400,
      code: 'validation_failed',
    });
    expect(errorOf(await call('tsoLead', 'PATCH', `${planUrl()}/goals/${newId()}`, { status: 'dropped' }))).toEqual({ status: 404, code: 'not_found' });
  });

  it("stores a goal's evidence encrypted, bound to its goal, and encrypts evidence left in plain text at start", async () => {
    const db = test.deps.db.kysely;
    const storedEvidence = async (goalId: string) => (await db.selectFrom('plan_goals').select('evidence').where('id', '=', goalId).executeTakeFirstOrThrow()).evidence;
    const otherYear = { schoolYear: '2029-2030' };
    const withEvidence = await freeGoal('Rustig starten, met bewijs', otherYear);
    const withoutEvidence = await freeGoal('Nog zonder bewijs', otherYear);
    const text = 'Groep 5: Sanne vertelt sinds de check-in vaker hoe het thuis gaat';
    const changed = await call('tsoLead', 'PATCH', `${planUrl()}/goals/${withEvidence.id}`, { evidence: `${text}\r\nTweede regel` });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().evidence).toBe(`${text}\nTweede regel`);
    expect(await storedEvidence(withEvidence.id)).toMatch(/^gw1:/);
    expect(await storedEvidence(withEvidence.id)).not.toContain('Sanne');
    expect(await storedEvidence(withoutEvidence.id)).toBe('');

    // Evidence written before it was encrypted: the server encrypts it when it starts (openFieldCrypto), '' stays ''.
    await db.updateTable('plan_goals').set({ evidence: 'Oud bewijs van Sanne, in platte tekst' }).where('id', '=', withEvidence.id).execute();
    await openFieldCrypto({ db: test.deps.db, config: test.deps.config, clock: test.clock });
    expect(await storedEvidence(withEvidence.id)).toMatch(/^gw1:/);
    expect(await storedEvidence(withoutEvidence.id)).toBe('');
    const goals = (await plan('leadership', '?schoolYear=2029-2030')).goals;
    expect(Object.fromEntries(goals.map((goal: { id: string; evidence: string }) => [goal.id, goal.evidence]))).toEqual({
      [withEvidence.id]: 'Oud bewijs van Sanne, in platte tekst',
      [withoutEvidence.id]: '',
    });
    for (const goal of [withEvidence, withoutEvidence]) expect((await call('tsoLead', 'DELETE', `${planUrl()}/goals/${goal.id}`)).statusCode).toBe(204);
  });

  describe('goals from a self-scan round', () => {
    let roundId: string;
    const roundsUrl = () => `/api/schools/${world.schoolA1}/selfscan/rounds`;

    beforeAll(async () => {
      const opened = await call('tsoLead', 'POST', roundsUrl(), { name: 'Zelfscan najaar', modelId: MODEL_ID, opensOn: TODAY, closesOn: '2026-11-30' });
      expect(opened.statusCode, opened.body).toBe(201);
      roundId = opened.json().id;
      // The team agrees on a round's results, so only once it is closed.
      expect((await call('tsoLead', 'POST', `${roundsUrl()}/${roundId}/close`)).statusCode).toBe(200);
      const agreed = await call('tsoLead', 'PUT', `${roundsUrl()}/${roundId}/consensus/${MOTIVATION}`, { phase: 2, rationale: 'Samen besproken' });
      expect(agreed.statusCode, agreed.body).toBe(200);
      const chosen = await call('tsoLead', 'PUT', `${roundsUrl()}/${roundId}/goals`, { aspectIds: [MOTIVATION] });
      expect(chosen.statusCode, chosen.body).toBe(200);
    });

    it('makes a goal of a next goal in one step: aspect, target phase and latest agreed placement from the round', async () => {
      const response = await call('tsoLead', 'POST', `${planUrl()}/goals`, { kind: 'aspect', roundId, aspectId: MOTIVATION });
      expect(response.statusCode, response.body).toBe(201);
      const aspect = model.layers[0]!.aspects.find((entry) => entry.id === MOTIVATION)!;
      expect(response.json()).toMatchObject({
        kind: 'aspect',
        schoolYear: YEAR,
        title: null,
        sourceRoundId: roundId,
        aspect: {
          aspectId: MOTIVATION,
          modelId: MODEL_ID,
          name: aspect.name,
          layer: 1,
          targetPhase: 3,
          latestConsensus: { phase: 2, roundId, roundName: 'Zelfscan najaar' },
        },
      });
      const overview = await plan('leadership');
      expect(overview.rounds).toEqual([{ id: roundId, name: 'Zelfscan najaar', opensOn: TODAY, closesOn: '2026-11-30' }]);
      expect(overview.goals.some((goal: { aspect: { aspectId: string } | null }) => goal.aspect?.aspectId === MOTIVATION)).toBe(true);
    });

    it('refuses a second goal for the same aspect in the same school year, but not in another year', async () => {
      const again = await call('leadership', 'POST', `${planUrl()}/goals`, { kind: 'aspect', roundId, aspectId: MOTIVATION, title: 'Nog een keer' });
      expect(errorOf(again)).toEqual({ status: 409, code: 'duplicate_aspect_goal' });
      const nextYear = await call('leadership', 'POST', `${planUrl()}/goals`, { kind: 'aspect', roundId, aspectId: MOTIVATION, schoolYear: '2027-2028' });
      expect(nextYear.statusCode, nextYear.body).toBe(201);
      // Moving it into a year that already has a goal for the aspect is the same conflict.
      expect(errorOf(await call('leadership', 'PATCH', `${planUrl()}/goals/${nextYear.json().id}`, { schoolYear: YEAR }))).toEqual({ status: 409, code: 'duplicate_aspect_goal' });
      const lowered = await call('leadership', 'PATCH', `${planUrl()}/goals/${nextYear.json().id}`, { targetPhase: 4, title: 'Verder groeien' });
      expect(lowered.json()).toMatchObject({ title: 'Verder groeien', aspect: { targetPhase: 4 } });
    });

    it('answers 404 for an aspect the round did not choose, an unknown round, or a round of another school', async () => {
      expect(errorOf(await call('tsoLead', 'POST', `${planUrl()}/goals`, { kind: 'aspect', roundId, aspectId: KNOWLEDGE }))).toEqual({ status: 404, code: 'not_found' });
      expect(errorOf(await call('tsoLead', 'POST', `${planUrl()}/goals`, { kind: 'aspect', roundId: newId(), aspectId: MOTIVATION }))).toEqual({ status: 404, code: 'not_found' });
      const viaOtherSchool = await call('leadership', 'POST', `${planUrl(world.schoolA2)}/goals`, { kind: 'aspect', roundId, aspectId: MOTIVATION });
      expect(errorOf(viaOtherSchool)).toEqual({ status: 404, code: 'not_found' });
    });

    it('shows the placement of the most recent round that agreed one', async () => {
      const later = await call('tsoLead', 'POST', roundsUrl(), { name: 'Zelfscan voorjaar', modelId: MODEL_ID, opensOn: '2026-11-25', closesOn: '2026-12-05' });
      expect(later.statusCode, later.body).toBe(201);
      expect((await call('tsoLead', 'POST', `${roundsUrl()}/${later.json().id}/close`)).statusCode).toBe(200);
      const agreed = await call('tsoLead', 'PUT', `${roundsUrl()}/${later.json().id}/consensus/${MOTIVATION}`, { phase: 3, rationale: 'Gegroeid' });
      expect(agreed.statusCode, agreed.body).toBe(200);
      const goal = (await plan('leadership')).goals.find((entry: { aspect: { aspectId: string } | null }) => entry.aspect?.aspectId === MOTIVATION);
      expect(goal.aspect.latestConsensus).toMatchObject({ phase: 3, roundId: later.json().id, roundName: 'Zelfscan voorjaar' });
      expect(goal.aspect.targetPhase).toBe(3);
    });
  });

  it('gives a working-group member the right to edit on the next request, and takes it away again; every change audited', async () => {
    const goal = await freeGoal('Een rustplek in elke gang');
    const teacherId = world.users.teacher.id;
    expect(errorOf(await call('teacher', 'PATCH', `${planUrl()}/goals/${goal.id}`, { status: 'in_progress' }))).toEqual({ status: 403, code: 'forbidden' });

    const added = await call('tsoLead', 'PUT', `${planUrl()}/working-group/${teacherId}`, { role: 'member' });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toEqual({ userId: teacherId, name: 'teacher', role: 'member' });
    // The same session, the next request: the place counts at once.
    const asMember = await plan('teacher');
    expect(asMember).toMatchObject({ canEdit: true, canManageTeam: false, sharedWithTeam: false, workingGroup: [{ userId: teacherId, name: 'teacher', role: 'member' }] });
    expect(asMember.people.length).toBeGreaterThan(0);
    expect((await call('teacher', 'PATCH', `${planUrl()}/goals/${goal.id}`, { status: 'in_progress' })).statusCode).toBe(200);
    expect(errorOf(await call('teacher', 'PUT', `${planUrl()}/working-group/${world.users.careTeam.id}`, { role: 'member' }))).toEqual({ status: 403, code: 'forbidden' });

    const promoted = await call('leadership', 'PUT', `${planUrl()}/working-group/${teacherId}`, { role: 'lead' });
    expect(promoted.json().role).toBe('lead');
    const byLead = await call('teacher', 'PUT', `${planUrl()}/working-group/${world.users.careTeam.id}`, { role: 'member' });
    expect(byLead.statusCode, byLead.body).toBe(200);
    // Sending the same role again changes nothing and is not audited.
    expect((await call('teacher', 'PUT', `${planUrl()}/working-group/${world.users.careTeam.id}`, { role: 'member' })).statusCode).toBe(200);

    // The last lead may go while members remain: leadership and TSO leads still manage the group.
    expect((await call('tsoLead', 'DELETE', `${planUrl()}/working-group/${teacherId}`)).statusCode).toBe(204);
    expect(errorOf(await call('teacher', 'PATCH', `${planUrl()}/goals/${goal.id}`, { status: 'achieved' }))).toEqual({ status: 403, code: 'forbidden' });
    expect(errorOf(await call('teacher', 'GET', planUrl()))).toEqual({ status: 403, code: 'not_shared' });
    expect((await plan('leadership')).workingGroup).toEqual([{ userId: world.users.careTeam.id, name: 'careTeam', role: 'member' }]);
    expect(errorOf(await call('tsoLead', 'DELETE', `${planUrl()}/working-group/${teacherId}`))).toEqual({ status: 404, code: 'not_found' });

    const events = await workingGroupAudit();
    expect(events.map((event) => [event.actor_user_id, event.target_id, JSON.parse(event.detail ?? '{}')])).toEqual([
      [world.users.tsoLead.id, teacherId, { userId: teacherId, before: null, after: 'member' }],
      [world.users.leadership.id, teacherId, { userId: teacherId, before: 'member', after: 'lead' }],
      [teacherId, world.users.careTeam.id, { userId: world.users.careTeam.id, before: null, after: 'member' }],
      [world.users.tsoLead.id, teacherId, { userId: teacherId, before: 'lead', after: null }],
    ]);
    expect(events.every((event) => event.school_id === world.schoolA1 && event.board_id === world.boardA)).toBe(true);
  });

  it('refuses working-group places for people who are not staff of the school, without writing anything', async () => {
    const before = (await workingGroupAudit()).length;
    for (const userId of [world.users.teacherOtherSchool.id, world.users.boardAdmin.id, newId()]) {
      const response = await call('tsoLead', 'PUT', `${planUrl()}/working-group/${userId}`, { role: 'member' });
      expect(errorOf(response)).toEqual({ status: 400, code: 'validation_failed' });
      expect(response.json().error.fields).toHaveProperty(['params.userId']);
    }
    expect(await workingGroupAudit()).toHaveLength(before);
    const places = await test.deps.db.kysely.selectFrom('plan_working_group').select('user_id').where('school_id', '=', world.schoolA1).execute();
    expect(places.map((place) => place.user_id)).toEqual([world.users.careTeam.id]);
  });

  describe('actions', () => {
    let goalId: string;

    beforeAll(async () => {
      goalId = (await freeGoal('Iedere leerling een vertrouwde volwassene')).id;
    });

    it('flags actions past their due date (school time) as overdue and lists them by due date, undated last', async () => {
      const undated = await addAction(goalId, { title: 'Gesprekken plannen' });
      const yesterday = await addAction(goalId, { title: 'Lijst van leerlingen maken', ownerUserId: world.users.teacher.id, dueOn: '2026-11-20', kotterStep: 'urgency' });
      const today = await addAction(goalId, { title: 'Mentoren koppelen', ownerUserId: world.users.careTeam.id, dueOn: TODAY, status: 'in_progress' });
      expect(undated).toMatchObject({ goalId, owner: null, dueOn: null, status: 'open', kotterStep: null, overdue: false, completedAt: null });
      expect(yesterday).toMatchObject({ owner: { id: world.users.teacher.id, name: 'teacher' }, kotterStep: 'urgency', overdue: true });
      expect(today).toMatchObject({ status: 'in_progress', overdue: false });

      const goal = (await plan('tsoLead')).goals.find((entry: { id: string }) => entry.id === goalId);
      expect(goal.actions.map((action: { id: string }) => action.id)).toEqual([yesterday.id, today.id, undated.id]);
    });

    it('records when an action is done, clears it when reopened, and never calls a done action overdue', async () => {
      const action = await addAction(goalId, { title: 'Teamdag voorbereiden', dueOn: '2026-11-01', ownerUserId: world.users.teacher.id });
      expect(action.overdue).toBe(true);
      const done = await call('tsoLead', 'PATCH', `${planUrl()}/actions/${action.id}`, { status: 'done' });
      expect(done.json()).toMatchObject({ status: 'done', overdue: false, completedAt: isoInstant(test.clock.now()) });
      // A later change that keeps it done keeps the moment it was done.
      test.clock.advance(60_000);
      const retitled = await call('tsoLead', 'PATCH', `${planUrl()}/actions/${action.id}`, { title: 'Teamdag voorbereid', status: 'done' });
      expect(retitled.json()).toMatchObject({ title: 'Teamdag voorbereid', completedAt: done.json().completedAt });
      const reopened = await call('tsoLead', 'PATCH', `${planUrl()}/actions/${action.id}`, { status: 'open' });
      expect(reopened.json()).toMatchObject({ status: 'open', overdue: true, completedAt: null });
      const dropped = await call('tsoLead', 'PATCH', `${planUrl()}/actions/${action.id}`, { status: 'dropped', dueOn: null, kotterStep: 'anchor' });
      expect(dropped.json()).toMatchObject({ status: 'dropped', overdue: false, dueOn: null, kotterStep: 'anchor', completedAt: null });
    });

    it('refuses owners who are not staff of the school', async () => {
      const response = await call('tsoLead', 'POST', `${planUrl()}/goals/${goalId}/actions`, { title: 'Fout', ownerUserId: world.users.teacherOtherSchool.id });
      expect(errorOf(response)).toEqual({ status: 400, code: 'validation_failed' });
      expect(response.json().error.fields).toHaveProperty(['body.ownerUserId']);
      const action = await addAction(goalId, { title: 'Zonder eigenaar' });
      expect(errorOf(await call('tsoLead', 'PATCH', `${planUrl()}/actions/${action.id}`, { ownerUserId: world.users.schoolAdminOtherBoard.id }))).toEqual({
        status: 400,
        code: 'validation_failed',
      });
    });

    it('finds nothing when a goal or action of one school is addressed through another school', async () => {
      const action = await addAction(goalId, { title: 'Alleen van school A1' });
      const other = planUrl(world.schoolA2);
      const notFound = { status: 404, code: 'not_found' };
      expect(errorOf(await call('leadership', 'PATCH', `${other}/goals/${goalId}`, { status: 'dropped' }))).toEqual(notFound);
      expect(errorOf(await call('leadership', 'DELETE', `${other}/goals/${goalId}`))).toEqual(notFound);
      expect(errorOf(await call('leadership', 'POST', `${other}/goals/${goalId}/actions`, { title: 'Ergens anders' }))).toEqual(notFound);
      expect(errorOf(await call('leadership', 'PATCH', `${other}/actions/${action.id}`, { status: 'done' }))).toEqual(notFound);
      expect(errorOf(await call('leadership', 'DELETE', `${other}/actions/${action.id}`))).toEqual(notFound);
      expect((await call('leadership', 'GET', other)).json().goals).toEqual([]);
      const stored = await test.deps.db.kysely.selectFrom('plan_actions').select(['status', 'school_id']).where('id', '=', action.id).executeTakeFirstOrThrow();
      expect(stored).toEqual({ status: 'open', school_id: world.schoolA1 });
    });

    it('deletes an action, and a goal together with its actions', async () => {
      const goal = await freeGoal('Tijdelijk doel');
      const kept = await addAction(goal.id, { title: 'Eerste' });
      const removed = await addAction(goal.id, { title: 'Tweede' });
      expect((await call('tsoLead', 'DELETE', `${planUrl()}/actions/${removed.id}`)).statusCode).toBe(204);
      expect(errorOf(await call('tsoLead', 'DELETE', `${planUrl()}/actions/${removed.id}`))).toEqual({ status: 404, code: 'not_found' });
      expect((await call('tsoLead', 'DELETE', `${planUrl()}/goals/${goal.id}`)).statusCode).toBe(204);
      const left = await test.deps.db.kysely.selectFrom('plan_actions').select('id').where('goal_id', '=', goal.id).execute();
      expect(left).toEqual([]);
      expect(errorOf(await call('tsoLead', 'PATCH', `${planUrl()}/actions/${kept.id}`, { status: 'done' }))).toEqual({ status: 404, code: 'not_found' });
      expect(errorOf(await call('tsoLead', 'DELETE', `${planUrl()}/goals/${goal.id}`))).toEqual({ status: 404, code: 'not_found' });
    });

    it('lists my actions across my schools: open ones by due date first, then the ones closed in the last 30 days', async () => {
      const mine = (await call('teacher', 'GET', '/api/me/actions')).json();
      expect(mine.today).toBe(TODAY);
      expect(mine.actions.map((action: { title: string; status: string; overdue: boolean }) => [action.title, action.status, action.overdue])).toEqual([
        ['Lijst van leerlingen maken', 'open', true],
        ['Teamdag voorbereid', 'dropped', false],
      ]);
      expect(mine.actions[0]).toMatchObject({
        school: { id: world.schoolA1, name: 'School A1' },
        goal: { id: goalId, title: 'Iedere leerling een vertrouwde volwassene', aspectName: null },
        owner: { id: world.users.teacher.id, name: 'teacher' },
      });

      // An aspect goal's action carries the aspect's name.
      const aspectGoal = (await plan('leadership')).goals.find((entry: { kind: string }) => entry.kind === 'aspect');
      const onAspect = await addAction(aspectGoal.id, { title: 'Verhalen van collega’s delen', ownerUserId: world.users.teacher.id, dueOn: '2026-12-01' });
      const undated = await addAction(aspectGoal.id, { title: 'Ooit doen', ownerUserId: world.users.teacher.id });
      const withAspect = (await call('teacher', 'GET', '/api/me/actions')).json();
      expect(withAspect.actions.map((action: { id: string }) => action.id).slice(0, 3)).toEqual([mine.actions[0].id, onAspect.id, undated.id]);
      expect(withAspect.actions[1].goal.aspectName).toEqual(model.layers[0]!.aspects.find((entry) => entry.id === MOTIVATION)!.name);

      // Time passes: the overdue flag follows the school date, and closed actions leave the list after 30 days.
      advanceDays(11);
      const later = (await call('teacher', 'GET', '/api/me/actions')).json();
      expect(later.today).toBe('2026-12-02');
      expect(later.actions.find((action: { id: string }) => action.id === onAspect.id).overdue).toBe(true);
      expect(later.actions.some((action: { status: string }) => action.status === 'dropped')).toBe(true);
      advanceDays(20);
      const muchLater = (await call('teacher', 'GET', '/api/me/actions')).json();
      expect(muchLater.actions.map((action: { status: string }) => action.status)).toEqual(['open', 'open', 'open']);
      expect((await call('careTeam', 'GET', '/api/me/actions')).json().actions.map((action: { title: string }) => action.title)).toEqual(['Mentoren koppelen']);
    });

    it('leaves out the actions of a school where I no longer hold a role', async () => {
      await test.deps.db.kysely.deleteFrom('school_memberships').where('user_id', '=', world.users.careTeam.id).execute();
      const response = await call('careTeam', 'GET', '/api/me/actions');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().actions).toEqual([]);
    });
  });
});
