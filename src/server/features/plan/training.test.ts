import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { startSession } from '../../auth/sessions.service';
import { isoInstant, newId } from '../../deps';

// The clock stands on Saturday 21 November 2026, 10:00 in Amsterdam: today is 2026-11-21 and the world's
// staff all joined today. Colleagues who joined earlier are added with an earlier role.
const TODAY = '2026-11-21';

describe.each(testDialects())('the training register on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  /** Staff added by this test: a long-standing colleague, one who will leave and one whose account is disabled. */
  const extra = { veteran: '', leaver: '', disabled: '', lateJoiner: '' };

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }

  async function addStaff(name: string, joinedAt: string, options: { disabled?: boolean } = {}): Promise<string> {
    const id = newId();
    const db = test.deps.db.kysely;
    await db
      .insertInto('users')
      .values({ id, email: `${id}@world.test`, name, password_hash: null, locale: 'nl', disabled_at: options.disabled ? isoInstant(test.clock.now()) : null, created_at: joinedAt })
      .execute();
    await db.insertInto('school_memberships').values({ school_id: world.schoolA1, user_id: id, role: 'teacher', created_at: joinedAt }).execute();
    return id;
  }

  const url = () => `/api/schools/${world.schoolA1}/trainings`;
  const auditEvents = () =>
    test.deps.db.kysely.selectFrom('audit_events').select(['actor_user_id', 'target_type', 'target_id', 'school_id', 'board_id', 'detail']).where('action', '=', 'training.changed').orderBy('seq').execute();

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    extra.veteran = await addStaff('Veteraan', '2024-05-10T10:00:00.000Z');
    // A second role years later does not make the veteran new.
    await test.deps.db.kysely.insertInto('school_memberships').values({ school_id: world.schoolA1, user_id: extra.veteran, role: 'care_team', created_at: isoInstant(test.clock.now()) }).execute();
    extra.leaver = await addStaff('Vertrekker', '2023-08-20T10:00:00.000Z');
    extra.disabled = await addStaff('Uitgeschakeld', '2023-08-20T10:00:00.000Z', { disabled: true });
    // 22:30 UTC on 31 March is 00:30 on 1 April in Amsterdam: the school day counts.
    extra.lateJoiner = await addStaff('Laatkomer', '2026-03-31T22:30:00.000Z');
  });
  afterAll(async () => test.close());

  it('is for the school admin, leadership and TSO lead; a teacher and the care team get 403 on every route', async () => {
    for (const key of ['schoolAdmin', 'leadership', 'tsoLead'] as const) {
      expect((await requestAs(test.app, await as(key), 'GET', url())).statusCode, key).toBe(200);
      expect((await requestAs(test.app, await as(key), 'GET', `${url()}/coverage`)).statusCode, key).toBe(200);
    }
    const body = { kind: 'intro', heldOn: TODAY, participantUserIds: [], partners: [] };
    for (const key of ['teacher', 'careTeam', 'teacherOtherSchool', 'boardAdmin', 'schoolAdminOtherBoard'] as const) {
      const login = await as(key);
      for (const [method, path, payload] of [
        ['GET', url(), undefined],
        ['GET', `${url()}/coverage`, undefined],
        ['POST', url(), body],
        ['PUT', `${url()}/${newId()}`, body],
        ['DELETE', `${url()}/${newId()}`, undefined],
      ] as const) {
        const response = await requestAs(test.app, login, method, path, payload);
        expect(response.statusCode, `${key} ${method} ${path}`).toBe(403);
      }
    }
    expect(await test.deps.db.kysely.selectFrom('trainings').selectAll().execute()).toEqual([]);
  });

  it('lets a teacher in the working group keep the register', async () => {
    const db = test.deps.db.kysely;
    await db.insertInto('plan_working_group').values({ school_id: world.schoolA1, user_id: world.users.teacher.id, role: 'member', added_by: null, created_at: isoInstant(test.clock.now()) }).execute();
    try {
      expect((await requestAs(test.app, await as('teacher'), 'GET', url())).statusCode).toBe(200);
    } finally {
      await db.deleteFrom('plan_working_group').where('user_id', '=', world.users.teacher.id).execute();
    }
    expect((await requestAs(test.app, await as('teacher'), 'GET', url())).statusCode).toBe(403);
  });

  it('starts empty: current staff without training, long-standing colleagues overdue, new ones with a date', async () => {
    const response = await requestAs(test.app, await as('tsoLead'), 'GET', url());
    expect(response.statusCode, response.body).toBe(200);
    const register = response.json();
    expect(register.trainings).toEqual([]);
    // Current staff: the five world roles of A1, the veteran (once, with two roles), the leaver (still here), the late joiner; not the disabled account.
    const staffIds = register.staff.map((person: { id: string }) => person.id);
    expect(staffIds).toHaveLength(8);
    expect(staffIds).toContain(extra.veteran);
    expect(staffIds).not.toContain(extra.disabled);
    expect(staffIds).not.toContain(world.users.teacherOtherSchool.id);
    expect(register.coverage).toMatchObject({ today: TODAY, untrainedAfterMonths: 12, currentStaff: 8, fullyTrained: 0, share: 0, partnersTrained: [] });
    expect(register.coverage.untrainedOverdue).toEqual([
      { userId: extra.leaver, name: 'Vertrekker', joinedOn: '2023-08-20' },
      { userId: extra.veteran, name: 'Veteraan', joinedOn: '2024-05-10' },
    ]);
    expect(register.coverage.newStaffWithinGrace).toContainEqual({ userId: extra.lateJoiner, name: 'Laatkomer', joinedOn: '2026-04-01', trainBy: '2027-04-01' });
    expect(register.coverage.newStaffWithinGrace).toContainEqual({ userId: world.users.teacher.id, name: 'teacher', joinedOn: TODAY, trainBy: '2027-11-21' });
    expect(register.coverage.newStaffWithinGrace).toHaveLength(6);
  });

  let fullTrainingId = '';

  it('records a training with participants and partners, and counts it', async () => {
    const response = await requestAs(test.app, await as('leadership'), 'POST', url(), {
      kind: 'full_team',
      heldOn: '2026-10-05',
      participantUserIds: [extra.veteran, extra.leaver, world.users.teacher.id],
      partners: [' BSO De Boomhut ', 'Jeugdzorg Noord', 'bso de boomhut'],
    });
    expect(response.statusCode, response.body).toBe(201);
    const training = response.json();
    fullTrainingId = training.id;
    expect(training).toEqual({
      id: expect.any(String),
      kind: 'full_team',
      title: null,
      heldOn: '2026-10-05',
      // By name, as a Dutch reader sorts (not by character code).
      participants: [
        { id: world.users.teacher.id, name: 'teacher' },
        { id: extra.leaver, name: 'Vertrekker' },
        { id: extra.veteran, name: 'Veteraan' },
      ],
      // Trimmed, and the same organisation only once.
      partners: ['BSO De Boomhut', 'Jeugdzorg Noord'],
    });

    const coverage = (await requestAs(test.app, await as('tsoLead'), 'GET', `${url()}/coverage`)).json();
    expect(coverage).toMatchObject({ currentStaff: 8, fullyTrained: 3, share: 3 / 8, untrainedOverdue: [] });
    expect(coverage.partnersTrained).toEqual([
      { organisation: 'BSO De Boomhut', lastTrainedOn: '2026-10-05', trainings: 1 },
      { organisation: 'Jeugdzorg Noord', lastTrainedOn: '2026-10-05', trainings: 1 },
    ]);
  });

  it('does not count a planned training (dated after today) or a training that is not the full one', async () => {
    const admin = await as('schoolAdmin');
    const planned = await requestAs(test.app, admin, 'POST', url(), { kind: 'new_staff', heldOn: '2026-12-01', participantUserIds: [extra.lateJoiner], partners: [] });
    expect(planned.statusCode, planned.body).toBe(201);
    const intro = await requestAs(test.app, admin, 'POST', url(), { kind: 'custom', title: 'Studiemiddag regulatie', heldOn: '2026-11-02', participantUserIds: [extra.lateJoiner], partners: ['Wijkteam'] });
    expect(intro.statusCode, intro.body).toBe(201);
    expect(intro.json().title).toBe('Studiemiddag regulatie');

    const register = (await requestAs(test.app, admin, 'GET', url())).json();
    // Newest first.
    expect(register.trainings.map((training: { heldOn: string }) => training.heldOn)).toEqual(['2026-12-01', '2026-11-02', '2026-10-05']);
    expect(register.coverage.fullyTrained).toBe(3);
    expect(register.coverage.newStaffWithinGrace.map((person: { userId: string }) => person.userId)).toContain(extra.lateJoiner);
    expect(register.coverage.partnersTrained.map((partner: { organisation: string }) => partner.organisation)).toEqual(['BSO De Boomhut', 'Jeugdzorg Noord', 'Wijkteam']);
  });

  it('refuses participants who are not current staff of the school, and stores nothing', async () => {
    const lead = await as('tsoLead');
    const before = await test.deps.db.kysely.selectFrom('trainings').select('id').execute();
    for (const outsider of [world.users.teacherOtherSchool.id, world.users.schoolAdminOtherBoard.id, extra.disabled, world.users.boardAdmin.id, newId()]) {
      const response = await requestAs(test.app, lead, 'POST', url(), { kind: 'intro', heldOn: TODAY, participantUserIds: [world.users.teacher.id, outsider], partners: [] });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation_failed', fields: { 'body.participantUserIds': ['not_current_staff'] } });
    }
    const custom = await requestAs(test.app, lead, 'POST', url(), { kind: 'custom', heldOn: TODAY, participantUserIds: [], partners: [] });
    expect(custom.statusCode).toBe(400);
    const repeated = await requestAs(test.app, lead, 'POST', url(), { kind: 'intro', heldOn: TODAY, participantUserIds: [extra.veteran, extra.veteran], partners: [] });
    expect(repeated.statusCode).toBe(400);
    expect(await test.deps.db.kysely.selectFrom('trainings').select('id').execute()).toHaveLength(before.length);
  });

  it('does not count people who left, while the register still names them', async () => {
    // The leaver's role ends; the disabled colleague never counted.
    await test.deps.db.kysely.deleteFrom('school_memberships').where('user_id', '=', extra.leaver).execute();
    const register = (await requestAs(test.app, await as('tsoLead'), 'GET', url())).json();
    expect(register.coverage).toMatchObject({ currentStaff: 7, fullyTrained: 2, share: 2 / 7 });
    expect(register.staff.map((person: { id: string }) => person.id)).not.toContain(extra.leaver);
    const full = register.trainings.find((training: { id: string }) => training.id === fullTrainingId);
    expect(full.participants.map((person: { id: string }) => person.id)).toContain(extra.leaver);
    const overdue = [...register.coverage.untrainedOverdue, ...register.coverage.newStaffWithinGrace].map((person: { userId: string }) => person.userId);
    expect(overdue).not.toContain(extra.leaver);
  });

  it('replaces participants and partners on a change; a leaver already recorded may stay, a new outsider may not', async () => {
    const lead = await as('tsoLead');
    const change = {
      kind: 'full_team',
      heldOn: '2026-10-06',
      participantUserIds: [extra.leaver, extra.lateJoiner, world.users.careTeam.id],
      partners: ['Jeugdzorg Noord'],
    };
    const response = await requestAs(test.app, lead, 'PUT', `${url()}/${fullTrainingId}`, change);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: fullTrainingId, heldOn: '2026-10-06', partners: ['Jeugdzorg Noord'] });
    expect(response.json().participants.map((person: { id: string }) => person.id).sort()).toEqual([extra.leaver, extra.lateJoiner, world.users.careTeam.id].sort());
    const db = test.deps.db.kysely;
    expect(await db.selectFrom('training_partners').select('organisation').where('training_id', '=', fullTrainingId).execute()).toEqual([{ organisation: 'Jeugdzorg Noord' }]);

    const coverage = (await requestAs(test.app, lead, 'GET', `${url()}/coverage`)).json();
    // Veteran and teacher are no longer on it; the late joiner and the care team are.
    expect(coverage).toMatchObject({ currentStaff: 7, fullyTrained: 2 });
    expect(coverage.untrainedOverdue.map((person: { userId: string }) => person.userId)).toEqual([extra.veteran]);

    const outsider = await requestAs(test.app, lead, 'PUT', `${url()}/${fullTrainingId}`, { ...change, participantUserIds: [extra.disabled] });
    expect(outsider.statusCode).toBe(400);
    expect((await db.selectFrom('training_participants').select('user_id').where('training_id', '=', fullTrainingId).execute()).map((row) => row.user_id).sort()).toEqual(
      [extra.leaver, extra.lateJoiner, world.users.careTeam.id].sort(),
    );
  });

  it("answers 404 for an unknown training or another school's training, and changes nothing there", async () => {
    const db = test.deps.db.kysely;
    const otherId = newId();
    const now = isoInstant(test.clock.now());
    await db.insertInto('trainings').values({ id: otherId, school_id: world.schoolB1, kind: 'intro', title: null, held_on: '2026-09-01', created_by: null, created_at: now, updated_at: now }).execute();
    const lead = await as('tsoLead');
    const body = { kind: 'intro', heldOn: TODAY, participantUserIds: [], partners: [] };
    for (const id of [otherId, newId()]) {
      expect((await requestAs(test.app, lead, 'PUT', `${url()}/${id}`, body)).statusCode).toBe(404);
      expect((await requestAs(test.app, lead, 'DELETE', `${url()}/${id}`)).statusCode).toBe(404);
    }
    expect(await db.selectFrom('trainings').select(['held_on', 'school_id']).where('id', '=', otherId).executeTakeFirst()).toEqual({ held_on: '2026-09-01', school_id: world.schoolB1 });
    const register = (await requestAs(test.app, lead, 'GET', url())).json();
    expect(register.trainings.map((training: { id: string }) => training.id)).not.toContain(otherId);
  });

  it("uses the school's own N for who is overdue", async () => {
    const leadership = await as('leadership');
    expect((await requestAs(test.app, leadership, 'PUT', `/api/schools/${world.schoolA1}/settings`, { untrainedAfterMonths: 6 })).statusCode).toBe(200);
    const coverage = (await requestAs(test.app, leadership, 'GET', `${url()}/coverage`)).json();
    expect(coverage.untrainedAfterMonths).toBe(6);
    // The late joiner is trained now; the veteran is overdue, newcomers of today are within six months.
    expect(coverage.untrainedOverdue.map((person: { userId: string }) => person.userId)).toEqual([extra.veteran]);
    expect(coverage.newStaffWithinGrace.find((person: { userId: string }) => person.userId === world.users.teacher.id)?.trainBy).toBe('2027-05-21');
    expect((await requestAs(test.app, leadership, 'PUT', `/api/schools/${world.schoolA1}/settings`, { untrainedAfterMonths: 12 })).statusCode).toBe(200);
  });

  it('deletes a training with its participants and partners', async () => {
    const lead = await as('tsoLead');
    const response = await requestAs(test.app, lead, 'DELETE', `${url()}/${fullTrainingId}`);
    expect(response.statusCode, response.body).toBe(204);
    expect(response.body).toBe('');
    const db = test.deps.db.kysely;
    expect(await db.selectFrom('training_participants').selectAll().where('training_id', '=', fullTrainingId).execute()).toEqual([]);
    expect(await db.selectFrom('training_partners').selectAll().where('training_id', '=', fullTrainingId).execute()).toEqual([]);
    expect((await requestAs(test.app, lead, 'GET', `${url()}/coverage`)).json().fullyTrained).toBe(0);
    expect((await requestAs(test.app, lead, 'DELETE', `${url()}/${fullTrainingId}`)).statusCode).toBe(404);
  });

  it('records every change in the audit log with counts, never names', async () => {
    const events = (await auditEvents()).map((event) => ({ ...event, detail: JSON.parse(event.detail ?? 'null') }));
    expect(events.map((event) => event.detail.change)).toEqual(['recorded', 'recorded', 'recorded', 'updated', 'deleted']);
    expect(events[0]).toEqual({
      actor_user_id: world.users.leadership.id,
      target_type: 'training',
      target_id: fullTrainingId,
      school_id: world.schoolA1,
      board_id: world.boardA,
      detail: { trainingId: fullTrainingId, change: 'recorded', kind: 'full_team', participants: 3, partners: 2 },
    });
    expect(events[3]?.detail).toEqual({ trainingId: fullTrainingId, change: 'updated', kind: 'full_team', participants: 3, partners: 1 });
    expect(events[4]?.detail).toEqual({ trainingId: fullTrainingId, change: 'deleted', kind: 'full_team' });
    const text = JSON.stringify(events);
    for (const word of ['Veteraan', 'Vertrekker', 'Jeugdzorg', 'Boomhut', 'Studiemiddag']) expect(text).not.toContain(word);
  });
});
