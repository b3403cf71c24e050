import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, requestAs, sessionCookieOf, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';

const SETUP = {
  boardName: 'Stichting Kompas',
  schoolName: 'De Wegwijzer',
  schoolKind: 'special_primary',
  adminName: 'Joke de Boer',
  adminEmail: 'joke@kompas.test',
  adminPassword: 'een goed wachtwoord',
};

describe.each(testDialects())('first run on %s', (dialect) => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp(dialect);
  });
  afterAll(async () => test.close());

  it('creates the board, the first school and its administrator, and signs them in', async () => {
    expect((await test.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: true });
    const response = await test.app.inject({ method: 'POST', url: '/api/setup', payload: SETUP });
    expect(response.statusCode).toBe(201);
    const session = response.json();
    expect(session.boards).toEqual([{ id: expect.any(String), name: 'Stichting Kompas', roles: ['board_admin'] }]);
    expect(session.schools).toEqual([{ id: expect.any(String), name: 'De Wegwijzer', boardId: session.boards[0].id, roles: ['school_admin'], workingGroup: null, planSharedWithTeam: false }]);
    const me = { cookie: sessionCookieOf(response), csrfToken: session.csrfToken };
    expect((await requestAs(test.app, me, 'GET', `/api/boards/${session.boards[0].id}`)).json().schools).toHaveLength(1);
    expect((await test.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: false });
  });

  it('refuses a second setup and the demo once a board exists', async () => {
    const again = await test.app.inject({ method: 'POST', url: '/api/setup', payload: { ...SETUP, adminEmail: 'ander@kompas.test' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_set_up');
    expect((await test.app.inject({ method: 'POST', url: '/api/setup/demo' })).statusCode).toBe(409);
    const boards = await test.deps.db.kysely.selectFrom('boards').selectAll().execute();
    expect(boards).toHaveLength(1);
  });

  it('refuses a cross-site setup request', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { origin: 'https://evil.example' },
      payload: SETUP,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });
});
