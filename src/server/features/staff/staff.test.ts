import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, requestAs, type Login, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, WORLD_PASSWORD, type World } from '../../../../test/support/world';

describe.each(testDialects())('staff management on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let admin: Login;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    admin = await login(test.app, world.users.schoolAdmin.email, WORLD_PASSWORD);
  });
  afterAll(async () => test.close());

  async function lastOutboxLinkTo(address: string): Promise<string> {
    const mail = await test.deps.db.kysely
      .selectFrom('outbox_messages')
      .selectAll()
      .where('to_address', '=', address)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const token = mail.body_text.match(/\/uitnodiging#token=([\w-]+)/)?.[1];
    if (!token) throw new Error('no invitation link in the mail');
    return token;
  }

  it('invites a new teacher by e-mail; the link creates the account and signs them in', async () => {
    const invite = await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/invitations`, {
      email: 'Nieuwe.Collega@World.test',
      name: 'Nieuwe collega',
      roles: ['teacher'],
      classIds: [world.classA1Other],
    });
    expect(invite.statusCode).toBe(201);
    expect(invite.json()).toMatchObject({ email: 'nieuwe.collega@world.test', roles: ['teacher'], classIds: [world.classA1Other], invitationPending: true });

    const token = await lastOutboxLinkTo('nieuwe.collega@world.test');
    const accept = await test.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, name: 'Fatima el Amrani', password: 'mijn eigen wachtwoord' },
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json().user.name).toBe('Fatima el Amrani');
    expect(accept.json().schools).toEqual([{ id: world.schoolA1, name: 'School A1', boardId: world.boardA, roles: ['teacher'], workingGroup: null, planSharedWithTeam: false }]);

    const staff = await requestAs(test.app, admin, 'GET', `/api/schools/${world.schoolA1}/staff`);
    expect(staff.json().find((m: { email: string }) => m.email === 'nieuwe.collega@world.test').invitationPending).toBe(false);
    const again = await test.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, name: 'X', password: 'nog een wachtwoord' } });
    expect(again.json().error.code).toBe('invalid_token');
  });

  it('gives and takes roles, and keeps classes only for teachers', async () => {
    const url = `/api/schools/${world.schoolA1}/staff/${world.users.tsoLead.id}/roles`;
    const give = await requestAs(test.app, admin, 'PUT', url, { roles: ['tso_lead', 'teacher'], classIds: [world.classA1] });
    expect(give.json().member).toMatchObject({ roles: expect.arrayContaining(['tso_lead', 'teacher']), classIds: [world.classA1] });
    const take = await requestAs(test.app, admin, 'PUT', url, { roles: ['tso_lead'], classIds: [world.classA1] });
    expect(take.json().member).toMatchObject({ roles: ['tso_lead'], classIds: [] });
    const audit = await test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'staff.roles_changed').execute();
    expect(audit.length).toBe(2);
  });

  it('keeps the date someone joined the school when their roles change (the training register counts from it)', async () => {
    const userId = world.users.careTeam.id;
    const joinedBefore = await test.deps.db.kysely
      .selectFrom('school_memberships')
      .select(({ fn }) => fn.min('created_at').as('joined'))
      .where('school_id', '=', world.schoolA1)
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    test.clock.advance(400 * 24 * 60 * 60 * 1000);
    admin = await login(test.app, world.users.schoolAdmin.email, WORLD_PASSWORD); // the old session has expired
    const url = `/api/schools/${world.schoolA1}/staff/${userId}/roles`;
    const changed = await requestAs(test.app, admin, 'PUT', url, { roles: ['care_team', 'leadership'], classIds: [] });
    expect(changed.statusCode, changed.body).toBe(200);
    const rows = await test.deps.db.kysely
      .selectFrom('school_memberships')
      .select(['role', 'created_at'])
      .where('school_id', '=', world.schoolA1)
      .where('user_id', '=', userId)
      .orderBy('role')
      .execute();
    // The kept role keeps its date; the new one dates from when the person joined, not from today.
    expect(rows).toEqual([
      { role: 'care_team', created_at: joinedBefore.joined },
      { role: 'leadership', created_at: joinedBefore.joined },
    ]);
    await requestAs(test.app, admin, 'PUT', url, { roles: ['care_team'], classIds: [] });
  });

  it('refuses a class of another school', async () => {
    const response = await requestAs(test.app, admin, 'PUT', `/api/schools/${world.schoolA1}/staff/${world.users.teacher.id}/roles`, {
      roles: ['teacher'],
      classIds: [world.classB1],
    });
    expect(response.statusCode).toBe(400);
    const classes = await test.deps.db.kysely.selectFrom('class_teachers').select('class_id').where('user_id', '=', world.users.teacher.id).execute();
    expect(classes.map((row) => row.class_id)).toEqual([world.classA1]);
  });

  it('keeps at least one school admin', async () => {
    const response = await requestAs(test.app, admin, 'PUT', `/api/schools/${world.schoolA1}/staff/${world.users.schoolAdmin.id}/roles`, {
      roles: ['teacher'],
      classIds: [],
    });
    expect(response.statusCode).toBe(409);
    const roles = await test.deps.db.kysely.selectFrom('school_memberships').select('role').where('user_id', '=', world.users.schoolAdmin.id).execute();
    expect(roles).toEqual([{ role: 'school_admin' }]);
  });

  it('does not let a school admin disable a board admin', async () => {
    await test.deps.db.kysely
      .insertInto('school_memberships')
      .values({ school_id: world.schoolA1, user_id: world.users.boardAdmin.id, role: 'leadership', created_at: new Date().toISOString() })
      .execute();
    const response = await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/staff/${world.users.boardAdmin.id}/disable`);
    expect(response.statusCode).toBe(403);
    const user = await test.deps.db.kysely.selectFrom('users').select('disabled_at').where('id', '=', world.users.boardAdmin.id).executeTakeFirstOrThrow();
    expect(user.disabled_at).toBeNull();
  });

  it('signs a staff member out everywhere without disabling the account, once audited', async () => {
    const onLaptop = await login(test.app, world.users.tsoLead.email, WORLD_PASSWORD);
    const onSchoolPc = await login(test.app, world.users.tsoLead.email, WORLD_PASSWORD);
    const events = () => test.deps.db.kysely.selectFrom('audit_events').select('id').where('action', '=', 'staff.sessions_ended').execute();
    const before = (await events()).length;

    const response = await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/staff/${world.users.tsoLead.id}/sessions/end`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ended: 2 });
    for (const session of [onLaptop, onSchoolPc]) {
      expect((await requestAs(test.app, session, 'GET', `/api/schools/${world.schoolA1}`)).statusCode).toBe(401);
    }
    expect((await events()).length).toBe(before + 1);
    await expect(login(test.app, world.users.tsoLead.email, WORLD_PASSWORD)).resolves.toHaveProperty('csrfToken');
  });

  it('does not let a school admin sign out a board admin, nor anyone outside the school', async () => {
    const boardAdmin = await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/staff/${world.users.boardAdmin.id}/sessions/end`);
    expect(boardAdmin.statusCode).toBe(403);
    const outsider = await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/staff/${world.users.teacherOtherSchool.id}/sessions/end`);
    expect(outsider.statusCode).toBe(404);
  });

  it('does not let an admin disable their own account', async () => {
    const response = await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/staff/${world.users.schoolAdmin.id}/disable`);
    expect(response.statusCode).toBe(409);
  });
});
