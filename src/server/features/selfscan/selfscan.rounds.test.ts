import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { isoInstant, newId } from '../../deps';
import type { SchoolRole } from '../../../shared/roles';
import { aspectIdsOf } from '../../../shared/selfscan-model';
import { createTestApp, requestAs, type Login, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { aggregateSelfScan, type RatingInput } from './aggregate';
import { loadShippedModels } from './model-catalogue';
import { shippedModelId } from './selfscan.service';

const model = loadShippedModels()[0]!;
const ASPECTS = aspectIdsOf(model);
const [MOTIVATION, KNOWLEDGE, LANGUAGE] = ASPECTS as [string, string, string];
const MODEL_ID = shippedModelId(model.id, model.version);
const HOUR = 3_600_000;

describe.each(testDialects())('self-scan rounds on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  // Two more teachers (so three teachers can form a role group) and one person who is both teacher and care team.
  const extra = {
    anouk: { id: newId(), name: 'Juf Anouk Extra', email: 'anouk@world.test' },
    bram: { id: newId(), name: 'Meester Bram Extra', email: 'bram@world.test' },
    chris: { id: newId(), name: 'Chris Dubbelrol', email: 'chris@world.test' },
  };
  const sessions = new Map<string, Login>();
  let roundId: string;
  /** Every answer the test gives in the main round, as the aggregate's input. */
  const given = new Map<string, RatingInput>();

  async function as(userId: string): Promise<Login> {
    const known = sessions.get(userId);
    if (known) return known;
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, userId);
    const login = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    sessions.set(userId, login);
    return login;
  }
  const user = (key: WorldUserKey) => as(world.users[key].id);
  const roundsUrl = () => `/api/schools/${world.schoolA1}/selfscan/rounds`;
  const rate = async (userId: string, role: string, aspect: string, phase: 1 | 2 | 3 | 4 | null, note?: string) => {
    const response = await requestAs(test.app, await as(userId), 'PUT', `${roundsUrl()}/${roundId}/ratings/${aspect}`, { phase, ...(note ? { note } : {}) });
    expect(response.statusCode, response.body).toBe(200);
    given.set(`${userId}/${aspect}`, { respondent: userId, role, aspect, phase });
    return response;
  };

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const db = test.deps.db.kysely;
    const now = isoInstant(test.clock.now());
    const add = async (person: { id: string; name: string; email: string }, roles: SchoolRole[], classId: string) => {
      await db.insertInto('users').values({ id: person.id, email: person.email, name: person.name, password_hash: null, locale: 'en', disabled_at: null, created_at: now }).execute();
      for (const role of roles) await db.insertInto('school_memberships').values({ school_id: world.schoolA1, user_id: person.id, role, created_at: now }).execute();
      await db.insertInto('class_teachers').values({ class_id: classId, user_id: person.id, created_at: now }).execute();
    };
    await add(extra.anouk, ['teacher'], world.classA1);
    await add(extra.bram, ['teacher'], world.classA1Other);
    await add(extra.chris, ['teacher', 'care_team'], world.classA1Other);
  });
  afterAll(async () => test.close());

  it('lets the TSO lead open a round that invites all staff and mails each of them a link', async () => {
    const response = await requestAs(test.app, await user('tsoLead'), 'POST', roundsUrl(), {
      name: 'Zelfscan najaar 2026',
      modelId: MODEL_ID,
      opensOn: '2026-11-21',
      closesOn: '2026-11-30',
    });
    expect(response.statusCode, response.body).toBe(201);
    const round = response.json();
    roundId = round.id;
    expect(round).toMatchObject({
      name: 'Zelfscan najaar 2026',
      model: { id: MODEL_ID, key: 'tso-development-model', version: '1.0.0' },
      status: 'open',
      audience: { roles: [], locationIds: [] },
      resultsSharedAt: null,
      closedAt: null,
      progress: { invited: 8, responded: 0 },
      isInvited: true,
      // Nobody sees results while the round runs.
      canSeeResults: false,
      myAnswers: [],
    });
    const mails = await test.deps.db.kysely.selectFrom('outbox_messages').selectAll().where('school_id', '=', world.schoolA1).execute();
    const invitations = mails.filter((mail) => mail.body_text.includes(`/zelfscan/${roundId}`));
    expect(invitations.map((mail) => mail.to_address).sort()).toEqual(
      [
        ...(['schoolAdmin', 'leadership', 'tsoLead', 'teacher', 'careTeam'] as const).map((key) => world.users[key].email),
        extra.anouk.email,
        extra.bram.email,
        extra.chris.email,
      ].sort(),
    );
    expect(invitations.find((mail) => mail.to_address === extra.anouk.email)?.subject).toContain('Self-scan');
    expect(invitations.find((mail) => mail.to_address === world.users.teacher.email)?.subject).toContain('Zelfscan');
    const audit = await test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'selfscan.round_opened').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target_id: roundId, school_id: world.schoolA1, actor_user_id: world.users.tsoLead.id });
  });

  it('refuses a round that closes before it opens, or with a model or location of elsewhere', async () => {
    const lead = await user('tsoLead');
    const body = { name: 'Fout', modelId: MODEL_ID, opensOn: '2026-11-25', closesOn: '2026-11-24' };
    expect((await requestAs(test.app, lead, 'POST', roundsUrl(), body)).statusCode).toBe(400);
    expect((await requestAs(test.app, lead, 'POST', roundsUrl(), { ...body, closesOn: '2026-12-01', modelId: newId() })).statusCode).toBe(400);
    const foreignLocation = { ...body, closesOn: '2026-12-01', audience: { roles: [], locationIds: [newId()] } };
    expect((await requestAs(test.app, lead, 'POST', roundsUrl(), foreignLocation)).statusCode).toBe(400);
  });

  it('refuses a round name with a line break or a bidi override, naming the field, and mails nobody', async () => {
    const db = test.deps.db.kysely;
    const [roundsBefore, mailsBefore] = [await db.selectFrom('selfscan_rounds').select('id').execute(), await db.selectFrom('outbox_messages').select('id').execute()];
    const body = { modelId: MODEL_ID, opensOn: '2026-11-21', closesOn: '2026-11-30' };
    for (const name of ['Najaar\r\n\r\nUw account verloopt: https://evil.example/', 'Najaar\nKlik hier', 'Najaar \u202Egnp.exe']) {
      const response = await requestAs(test.app, await user('tsoLead'), 'POST', roundsUrl(), { ...body, name });
      expect(response.statusCode, name).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation_failed', fields: { 'body.name': ['control_characters_not_allowed'] } });
    }
    expect(await db.selectFrom('selfscan_rounds').select('id').execute()).toHaveLength(roundsBefore.length);
    expect(await db.selectFrom('outbox_messages').select('id').execute()).toHaveLength(mailsBefore.length);
  });

  it('saves answers as you go, including "weet ik niet" with a note, and shows each respondent only their own', async () => {
    await rate(world.users.teacher.id, 'teacher', MOTIVATION, 2);
    await rate(world.users.teacher.id, 'teacher', MOTIVATION, 3, 'We praten er in elke teamvergadering over');
    await rate(world.users.careTeam.id, 'care_team', MOTIVATION, null, 'Op de andere locatie weet ik het niet');
    await rate(world.users.careTeam.id, 'care_team', KNOWLEDGE, 2);

    const teacherView = (await requestAs(test.app, await user('teacher'), 'GET', `${roundsUrl()}/${roundId}`)).json();
    expect(teacherView.myAnswers).toEqual([{ aspectId: MOTIVATION, phase: 3, note: 'We praten er in elke teamvergadering over' }]);
    expect(teacherView.progress).toEqual({ invited: 8, responded: 2 });
    expect(teacherView.canSeeResults).toBe(false);
    const careView = (await requestAs(test.app, await user('careTeam'), 'GET', `${roundsUrl()}/${roundId}`)).json();
    expect(careView.myAnswers).toEqual([
      { aspectId: KNOWLEDGE, phase: 2, note: null },
      { aspectId: MOTIVATION, phase: null, note: 'Op de andere locatie weet ik het niet' },
    ]);
  });

  it('shows progress as counts only, never who responded', async () => {
    const response = await requestAs(test.app, await user('schoolAdmin'), 'GET', roundsUrl());
    expect(response.statusCode).toBe(200);
    const [round] = response.json();
    expect(round.progress).toEqual({ invited: 8, responded: 2 });
    expect(round.myAnswers).toBeUndefined();
    for (const person of [world.users.teacher, world.users.careTeam]) {
      expect(response.body).not.toContain(person.id);
      expect(response.body).not.toContain(person.email);
    }
  });

  it('refuses answers for an aspect that is not in the model, and from people who were not invited', async () => {
    const teacher = await user('teacher');
    expect((await requestAs(test.app, teacher, 'PUT', `${roundsUrl()}/${roundId}/ratings/layer-9.unknown`, { phase: 1 })).statusCode).toBe(404);
    expect((await requestAs(test.app, teacher, 'PUT', `${roundsUrl()}/${roundId}/ratings/${MOTIVATION}`, { phase: 5 })).statusCode).toBe(400);

    const mainBuilding = await requestAs(test.app, await user('tsoLead'), 'POST', roundsUrl(), {
      name: 'Hoofdgebouw, zorg en directie',
      modelId: MODEL_ID,
      opensOn: '2026-11-21',
      closesOn: '2026-11-28',
      audience: { roles: ['teacher', 'care_team', 'leadership'], locationIds: [world.locationA1] },
    });
    expect(mainBuilding.statusCode, mainBuilding.body).toBe(201);
    // Teachers with a class at the main building only (the teacher and Anouk, not Bram; Chris's class has no
    // location, but Chris is care team too), the care team and leadership school-wide: 5 people, k = 5.
    expect(mainBuilding.json().progress.invited).toBe(5);
    const url = `${roundsUrl()}/${mainBuilding.json().id}/ratings/${MOTIVATION}`;
    const tsoLead = await requestAs(test.app, await user('tsoLead'), 'PUT', url, { phase: 2 });
    expect(tsoLead.statusCode).toBe(403);
    expect(tsoLead.json().error.code).toBe('forbidden');
    expect((await requestAs(test.app, await as(extra.bram.id), 'PUT', url, { phase: 2 })).statusCode).toBe(403);
    expect((await requestAs(test.app, await user('teacherOtherSchool'), 'PUT', url, { phase: 2 })).statusCode).toBe(403);
    expect((await requestAs(test.app, await as(extra.anouk.id), 'PUT', url, { phase: 2 })).statusCode).toBe(200);
  });

  it('records the respondent role once, as their highest role', async () => {
    await rate(extra.chris.id, 'care_team', LANGUAGE, 4);
    const response = await test.deps.db.kysely.selectFrom('selfscan_responses').selectAll().where('round_id', '=', roundId).where('user_id', '=', extra.chris.id).executeTakeFirstOrThrow();
    expect(response.role).toBe('care_team');
  });

  it('shows no results while the round runs, also not to the lead', async () => {
    // Three teachers and three others rate: enough for results later, none of them readable now.
    await rate(extra.anouk.id, 'teacher', MOTIVATION, 1);
    await rate(extra.anouk.id, 'teacher', KNOWLEDGE, 4);
    await rate(extra.bram.id, 'teacher', MOTIVATION, 2, 'Alleen de bovenbouw is echt bezig');
    await rate(extra.bram.id, 'teacher', KNOWLEDGE, 3);
    await rate(world.users.leadership.id, 'leadership', MOTIVATION, 3);
    await rate(world.users.tsoLead.id, 'tso_lead', MOTIVATION, 4);
    await rate(world.users.tsoLead.id, 'tso_lead', LANGUAGE, 2);
    for (const key of ['tsoLead', 'leadership', 'teacher'] as const) {
      const response = await requestAs(test.app, await user(key), 'GET', `${roundsUrl()}/${roundId}/results`);
      expect(response.statusCode, key).toBe(key === 'teacher' ? 403 : 409);
      expect(response.body).not.toContain('bovenbouw');
    }
    expect((await requestAs(test.app, await user('tsoLead'), 'POST', `${roundsUrl()}/${roundId}/share`)).statusCode).toBe(409);
  });

  it('takes answers until the last day by the school calendar (Amsterdam), not after', async () => {
    // 30 November 22:30 UTC is 23:30 in Amsterdam: still the last day.
    test.clock.advance(Date.parse('2026-11-30T22:30:00Z') - test.clock.now().getTime());
    sessions.clear(); // the earlier sessions have expired in the meantime
    await rate(world.users.teacher.id, 'teacher', KNOWLEDGE, 3);
    // One hour later it is 1 December in Amsterdam, while UTC still says 30 November.
    test.clock.advance(HOUR);
    const late = await requestAs(test.app, await user('teacher'), 'PUT', `${roundsUrl()}/${roundId}/ratings/${KNOWLEDGE}`, { phase: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('round_not_open');
    const round = (await requestAs(test.app, await user('teacher'), 'GET', `${roundsUrl()}/${roundId}`)).json();
    expect(round.status).toBe('closed');
    expect(round.myAnswers.find((answer: { aspectId: string }) => answer.aspectId === KNOWLEDGE).phase).toBe(3);
  });

  it('keeps results for the lead and leadership until shared, then shows them to the team (never to the board admin)', async () => {
    const url = `${roundsUrl()}/${roundId}/results`;
    const teacherBefore = await requestAs(test.app, await user('teacher'), 'GET', url);
    expect(teacherBefore.statusCode).toBe(403);
    expect(teacherBefore.json().error.code).toBe('forbidden');
    expect((await requestAs(test.app, await user('leadership'), 'GET', url)).statusCode).toBe(200);
    expect((await requestAs(test.app, await user('tsoLead'), 'GET', url)).statusCode).toBe(200);
    expect((await requestAs(test.app, await user('boardAdmin'), 'GET', url)).statusCode).toBe(403);

    const shared = await requestAs(test.app, await user('tsoLead'), 'POST', `${roundsUrl()}/${roundId}/share`);
    expect(shared.statusCode).toBe(200);
    expect(shared.json().resultsSharedAt).toBe(isoInstant(test.clock.now()));
    expect((await requestAs(test.app, await user('teacher'), 'GET', url)).statusCode).toBe(200);
    expect((await requestAs(test.app, await user('schoolAdmin'), 'GET', url)).statusCode).toBe(200);
    expect((await requestAs(test.app, await user('boardAdmin'), 'GET', url)).statusCode).toBe(403);
    const audit = await test.deps.db.kysely.selectFrom('audit_events').select('target_id').where('action', '=', 'selfscan.results_shared').execute();
    expect(audit).toEqual([{ target_id: roundId }]);
  });

  it('computes results exactly as aggregateSelfScan, in model order, with role groups following the board minimum', async () => {
    // Three teachers and four others rated: with k = 5 the teachers hide in "other", with k = 3 they show.
    const url = `${roundsUrl()}/${roundId}/results`;
    const input = [...given.values()];

    const withFive = (await requestAs(test.app, await user('leadership'), 'GET', url)).json();
    expect(withFive.aggregate).toEqual(aggregateSelfScan(input, { minGroupSize: 5, aspectIds: ASPECTS }));
    expect(withFive.aggregate.aspects.map((aspect: { aspect: string }) => aspect.aspect)).toEqual(ASPECTS);
    expect(withFive.aggregate.respondents).toBe(7);
    expect(withFive.aggregate.groups.map((group: { group: string; respondents: number }) => [group.group, group.respondents])).toEqual([['other', 7]]);
    expect(withFive.aggregate.aspects[0]).toMatchObject({ aspect: MOTIVATION, hidden: false, n: 5, dontKnow: 1, counts: { '1': 1, '2': 1, '3': 2, '4': 1 }, median: 3 });
    // Knowledge: four ratings (3, 2, 4, 3), one short of k; language: two.
    expect(withFive.aggregate.aspects.slice(1, 3)).toEqual([
      { aspect: KNOWLEDGE, hidden: true },
      { aspect: LANGUAGE, hidden: true },
    ]);

    await test.deps.db.kysely.updateTable('boards').set({ min_group_size: 3 }).where('id', '=', world.boardA).execute();
    const withThree = (await requestAs(test.app, await user('leadership'), 'GET', url)).json();
    expect(withThree.aggregate).toEqual(aggregateSelfScan(input, { minGroupSize: 3, aspectIds: ASPECTS }));
    expect(withThree.aggregate.minGroupSize).toBe(3);
    expect(withThree.aggregate.groups.map((group: { group: string; respondents: number }) => [group.group, group.respondents])).toEqual([
      ['teacher', 3],
      ['other', 4],
    ]);
    // Motivation: teachers 3 ratings, other 2 (leadership, TSO lead; the care team said "weet ik niet"): other
    // hides, and the teachers with it, or team minus teachers would give other's two ratings.
    expect(withThree.aggregate.groups.map((group: { aspects: { hidden: boolean }[] }) => group.aspects[0]!.hidden)).toEqual([true, true]);
    await test.deps.db.kysely.updateTable('boards').set({ min_group_size: 5 }).where('id', '=', world.boardA).execute();
  });

  it('shows notes per aspect sorted by text, without anything that identifies who wrote them', async () => {
    const response = await requestAs(test.app, await user('teacher'), 'GET', `${roundsUrl()}/${roundId}/results`);
    const results = response.json();
    expect(results.notes.map((entry: { aspectId: string }) => entry.aspectId)).toEqual(ASPECTS);
    // Six people answered motivation ("weet ik niet" counts as an answer): at least k, so its notes show.
    expect(results.notes[0]).toEqual({
      aspectId: MOTIVATION,
      hidden: false,
      notes: ['Alleen de bovenbouw is echt bezig', 'Op de andere locatie weet ik het niet', 'We praten er in elke teamvergadering over'],
    });
    // Four answered knowledge: below k, so whatever notes it has stay hidden.
    expect(results.notes[1]).toEqual({ aspectId: KNOWLEDGE, hidden: true });
    const people = [
      ...Object.values(world.users),
      ...Object.values(extra),
    ];
    for (const person of people) {
      expect(response.body).not.toContain(person.id);
      expect(response.body).not.toContain(person.email);
    }
    for (const name of [extra.anouk.name, extra.bram.name, extra.chris.name, 'careTeam', 'tsoLead']) expect(response.body).not.toContain(name);
  });

  it('records consensus per aspect and turns agreed aspects into goals one phase up (at most 4)', async () => {
    const lead = await user('tsoLead');
    const base = `${roundsUrl()}/${roundId}`;
    const first = await requestAs(test.app, lead, 'PUT', `${base}/consensus/${MOTIVATION}`, { phase: 2, rationale: 'Besproken in de studiedag' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ aspectId: MOTIVATION, phase: 2, rationale: 'Besproken in de studiedag' });
    expect((await requestAs(test.app, lead, 'PUT', `${base}/consensus/${KNOWLEDGE}`, { phase: 3, rationale: 'Eerst gedacht' })).statusCode).toBe(200);
    expect((await requestAs(test.app, lead, 'PUT', `${base}/consensus/${KNOWLEDGE}`, { phase: 4, rationale: 'Iedereen is geschoold' })).statusCode).toBe(200);
    expect((await requestAs(test.app, lead, 'PUT', `${base}/consensus/layer-9.unknown`, { phase: 1, rationale: 'x' })).statusCode).toBe(404);
    expect((await requestAs(test.app, await user('teacher'), 'PUT', `${base}/consensus/${MOTIVATION}`, { phase: 4, rationale: 'x' })).statusCode).toBe(403);

    const refused = await requestAs(test.app, lead, 'PUT', `${base}/goals`, { aspectIds: [MOTIVATION, LANGUAGE] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields['body.aspectIds'][0]).toContain(LANGUAGE);
    const goals = await requestAs(test.app, lead, 'PUT', `${base}/goals`, { aspectIds: [KNOWLEDGE, MOTIVATION] });
    expect(goals.statusCode, goals.body).toBe(200);
    expect(goals.json()).toEqual([
      { aspectId: MOTIVATION, targetPhase: 3 },
      { aspectId: KNOWLEDGE, targetPhase: 4 },
    ]);

    const results = (await requestAs(test.app, lead, 'GET', `${base}/results`)).json();
    expect(results.consensus.map((entry: { aspectId: string; phase: number; rationale: string }) => [entry.aspectId, entry.phase, entry.rationale])).toEqual([
      [MOTIVATION, 2, 'Besproken in de studiedag'],
      [KNOWLEDGE, 4, 'Iedereen is geschoold'],
    ]);
    expect(results.goals).toEqual(goals.json());
    const audit = await test.deps.db.kysely.selectFrom('audit_events').select('detail').where('action', '=', 'selfscan.consensus_recorded').execute();
    expect(audit).toHaveLength(3);

    expect((await requestAs(test.app, lead, 'PUT', `${base}/goals`, { aspectIds: [] })).json()).toEqual([]);
  });

  it('does not take answers before a round opens', async () => {
    const upcoming = await requestAs(test.app, await user('leadership'), 'POST', roundsUrl(), {
      name: 'Voorjaar 2027',
      modelId: MODEL_ID,
      opensOn: '2027-03-01',
      closesOn: '2027-03-15',
    });
    expect(upcoming.statusCode).toBe(201);
    expect(upcoming.json().status).toBe('upcoming');
    const early = await requestAs(test.app, await user('teacher'), 'PUT', `${roundsUrl()}/${upcoming.json().id}/ratings/${MOTIVATION}`, { phase: 2 });
    expect(early.statusCode).toBe(409);
  });

  it('takes an agreed phase or goals only once a round is closed: the team agrees on results, and results wait for the close', async () => {
    const lead = await user('tsoLead');
    const opened = await requestAs(test.app, lead, 'POST', roundsUrl(), { name: 'Nog open', modelId: MODEL_ID, opensOn: '2026-12-01', closesOn: '2026-12-20' });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().status).toBe('open');
    const base = `${roundsUrl()}/${opened.json().id}`;
    const whileOpen = await requestAs(test.app, lead, 'PUT', `${base}/consensus/${MOTIVATION}`, { phase: 2, rationale: 'Te vroeg' });
    expect(whileOpen.statusCode).toBe(409);
    expect(whileOpen.json().error).toMatchObject({ code: 'round_still_open', message: expect.stringContaining('De ronde loopt nog') });
    expect((await requestAs(test.app, lead, 'PUT', `${base}/goals`, { aspectIds: [] })).json().error.code).toBe('round_still_open');
    const db = test.deps.db.kysely;
    expect(await db.selectFrom('selfscan_consensus').select('aspect_id').where('round_id', '=', opened.json().id).execute()).toEqual([]);

    expect((await requestAs(test.app, await user('leadership'), 'POST', `${base}/close`)).statusCode).toBe(200);
    const afterClose = await requestAs(test.app, lead, 'PUT', `${base}/consensus/${MOTIVATION}`, { phase: 2, rationale: 'Na het sluiten besproken' });
    expect(afterClose.statusCode, afterClose.body).toBe(200);
  });
});
