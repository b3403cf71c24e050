import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../src/server/auth/sessions.service';
import type { RegisteredRoute } from '../src/server/http/auth-hooks';
import { createTestApp, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';
import { ALLOWED_ON_A, ALLOWED_ON_B, EXPECTED_PUBLIC, MATRIX_USERS as USERS } from './support/policy-matrix';
import { createWorld, type World, type WorldUserKey } from './support/world';

/** Fills a route's path parameters for a target board/school; record ids are unknown on purpose (no side effects). */
function urlFor(route: RegisteredRoute, target: { boardId: string; schoolId: string }): string {
  return route.url
    .replace(':boardId', target.boardId)
    .replace(':schoolId', target.schoolId)
    .replace(/:(locationId|classId|userId|roundId|modelId)/g, () => randomUUID())
    .replace(':aspectId', 'layer-1.motivation')
    .replace('*', 'x');
}

describe.each(testDialects())('authorization matrix on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  async function call(route: RegisteredRoute, url: string, user: WorldUserKey | null) {
    const headers: Record<string, string> = {};
    if (user) {
      // A fresh session per request: some routes (logout) end the session they are called with.
      const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[user].id);
      headers.cookie = `__Host-gw_session=${session.token}`;
      headers['x-csrf-token'] = session.csrfToken;
    }
    return test.app.inject({
      method: route.method as 'GET',
      url,
      headers,
      ...(route.hasBody ? { payload: {} } : {}),
    });
  }

  it('has a policy for every route and only the expected public ones', () => {
    const routes = test.app.registeredRoutes;
    expect(routes.length).toBeGreaterThan(20);
    const publicRoutes = routes.filter((route) => route.policy.access === 'public').map((route) => `${route.method} ${route.url}`);
    expect(publicRoutes.sort()).toEqual(EXPECTED_PUBLIC);
    for (const route of routes) {
      if (route.policy.access === 'permission') expect(ALLOWED_ON_A).toHaveProperty([route.policy.permission]);
    }
  });

  it('refuses every non-public route to anonymous callers with 401', async () => {
    for (const route of test.app.registeredRoutes.filter((r) => r.policy.access !== 'public')) {
      const response = await call(route, urlFor(route, { boardId: world.boardA, schoolId: world.schoolA1 }), null);
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json().error.code).toBe('not_authenticated');
    }
  });

  it('lets every signed-in user through the routes that only need a login', async () => {
    for (const route of test.app.registeredRoutes.filter((r) => r.policy.access === 'authenticated')) {
      for (const user of USERS) {
        const response = await call(route, urlFor(route, { boardId: world.boardA, schoolId: world.schoolA1 }), user);
        expect([401, 403], `${user} ${route.method} ${route.url}`).not.toContain(response.statusCode);
      }
    }
  });

  for (const [label, targetOf, expected] of [
    ['board A / school A1', (w: World) => ({ boardId: w.boardA, schoolId: w.schoolA1 }), ALLOWED_ON_A],
    ['board B / school B1 (another board)', (w: World) => ({ boardId: w.boardB, schoolId: w.schoolB1 }), ALLOWED_ON_B],
  ] as const) {
    it(`allows and denies every permission route × role on ${label} as the matrix says`, async () => {
      const target = targetOf(world);
      const mismatches: string[] = [];
      for (const route of test.app.registeredRoutes) {
        if (route.policy.access !== 'permission') continue;
        const allowed = expected[route.policy.permission];
        for (const user of USERS) {
          const response = await call(route, urlFor(route, target), user);
          const wasDenied = response.statusCode === 403 && response.json().error.code === 'forbidden';
          const shouldBeAllowed = allowed.includes(user);
          if (wasDenied === shouldBeAllowed) {
            mismatches.push(`${user} ${route.method} ${route.url}: expected ${shouldBeAllowed ? 'allow' : 'deny'}, got ${response.statusCode}`);
          }
          if (response.statusCode === 401 || response.statusCode >= 500) mismatches.push(`${user} ${route.method} ${route.url}: ${response.statusCode}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('takes a removed membership into account on the very next request', async () => {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users.leadership.id);
    const headers = { cookie: `__Host-gw_session=${session.token}` };
    expect((await test.app.inject({ method: 'GET', url: `/api/schools/${world.schoolA1}/staff`, headers })).statusCode).toBe(200);
    await test.deps.db.kysely.deleteFrom('school_memberships').where('user_id', '=', world.users.leadership.id).execute();
    expect((await test.app.inject({ method: 'GET', url: `/api/schools/${world.schoolA1}/staff`, headers })).statusCode).toBe(403);
  });
});
