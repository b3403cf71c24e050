import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, requestAs, sessionCookieOf, type TestApp } from '../../../test/support/test-app';
import { testDialects } from '../../../test/support/test-db';
import { createWorld, WORLD_PASSWORD, type World } from '../../../test/support/world';

describe.each(testDialects())('sessions on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it('sets a __Host- cookie that is Secure, HttpOnly and SameSite=Lax at login', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: world.users.teacher.email, password: WORLD_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^__Host-gw_session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(response.json().user.email).toBe(world.users.teacher.email);
  });

  it('answers the same for an unknown address and a wrong password', async () => {
    const unknown = await test.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'nobody@world.test', password: 'whatever123' } });
    const wrong = await test.app.inject({ method: 'POST', url: '/api/session', payload: { email: world.users.teacher.email, password: 'wrong-password' } });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json().error.code).toBe('invalid_credentials');
  });

  it('replaces a session cookie sent before login with a new one', async () => {
    const first = await login(test.app, world.users.teacher.email, WORLD_PASSWORD);
    const second = await test.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { cookie: first.cookie },
      payload: { email: world.users.teacher.email, password: WORLD_PASSWORD },
    });
    expect(sessionCookieOf(second)).not.toBe(first.cookie);
    const old = await requestAs(test.app, first, 'GET', '/api/session');
    expect(old.json().user).toBeNull();
  });

  it('ends the session at logout, server-side', async () => {
    const session = await login(test.app, world.users.teacher.email, WORLD_PASSWORD);
    expect((await requestAs(test.app, session, 'DELETE', '/api/session')).statusCode).toBe(200);
    const after = await requestAs(test.app, session, 'GET', `/api/schools/${world.schoolA1}`);
    expect(after.statusCode).toBe(401);
  });

  it('refuses a state change without the CSRF token', async () => {
    const session = await login(test.app, world.users.teacher.email, WORLD_PASSWORD);
    const response = await test.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: session.cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });

  it('expires an idle session and one past its absolute lifetime', async () => {
    const idle = await login(test.app, world.users.teacher.email, WORLD_PASSWORD);
    test.clock.advance((test.deps.config.sessionIdleMinutes + 1) * 60_000);
    expect((await requestAs(test.app, idle, 'GET', `/api/schools/${world.schoolA1}`)).statusCode).toBe(401);

    const active = await login(test.app, world.users.teacher.email, WORLD_PASSWORD);
    const step = (test.deps.config.sessionIdleMinutes - 1) * 60_000;
    let elapsed = 0;
    while (elapsed + step < test.deps.config.sessionAbsoluteHours * 3_600_000) {
      test.clock.advance(step);
      elapsed += step;
      expect((await requestAs(test.app, active, 'GET', `/api/schools/${world.schoolA1}`)).statusCode).toBe(200);
    }
    test.clock.advance(step);
    expect((await requestAs(test.app, active, 'GET', `/api/schools/${world.schoolA1}`)).statusCode).toBe(401);
  });

  it('ends every session of an account the moment its home board disables it', async () => {
    const admin = await login(test.app, world.users.boardAdmin.email, WORLD_PASSWORD);
    const teacher = await login(test.app, world.users.teacher.email, WORLD_PASSWORD);
    const disable = await requestAs(test.app, admin, 'POST', `/api/boards/${world.boardA}/accounts/${world.users.teacher.id}/disable`);
    expect(disable.statusCode).toBe(200);
    expect((await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolA1}`)).statusCode).toBe(401);
    const again = await test.app.inject({ method: 'POST', url: '/api/session', payload: { email: world.users.teacher.email, password: WORLD_PASSWORD } });
    expect(again.statusCode).toBe(401);
    await requestAs(test.app, admin, 'POST', `/api/boards/${world.boardA}/accounts/${world.users.teacher.id}/enable`);
  });
});

describe.each(testDialects())('session clean-up on %s', (dialect) => {
  it('removes sessions past their absolute lifetime when someone signs in', async () => {
    const test = await createTestApp(dialect);
    try {
      const world = await createWorld(test);
      await login(test.app, world.users.teacher.email, WORLD_PASSWORD);
      await login(test.app, world.users.careTeam.email, WORLD_PASSWORD);
      test.clock.advance((test.deps.config.sessionAbsoluteHours + 1) * 3_600_000);
      await login(test.app, world.users.leadership.email, WORLD_PASSWORD);
      const sessions = await test.deps.db.kysely.selectFrom('sessions').select('user_id').execute();
      expect(sessions).toEqual([{ user_id: world.users.leadership.id }]);
    } finally {
      await test.close();
    }
  });
});

describe.each(testDialects())('login throttling on %s', (dialect) => {
  it('answers 429 once an address has tried to sign in too often in a minute, known account or not', async () => {
    const test = await createTestApp(dialect, { config: { loginRateLimitPerMinute: 3 } });
    try {
      const world = await createWorld(test);
      const attempt = (email: string) => test.app.inject({ method: 'POST', url: '/api/session', payload: { email, password: 'een verkeerd wachtwoord' } });
      for (let tries = 0; tries < 3; tries += 1) expect((await attempt(world.users.teacher.email)).statusCode).toBe(401);
      const blocked = await attempt('onbekend@world.test');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('rate_limited');
      // The right password does not get through the limit either.
      const right = await test.app.inject({ method: 'POST', url: '/api/session', payload: { email: world.users.teacher.email, password: WORLD_PASSWORD } });
      expect(right.statusCode).toBe(429);
    } finally {
      await test.close();
    }
  });
});
