import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { newId } from '../../deps';
import type { Referral, Referrals } from './care-referrals.schemas';
import type { CareOverview } from './care.schemas';

describe.each(testDialects())('referrals on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const referrals = (pupilId = world.pupilInClassA1) => `/api/schools/${world.schoolA1}/pupils/${pupilId}/care/referrals`;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);

  async function add(login: Login, body: object, pupilId = world.pupilInClassA1): Promise<Referral> {
    const response = await requestAs(test.app, login, 'POST', referrals(pupilId), body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Referral;
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    for (const table of ['care_referrals', 'care_screenings'] as const) await test.deps.db.kysely.deleteFrom(table).execute();
  });

  it('links a referral to the screening of the same pupil that proposed it, and stores to whom and why encrypted', async () => {
    const careTeam = await as('careTeam');
    const screening = await requestAs(test.app, careTeam, 'POST', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/care/screenings`, {
      instrumentId: 'cries-8',
      informant: 'pupil',
      takenOn: '2026-11-20',
      answers: { '1': 3, '2': 3, '3': 3, '4': 3, '5': 3, '6': 0, '7': 0, '8': 0 },
    });
    expect(screening.statusCode, screening.body).toBe(201);
    const screeningId = screening.json().id as string;

    const referral = await add(careTeam, { toWhom: 'GGZ Jeugd Noord', referredOn: '2026-11-20', reason: 'Herbelevingen na het ongeluk.', screeningId });
    expect([referral.toWhom, referral.reason, referral.status, referral.screeningId, referral.followUpOn, referral.createdByName]).toEqual([
      'GGZ Jeugd Noord',
      'Herbelevingen na het ongeluk.',
      'proposed',
      screeningId,
      null,
      'careTeam',
    ]);
    const otherPupil = await requestAs(test.app, careTeam, 'POST', referrals(world.pupilInClassA1Other), { toWhom: 'GGZ', referredOn: '2026-11-20', screeningId });
    expect(otherPupil.json().error.fields).toEqual({ 'body.screeningId': ['not_a_screening_of_the_pupil'] });
    const future = await requestAs(test.app, careTeam, 'POST', referrals(), { toWhom: 'GGZ', referredOn: '2026-11-22' });
    expect(future.json().error.fields).toEqual({ 'body.referredOn': ['in_the_future'] });

    const changed = await requestAs(test.app, careTeam, 'PUT', `${referrals()}/${referral.id}`, { status: 'discussed_with_parents', followUpOn: '2026-12-01' });
    expect([changed.json().status, changed.json().followUpOn, changed.json().toWhom]).toEqual(['discussed_with_parents', '2026-12-01', 'GGZ Jeugd Noord']);
    expect((await requestAs(test.app, careTeam, 'PUT', `${referrals()}/${newId()}`, { status: 'sent' })).statusCode).toBe(404);
    const listed = (await requestAs(test.app, careTeam, 'GET', referrals())).json() as Referrals;
    expect(listed.map((entry) => [entry.id, entry.status, entry.reason])).toEqual([[referral.id, 'discussed_with_parents', 'Herbelevingen na het ongeluk.']]);

    const stored = await test.deps.db.kysely.selectFrom('care_referrals').select(['to_whom_encrypted', 'reason_encrypted', 'status']).executeTakeFirstOrThrow();
    expect([stored.to_whom_encrypted, stored.reason_encrypted]).toEqual([expect.stringMatching(/^gw1:/), expect.stringMatching(/^gw1:/)]);
    expect(stored.status).toBe('discussed_with_parents');
    // The audit detail names the status change, never the texts.
    const events = await test.deps.db.kysely.selectFrom('audit_events').select(['action', 'detail']).where('action', 'in', ['care.referral_added', 'care.referral_changed']).execute();
    const change = events.find((event) => event.action === 'care.referral_changed');
    expect(JSON.parse(change?.detail ?? '{}')).toMatchObject({ referralId: referral.id, status: 'discussed_with_parents', previousStatus: 'proposed' });
    for (const event of events) expect(event.detail).not.toMatch(/GGZ|Herbeleving/);
  });

  it('keeps referrals from every teacher, their own pupils included', async () => {
    const teacher = await as('teacher');
    const referral = await add(await as('careTeam'), { toWhom: 'Jeugdteam', referredOn: '2026-11-20' });
    for (const [method, path, body] of [
      ['GET', referrals(), undefined],
      ['POST', referrals(), { toWhom: 'Jeugdteam', referredOn: '2026-11-20' }],
      ['PUT', `${referrals()}/${referral.id}`, { status: 'ended' }],
    ] as const) {
      expect((await requestAs(test.app, teacher, method, path, body)).statusCode, `${method} ${path}`).toBe(403);
    }
  });

  it('lists the follow-ups that are due in the care overview until the referral ends', async () => {
    const careTeam = await as('careTeam');
    const due = await add(careTeam, { toWhom: 'Jeugdteam Noord', referredOn: '2026-11-01', status: 'waiting', followUpOn: '2026-11-21' });
    await add(careTeam, { toWhom: 'Later', referredOn: '2026-11-01', status: 'sent', followUpOn: '2026-11-22' });
    const ended = await add(careTeam, { toWhom: 'Afgerond', referredOn: '2026-10-01', status: 'in_care', followUpOn: '2026-11-01' });
    const overview = async () => ((await requestAs(test.app, careTeam, 'GET', `/api/schools/${world.schoolA1}/care/overview`)).json() as CareOverview).referralFollowUps;
    expect((await overview()).map((entry) => entry.referralId)).toEqual([ended.id, due.id]);
    await requestAs(test.app, careTeam, 'PUT', `${referrals()}/${ended.id}`, { status: 'ended' });
    expect(await overview()).toEqual([
      { referralId: due.id, pupilId: world.pupilInClassA1, pupilName: 'Sanne de Vries', toWhom: 'Jeugdteam Noord', status: 'waiting', followUpOn: '2026-11-21' },
    ]);
    expect(due.isFollowUpDue).toBe(true);
  });
});
