import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastOutboxSecretLink } from '../../../../test/support/outbox';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { startSession } from '../../auth/sessions.service';

// Issue 12: the day someone started at the school is the school's to enter (or import with a staff CSV), and
// the training register counts "new staff" from it — at go-live every account is new, the team is not.
// The clock stands on 2026-11-21; the world's staff all got their roles today.
describe.each(testDialects())('staff start dates and the staff import on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  const db = () => test.deps.db.kysely;
  const startDateUrl = (userId: string) => `/api/schools/${world.schoolA1}/staff/${userId}/start-date`;
  const coverage = async () => (await requestAs(test.app, await as('tsoLead'), 'GET', `/api/schools/${world.schoolA1}/trainings/coverage`)).json();
  const auditOf = (action: string) =>
    db().selectFrom('audit_events').select(['actor_user_id', 'target_type', 'target_id', 'school_id', 'detail']).where('action', '=', action).orderBy('seq').execute();
  const detailOf = (detail: unknown) => (typeof detail === 'string' ? JSON.parse(detail) : detail);

  it('sets a start date: the staff list shows it and the training register counts from it, audited with before and after', async () => {
    const teacherId = world.users.teacher.id;
    const before = await coverage();
    expect(before.newStaffWithinGrace).toContainEqual({ userId: teacherId, name: 'teacher', joinedOn: '2026-11-21', trainBy: '2027-11-21' });

    const set = await requestAs(test.app, await as('schoolAdmin'), 'PUT', startDateUrl(teacherId), { startedOn: '2015-08-17' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ userId: teacherId, startedOn: '2015-08-17', joinedOn: '2026-11-21' });

    // Long in the team, not trained: overdue, no longer "new".
    const after = await coverage();
    expect(after.untrainedOverdue).toContainEqual({ userId: teacherId, name: 'teacher', joinedOn: '2015-08-17' });
    expect(after.newStaffWithinGrace.map((person: { userId: string }) => person.userId)).not.toContain(teacherId);

    const [event] = await auditOf('staff.start_date_changed');
    expect(event).toMatchObject({ actor_user_id: world.users.schoolAdmin.id, target_type: 'user', target_id: teacherId, school_id: world.schoolA1 });
    expect(detailOf(event?.detail)).toEqual({ before: null, after: '2015-08-17' });

    // The same date again changes and records nothing; clearing counts from the role again.
    await requestAs(test.app, await as('schoolAdmin'), 'PUT', startDateUrl(teacherId), { startedOn: '2015-08-17' });
    expect(await auditOf('staff.start_date_changed')).toHaveLength(1);
    const cleared = await requestAs(test.app, await as('schoolAdmin'), 'PUT', startDateUrl(teacherId), { startedOn: null });
    expect(cleared.json().startedOn).toBeNull();
    expect((await coverage()).newStaffWithinGrace).toContainEqual({ userId: teacherId, name: 'teacher', joinedOn: '2026-11-21', trainBy: '2027-11-21' });
    expect(detailOf((await auditOf('staff.start_date_changed'))[1]?.detail)).toEqual({ before: '2015-08-17', after: null });
  });

  it('refuses a malformed date, someone not on the staff, and callers without staff management', async () => {
    const admin = await as('schoolAdmin');
    const malformed = await requestAs(test.app, admin, 'PUT', startDateUrl(world.users.teacher.id), { startedOn: '17-08-2015' });
    expect(malformed.statusCode).toBe(400);
    const stranger = await requestAs(test.app, admin, 'PUT', startDateUrl(world.users.teacherOtherSchool.id), { startedOn: '2015-08-17' });
    expect(stranger.statusCode).toBe(404);
    for (const key of ['leadership', 'tsoLead', 'teacher'] as const) {
      const refused = await requestAs(test.app, await as(key), 'PUT', startDateUrl(world.users.teacher.id), { startedOn: '2015-08-17' });
      expect(refused.statusCode, key).toBe(403);
    }
    expect(await db().selectFrom('staff_start_dates').selectAll().execute()).toEqual([]);
  });

  it('forgets the start date of someone who leaves the school', async () => {
    const careId = world.users.careTeam.id;
    const admin = await as('schoolAdmin');
    await requestAs(test.app, admin, 'PUT', startDateUrl(careId), { startedOn: '2020-01-06' });
    const removed = await requestAs(test.app, admin, 'PUT', `/api/schools/${world.schoolA1}/staff/${careId}/roles`, { roles: [], classIds: [] });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await db().selectFrom('staff_start_dates').selectAll().where('user_id', '=', careId).execute()).toEqual([]);
  });

  const FILE = [
    '\uFEFFNaam;E-mailadres;Rollen;Startdatum',
    'Anouk de Wit;anouk.dewit@world.test;Leerkracht;01-08-2012',
    'Bram Jansen;BRAM@world.test;leerkracht, kartrekker;2019-08-19',
    'Chris Peters;chris@world.test;intern begeleider;',
    `teacher;${'teacher@world.test'};Leerkracht;15-08-2010`,
  ].join('\r\n');

  it('previews a file with an error per row and writes nothing', async () => {
    const broken = [
      'name,email,roles,start date',
      'Anouk de Wit,anouk.dewit@world.test,Leerkracht,31-02-2012',
      ',geen-adres,conciërge,',
      `Ik,${world.users.schoolAdmin.email},Leerkracht,`,
      'Dubbel,anouk.dewit@world.test,Leerkracht,',
    ].join('\n');
    const counts = async () => ({
      invitations: (await db().selectFrom('staff_invitations').selectAll().execute()).length,
      users: (await db().selectFrom('users').selectAll().execute()).length,
      audit: (await db().selectFrom('audit_events').selectAll().execute()).length,
    });
    const before = await counts();
    const preview = await requestAs(test.app, await as('schoolAdmin'), 'POST', `/api/schools/${world.schoolA1}/staff-import/preview`, { csv: broken });
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.errorRowCount).toBe(4);
    expect(body.rows.map((row: { line: number; errors: unknown[]; action: unknown }) => [row.line, row.errors, row.action])).toEqual([
      [2, [{ field: 'startedOn', code: 'invalid_date' }], null],
      [3, [{ field: 'name', code: 'missing' }, { field: 'email', code: 'invalid_email' }, { field: 'roles', code: 'unknown_role' }], null],
      [4, [{ field: 'email', code: 'own_address' }], null],
      [5, [{ field: 'email', code: 'duplicate_email' }], null],
    ]);
    const refused = await requestAs(test.app, await as('schoolAdmin'), 'POST', `/api/schools/${world.schoolA1}/staff-import`, { csv: broken });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('import_has_errors');
    expect(await counts()).toEqual(before);

    const noColumns = await requestAs(test.app, await as('schoolAdmin'), 'POST', `/api/schools/${world.schoolA1}/staff-import/preview`, { csv: 'Naam;Telefoon\nAnouk;06\n' });
    expect(noColumns.json()).toMatchObject({ missingColumns: ['email', 'roles'], rows: [] });
  });

  it('previews a valid file (`;`, BOM, both date forms) and says what each row will do', async () => {
    const preview = await requestAs(test.app, await as('schoolAdmin'), 'POST', `/api/schools/${world.schoolA1}/staff-import/preview`, { csv: FILE });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().rows).toEqual([
      { line: 2, name: 'Anouk de Wit', email: 'anouk.dewit@world.test', roles: ['teacher'], startedOn: '2012-08-01', errors: [], action: 'invite' },
      { line: 3, name: 'Bram Jansen', email: 'bram@world.test', roles: ['teacher', 'tso_lead'], startedOn: '2019-08-19', errors: [], action: 'invite' },
      { line: 4, name: 'Chris Peters', email: 'chris@world.test', roles: ['care_team'], startedOn: null, errors: [], action: 'invite' },
      // Already on the staff: only the start date is taken from the file.
      { line: 5, name: 'teacher', email: 'teacher@world.test', roles: ['teacher'], startedOn: '2010-08-15', errors: [], action: 'set_start_date' },
    ]);
    expect(await db().selectFrom('staff_invitations').selectAll().where('email', '=', 'anouk.dewit@world.test').execute()).toEqual([]);
  });

  it('confirms: invitations through the invitation service, start dates, care roles waiting, audited; the start date counts once accepted', async () => {
    const confirmed = await requestAs(test.app, await as('schoolAdmin'), 'POST', `/api/schools/${world.schoolA1}/staff-import`, { csv: FILE });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toEqual({ invited: 3, startDatesSet: 1, unchanged: 0, mailDelivery: 'outbox' });

    const invitations = (await requestAs(test.app, await as('schoolAdmin'), 'GET', `/api/schools/${world.schoolA1}/invitations`)).json();
    const byEmail = new Map(invitations.map((invitation: { email: string }) => [invitation.email, invitation]));
    expect(byEmail.get('anouk.dewit@world.test')).toMatchObject({ name: 'Anouk de Wit', roles: ['teacher'], startedOn: '2012-08-01' });
    // The care-team role waits for a second person, as with any invitation.
    expect(byEmail.get('chris@world.test')).toMatchObject({ roles: [], pendingRoles: ['care_team'] });
    // New accounts are homed in the school's board and get their link in the outbox.
    expect(await lastOutboxSecretLink(test.deps, 'anouk.dewit@world.test')).toContain('/uitnodiging#token=');
    const staff = (await requestAs(test.app, await as('schoolAdmin'), 'GET', `/api/schools/${world.schoolA1}/staff`)).json();
    expect(staff.find((member: { userId: string }) => member.userId === world.users.teacher.id).startedOn).toBe('2010-08-15');

    expect(await auditOf('staff.invited')).toHaveLength(3);
    const [imported] = await auditOf('staff.imported');
    expect(imported).toMatchObject({ actor_user_id: world.users.schoolAdmin.id, target_type: 'school', target_id: world.schoolA1, school_id: world.schoolA1 });
    expect(detailOf(imported?.detail)).toEqual({ rows: 4, invited: 3, startDatesSet: 1, unchanged: 0 });

    // Anouk accepts: she counts from 2012, so she is overdue rather than new.
    const link = await lastOutboxSecretLink(test.deps, 'anouk.dewit@world.test');
    const token = link.match(/token=([\w-]+)/)?.[1];
    const accepted = await test.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, name: 'Anouk de Wit', password: 'een lang eigen wachtwoord' } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const anouk = await db().selectFrom('users').select('id').where('email', '=', 'anouk.dewit@world.test').executeTakeFirstOrThrow();
    expect((await coverage()).untrainedOverdue).toContainEqual({ userId: anouk.id, name: 'Anouk de Wit', joinedOn: '2012-08-01' });

    // The same file again: the invitations are sent again, the start date is unchanged.
    const again = await requestAs(test.app, await as('schoolAdmin'), 'POST', `/api/schools/${world.schoolA1}/staff-import/preview`, { csv: FILE });
    expect(again.json().rows.map((row: { action: string }) => row.action)).toEqual(['unchanged', 'invite', 'invite', 'unchanged']);
  });

  it('tells the inviter whether an invitation mail was sent or kept in the outbox', async () => {
    const invited = await requestAs(test.app, await as('schoolAdmin'), 'POST', `/api/schools/${world.schoolA1}/invitations`, {
      email: 'dana@world.test',
      name: 'Dana',
      roles: ['teacher'],
      classIds: [],
      startedOn: '2026-12-01',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json()).toMatchObject({ mailDelivery: 'outbox', startedOn: '2026-12-01' });
  });
});
