import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { addSchoolA1Staff, createWorld, WORLD_PASSWORD, type World, type WorldUserKey } from '../../../../test/support/world';
import { newId } from '../../deps';
import type { Conversation, Conversations } from './care-conversations.schemas';
import type { CareOverview } from './care.schemas';

describe.each(testDialects())('pupil conversations on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let coTeacherId: string;
  const conversations = (pupilId = world.pupilInClassA1) => `/api/schools/${world.schoolA1}/pupils/${pupilId}/care/conversations`;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);
  const held = (note: string, forCareTeam: string, sharedWithCareTeam: boolean, heldOn = '2026-11-18') => ({ plannedOn: heldOn, heldOn, note, sharedWithCareTeam, forCareTeam });

  async function add(login: Login, body: object): Promise<Conversation> {
    const response = await requestAs(test.app, login, 'POST', conversations(), body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Conversation;
  }
  async function list(login: Login): Promise<Map<string, Conversation>> {
    const response = await requestAs(test.app, login, 'GET', conversations());
    expect(response.statusCode, response.body).toBe(200);
    return new Map((response.json() as Conversations).map((conversation) => [conversation.id, conversation]));
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    // A second teacher of the same class: sees the pupil's conversations, never a colleague's texts.
    coTeacherId = await addSchoolA1Staff(test, world, { name: 'CoTeacher', role: 'teacher', classId: world.classA1 });
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    for (const table of ['care_conversations', 'care_break_glass', 'school_closed_days', 'outbox_messages'] as const) await test.deps.db.kysely.deleteFrom(table).execute();
  });

  it("shows every conversation to the pupil's teachers and the care team, the note only to its author and the shared part only to the care team", async () => {
    const teacher = await as('teacher');
    const careTeam = await as('careTeam');
    const coTeacher = await sessionFor(test, coTeacherId);
    const shared = await add(teacher, held('Vertelde over thuis.', 'Wil vaker even naar buiten.', true));
    const notShared = await add(teacher, held('Was stil.', 'Mag nog niet gedeeld worden.', false));
    const byCareTeam = await add(careTeam, { plannedOn: '2027-01-11', note: 'Notitie van de intern begeleider.' });

    const forTeacher = await list(teacher);
    expect(forTeacher.size).toBe(3);
    expect([forTeacher.get(shared.id)?.note, forTeacher.get(shared.id)?.forCareTeam, forTeacher.get(shared.id)?.isOwn]).toEqual(['Vertelde over thuis.', 'Wil vaker even naar buiten.', true]);
    expect([forTeacher.get(byCareTeam.id)?.note, forTeacher.get(byCareTeam.id)?.teacherName, forTeacher.get(byCareTeam.id)?.isOwn]).toEqual([null, 'careTeam', false]);

    const forCareTeam = await list(careTeam);
    expect(forCareTeam.size).toBe(3);
    // The teacher's own note never reaches the care team; the shared part does once the conversation is marked shared.
    expect([forCareTeam.get(shared.id)?.note, forCareTeam.get(shared.id)?.forCareTeam, forCareTeam.get(shared.id)?.teacherName]).toEqual([null, 'Wil vaker even naar buiten.', 'teacher']);
    expect([forCareTeam.get(notShared.id)?.note, forCareTeam.get(notShared.id)?.forCareTeam, forCareTeam.get(notShared.id)?.sharedWithCareTeam]).toEqual([null, null, false]);
    expect(forCareTeam.get(byCareTeam.id)?.note).toBe('Notitie van de intern begeleider.');

    // Another teacher of the pupil sees that conversations took place, and none of their texts.
    const forCoTeacher = await list(coTeacher);
    expect([...forCoTeacher.values()].map((conversation) => [conversation.note, conversation.forCareTeam])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    // The note is its author's: a colleague neither changes nor removes the conversation.
    for (const [method, body] of [['PUT', { note: 'Overschreven' }], ['DELETE', undefined]] as const) {
      const refused = await requestAs(test.app, coTeacher, method, `${conversations()}/${byCareTeam.id}`, body);
      expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'not_own_conversation']);
    }

    const stored = await test.deps.db.kysely.selectFrom('care_conversations').select(['note_encrypted', 'for_care_team_encrypted']).execute();
    for (const row of stored) {
      expect(row.note_encrypted).toMatch(/^gw1:/);
      expect(row.for_care_team_encrypted).toMatch(/^gw1:/);
    }
  });

  it('answers 404 to a teacher of another class and to a colleague who opened the plan by break-glass', async () => {
    const teacher = await as('teacher');
    expect((await requestAs(test.app, teacher, 'GET', conversations(world.pupilInClassA1Other))).statusCode).toBe(404);
    expect((await requestAs(test.app, teacher, 'POST', conversations(world.pupilInClassA1Other), { plannedOn: '2027-01-11' })).statusCode).toBe(404);
    expect((await requestAs(test.app, teacher, 'PUT', `${conversations()}/${newId()}`, { note: 'x' })).statusCode).toBe(404);

    const leader = await as('leadership');
    const opened = await requestAs(test.app, leader, 'POST', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/care/break-glass`, {
      reason: 'Invalkracht, leerling in paniek op het plein',
      password: WORLD_PASSWORD,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    // Break-glass opens the plan, not the conversations.
    expect((await requestAs(test.app, leader, 'GET', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/care`)).statusCode).toBe(200);
    expect((await requestAs(test.app, leader, 'GET', conversations())).statusCode).toBe(404);
  });

  it('plans exactly three conversations on the first school day of October, February and June, and refuses a second time', async () => {
    const db = test.deps.db.kysely;
    // The spring holiday covers the first week of February: the February conversation moves to the Monday after.
    await db.insertInto('school_closed_days').values({ id: newId(), school_id: world.schoolA1, start_date: '2027-01-30', end_date: '2027-02-07', name: 'Voorjaarsvakantie', created_at: '2026-11-01T00:00:00.000Z' }).execute();
    const teacher = await as('teacher');
    const planned = await requestAs(test.app, teacher, 'POST', `${conversations()}/plan-year`);
    expect(planned.statusCode, planned.body).toBe(201);
    expect((planned.json() as Conversations).map((conversation) => [conversation.plannedOn, conversation.heldOn, conversation.isOwn])).toEqual([
      ['2026-10-01', null, true],
      ['2027-02-08', null, true],
      ['2027-06-01', null, true],
    ]);
    const again = await requestAs(test.app, teacher, 'POST', `${conversations()}/plan-year`);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'conversations_already_planned']);
    expect(await db.selectFrom('care_conversations').select('id').execute()).toHaveLength(3);

    // A planned conversation can go; a held one stays.
    const [october, february] = planned.json() as Conversations;
    const heldNow = await requestAs(test.app, teacher, 'PUT', `${conversations()}/${october!.id}`, { heldOn: '2026-10-02', note: 'Goed gesprek.' });
    expect([heldNow.statusCode, heldNow.json().heldOn, heldNow.json().plannedOn, heldNow.json().note]).toEqual([200, '2026-10-02', '2026-10-01', 'Goed gesprek.']);
    const keep = await requestAs(test.app, teacher, 'DELETE', `${conversations()}/${october!.id}`);
    expect([keep.statusCode, keep.json().error.code]).toEqual([409, 'conversation_already_held']);
    expect((await requestAs(test.app, teacher, 'DELETE', `${conversations()}/${february!.id}`)).statusCode).toBe(204);
  });

  it('shares only a held conversation, never one held in the future', async () => {
    const teacher = await as('teacher');
    const notHeld = await requestAs(test.app, teacher, 'POST', conversations(), { plannedOn: '2027-01-11', sharedWithCareTeam: true, forCareTeam: 'Te vroeg' });
    expect(notHeld.json().error.fields).toEqual({ 'body.sharedWithCareTeam': ['not_held'] });
    const future = await requestAs(test.app, teacher, 'POST', conversations(), held('x', 'y', true, '2026-11-30'));
    expect(future.json().error.fields).toEqual({ 'body.heldOn': ['in_the_future'] });
  });

  it("lists the shared part of conversations held in the last 30 days in the care overview, with the teacher's name", async () => {
    const teacher = await as('teacher');
    const recent = await add(teacher, held('Eigen notitie', 'Slaapt slecht sinds de verhuizing.', true, '2026-11-10'));
    await add(teacher, held('Eigen notitie', 'Lang geleden gedeeld.', true, '2026-10-01'));
    await add(teacher, held('Eigen notitie', 'Niet gedeeld.', false, '2026-11-12'));
    const overview = (await requestAs(test.app, await as('careTeam'), 'GET', `/api/schools/${world.schoolA1}/care/overview`)).json() as CareOverview;
    expect(overview.conversationsShared).toEqual([
      { conversationId: recent.id, pupilId: world.pupilInClassA1, pupilName: 'Sanne de Vries', heldOn: '2026-11-10', teacherName: 'teacher', forCareTeam: 'Slaapt slecht sinds de verhuizing.' },
    ]);
    expect(JSON.stringify(overview)).not.toContain('Eigen notitie');
  });
});
