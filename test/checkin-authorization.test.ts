import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../src/server/auth/sessions.service';
import { isoInstant } from '../src/server/deps';
import type { RegisteredRoute } from '../src/server/http/auth-hooks';
import { MATRIX_USERS } from './support/policy-matrix';
import { kioskDeviceFor, pupilDeviceFor } from './support/pupil-access';
import { urlFor } from './support/route-urls';
import { createTestApp, type Login, requestAs, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';
import { createWorld, type World, type WorldUserKey } from './support/world';

// Issue 5: a pupil session can do nothing but the pupil's own check-in, a kiosk only its class's
// check-ins, and staff sessions never pass for either. Teachers manage check-in only for their own classes.

describe.each(testDialects())('check-in authorization on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  beforeAll(async () => {
    test = await createTestApp(dialect, { config: { mfaRequired: true } });
    world = await createWorld(test, { mfa: true });
  });
  afterAll(async () => test.close());

  async function staff(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id, {
      mfaVerifiedAt: isoInstant(test.clock.now()),
    });
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }

  function call(route: RegisteredRoute, as: Login) {
    const url = urlFor(route, { boardId: world.boardA, schoolId: world.schoolA1 }, { classId: world.classA1, pupilId: world.pupilInClassA1 });
    return test.app.inject({
      method: route.method as 'GET',
      url,
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
      ...(route.hasBody ? { payload: {} } : {}),
    });
  }

  /** Every non-public route whose policy is not the given access kind, called with a device: all must answer 401. */
  async function reachedOutside(access: 'pupil' | 'kiosk', device: () => Promise<Login>): Promise<string[]> {
    const reached: string[] = [];
    const routes = test.app.registeredRoutes.filter((route) => route.policy.access !== 'public' && !(route.policy.access === 'device' && route.policy.kind === access));
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const response = await call(route, await device());
      if (response.statusCode !== 401) reached.push(`${route.method} ${route.url}: ${response.statusCode}`);
    }
    return reached;
  }

  it('lets a pupil session reach no route but the pupil routes', async () => {
    expect(await reachedOutside('pupil', () => pupilDeviceFor(test, world.pupilInClassA1, world.classA1))).toEqual([]);
  });

  it('lets a kiosk reach no route but the kiosk routes', async () => {
    expect(await reachedOutside('kiosk', () => kioskDeviceFor(test, world.classA1, world.users.teacher.id))).toEqual([]);
  });

  it('never takes a staff session, of any role, for a pupil, a kiosk or a parent', async () => {
    const deviceRoutes = test.app.registeredRoutes.filter((route) => route.policy.access === 'device');
    expect(deviceRoutes.map((route) => `${route.method} ${route.url}`).sort()).toEqual([
      'DELETE /api/kiosk',
      'DELETE /api/parent/session',
      'DELETE /api/pupil/session',
      'GET /api/kiosk',
      'GET /api/kiosk/questionnaires',
      'GET /api/kiosk/regulation/offer',
      'GET /api/kiosk/sociograms',
      'GET /api/parent/home',
      'GET /api/pupil/questionnaires',
      'GET /api/pupil/regulation/offer',
      'GET /api/pupil/session',
      'GET /api/pupil/sociograms',
      'POST /api/kiosk/checkins',
      'POST /api/kiosk/pupils/:pupilId/symbol',
      'POST /api/kiosk/regulation/moments',
      'POST /api/parent/conversation-requests',
      'POST /api/parent/questionnaires/:questionnaireId/consent',
      'POST /api/pupil/checkins',
      'POST /api/pupil/regulation/moments',
      'PUT /api/kiosk/questionnaires/:waveId/:instrumentId/pupils/:pupilId',
      'PUT /api/kiosk/sociograms/:sociogramId/pupils/:pupilId',
      'PUT /api/parent/children/:pupilId/research',
      'PUT /api/parent/details',
      'PUT /api/parent/language',
      'PUT /api/parent/questionnaires/:questionnaireId',
      'PUT /api/pupil/questionnaires/:waveId/:instrumentId',
      'PUT /api/pupil/sociograms/:sociogramId',
    ]);
    const reached: string[] = [];
    for (const user of MATRIX_USERS) {
      for (const route of deviceRoutes) {
        const response = await call(route, await staff(user));
        if (response.statusCode !== 401) reached.push(`${user} ${route.method} ${route.url}: ${response.statusCode}`);
      }
    }
    expect(reached).toEqual([]);
  });

  it('does not let a pupil cookie stand in for a kiosk cookie, or the other way round', async () => {
    const pupil = await pupilDeviceFor(test, world.pupilInClassA1, world.classA1);
    const kiosk = await kioskDeviceFor(test, world.classA1, world.users.teacher.id);
    const asKiosk = await test.app.inject({ method: 'GET', url: '/api/kiosk', headers: { cookie: pupil.cookie.replace('gw_pupil', 'gw_kiosk') } });
    const asPupil = await test.app.inject({ method: 'GET', url: '/api/pupil/session', headers: { cookie: kiosk.cookie.replace('gw_kiosk', 'gw_pupil') } });
    expect([asKiosk.statusCode, asPupil.statusCode]).toEqual([401, 401]);
  });

  it("stores a pupil's own-device check-in for that pupil only: the body cannot name another", async () => {
    const pupil = await pupilDeviceFor(test, world.pupilInClassA1, world.classA1);
    const key = randomUUID();
    const forOther = await requestAs(test.app, pupil, 'POST', '/api/pupil/checkins', {
      idempotencyKey: randomUUID(),
      state: 'low',
      wantsTalk: false,
      pupilId: world.pupilInClassA1Other,
    });
    expect(forOther.statusCode).toBe(400);
    const own = await requestAs(test.app, pupil, 'POST', '/api/pupil/checkins', { idempotencyKey: key, state: 'low', wantsTalk: false });
    expect(own.statusCode, own.body).toBe(201);
    const stored = await test.deps.db.kysely.selectFrom('checkins').select(['pupil_id', 'class_id', 'channel']).where('idempotency_key', '=', key).execute();
    expect(stored).toEqual([{ pupil_id: world.pupilInClassA1, class_id: world.classA1, channel: 'device' }]);
    const forOtherClass = await test.deps.db.kysely.selectFrom('checkins').select('id').where('pupil_id', '=', world.pupilInClassA1Other).execute();
    expect(forOtherClass).toEqual([]);
  });

  it("refuses a kiosk check-in for a pupil of another class as not found, and stores nothing", async () => {
    const kiosk = await kioskDeviceFor(test, world.classA1, world.users.teacher.id);
    const key = randomUUID();
    const response = await requestAs(test.app, kiosk, 'POST', '/api/kiosk/checkins', { idempotencyKey: key, pupilId: world.pupilInClassA1Other, state: 'in_window', wantsTalk: false });
    expect(response.statusCode).toBe(404);
    expect(await test.deps.db.kysely.selectFrom('checkins').select('id').where('idempotency_key', '=', key).execute()).toEqual([]);
  });

  const managePaths = [
    ['POST', 'kiosk', undefined],
    ['POST', 'class-code', undefined],
    ['POST', 'cards', {}],
    ['PUT', 'settings', { ageGroup: 'older' }],
    ['GET', 'symbols', undefined],
  ] as const;

  it('answers a teacher managing check-in for a class not theirs with 404, and lets them manage their own', async () => {
    const teacher = await staff('teacher');
    for (const [method, part, body] of managePaths) {
      const other = await requestAs(test.app, teacher, method, `/api/schools/${world.schoolA1}/classes/${world.classA1Other}/checkin/${part}`, body);
      expect(other.statusCode, `${method} ${part}`).toBe(404);
      expect(other.json().error.code).toBe('not_found');
      expect(other.headers['set-cookie']).toBeUndefined();
      const own = await requestAs(test.app, teacher, method, `/api/schools/${world.schoolA1}/classes/${world.classA1}/checkin/${part}`, body);
      expect(own.statusCode, `${method} ${part}: ${own.body}`).toBe(200);
    }
    const stored = await test.deps.db.kysely.selectFrom('class_codes').select('class_id').execute();
    expect(stored.map((row) => row.class_id)).not.toContain(world.classA1Other);
  });

  it('refuses a school admin every class device, and a teacher a class of another school', async () => {
    // A login card or kiosk lets its holder act as a pupil of the class: only the class's own teachers get them.
    const admin = await staff('schoolAdmin');
    const teacher = await staff('teacher');
    for (const [method, part, body] of managePaths) {
      const response = await requestAs(test.app, admin, method, `/api/schools/${world.schoolA1}/classes/${world.classA1}/checkin/${part}`, body);
      expect(response.statusCode, `${method} ${part}: ${response.body}`).toBe(403);
      // Board B's class through school A1's path: not found, whatever the id.
      const elsewhere = await requestAs(test.app, teacher, method, `/api/schools/${world.schoolA1}/classes/${world.classB1}/checkin/${part}`, body);
      expect(elsewhere.statusCode, `${method} ${part}`).toBe(404);
    }
    expect(await test.deps.db.kysely.selectFrom('pupil_codes').select('pupil_id').where('issued_by', '=', world.users.schoolAdmin.id).execute()).toEqual([]);
  });
});
