import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, requestAs, type TestApp } from '../../../test/support/test-app';
import { testDialects } from '../../../test/support/test-db';
import { createWorld, WORLD_PASSWORD, type World } from '../../../test/support/world';

const NEW_PASSWORD = 'een zin die alleen ik ken';

describe.each(testDialects())('own account on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  async function auditCount(action: string): Promise<number> {
    const rows = await test.deps.db.kysely.selectFrom('audit_events').select('id').where('action', '=', action).execute();
    return rows.length;
  }

  it('changes the password only with the current one, refuses a common one, and ends the other sessions', async () => {
    const here = await login(test.app, world.users.leadership.email, WORLD_PASSWORD);
    const elsewhere = await login(test.app, world.users.leadership.email, WORLD_PASSWORD);

    const wrong = await requestAs(test.app, here, 'POST', '/api/me/password', { currentPassword: 'niet mijn wachtwoord', newPassword: NEW_PASSWORD });
    // Said as what it is: the current password is wrong (not "e-mail address or password"), on its field.
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('wrong_current_password');
    expect(wrong.json().error.message).toContain('niet je huidige wachtwoord');
    expect(wrong.json().error.fields).toEqual({ 'body.currentPassword': ['wrong_current_password'] });

    const common = await requestAs(test.app, here, 'POST', '/api/me/password', { currentPassword: WORLD_PASSWORD, newPassword: 'Wachtwoord2026!' });
    expect(common.json().error.code).toBe('password_too_common');

    const before = await auditCount('auth.password_changed');
    const changed = await requestAs(test.app, here, 'POST', '/api/me/password', { currentPassword: WORLD_PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ ended: 1 });
    expect(await auditCount('auth.password_changed')).toBe(before + 1);

    expect((await requestAs(test.app, here, 'GET', `/api/schools/${world.schoolA1}`)).statusCode).toBe(200);
    expect((await requestAs(test.app, elsewhere, 'GET', `/api/schools/${world.schoolA1}`)).statusCode).toBe(401);
    await expect(login(test.app, world.users.leadership.email, WORLD_PASSWORD)).rejects.toThrow(/401/);
    await expect(login(test.app, world.users.leadership.email, NEW_PASSWORD)).resolves.toHaveProperty('csrfToken');
  });

  it('lists the own sessions without their secrets and ends the others after the password is typed again', async () => {
    const here = await login(test.app, world.users.tsoLead.email, WORLD_PASSWORD);
    const elsewhere = await login(test.app, world.users.tsoLead.email, WORLD_PASSWORD);
    const someoneElse = await login(test.app, world.users.teacher.email, WORLD_PASSWORD);

    const list = await requestAs(test.app, here, 'GET', '/api/me/sessions');
    expect(list.statusCode).toBe(200);
    const sessions: { id: string; current: boolean }[] = list.json();
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    const stored = await test.deps.db.kysely.selectFrom('sessions').select('id_hash').execute();
    for (const session of sessions) {
      expect(stored.map((row) => row.id_hash)).not.toContain(session.id);
      expect(here.cookie).not.toContain(session.id);
    }

    const wrong = await requestAs(test.app, here, 'POST', '/api/me/sessions/end-others', { password: 'fout' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('wrong_current_password');
    expect((await requestAs(test.app, elsewhere, 'GET', '/api/me/sessions')).statusCode).toBe(200);

    const ended = await requestAs(test.app, here, 'POST', '/api/me/sessions/end-others', { password: WORLD_PASSWORD });
    expect(ended.json()).toEqual({ ended: 1 });
    expect((await requestAs(test.app, elsewhere, 'GET', '/api/me/sessions')).statusCode).toBe(401);
    expect((await requestAs(test.app, here, 'GET', '/api/me/sessions')).json()).toHaveLength(1);
    expect((await requestAs(test.app, someoneElse, 'GET', '/api/me/sessions')).statusCode).toBe(200);
  });
});
