import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastOutboxSecretLink } from '../../../../test/support/outbox';
import { createTestApp, login, requestAs, type Login, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, WORLD_PASSWORD, type World } from '../../../../test/support/world';

// The account model (hardening issue, findings 1 and 4): an account has a home board; another school only
// ASKS an existing account to join and the person answers signed in; a school blocks and signs out its own
// membership only; only the home board switches an account off; mail about an account is filed under its home
// board; nobody grants themselves a role; a care-team role counts once a second person approved it.
describe.each(testDialects())('staff and accounts on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let admin: Login;
  let adminB: Login;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    admin = await login(test.app, world.users.schoolAdmin.email, WORLD_PASSWORD);
    adminB = await login(test.app, world.users.schoolAdminOtherBoard.email, WORLD_PASSWORD);
  });
  afterAll(async () => test.close());

  const db = () => test.deps.db.kysely;
  const mailsTo = (address: string) => db().selectFrom('outbox_messages').selectAll().where('to_address', '=', address).orderBy('created_at').execute();
  const linkIn = (text: string) => text.match(/\/uitnodiging#token=([\w-]+)/)?.[1];
  // The outbox keeps a link sealed: open it as the outbox page does.
  const invitationTokenTo = async (address: string) => linkIn(await lastOutboxSecretLink(test.deps, address));
  const rolesOf = async (schoolId: string, userId: string) =>
    (await db().selectFrom('school_memberships').select('role').where('school_id', '=', schoolId).where('user_id', '=', userId).execute()).map((row) => row.role).sort();
  const invite = (as: Login, schoolId: string, body: Record<string, unknown>) => requestAs(test.app, as, 'POST', `/api/schools/${schoolId}/invitations`, { classIds: [], ...body });

  async function acceptInApp(email: string, schoolId: string) {
    const person = await login(test.app, email, WORLD_PASSWORD);
    const mine = await requestAs(test.app, person, 'GET', '/api/me/invitations');
    const invitation = mine.json().find((entry: { schoolId: string }) => entry.schoolId === schoolId);
    expect(invitation, 'the invitation is on the person’s home page').toBeDefined();
    const accepted = await requestAs(test.app, person, 'POST', `/api/me/invitations/${invitation.id}/accept`);
    expect(accepted.statusCode).toBe(204);
    return login(test.app, email, WORLD_PASSWORD);
  }

  it('invites a new address: a link lets the person choose a password and join; the account is homed in the school’s board', async () => {
    const invited = await invite(admin, world.schoolA1, { email: 'Nieuwe.Collega@World.test', name: 'Nieuwe collega', roles: ['teacher'], classIds: [world.classA1Other] });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ name: 'Nieuwe collega', email: 'nieuwe.collega@world.test', roles: ['teacher'], classIds: [world.classA1Other], pendingRoles: [] });
    const [mail] = await mailsTo('nieuwe.collega@world.test');
    expect(mail).toMatchObject({ board_id: world.boardA, school_id: world.schoolA1 });
    const token = await invitationTokenTo('nieuwe.collega@world.test');
    const accept = await test.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, name: 'Fatima el Amrani', password: 'mijn eigen wachtwoord' } });
    expect(accept.statusCode).toBe(200);
    expect(accept.json().schools).toEqual([expect.objectContaining({ id: world.schoolA1, roles: ['teacher'] })]);
    const account = await db().selectFrom('users').select(['home_board_id', 'name']).where('email', '=', 'nieuwe.collega@world.test').executeTakeFirstOrThrow();
    expect(account).toEqual({ home_board_id: world.boardA, name: 'Fatima el Amrani' });
    const again = await test.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, name: 'X', password: 'nog een wachtwoord' } });
    expect(again.json().error.code).toBe('invalid_token');
    expect((await requestAs(test.app, admin, 'GET', `/api/schools/${world.schoolA1}/invitations`)).json()).toEqual([]);
  });

  it('answers an invitation of an existing account of another board exactly like one of a new address, and adds nothing until the person accepts', async () => {
    const existing = await invite(adminB, world.schoolB1, { email: world.users.teacher.email, name: 'Wie dan ook', roles: ['teacher'] });
    const fresh = await invite(adminB, world.schoolB1, { email: 'onbekend@world.test', name: 'Wie dan ook', roles: ['teacher'] });
    expect(existing.statusCode).toBe(fresh.statusCode);
    const shape = (body: Record<string, unknown>) => ({ ...body, id: 'x', email: 'x', createdAt: 'x', expiresAt: 'x' });
    expect(shape(existing.json())).toEqual(shape(fresh.json()));
    // The inviter never learns the account's real name, nor gets a role on it.
    expect(await rolesOf(world.schoolB1, world.users.teacher.id)).toEqual([]);
    const staffB = (await requestAs(test.app, adminB, 'GET', `/api/schools/${world.schoolB1}/staff`)).json();
    expect(staffB.map((member: { userId: string }) => member.userId)).not.toContain(world.users.teacher.id);
    // Mail about the existing account goes to its home board only, and carries no link that answers for the person.
    const mails = await mailsTo(world.users.teacher.email);
    expect(mails.at(-1)).toMatchObject({ board_id: world.boardA, school_id: null, secret_link_encrypted: null });
    expect(linkIn(mails.at(-1)!.body_text)).toBeUndefined();

    const teacher = await acceptInApp(world.users.teacher.email, world.schoolB1);
    expect(await rolesOf(world.schoolB1, world.users.teacher.id)).toEqual(['teacher']);
    const member = (await requestAs(test.app, adminB, 'GET', `/api/schools/${world.schoolB1}/staff`)).json().find((entry: { userId: string }) => entry.userId === world.users.teacher.id);
    expect(member).toMatchObject({ name: 'teacher', fromOtherBoard: true, blocked: false });
    expect((await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolB1}`)).statusCode).toBe(200);
  });

  it('never lets a link answer for an existing account, and keeps the genuine link of a pending invitee when another board invites them too', async () => {
    const email = 'nog.niet.begonnen@world.test';
    await invite(admin, world.schoolA1, { email, name: 'Echte collega', roles: ['teacher'] });
    const genuine = await invitationTokenTo(email);
    // Board B asks the same (still pending) account: the answer looks the same, the mail goes to board A, and no new link exists.
    expect((await invite(adminB, world.schoolB1, { email, name: 'Overnemer', roles: ['care_team', 'teacher'] })).statusCode).toBe(201);
    const mails = await mailsTo(email);
    expect(mails.at(-1)).toMatchObject({ board_id: world.boardA, school_id: null });
    expect(await db().selectFrom('outbox_messages').select('id').where('to_address', '=', email).where('board_id', '=', world.boardB).execute()).toEqual([]);
    const accepted = await test.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: genuine, name: 'Echte collega', password: 'een eigen goed wachtwoord' } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().schools.map((school: { id: string }) => school.id)).toEqual([world.schoolA1]);
  });

  it('files a reset mail under the account’s home board, also when a later role in another board is its newest', async () => {
    await requestAs(test.app, adminB, 'PUT', `/api/schools/${world.schoolB1}/staff/${world.users.teacher.id}/roles`, { roles: ['teacher', 'leadership'], classIds: [] });
    await test.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email: world.users.teacher.email } });
    const reset = (await mailsTo(world.users.teacher.email)).at(-1)!;
    expect(reset.subject).toMatch(/wachtwoord/);
    expect(reset.board_id).toBe(world.boardA);
  });

  it('blocks a person in one school only: another school re-enabling its own membership opens nothing of the first', async () => {
    expect((await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/staff/${world.users.teacher.id}/disable`)).statusCode).toBe(200);
    // Board B's admin "enables" the teacher: that is B1's own membership, A1's block stays.
    expect((await requestAs(test.app, adminB, 'POST', `/api/schools/${world.schoolB1}/staff/${world.users.teacher.id}/enable`)).statusCode).toBe(200);
    const teacher = await login(test.app, world.users.teacher.email, WORLD_PASSWORD);
    expect((await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolA1}/classes/${world.classA1}/checkin/today`)).statusCode).toBe(403);
    expect((await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolB1}`)).statusCode).toBe(200);
    const user = await db().selectFrom('users').select('disabled_at').where('id', '=', world.users.teacher.id).executeTakeFirstOrThrow();
    expect(user.disabled_at).toBeNull();
    const inA1 = (await requestAs(test.app, admin, 'GET', `/api/schools/${world.schoolA1}/staff`)).json().find((entry: { userId: string }) => entry.userId === world.users.teacher.id);
    expect(inA1).toMatchObject({ blocked: true, accountDisabled: false });
    expect((await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/staff/${world.users.teacher.id}/enable`)).statusCode).toBe(200);
    expect((await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolA1}/classes/${world.classA1}/checkin/today`)).statusCode).toBe(200);
  });

  it('signs a person out of one school: older sessions lose that school only, a new sign-in works again', async () => {
    const teacher = await login(test.app, world.users.teacher.email, WORLD_PASSWORD);
    const ended = await requestAs(test.app, adminB, 'POST', `/api/schools/${world.schoolB1}/staff/${world.users.teacher.id}/sessions/end`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json().ended).toBeGreaterThanOrEqual(1);
    expect((await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolB1}`)).statusCode).toBe(403);
    expect((await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolA1}`)).statusCode).toBe(200);
    test.clock.advance(1000);
    const fresh = await login(test.app, world.users.teacher.email, WORLD_PASSWORD);
    expect((await requestAs(test.app, fresh, 'GET', `/api/schools/${world.schoolB1}`)).statusCode).toBe(200);
  });

  it('lets only the home board switch an account off or sign it out everywhere', async () => {
    const boardAdminB = await login(test.app, world.users.boardAdminOtherBoard.email, WORLD_PASSWORD);
    const boardAdminA = await login(test.app, world.users.boardAdmin.email, WORLD_PASSWORD);
    const viaOwnBoard = await requestAs(test.app, boardAdminB, 'POST', `/api/boards/${world.boardB}/accounts/${world.users.teacher.id}/disable`);
    expect(viaOwnBoard.statusCode).toBe(404);
    const viaOtherBoard = await requestAs(test.app, boardAdminB, 'POST', `/api/boards/${world.boardA}/accounts/${world.users.teacher.id}/disable`);
    expect(viaOtherBoard.statusCode).toBe(403);
    const listB = (await requestAs(test.app, boardAdminB, 'GET', `/api/boards/${world.boardB}/accounts`)).json();
    expect(listB.map((account: { userId: string }) => account.userId)).not.toContain(world.users.teacher.id);

    const teacher = await login(test.app, world.users.teacher.email, WORLD_PASSWORD);
    const disabled = await requestAs(test.app, boardAdminA, 'POST', `/api/boards/${world.boardA}/accounts/${world.users.teacher.id}/disable`);
    expect(disabled.json()).toMatchObject({ userId: world.users.teacher.id, disabled: true });
    expect((await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolB1}`)).statusCode).toBe(401);
    expect((await test.app.inject({ method: 'POST', url: '/api/session', payload: { email: world.users.teacher.email, password: WORLD_PASSWORD } })).statusCode).toBe(401);
    await requestAs(test.app, boardAdminA, 'POST', `/api/boards/${world.boardA}/accounts/${world.users.teacher.id}/enable`);
    expect((await test.app.inject({ method: 'POST', url: '/api/session', payload: { email: world.users.teacher.email, password: WORLD_PASSWORD } })).statusCode).toBe(200);
  });

  it('refuses anyone a role granted by themselves: no self-invitation, no role added to oneself', async () => {
    const ownInvite = await invite(admin, world.schoolA1, { email: world.users.schoolAdmin.email.toUpperCase(), name: 'Ik', roles: ['care_team'] });
    expect(ownInvite.json().error.code).toBe('self_grant');
    const boardAdmin = await login(test.app, world.users.boardAdmin.email, WORLD_PASSWORD);
    expect((await invite(boardAdmin, world.schoolA1, { email: world.users.boardAdmin.email, name: 'Ik', roles: ['care_team'] })).json().error.code).toBe('self_grant');
    const ownRoles = await requestAs(test.app, admin, 'PUT', `/api/schools/${world.schoolA1}/staff/${world.users.schoolAdmin.id}/roles`, { roles: ['school_admin', 'care_team'], classIds: [] });
    expect(ownRoles.statusCode).toBe(403);
    expect(ownRoles.json().error.code).toBe('self_grant');
    expect(await rolesOf(world.schoolA1, world.users.schoolAdmin.id)).toEqual(['school_admin']);
  });

  it('makes a care-team role wait for a second person, who is not the requester and not the person; the person is told', async () => {
    const tsoLead = world.users.tsoLead;
    const asked = await requestAs(test.app, admin, 'PUT', `/api/schools/${world.schoolA1}/staff/${tsoLead.id}/roles`, { roles: ['tso_lead', 'care_team'], classIds: [] });
    expect(asked.json().member).toMatchObject({ roles: ['tso_lead'], pendingRoles: ['care_team'] });
    const lead = await login(test.app, tsoLead.email, WORLD_PASSWORD);
    expect((await requestAs(test.app, lead, 'GET', `/api/schools/${world.schoolA1}/checkin/signals`)).statusCode).toBe(403);

    const [grant] = (await requestAs(test.app, admin, 'GET', `/api/schools/${world.schoolA1}/role-grants`)).json();
    expect(grant).toMatchObject({ userId: tsoLead.id, role: 'care_team', canDecide: false });
    const byRequester = await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/role-grants/${grant.id}/approve`);
    expect(byRequester.json().error.code).toBe('second_person_needed');
    const leadership = await login(test.app, world.users.leadership.email, WORLD_PASSWORD);
    expect((await requestAs(test.app, leadership, 'GET', `/api/schools/${world.schoolA1}/role-grants`)).json()[0].canDecide).toBe(true);
    expect((await requestAs(test.app, leadership, 'POST', `/api/schools/${world.schoolA1}/role-grants/${grant.id}/approve`)).statusCode).toBe(204);

    expect(await rolesOf(world.schoolA1, tsoLead.id)).toEqual(['care_team', 'tso_lead']);
    expect((await mailsTo(tsoLead.email)).at(-1)!.subject).toMatch(/zorgteam/);
    const actions = (await db().selectFrom('audit_events').select('action').where('target_id', '=', tsoLead.id).execute()).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['staff.role_grant_requested', 'staff.role_grant_approved']));
    await requestAs(test.app, admin, 'PUT', `/api/schools/${world.schoolA1}/staff/${tsoLead.id}/roles`, { roles: ['tso_lead'], classIds: [] });
  });

  it('keeps someone asked for a care-team role alone on the staff list, with that role waiting, until it is withdrawn', async () => {
    const email = 'alleen.zorg@world.test';
    await invite(admin, world.schoolA1, { email, name: 'Alleen Zorg', roles: ['teacher'] });
    const password = 'een lang eigen wachtwoord';
    const accepted = await test.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: await invitationTokenTo(email), name: 'Alleen Zorg', password } });
    const teacher = { id: accepted.json().user.id as string, email };
    const url = `/api/schools/${world.schoolA1}/staff/${teacher.id}/roles`;
    // Found by the OpenAPI fuzzer: this saved and then answered 404, as if nothing had happened.
    const asked = await requestAs(test.app, admin, 'PUT', url, { roles: ['care_team'], classIds: [] });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().member).toMatchObject({ userId: teacher.id, roles: [], pendingRoles: ['care_team'], classIds: [] });
    const listed = (await requestAs(test.app, admin, 'GET', `/api/schools/${world.schoolA1}/staff`)).json();
    expect(listed.find((member: { userId: string }) => member.userId === teacher.id)).toMatchObject({ roles: [], pendingRoles: ['care_team'] });
    // Waiting is no role: the teacher reads nothing of the school meanwhile.
    const asTeacher = await login(test.app, teacher.email, password);
    expect((await requestAs(test.app, asTeacher, 'GET', `/api/schools/${world.schoolA1}/checkin/signals`)).statusCode).toBe(403);

    const withdrawn = await requestAs(test.app, admin, 'PUT', url, { roles: [], classIds: [] });
    expect(withdrawn.json()).toEqual({ member: null });
    expect((await requestAs(test.app, admin, 'GET', `/api/schools/${world.schoolA1}/role-grants`)).json()).toEqual([]);
    const after = (await requestAs(test.app, admin, 'GET', `/api/schools/${world.schoolA1}/staff`)).json();
    expect(after.some((member: { userId: string }) => member.userId === teacher.id)).toBe(false);
    expect((await requestAs(test.app, admin, 'PUT', url, { roles: ['teacher'], classIds: [] })).statusCode).toBe(404);
  });

  it('holds back the care-team role of an invitation until a second person approved it', async () => {
    const email = 'ib.nieuw@world.test';
    const invited = await invite(admin, world.schoolA1, { email, name: 'Nieuwe IB', roles: ['care_team', 'teacher'] });
    expect(invited.json()).toMatchObject({ roles: ['teacher'], pendingRoles: ['care_team'] });
    const accepted = await test.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: await invitationTokenTo(email), name: 'Nieuwe IB', password: 'een lang eigen wachtwoord' },
    });
    expect(accepted.json().schools[0].roles).toEqual(['teacher']);
    const [grant] = (await requestAs(test.app, admin, 'GET', `/api/schools/${world.schoolA1}/role-grants`)).json();
    const boardAdmin = await login(test.app, world.users.boardAdmin.email, WORLD_PASSWORD);
    expect((await requestAs(test.app, boardAdmin, 'POST', `/api/schools/${world.schoolA1}/role-grants/${grant.id}/approve`)).statusCode).toBe(204);
    const userId = accepted.json().user.id;
    expect(await rolesOf(world.schoolA1, userId)).toEqual(['care_team', 'teacher']);
  });

  it('lets only the teachers of a class open a kiosk or print its login cards, not an administrator', async () => {
    for (const path of ['kiosk', 'cards', 'class-code']) {
      const response = await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/classes/${world.classA1}/checkin/${path}`, path === 'cards' ? {} : undefined);
      expect(response.statusCode, path).toBe(403);
    }
    expect(await db().selectFrom('pupil_codes').select('pupil_id').execute()).toEqual([]);
  });

  it('gives and takes roles, and keeps classes only for teachers', async () => {
    const url = `/api/schools/${world.schoolA1}/staff/${world.users.tsoLead.id}/roles`;
    const give = await requestAs(test.app, admin, 'PUT', url, { roles: ['tso_lead', 'teacher'], classIds: [world.classA1] });
    expect(give.json().member).toMatchObject({ roles: expect.arrayContaining(['tso_lead', 'teacher']), classIds: [world.classA1] });
    const take = await requestAs(test.app, admin, 'PUT', url, { roles: ['tso_lead'], classIds: [world.classA1] });
    expect(take.json().member).toMatchObject({ roles: ['tso_lead'], classIds: [] });
  });

  it('keeps the date someone joined the school when their roles change (the training register counts from it)', async () => {
    const userId = world.users.careTeam.id;
    const joined = async () => (await db().selectFrom('school_memberships').select('created_at').where('school_id', '=', world.schoolA1).where('user_id', '=', userId).execute()).map((row) => row.created_at);
    const before = (await joined())[0];
    test.clock.advance(400 * 24 * 60 * 60 * 1000);
    admin = await login(test.app, world.users.schoolAdmin.email, WORLD_PASSWORD); // the old session has expired
    adminB = await login(test.app, world.users.schoolAdminOtherBoard.email, WORLD_PASSWORD);
    const changed = await requestAs(test.app, admin, 'PUT', `/api/schools/${world.schoolA1}/staff/${userId}/roles`, { roles: ['care_team', 'leadership'], classIds: [] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await joined()).toEqual([before, before]);
    await requestAs(test.app, admin, 'PUT', `/api/schools/${world.schoolA1}/staff/${userId}/roles`, { roles: ['care_team'], classIds: [] });
  });

  it('refuses a class of another school', async () => {
    const response = await requestAs(test.app, admin, 'PUT', `/api/schools/${world.schoolA1}/staff/${world.users.teacher.id}/roles`, { roles: ['teacher'], classIds: [world.classB1] });
    expect(response.statusCode).toBe(400);
    const classes = await db().selectFrom('class_teachers').select('class_id').where('user_id', '=', world.users.teacher.id).execute();
    expect(classes.map((row) => row.class_id)).toEqual([world.classA1]);
  });

  it('keeps at least one school admin, also when blocking', async () => {
    const response = await requestAs(test.app, admin, 'PUT', `/api/schools/${world.schoolA1}/staff/${world.users.schoolAdmin.id}/roles`, { roles: [], classIds: [] });
    expect(response.statusCode).toBe(409);
    // Said as what it is, not as "this already exists or was changed".
    expect(response.json().error.code).toBe('last_school_admin');
    expect(response.json().error.message).toContain('minstens één schoolbeheerder');
    expect(await rolesOf(world.schoolA1, world.users.schoolAdmin.id)).toEqual(['school_admin']);
    const blockingSelf = await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/staff/${world.users.schoolAdmin.id}/disable`);
    expect(blockingSelf.statusCode).toBe(409);
    expect(blockingSelf.json().error.code).toBe('self_lockout');
  });

  it('does not let a school admin block a board admin of its board, nor anyone outside the school', async () => {
    await db().insertInto('school_memberships').values({ school_id: world.schoolA1, user_id: world.users.boardAdmin.id, role: 'leadership', created_at: new Date().toISOString() }).execute();
    expect((await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/staff/${world.users.boardAdmin.id}/disable`)).statusCode).toBe(403);
    expect((await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/staff/${world.users.boardAdmin.id}/sessions/end`)).statusCode).toBe(403);
    expect((await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/staff/${world.users.teacherOtherSchool.id}/sessions/end`)).statusCode).toBe(404);
    await db().deleteFrom('school_memberships').where('school_id', '=', world.schoolA1).where('user_id', '=', world.users.boardAdmin.id).execute();
  });

  it('lets someone decline an invitation, and answers another person’s invitation id with not found', async () => {
    await invite(adminB, world.schoolB1, { email: world.users.leadership.email, name: 'Directeur', roles: ['leadership'] });
    const leadership = await login(test.app, world.users.leadership.email, WORLD_PASSWORD);
    const [mine] = (await requestAs(test.app, leadership, 'GET', '/api/me/invitations')).json();
    const stranger = await login(test.app, world.users.careTeam.email, WORLD_PASSWORD);
    expect((await requestAs(test.app, stranger, 'POST', `/api/me/invitations/${mine.id}/accept`)).statusCode).toBe(404);
    expect((await requestAs(test.app, leadership, 'POST', `/api/me/invitations/${mine.id}/decline`)).statusCode).toBe(204);
    expect(await rolesOf(world.schoolB1, world.users.leadership.id)).toEqual([]);
    expect((await requestAs(test.app, leadership, 'GET', '/api/me/invitations')).json()).toEqual([]);
  });
});
