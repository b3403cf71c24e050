import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { aspectIdsOf } from '../../../shared/selfscan-model';
import { createSmtpMailer } from '../../mail/mailer';
import { startSmtpCapture, type SmtpCapture } from '../../../../test/support/smtp-capture';
import { createTestApp, requestAs, type Login, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { loadShippedModels } from './model-catalogue';
import { shippedModelId } from './selfscan.service';

const model = loadShippedModels()[0]!;
const ASPECTS = aspectIdsOf(model);
const MODEL_ID = shippedModelId(model.id, model.version);
const HOUR = 3_600_000;
const STAFF_OF_A1: WorldUserKey[] = ['schoolAdmin', 'leadership', 'tsoLead', 'teacher', 'careTeam'];

// Reminders go to whoever has not answered every aspect, through real SMTP (captured); the one who sends them
// learns neither who they went to nor how many, and a round is reminded at most once a day.
describe.each(testDialects())('self-scan reminders on %s', (dialect) => {
  let smtp: SmtpCapture;
  let test: TestApp;
  let world: World;
  let roundId = '';
  const sessions = new Map<WorldUserKey, Login>();

  async function as(key: WorldUserKey): Promise<Login> {
    const known = sessions.get(key);
    if (known) return known;
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    const login = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    sessions.set(key, login);
    return login;
  }
  const roundsUrl = () => `/api/schools/${world.schoolA1}/selfscan/rounds`;
  const remind = async (key: WorldUserKey, id = roundId) => requestAs(test.app, await as(key), 'POST', `${roundsUrl()}/${id}/reminders`);
  const rate = async (key: WorldUserKey, aspects: readonly string[]) => {
    for (const aspect of aspects) {
      const response = await requestAs(test.app, await as(key), 'PUT', `${roundsUrl()}/${roundId}/ratings/${aspect}`, { phase: aspect === ASPECTS[0] ? null : 2 });
      expect(response.statusCode, response.body).toBe(200);
    }
  };
  const reminderEvents = () => test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'selfscan.reminders_sent').execute();
  const recipients = () => smtp.mails.flatMap((mail) => mail.to).sort();
  const emailsOf = (keys: WorldUserKey[]) => keys.map((key) => world.users[key].email).sort();

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    test = await createTestApp(dialect, { mailer: () => createSmtpMailer(smtp.url, 'Groeiwijzer <no-reply@example.nl>') });
    world = await createWorld(test);
    const opened = await requestAs(test.app, await as('tsoLead'), 'POST', roundsUrl(), { name: 'Zelfscan najaar', modelId: MODEL_ID, opensOn: '2026-11-21', closesOn: '2026-12-17' });
    expect(opened.statusCode, opened.body).toBe(201);
    roundId = opened.json().id;
    // The teacher answers everything ("weet ik niet" counts), the care team only part: only the teacher is done.
    await rate('teacher', ASPECTS);
    await rate('careTeam', ASPECTS.slice(0, 3));
  });
  beforeEach(() => {
    smtp.mails.length = 0;
  });
  afterAll(async () => {
    await test?.close();
    await smtp?.close();
  });

  it('mails everyone invited who has not answered every aspect, in Dutch with the last day in words, and tells the sender no names and no count', async () => {
    const response = await remind('tsoLead');
    expect(response.statusCode, response.body).toBe(200);
    // Only when, and when again: nothing about who or how many.
    expect(response.json()).toEqual({ remindedAt: '2026-11-21T09:00:00.000Z', nextReminderFrom: '2026-11-22T09:00:00.000Z' });
    for (const person of Object.values(world.users)) {
      expect(response.body).not.toContain(person.email);
      expect(response.body).not.toContain(person.id);
    }

    // The care team started but did not finish, so it is reminded; the teacher finished, so not.
    expect(recipients()).toEqual(emailsOf(['schoolAdmin', 'leadership', 'tsoLead', 'careTeam']));
    for (const mail of smtp.mails) {
      expect(mail.to).toHaveLength(1);
      expect(mail.decoded).toContain('Heb je de zelfscan "Zelfscan najaar" van School A1 nog niet (helemaal) ingevuld?');
      expect(mail.decoded).toContain('tot en met donderdag 17 december 2026');
      expect(mail.decoded).not.toContain('2026-12-17');
      expect(mail.decoded).toContain(`http://localhost:3000/zelfscan/${roundId}`);
      // A mail names nobody else: not the other addressees, not who finished.
      for (const other of emailsOf(STAFF_OF_A1).filter((email) => !mail.to.includes(email))) expect(mail.decoded).not.toContain(other);
    }

    // Audited once, without addressees or a count; the round shows when it was reminded, to everyone on the staff.
    const [event, ...more] = await reminderEvents();
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actor_user_id: world.users.tsoLead.id, target_type: 'selfscan_round', target_id: roundId, school_id: world.schoolA1 });
    expect(JSON.parse(event!.detail ?? '{}')).toEqual({ closesOn: '2026-12-17' });
    const teacherView = await requestAs(test.app, await as('teacher'), 'GET', `${roundsUrl()}/${roundId}`);
    expect(teacherView.json()).toMatchObject({ remindedAt: '2026-11-21T09:00:00.000Z', minGroupSize: 5, progress: { invited: 5, responded: 2 } });
  });

  it('sends at most one reminder a day per round, also when someone else asks, and counts from the last one', async () => {
    const tooSoon = await remind('leadership');
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json().error).toMatchObject({ code: 'reminder_too_soon', message: expect.stringContaining('24 uur') });
    test.clock.advance(23 * HOUR + 59 * 60_000);
    sessions.clear();
    expect((await remind('tsoLead')).statusCode).toBe(429);
    expect(smtp.mails).toEqual([]);
    expect(await reminderEvents()).toHaveLength(1);

    test.clock.advance(60_000);
    sessions.clear();
    // Meanwhile the care team finished: the next reminder skips them.
    await rate('careTeam', ASPECTS.slice(3));
    const again = await remind('leadership');
    expect(again.statusCode, again.body).toBe(200);
    expect(recipients()).toEqual(emailsOf(['schoolAdmin', 'leadership', 'tsoLead']));
    expect(await reminderEvents()).toHaveLength(2);
  });

  it('mails an English reminder to someone who reads Groeiwijzer in English', async () => {
    test.clock.advance(24 * HOUR);
    sessions.clear();
    await test.deps.db.kysely.updateTable('users').set({ locale: 'en' }).where('id', '=', world.users.schoolAdmin.id).execute();
    expect((await remind('tsoLead')).statusCode).toBe(200);
    const english = smtp.mails.find((mail) => mail.to.includes(world.users.schoolAdmin.email));
    expect(english?.decoded).toContain('Have you not filled in (all of) the self-scan "Zelfscan najaar" of School A1 yet?');
    expect(english?.decoded).toContain('until Thursday, 17 December 2026');
  });

  it('lets only the lead and leadership remind, and only while the round is open', async () => {
    for (const key of ['teacher', 'careTeam', 'schoolAdmin', 'boardAdmin'] as const) expect((await remind(key)).statusCode, key).toBe(403);
    const upcoming = await requestAs(test.app, await as('tsoLead'), 'POST', roundsUrl(), { name: 'Voorjaar', modelId: MODEL_ID, opensOn: '2027-03-01', closesOn: '2027-03-15' });
    expect(upcoming.statusCode, upcoming.body).toBe(201);
    expect((await remind('tsoLead', upcoming.json().id)).statusCode).toBe(409);
    expect((await requestAs(test.app, await as('leadership'), 'POST', `${roundsUrl()}/${roundId}/close`)).statusCode).toBe(200);
    test.clock.advance(24 * HOUR);
    sessions.clear();
    smtp.mails.length = 0;
    const closed = await remind('tsoLead');
    expect(closed.statusCode).toBe(409);
    expect(smtp.mails).toEqual([]);
  });
});

// Without a mail server every mail stays in the outbox, where the school admin and board admin read each addressee:
// there the reminder goes to everyone invited, so the outbox shows nothing about who finished.
describe.each(testDialects())('self-scan reminders kept in the outbox on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test?.close());

  it('puts a reminder for every invitee in the outbox, finished or not', async () => {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users.tsoLead.id);
    const lead = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    const base = `/api/schools/${world.schoolA1}/selfscan/rounds`;
    const opened = await requestAs(test.app, lead, 'POST', base, { name: 'Zelfscan najaar', modelId: MODEL_ID, opensOn: '2026-11-21', closesOn: '2026-12-17' });
    expect(opened.statusCode, opened.body).toBe(201);
    const roundId = opened.json().id;
    for (const aspect of ASPECTS) expect((await requestAs(test.app, lead, 'PUT', `${base}/${roundId}/ratings/${aspect}`, { phase: 3 })).statusCode).toBe(200);

    expect((await requestAs(test.app, lead, 'POST', `${base}/${roundId}/reminders`)).statusCode).toBe(200);
    const reminders = await test.deps.db.kysely.selectFrom('outbox_messages').select(['to_address', 'body_text']).where('subject', 'like', 'Herinnering:%').execute();
    // The lead finished every aspect and is in the outbox all the same, like everyone else invited.
    expect(reminders.map((mail) => mail.to_address).sort()).toEqual(STAFF_OF_A1.map((key) => world.users[key].email).sort());
    expect(reminders[0]?.body_text).toContain('tot en met donderdag 17 december 2026');
  });
});
