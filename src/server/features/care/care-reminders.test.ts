import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { createDb } from '../../db/create-db';
import { sendCareReminders } from './care-reminders';

// Today is 21 November 2026 (the test clock).
describe.each(testDialects())('the care reminders on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);
  const care = (pupilId: string, path: string) => `/api/schools/${world.schoolA1}/pupils/${pupilId}/care${path}`;
  const mails = () => test.deps.db.kysely.selectFrom('outbox_messages').select(['to_address', 'subject', 'body_text']).where('subject', 'like', 'Zorg bij%').execute();

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it('mails the care team once per date about plan reviews and referral follow-ups that came, without naming a pupil', async () => {
    const careTeam = await as('careTeam');
    const write = async (method: 'PUT' | 'POST', path: string, body: object) => expect((await requestAs(test.app, careTeam, method, path, body)).statusCode).toBeLessThan(300);
    await write('PUT', care(world.pupilInClassA1, '/support-plan'), { content: {}, reviewOn: '2026-11-21' });
    await write('PUT', care(world.pupilInClassA1Other, '/support-plan'), { content: {}, reviewOn: '2026-12-15' });
    await write('POST', care(world.pupilInClassA1, '/referrals'), { toWhom: 'Jeugdteam', referredOn: '2026-11-01', reason: '', status: 'sent', followUpOn: '2026-11-20', screeningId: null });
    await write('POST', care(world.pupilInClassA1Other, '/referrals'), { toWhom: 'GGZ', referredOn: '2026-11-01', reason: '', status: 'ended', followUpOn: '2026-11-20', screeningId: null });

    const first = await sendCareReminders(test.deps);
    expect(first.schools).toEqual([{ schoolId: world.schoolA1, planReviews: 1, referralFollowUps: 1, recipients: 1 }]);
    const sent = await mails();
    expect(sent.map((mail) => mail.to_address)).toEqual([world.users.careTeam.email]);
    expect(sent[0]!.body_text).toContain('1 steunplan dat opnieuw bekeken moet worden en 1 verwijzing om op te volgen');
    expect(sent[0]!.body_text).not.toContain('Sanne');

    // The same dates are not mailed again; a plan review that comes later is.
    expect((await sendCareReminders(test.deps)).schools).toEqual([]);
    test.clock.advance(25 * 86_400_000);
    expect((await sendCareReminders(test.deps)).schools).toEqual([{ schoolId: world.schoolA1, planReviews: 1, referralFollowUps: 0, recipients: 1 }]);
    expect(await mails()).toHaveLength(2);
  });

  it('mails a date once when several servers send the reminders at the same moment', async () => {
    const careTeam = await as('careTeam');
    const today = test.clock.now().toISOString().slice(0, 10);
    expect((await requestAs(test.app, careTeam, 'PUT', care(world.pupilInClassA1, '/support-plan'), { content: {}, reviewOn: today })).statusCode).toBeLessThan(300);
    const before = (await mails()).length;
    // Three servers: each its own connection to the one database.
    const others = [await createDb(test.database.url), await createDb(test.database.url)];
    try {
      const results = await Promise.all([test.deps.db, ...others].map((db) => sendCareReminders({ ...test.deps, db })));
      expect(results.flatMap((result) => result.schools).map((school) => school.planReviews)).toEqual([1]);
      expect(await mails()).toHaveLength(before + 1);
    } finally {
      for (const db of others) await db.close();
    }
  });
});
