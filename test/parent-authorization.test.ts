import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../src/server/http/auth-hooks';
import { kioskDeviceFor, parentSessionFor, pupilDeviceFor } from './support/pupil-access';
import { urlFor } from './support/route-urls';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';
import { MATRIX_USERS } from './support/policy-matrix';
import { createWorld, type World } from './support/world';

// Issue 16, "A parent session can reach nothing but its own child's parent pages": the authorization matrix for the
// parent session kind, route by route from the app's own list — every route that is not a parent route refuses a
// parent session (401), every parent route refuses staff of any role, a pupil's device and a kiosk (401), and every
// parent route that names a record answers 404 for another parent's child or questionnaire.

describe.each(testDialects())('what a parent session reaches on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let parent: Login & { parentId: string };

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    parent = await parentSessionFor(test, world.schoolA1, world.pupilInClassA1);
  });
  afterAll(async () => test.close());

  const isParentRoute = (route: RegisteredRoute) => route.policy.access === 'device' && route.policy.kind === 'parent';

  function call(route: RegisteredRoute, as: Login, recordIds: Record<string, string> = {}) {
    const url = urlFor(route, { boardId: world.boardA, schoolId: world.schoolA1 }, { classId: world.classA1, pupilId: world.pupilInClassA1, ...recordIds });
    return test.app.inject({ method: route.method as 'GET', url, headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken }, ...(route.hasBody ? { payload: {} } : {}) });
  }

  it('refuses a parent session on every route that is not a parent route', async () => {
    const routes = test.app.registeredRoutes.filter((route) => route.policy.access !== 'public' && !isParentRoute(route));
    expect(routes.length).toBeGreaterThan(100);
    const reached: string[] = [];
    for (const route of routes) {
      const response = await call(route, parent);
      if (response.statusCode !== 401) reached.push(`${route.method} ${route.url}: ${response.statusCode}`);
    }
    expect(reached).toEqual([]);
  });

  it('refuses every staff role, a pupil device and a kiosk on every parent route', async () => {
    const routes = test.app.registeredRoutes.filter(isParentRoute);
    expect(routes.length).toBe(8);
    const callers: [string, () => Promise<Login>][] = [
      ...MATRIX_USERS.map((user): [string, () => Promise<Login>] => [user, () => sessionFor(test, world.users[user].id)]),
      ['pupil device', () => pupilDeviceFor(test, world.pupilInClassA1, world.classA1)],
      ['kiosk', () => kioskDeviceFor(test, world.classA1, world.users.teacher.id)],
    ];
    const reached: string[] = [];
    for (const [name, as] of callers) {
      for (const route of routes) {
        const response = await call(route, await as());
        if (response.statusCode !== 401) reached.push(`${name} ${route.method} ${route.url}: ${response.statusCode}`);
      }
    }
    expect(reached).toEqual([]);
  });

  it("answers 404 on every parent route that names another parent's child or questionnaire", async () => {
    const other = await parentSessionFor(test, world.schoolA1, world.pupilInClassA1Other);
    const careTeam = await sessionFor(test, world.users.careTeam.id);
    const sent = await requestAs(test.app, careTeam, 'POST', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1Other}/parent-questionnaires`, { parentId: other.parentId, instrumentId: 'parent-strengths' });
    expect(sent.statusCode, sent.body).toBe(201);
    const bodies: Record<string, unknown> = {
      'PUT /api/parent/children/:pupilId/research': { takesPart: false },
      'PUT /api/parent/questionnaires/:questionnaireId': { answers: {} },
      'POST /api/parent/questionnaires/:questionnaireId/consent': undefined,
    };
    const named = test.app.registeredRoutes.filter((route) => isParentRoute(route) && /:(pupilId|questionnaireId)/.test(route.url));
    expect(named.map((route) => `${route.method} ${route.url}`).sort()).toEqual(Object.keys(bodies).sort());
    for (const route of named) {
      const url = urlFor(route, { boardId: world.boardA, schoolId: world.schoolA1 }, { pupilId: world.pupilInClassA1Other, questionnaireId: sent.json().id });
      const response = await requestAs(test.app, parent, route.method as 'PUT', url, bodies[`${route.method} ${route.url}`]);
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(404);
    }
    // The other parent's child in a request body is not found either.
    expect((await requestAs(test.app, parent, 'POST', '/api/parent/conversation-requests', { pupilId: world.pupilInClassA1Other, message: 'Mag ik langskomen?' })).statusCode).toBe(404);
    // And the home page shows only the parent's own child.
    const home = (await requestAs(test.app, parent, 'GET', '/api/parent/home')).json();
    expect(home.children.map((child: { id: string }) => child.id)).toEqual([world.pupilInClassA1]);
    expect(home.questionnaires).toEqual([]);
  });
});
