import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from '../../../test/support/smtp-capture';
import { createTestApp, login, requestAs, type TestApp } from '../../../test/support/test-app';
import { testDialects } from '../../../test/support/test-db';
import { createWorld, WORLD_PASSWORD, type World } from '../../../test/support/world';
import { createSmtpMailer } from '../mail/mailer';

const NEW_PASSWORD = 'een nieuw lang wachtwoord';

describe.each(testDialects())('password reset over real SMTP on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let smtp: SmtpCapture;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    test = await createTestApp(dialect, {
      config: { smtpUrl: smtp.url, publicUrl: 'https://groeiwijzer.example.nl' },
      mailer: () => createSmtpMailer(smtp.url, 'Groeiwijzer <no-reply@example.nl>'),
    });
    world = await createWorld(test);
  });
  afterAll(async () => {
    await test.close();
    await smtp.close();
  });

  function tokenFromLastMailTo(address: string): string {
    const mail = [...smtp.mails].reverse().find((entry) => entry.to.includes(address));
    const match = mail?.decoded.match(/https:\/\/groeiwijzer\.example\.nl\/wachtwoord-herstellen#token=([\w-]+)/);
    if (!match?.[1]) throw new Error(`no reset link mailed to ${address}`);
    return match[1];
  }

  it('answers the same for a known and an unknown address, and mails only the known one', async () => {
    const before = smtp.mails.length;
    const known = await test.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email: world.users.careTeam.email } });
    const unknown = await test.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email: 'onbekend@world.test' } });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(smtp.mails.length).toBe(before + 1);
    expect(smtp.mails.at(-1)?.to).toEqual([world.users.careTeam.email]);
    expect(smtp.mails.at(-1)?.decoded).toContain('Subject: Groeiwijzer: kies een nieuw wachtwoord');
  });

  it('sets the new password once, signs in, and ends the other sessions', async () => {
    const oldSession = await login(test.app, world.users.careTeam.email, WORLD_PASSWORD);
    await test.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email: world.users.careTeam.email } });
    const token = tokenFromLastMailTo(world.users.careTeam.email);

    const complete = await test.app.inject({ method: 'POST', url: '/api/password-resets/complete', payload: { token, password: NEW_PASSWORD } });
    expect(complete.statusCode).toBe(200);
    expect(complete.json().user.email).toBe(world.users.careTeam.email);
    expect((await requestAs(test.app, oldSession, 'GET', `/api/schools/${world.schoolA1}`)).statusCode).toBe(401);

    const reuse = await test.app.inject({ method: 'POST', url: '/api/password-resets/complete', payload: { token, password: 'nog een ander wachtwoord' } });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().error.code).toBe('invalid_token');

    await expect(login(test.app, world.users.careTeam.email, WORLD_PASSWORD)).rejects.toThrow(/401/);
    await expect(login(test.app, world.users.careTeam.email, NEW_PASSWORD)).resolves.toHaveProperty('csrfToken');
  });

  it('refuses an expired link and a link replaced by a newer one', async () => {
    await test.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email: world.users.tsoLead.email } });
    const first = tokenFromLastMailTo(world.users.tsoLead.email);
    await test.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email: world.users.tsoLead.email } });
    const second = tokenFromLastMailTo(world.users.tsoLead.email);
    const replaced = await test.app.inject({ method: 'POST', url: '/api/password-resets/complete', payload: { token: first, password: NEW_PASSWORD } });
    expect(replaced.json().error.code).toBe('invalid_token');

    test.clock.advance(3 * 3_600_000);
    const expired = await test.app.inject({ method: 'POST', url: '/api/password-resets/complete', payload: { token: second, password: NEW_PASSWORD } });
    expect(expired.json().error.code).toBe('invalid_token');
  });

  it('stops an open reset link once the password is changed on the account page', async () => {
    await test.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email: world.users.teacher.email } });
    const token = tokenFromLastMailTo(world.users.teacher.email);
    const session = await login(test.app, world.users.teacher.email, WORLD_PASSWORD);
    const changed = await requestAs(test.app, session, 'POST', '/api/me/password', { currentPassword: WORLD_PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.statusCode).toBe(200);

    const late = await test.app.inject({ method: 'POST', url: '/api/password-resets/complete', payload: { token, password: 'een wachtwoord van de dief' } });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('invalid_token');
    await expect(login(test.app, world.users.teacher.email, NEW_PASSWORD)).resolves.toHaveProperty('csrfToken');
  });

  it('stops the open invitation link of a person who set their password through a reset instead', async () => {
    const admin = await login(test.app, world.users.schoolAdmin.email, WORLD_PASSWORD);
    const email = 'uitgenodigd@world.test';
    const invited = await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/invitations`, { email, name: 'Uitgenodigde collega', roles: ['teacher'], classIds: [] });
    expect(invited.statusCode).toBe(201);
    const invitation = [...smtp.mails].reverse().find((entry) => entry.to.includes(email))?.decoded.match(/\/uitnodiging#token=([\w-]+)/)?.[1];
    expect(invitation).toBeDefined();

    await test.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email } });
    const reset = await test.app.inject({ method: 'POST', url: '/api/password-resets/complete', payload: { token: tokenFromLastMailTo(email), password: NEW_PASSWORD } });
    expect(reset.statusCode).toBe(200);

    const accept = await test.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: invitation, name: 'Iemand anders', password: 'een wachtwoord van de dief' } });
    expect(accept.statusCode).toBe(400);
    expect(accept.json().error.code).toBe('invalid_token');
    await expect(login(test.app, email, NEW_PASSWORD)).resolves.toHaveProperty('csrfToken');
  });

  it('rejects a too short new password without using up the link', async () => {
    await test.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email: world.users.leadership.email } });
    const token = tokenFromLastMailTo(world.users.leadership.email);
    const short = await test.app.inject({ method: 'POST', url: '/api/password-resets/complete', payload: { token, password: 'kort' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toHaveProperty(['body.password']);
    const ok = await test.app.inject({ method: 'POST', url: '/api/password-resets/complete', payload: { token, password: NEW_PASSWORD } });
    expect(ok.statusCode).toBe(200);
  });
});

describe('login throttling', () => {
  it('answers 429 after the configured number of attempts per minute', async () => {
    const test = await createTestApp('sqlite', { config: { loginRateLimitPerMinute: 3 } });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        const response = await test.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'x@world.test', password: 'wrong-password' } });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await test.close();
    }
  });
});
