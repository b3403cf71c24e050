import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { startSession } from '../../auth/sessions.service';
import { isoInstant, newId } from '../../deps';
import { shippedModelId } from '../selfscan/selfscan.service';
import { loadShippedModels } from '../selfscan/model-catalogue';
import { firstStepsOf } from './getting-started.service';

describe('the getting-started checklist (pure)', () => {
  const none = { hasLocation: false, hasClass: false, hasStaff: false, hasPupil: false, hasRound: false };

  it('lists the five first steps in order, each done only when its fact holds', () => {
    expect(firstStepsOf({ ...none, hasClass: true, hasRound: true }, false)).toEqual({
      steps: [
        { step: 'locations', isDone: false },
        { step: 'classes', isDone: true },
        { step: 'staff', isDone: false },
        { step: 'pupils', isDone: false },
        { step: 'selfscan', isDone: true },
      ],
      allDone: false,
      hidden: false,
    });
    const all = { hasLocation: true, hasClass: true, hasStaff: true, hasPupil: true, hasRound: true };
    expect(firstStepsOf(all, true)).toMatchObject({ allDone: true, hidden: true });
  });
});

// A school fresh from the board: nothing done; each step becomes done from the school's own data, and the
// checklist can be hidden (audited) only once all are done.
describe.each(testDialects())('the getting-started checklist of a new school on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const schoolId = newId();

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const db = test.deps.db.kysely;
    const now = isoInstant(test.clock.now());
    await db.insertInto('schools').values({ id: schoolId, board_id: world.boardA, name: 'De Nieuwe School', kind: 'special', created_at: now }).execute();
    await db.insertInto('school_memberships').values({ school_id: schoolId, user_id: world.users.schoolAdmin.id, role: 'school_admin', created_at: now }).execute();
  });
  afterAll(async () => test.close());

  const url = () => `/api/schools/${schoolId}/getting-started`;
  const doneSteps = async (key: WorldUserKey = 'schoolAdmin') => {
    const response = await requestAs(test.app, await as(key), 'GET', url());
    expect(response.statusCode, response.body).toBe(200);
    return response.json().steps.filter((item: { isDone: boolean }) => item.isDone).map((item: { step: string }) => item.step);
  };

  it('starts with nothing done, and cannot be hidden yet', async () => {
    expect(await doneSteps()).toEqual([]);
    const hide = await requestAs(test.app, await as('schoolAdmin'), 'POST', `${url()}/hide`);
    expect(hide.statusCode).toBe(409);
  });

  it('marks each step done from the data, and hides once all are done (audited)', async () => {
    const admin = await as('schoolAdmin');
    const location = await requestAs(test.app, admin, 'POST', `/api/schools/${schoolId}/locations`, { name: 'Hoofdgebouw' });
    expect(location.statusCode, location.body).toBe(201);
    const schoolClass = await requestAs(test.app, admin, 'POST', `/api/schools/${schoolId}/classes`, { name: 'Groep 4', schoolYear: '2026-2027' });
    expect(schoolClass.statusCode, schoolClass.body).toBe(201);
    expect(await doneSteps()).toEqual(['locations', 'classes']);

    // An open invitation counts as staff, before anyone accepted.
    const invited = await requestAs(test.app, admin, 'POST', `/api/schools/${schoolId}/invitations`, { email: 'nieuw@world.test', name: 'Nieuw', roles: ['teacher'], classIds: [] });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(await doneSteps()).toEqual(['locations', 'classes', 'staff']);
    const now = isoInstant(test.clock.now());
    // A round needs at least five people (the minimum group size): the rest of the team joined.
    await test.deps.db.kysely
      .insertInto('school_memberships')
      .values(
        (['tsoLead', 'teacher', 'careTeam', 'leadership'] as const).map((key) => ({
          school_id: schoolId,
          user_id: world.users[key].id,
          role: { tsoLead: 'tso_lead', teacher: 'teacher', careTeam: 'care_team', leadership: 'leadership' }[key],
          created_at: now,
        })),
      )
      .execute();
    await test.deps.db.kysely
      .insertInto('pupils')
      .values({ id: newId(), school_id: schoolId, pupil_number: '1', first_name: 'Sam', last_name: 'Bos', birth_date: null, created_at: now, updated_at: now })
      .execute();
    expect(await doneSteps('tsoLead')).toEqual(['locations', 'classes', 'staff', 'pupils']);

    const [model] = loadShippedModels();
    const round = await requestAs(test.app, await as('tsoLead'), 'POST', `/api/schools/${schoolId}/selfscan/rounds`, {
      name: 'Eerste zelfscan',
      modelId: shippedModelId(model!.id, model!.version),
      opensOn: '2026-11-23',
      closesOn: '2026-12-04',
    });
    expect(round.statusCode, round.body).toBe(201);
    expect(await doneSteps()).toEqual(['locations', 'classes', 'staff', 'pupils', 'selfscan']);

    const hide = await requestAs(test.app, admin, 'POST', `${url()}/hide`);
    expect(hide.statusCode, hide.body).toBe(200);
    expect(hide.json()).toMatchObject({ allDone: true, hidden: true });
    expect((await requestAs(test.app, await as('tsoLead'), 'GET', url())).json().hidden).toBe(true);
    const events = await test.deps.db.kysely.selectFrom('audit_events').select(['actor_user_id', 'target_id']).where('action', '=', 'getting_started.hidden').execute();
    expect(events).toEqual([{ actor_user_id: world.users.schoolAdmin.id, target_id: schoolId }]);
  });

  it('is not shown to other staff roles', async () => {
    const response = await requestAs(test.app, await as('teacher'), 'GET', `/api/schools/${world.schoolA1}/getting-started`);
    expect(response.statusCode).toBe(403);
  });
});
