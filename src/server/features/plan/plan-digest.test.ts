import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from '../../../../test/support/smtp-capture';
import { createTestApp, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World } from '../../../../test/support/world';
import { startSession } from '../../auth/sessions.service';
import { isoInstant, newId } from '../../deps';
import { createSmtpMailer } from '../../mail/mailer';
import { isDigestTime, sendWeeklyDigests } from './plan-digest';

describe('isDigestTime', () => {
  it('is Monday from 07:00 in Amsterdam, in winter and in summer time', () => {
    expect(isDigestTime(new Date('2026-11-23T05:59:00Z'))).toBe(false); // Monday 06:59 CET
    expect(isDigestTime(new Date('2026-11-23T06:00:00Z'))).toBe(true); // Monday 07:00 CET
    expect(isDigestTime(new Date('2026-11-23T22:59:00Z'))).toBe(true); // Monday 23:59 CET
    expect(isDigestTime(new Date('2026-11-23T23:00:00Z'))).toBe(false); // Tuesday 00:00 CET
    expect(isDigestTime(new Date('2026-06-01T04:59:00Z'))).toBe(false); // Monday 06:59 CEST
    expect(isDigestTime(new Date('2026-06-01T05:00:00Z'))).toBe(true); // Monday 07:00 CEST
    expect(isDigestTime(new Date('2026-11-22T23:30:00Z'))).toBe(false); // Monday 00:30 CET, before 07:00
    expect(isDigestTime(new Date('2026-11-21T09:00:00Z'))).toBe(false); // Saturday
  });
});

// Monday 23 November 2026, 07:30 in Amsterdam: today is 2026-11-23, due soon = up to and including Sunday 29 November.
const MONDAY = new Date('2026-11-23T06:30:00Z');
const PUBLIC_URL = 'https://groeiwijzer.example.nl';

describe.each(testDialects())('the weekly plan digest over real SMTP on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let smtp: SmtpCapture;
  const titles: string[] = [];

  async function addGoal(schoolId: string, title: string): Promise<string> {
    const id = newId();
    const now = isoInstant(test.clock.now());
    await test.deps.db.kysely
      .insertInto('plan_goals')
      .values({ id, school_id: schoolId, school_year: '2026-2027', aspect_id: null, model_id: null, target_phase: null, source_round_id: null, title, owner_user_id: null, status: 'in_progress', evidence: '', created_by: null, created_at: now, updated_at: now })
      .execute();
    return id;
  }

  async function addAction(goalId: string, schoolId: string, title: string, owner: string | null, dueOn: string | null, status = 'open'): Promise<void> {
    const now = isoInstant(test.clock.now());
    titles.push(title);
    await test.deps.db.kysely
      .insertInto('plan_actions')
      .values({ id: newId(), goal_id: goalId, school_id: schoolId, title, owner_user_id: owner, due_on: dueOn, status, kotter_step: null, created_by: null, created_at: now, updated_at: now, completed_at: null })
      .execute();
  }

  /** The action titles a mail lists, in the order they appear. */
  function titlesIn(text: string): string[] {
    return titles.filter((title) => text.includes(title)).sort((a, b) => text.indexOf(a) - text.indexOf(b));
  }

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    test = await createTestApp(dialect, {
      config: { smtpUrl: smtp.url, publicUrl: PUBLIC_URL },
      mailer: () => createSmtpMailer(smtp.url, 'Groeiwijzer <no-reply@example.nl>'),
    });
    world = await createWorld(test);
    const db = test.deps.db.kysely;
    const lead = world.users.tsoLead.id;
    const teacher = world.users.teacher.id;
    const goalA1 = await addGoal(world.schoolA1, 'Rust in de klas');
    const goalA2 = await addGoal(world.schoolA2, 'Doel van de andere school');

    // The TSO lead: overdue, due soon, and everything that must stay out.
    await addAction(goalA1, world.schoolA1, 'L-OVERDUE-IN-PROGRESS', lead, '2026-10-01', 'in_progress');
    await addAction(goalA1, world.schoolA1, 'L-OVERDUE-OPEN', lead, '2026-11-20');
    await addAction(goalA1, world.schoolA1, 'L-DUE-TODAY', lead, '2026-11-23');
    await addAction(goalA1, world.schoolA1, 'L-DUE-SUNDAY', lead, '2026-11-29', 'in_progress');
    await addAction(goalA1, world.schoolA1, 'L-NEXT-MONDAY', lead, '2026-11-30');
    await addAction(goalA1, world.schoolA1, 'L-FAR-FUTURE', lead, '2027-03-01');
    await addAction(goalA1, world.schoolA1, 'L-DONE', lead, '2026-11-01', 'done');
    await addAction(goalA1, world.schoolA1, 'L-DROPPED', lead, '2026-11-24', 'dropped');
    await addAction(goalA1, world.schoolA1, 'L-NO-DATE', lead, null);
    // The lead worked at school A2 too, and left it: that school's actions are no longer theirs to hear about.
    await db.insertInto('school_memberships').values({ school_id: world.schoolA2, user_id: lead, role: 'teacher', created_at: isoInstant(test.clock.now()) }).execute();
    await addAction(goalA2, world.schoolA2, 'L-SCHOOL-LEFT', lead, '2026-11-24');
    await db.deleteFrom('school_memberships').where('school_id', '=', world.schoolA2).where('user_id', '=', lead).execute();

    // The teacher reads English.
    await db.updateTable('users').set({ locale: 'en' }).where('id', '=', teacher).execute();
    await addAction(goalA1, world.schoolA1, 'T-DUE', teacher, '2026-11-25');
    await addAction(goalA1, world.schoolA1, 'T-FAR', teacher, '2027-01-10');

    // People who get nothing: opted out, disabled, left the school; and an action without owner.
    await addAction(goalA1, world.schoolA1, 'C-OPTED-OUT', world.users.careTeam.id, '2026-11-10');
    await addAction(goalA1, world.schoolA1, 'S-DISABLED', world.users.schoolAdmin.id, '2026-11-24');
    await db.updateTable('users').set({ disabled_at: isoInstant(test.clock.now()) }).where('id', '=', world.users.schoolAdmin.id).execute();
    await addAction(goalA1, world.schoolA1, 'B-LEFT', world.users.leadership.id, '2026-11-10');
    await db.deleteFrom('school_memberships').where('user_id', '=', world.users.leadership.id).execute();
    await addAction(goalA1, world.schoolA1, 'N-NOBODY', null, '2026-11-24');

    // The care team turns the digest off through the API.
    const session = await startSession(db, test.clock, test.deps.config, world.users.careTeam.id);
    const optOut = await requestAs(test.app, { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken }, 'PUT', '/api/me/plan-preferences', {
      digestOptOut: true,
    });
    expect(optOut.statusCode, optOut.body).toBe(200);
  });
  afterAll(async () => {
    await test.close();
    await smtp.close();
  });

  it('first gives a claim back when the mail cannot be sent, so a later run retries', async () => {
    // A real SMTP client against a port where nothing listens: the connection is refused.
    const failing = createSmtpMailer('smtp://127.0.0.1:1', 'Groeiwijzer <no-reply@example.nl>');
    const result = await sendWeeklyDigests({ ...test.deps, mailer: failing }, MONDAY);
    expect(result).toEqual({ week: '2026-W48', sent: 0, alreadySent: 0, failed: 2 });
    expect(await test.deps.db.kysely.selectFrom('plan_digest_sent').selectAll().execute()).toEqual([]);
    expect(smtp.mails).toHaveLength(0);
  });

  it("mails each owner exactly their overdue and due-soon actions, overdue first, with the link and how to opt out", async () => {
    const result = await sendWeeklyDigests(test.deps, MONDAY);
    expect(result).toEqual({ week: '2026-W48', sent: 2, alreadySent: 0, failed: 0 });
    expect(smtp.mails.map((mail) => mail.to).sort()).toEqual([[world.users.teacher.email], [world.users.tsoLead.email]].sort());

    const leadMail = smtp.mails.find((mail) => mail.to.includes(world.users.tsoLead.email))!.decoded;
    expect(titlesIn(leadMail)).toEqual(['L-OVERDUE-IN-PROGRESS', 'L-OVERDUE-OPEN', 'L-DUE-TODAY', 'L-DUE-SUNDAY']);
    expect(leadMail).toContain('Subject: Groeiwijzer: je acties in het implementatieplan deze week');
    expect(leadMail).toContain('Einddatum voorbij (2)');
    expect(leadMail.indexOf('Einddatum voorbij')).toBeLessThan(leadMail.indexOf('Aan de beurt in de komende 7 dagen (2)'));
    expect(leadMail).toContain('Rust in de klas');
    expect(leadMail).toContain('School A1');
    expect(leadMail).toContain(`${PUBLIC_URL}/mijn-acties`);
    expect(leadMail).toContain('Wekelijkse e-mail');
    expect(leadMail).not.toContain('School A2');

    const teacherMail = smtp.mails.find((mail) => mail.to.includes(world.users.teacher.email))!.decoded;
    expect(titlesIn(teacherMail)).toEqual(['T-DUE']);
    expect(teacherMail).toContain('Subject: Groeiwijzer: your implementation plan actions this week');
    expect(teacherMail).toContain('Due in the next 7 days (1)');
    expect(teacherMail).not.toContain('Past their due date');
    expect(teacherMail).toContain('Weekly e-mail');
    // No pupil of the school's classes shows up anywhere.
    for (const mail of smtp.mails) for (const pupil of ['Sanne', 'Milan', 'Noor']) expect(mail.decoded).not.toContain(pupil);
  });

  it('sends nothing more in the same week, however often it runs', async () => {
    const before = smtp.mails.length;
    const later = await sendWeeklyDigests(test.deps, new Date('2026-11-23T15:00:00Z'));
    expect(later).toEqual({ week: '2026-W48', sent: 0, alreadySent: 2, failed: 0 });
    expect(smtp.mails).toHaveLength(before);
    const claims = await test.deps.db.kysely.selectFrom('plan_digest_sent').select(['user_id', 'week']).orderBy('user_id').execute();
    expect(claims).toEqual([world.users.teacher.id, world.users.tsoLead.id].sort().map((userId) => ({ user_id: userId, week: '2026-W48' })));
  });

  it('sends again the next week, with the window moved on', async () => {
    const before = smtp.mails.length;
    const result = await sendWeeklyDigests(test.deps, new Date('2026-11-30T06:30:00Z'));
    expect(result).toEqual({ week: '2026-W49', sent: 2, alreadySent: 0, failed: 0 });
    const leadMail = smtp.mails.slice(before).find((mail) => mail.to.includes(world.users.tsoLead.email))!.decoded;
    expect(titlesIn(leadMail)).toEqual(['L-OVERDUE-IN-PROGRESS', 'L-OVERDUE-OPEN', 'L-DUE-TODAY', 'L-DUE-SUNDAY', 'L-NEXT-MONDAY']);
  });
});
