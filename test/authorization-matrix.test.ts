import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../src/server/auth/sessions.service';
import { isoInstant, newId } from '../src/server/deps';
import type { RegisteredRoute } from '../src/server/http/auth-hooks';
import { createTestApp, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';
import { urlFor } from './support/route-urls';
import { ALLOWED_ON_A, ALLOWED_ON_B, EXPECTED_DURING_MFA, EXPECTED_PUBLIC, MATRIX_USERS as USERS } from './support/policy-matrix';
import { createWorld, type World, type WorldUserKey } from './support/world';
import { snapshotDatabase } from './support/snapshot';

describe.each(testDialects())('authorization matrix on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  beforeAll(async () => {
    // MFA as in production: required for the roles that need it, and set up by those users.
    test = await createTestApp(dialect, { config: { mfaRequired: true } });
    world = await createWorld(test, { mfa: true });
  });
  afterAll(async () => test.close());

  async function call(route: RegisteredRoute, url: string, user: WorldUserKey | null) {
    const headers: Record<string, string> = {};
    if (user) {
      // A fresh session per request: some routes (logout) end the session they are called with. It has
      // passed the second sign-in step, as after a full login.
      const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[user].id, {
        mfaVerifiedAt: isoInstant(test.clock.now()),
      });
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

  for (const state of ['code_needed', 'enrollment_needed'] as const) {
    it(`lets a session whose MFA state is ${state} reach only its few routes`, async () => {
      const userId = state === 'code_needed' ? world.users.schoolAdmin.id : await addCareTeamMemberWithoutMfa();
      const expectedCode = state === 'code_needed' ? 'mfa_verification_required' : 'mfa_enrollment_required';
      const reached: string[] = [];
      // Pupil and kiosk routes never take a staff session at all (test/checkin-authorization.test.ts).
      const staffRoutes = test.app.registeredRoutes.filter((r) => r.policy.access !== 'public' && r.policy.access !== 'device');
      for (const route of staffRoutes) {
        const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, userId);
        const response = await test.app.inject({
          method: route.method as 'GET',
          url: urlFor(route, { boardId: world.boardA, schoolId: world.schoolA1 }),
          headers: { cookie: `__Host-gw_session=${session.token}`, 'x-csrf-token': session.csrfToken },
          ...(route.hasBody ? { payload: {} } : {}),
        });
        const wasRefused = response.statusCode === 403 && response.json().error.code === expectedCode;
        if (!wasRefused) reached.push(`${route.method} ${route.url}`);
      }
      expect(reached.sort()).toEqual([...EXPECTED_DURING_MFA[state]].sort());
    });
  }

  // A care-team member (a role that requires MFA) who has not set it up.
  async function addCareTeamMemberWithoutMfa(): Promise<string> {
    const db = test.deps.db.kysely;
    const id = newId();
    const now = isoInstant(test.clock.now());
    await db.insertInto('users').values({ id, email: `zorg-${id}@world.test`, name: 'Zorg', password_hash: 'x', locale: 'nl', disabled_at: null, created_at: now }).execute();
    await db.insertInto('school_memberships').values({ school_id: world.schoolA1, user_id: id, role: 'care_team', created_at: now }).execute();
    return id;
  }

  it('takes a removed membership into account on the very next request', async () => {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users.leadership.id);
    const headers = { cookie: `__Host-gw_session=${session.token}` };
    expect((await test.app.inject({ method: 'GET', url: `/api/schools/${world.schoolA1}/staff`, headers })).statusCode).toBe(200);
    await test.deps.db.kysely.deleteFrom('school_memberships').where('user_id', '=', world.users.leadership.id).execute();
    expect((await test.app.inject({ method: 'GET', url: `/api/schools/${world.schoolA1}/staff`, headers })).statusCode).toBe(403);
  });

  // Finding 1 of the security test: an admin of one board could take over accounts of another. Board B's admins
  // now attempt every account action the API has — each route naming a :userId or an invitation, on their own
  // board and school and on board A's — against every account homed in board A. Nothing of those accounts may
  // change; invitations only ASK (the answer looks the same as for a new address) and file their mail under A.
  it("lets board B's admins change nothing of board A's accounts, whatever account action they try", async () => {
    const db = test.deps.db.kysely;
    const accountRoutes = test.app.registeredRoutes.filter(
      (route) => route.method !== 'GET' && (route.url.includes(':userId') || route.url.includes('/invitations')) && route.policy.access !== 'public',
    );
    expect(accountRoutes.length).toBeGreaterThanOrEqual(10);
    const victims = (['boardAdmin', 'schoolAdmin', 'leadership', 'tsoLead', 'teacher', 'careTeam', 'teacherOtherSchool'] as const).map((key) => world.users[key]);
    const accountState = async () => {
      const snapshot = await snapshotDatabase(db);
      const ids = victims.map((victim) => victim.id);
      const mentions = (table: string) => (snapshot[table] ?? []).filter((row) => ids.some((id) => row.includes(id)));
      return { users: mentions('users'), memberships: [...mentions('board_memberships'), ...mentions('school_memberships')], status: mentions('school_staff_status'), tokens: mentions('user_tokens'), mfa: mentions('user_mfa') };
    };
    const before = await accountState();
    const unexpected: string[] = [];
    for (const attacker of ['boardAdminOtherBoard', 'schoolAdminOtherBoard'] as const) {
      for (const victim of victims) {
        for (const route of accountRoutes) {
          for (const target of [
            { boardId: world.boardB, schoolId: world.schoolB1 },
            { boardId: world.boardA, schoolId: world.schoolA1 },
          ]) {
            const url = urlFor(route, target, { userId: victim.id });
            const session = await startSession(db, test.clock, test.deps.config, world.users[attacker].id, { mfaVerifiedAt: isoInstant(test.clock.now()) });
            const isInvite = route.method === 'POST' && route.url.endsWith('/invitations');
            const response = await test.app.inject({
              method: route.method as 'POST',
              url,
              headers: { cookie: `__Host-gw_session=${session.token}`, 'x-csrf-token': session.csrfToken },
              ...(isInvite ? { payload: { email: victim.email, name: 'Overname', roles: ['care_team', 'school_admin'], classIds: [] } } : route.hasBody ? { payload: { roles: ['care_team'], classIds: [] } } : {}),
            });
            const allowed = isInvite && target.schoolId === world.schoolB1 ? [201] : [400, 403, 404];
            if (!allowed.includes(response.statusCode)) unexpected.push(`${attacker} ${route.method} ${url}: ${response.statusCode}`);
          }
        }
      }
    }
    expect(unexpected).toEqual([]);
    expect(await accountState()).toEqual(before);
    // The asked-for invitations wait for the accounts' own answers; their mail went to board A, never to board B.
    const toVictims = await db.selectFrom('outbox_messages').select(['to_address', 'board_id']).where('to_address', 'in', victims.map((victim) => victim.email)).execute();
    expect(toVictims.length).toBeGreaterThan(0);
    expect(toVictims.every((mail) => mail.board_id === world.boardA)).toBe(true);
  });
});
