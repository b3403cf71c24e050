import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { isoInstant } from '../../deps';
import { createSmtpMailer } from '../../mail/mailer';
import { startSmtpCapture, type SmtpCapture } from '../../../../test/support/smtp-capture';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { loadShippedInstruments } from './instrument-catalogue';

const HOUR = 3_600_000;
const competence = loadShippedInstruments().find((instrument) => instrument.id === 'teacher-competence')!;

// A reminder of an open teacher wave goes, through real SMTP (captured), to the teachers who have not completed
// it; whoever sends it learns neither who nor how many, and a wave is reminded at most once a day.
describe.each(testDialects())('wave reminders on %s', (dialect) => {
  let smtp: SmtpCapture;
  let test: TestApp;
  let world: World;
  let waveId = '';
  let pupilWaveId = '';

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }
  const waves = () => `/api/schools/${world.schoolA1}/questionnaire-waves`;
  const remind = async (id = waveId) => requestAs(test.app, await as('tsoLead'), 'POST', `${waves()}/${id}/reminders`);

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    test = await createTestApp(dialect, { mailer: () => createSmtpMailer(smtp.url, 'Groeiwijzer <no-reply@example.nl>') });
    world = await createWorld(test);
    // The care team member also teaches: two teachers in school A1.
    await test.deps.db.kysely.insertInto('school_memberships').values({ school_id: world.schoolA1, user_id: world.users.careTeam.id, role: 'teacher', created_at: isoInstant(test.clock.now()) }).execute();
    const lead = await as('tsoLead');
    const planned = await requestAs(test.app, lead, 'POST', waves(), { name: 'Team najaar', audience: 'teachers', opensOn: '2026-11-21', closesOn: '2026-11-27', instrumentIds: ['teacher-competence'], classIds: [] });
    expect(planned.statusCode, planned.body).toBe(201);
    waveId = planned.json().id;
    const pupils = await requestAs(test.app, lead, 'POST', waves(), { name: 'Groep 5', audience: 'pupils', opensOn: '2026-11-21', closesOn: '2026-11-27', instrumentIds: ['pupil-wellbeing'], classIds: [world.classA1] });
    pupilWaveId = pupils.json().id;
    // The teacher completes it; the care team member saves half.
    const all = Object.fromEntries(competence.items.map((item) => [item.id, 3]));
    const half = Object.fromEntries(competence.items.slice(0, 4).map((item) => [item.id, 3]));
    expect((await requestAs(test.app, await as('teacher'), 'PUT', `/api/schools/${world.schoolA1}/my-questionnaires/${waveId}/teacher-competence`, { answers: all })).json().isComplete).toBe(true);
    await requestAs(test.app, await as('careTeam'), 'PUT', `/api/schools/${world.schoolA1}/my-questionnaires/${waveId}/teacher-competence`, { answers: half });
  });
  beforeEach(() => {
    smtp.mails.length = 0;
  });
  afterAll(async () => {
    await test.close();
    await smtp.close();
  });

  it('mails only the teachers who have not finished, with the link to their questionnaires, and says neither who nor how many', async () => {
    const response = await remind();
    expect(response.statusCode, response.body).toBe(200);
    expect(Object.keys(response.json()).sort()).toEqual(['nextReminderFrom', 'remindedAt']);
    expect(smtp.mails.flatMap((mail) => mail.to)).toEqual([world.users.careTeam.email]);
    const [mail] = smtp.mails;
    expect(mail?.decoded).toContain('vragenlijsten van "Team najaar"');
    expect(mail?.decoded).toContain(`/scholen/${world.schoolA1}/vragenlijsten`);
    const audited = await test.deps.db.kysely.selectFrom('audit_events').select('detail').where('action', '=', 'questionnaires.reminders_sent').execute();
    expect(audited.map((row) => JSON.parse(row.detail!))).toEqual([{ closesOn: '2026-11-27' }]);
  });

  it('sends at most one a day', async () => {
    const again = await remind();
    expect(again.statusCode).toBe(429);
    expect(again.json().error.code).toBe('reminder_too_soon');
    expect(smtp.mails).toEqual([]);
    test.clock.advance(25 * HOUR);
    expect((await remind()).statusCode).toBe(200);
    expect(smtp.mails).toHaveLength(1);
  });

  it('reminds no pupils, and nobody of a wave that is not open', async () => {
    expect((await remind(pupilWaveId)).statusCode).toBe(409);
    test.clock.advance(7 * 24 * HOUR);
    expect((await remind()).json().error.code).toBe('wave_not_open');
    expect(smtp.mails).toEqual([]);
  });
});
