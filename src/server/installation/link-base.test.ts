import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from '../../../test/support/smtp-capture';
import { snapshotDatabase } from '../../../test/support/snapshot';
import { createTestApp, type Login, type TestApp } from '../../../test/support/test-app';
import { testDialects } from '../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../test/support/world';
import type { Config } from '../config';
import { startSession } from '../auth/sessions.service';
import { isoInstant, newId } from '../deps';
import { cardUrlOf } from '../features/checkin/checkin-access.service';
import { sendWeeklyDigests } from '../features/plan/plan-digest';
import { loadShippedModels } from '../features/selfscan/model-catalogue';
import { shippedModelId } from '../features/selfscan/selfscan.service';
import { errorMessage } from '../i18n/messages';
import { createSmtpMailer } from '../mail/mailer';
import { linkBaseOf, pinLinkOrigin } from './link-base';

// Every header a client (or a proxy it talks through) can use to claim another host or scheme.
const FORGED_HEADERS = {
  host: 'evil.example',
  'x-forwarded-host': 'evil.example',
  'x-forwarded-proto': 'http',
  forwarded: 'for=203.0.113.7;host=evil.example;proto=http',
};
const PINNED = 'https://groeiwijzer.school.test';
const MODEL = loadShippedModels()[0]!;
// Monday 23 November 2026, 07:30 in Amsterdam: digest time.
const MONDAY = new Date('2026-11-23T06:30:00Z');
const URL_PATTERN = /https?:\/\/[^\s"<>]+/g;

type Setting = { name: string; config: Partial<Config>; pin: string | null; expected: string };

const SETTINGS: Setting[] = [
  { name: 'an origin pinned at first run', config: { publicUrl: undefined, trustProxy: false }, pin: PINNED, expected: PINNED },
  { name: 'an origin pinned at first run, behind a trusted proxy', config: { publicUrl: undefined, trustProxy: true }, pin: PINNED, expected: PINNED },
  // PUBLIC_URL wins over a pinned origin; its trailing slash does not double the links' slashes.
  { name: 'PUBLIC_URL, behind a trusted proxy', config: { publicUrl: 'https://gw.bestuur.test/', trustProxy: true }, pin: PINNED, expected: 'https://gw.bestuur.test' },
];

describe.each(testDialects())('the address links point to on %s', (dialect) => {
  describe.each(SETTINGS)('with $name', (setting) => {
    let test: TestApp;
    let world: World;
    let smtp: SmtpCapture;

    beforeAll(async () => {
      smtp = await startSmtpCapture();
      test = await createTestApp(dialect, {
        config: { ...setting.config, smtpUrl: smtp.url },
        mailer: () => createSmtpMailer(smtp.url, 'Groeiwijzer <no-reply@example.nl>'),
      });
      world = await createWorld(test);
      if (setting.pin) await pinLinkOrigin(test.deps.db.kysely, test.clock, setting.pin);
    });
    afterAll(async () => {
      await test.close();
      await smtp.close();
    });

    async function as(key: WorldUserKey): Promise<Login> {
      const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
      return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    }

    /** A request carrying every forged host header; as a signed-in user when `who` is given. */
    function forged(who: Login | null, method: 'POST', url: string, payload: object = {}) {
      const headers: Record<string, string> = { ...FORGED_HEADERS, ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrfToken } : {}) };
      return test.app.inject({ method, url, headers, payload });
    }

    it('builds every link in a mail or an answer from it, whatever Host or X-Forwarded-Host the request claims', async () => {
      const admin = await as('schoolAdmin');
      const reset = await forged(null, 'POST', '/api/password-resets', { email: world.users.teacher.email });
      expect(reset.statusCode, reset.body).toBe(202);
      const invite = await forged(admin, 'POST', `/api/schools/${world.schoolA1}/invitations`, { email: 'nieuw@world.test', name: 'Nieuw', roles: ['teacher'] });
      expect(invite.statusCode, invite.body).toBe(201);
      const resend = await forged(admin, 'POST', `/api/schools/${world.schoolA1}/invitations/${invite.json().id}/resend`);
      expect(resend.statusCode, resend.body).toBe(200);
      const round = await forged(await as('tsoLead'), 'POST', `/api/schools/${world.schoolA1}/selfscan/rounds`, {
        name: 'Zelfscan najaar',
        modelId: shippedModelId(MODEL.id, MODEL.version),
        opensOn: '2026-11-21',
        closesOn: '2026-11-30',
      });
      expect(round.statusCode, round.body).toBe(201);
      const feed = await forged(await as('teacher'), 'POST', '/api/me/calendar-feed');
      expect(feed.statusCode, feed.body).toBe(201);
      const cards = await forged(await as('teacher'), 'POST', `/api/schools/${world.schoolA1}/classes/${world.classA1}/checkin/cards`, {});
      expect(cards.statusCode, cards.body).toBe(200);
      await addDueAction(test, world);
      expect((await sendWeeklyDigests(test.deps, MONDAY)).sent).toBe(1);

      const mailed = smtp.mails.flatMap((mail) => mail.decoded.match(URL_PATTERN) ?? []);
      // Reset, invitation, resent invitation, a self-scan invitation per staff member of A1, the digest.
      expect(mailed.filter((url) => url.includes('/wachtwoord-herstellen#token='))).toHaveLength(1);
      expect(mailed.filter((url) => url.includes('/uitnodiging#token='))).toHaveLength(2);
      expect(mailed.filter((url) => url.includes(`/zelfscan/${round.json().id}`)).length).toBeGreaterThanOrEqual(5);
      expect(mailed.filter((url) => url.endsWith('/mijn-acties'))).toHaveLength(1);
      for (const url of mailed) expect(url.startsWith(`${setting.expected}/`), url).toBe(true);
      expect(smtp.mails.some((mail) => mail.raw.includes('evil.example'))).toBe(false);

      expect(feed.json().url.startsWith(`${setting.expected}/api/calendar/`)).toBe(true);
      // The QR code on a login card encodes exactly the card's address under the link base.
      const [card] = cards.json().cards;
      const expectedQr = await QRCode.toString(cardUrlOf(setting.expected, card.code), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      expect(card.qrSvg).toBe(expectedQr);
      for (const response of [reset, invite, resend, round, feed, cards]) expect(response.body).not.toContain('evil.example');
    });
  });

  describe('with neither PUBLIC_URL nor a pinned origin', () => {
    let test: TestApp;
    let world: World;
    let smtp: SmtpCapture;

    beforeAll(async () => {
      smtp = await startSmtpCapture();
      test = await createTestApp(dialect, {
        config: { publicUrl: undefined, trustProxy: true, smtpUrl: smtp.url },
        mailer: () => createSmtpMailer(smtp.url, 'Groeiwijzer <no-reply@example.nl>'),
      });
      world = await createWorld(test);
    });
    afterAll(async () => {
      await test.close();
      await smtp.close();
    });

    it('refuses every action that would mail or show a link, in Dutch and English, and changes nothing', async () => {
      const session = async (key: WorldUserKey) => {
        const started = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
        return { cookie: `__Host-gw_session=${started.token}`, 'x-csrf-token': started.csrfToken };
      };
      const attempts: { url: string; payload: object; headers: Record<string, string> }[] = [
        { url: '/api/password-resets', payload: { email: world.users.teacher.email }, headers: {} },
        { url: '/api/password-resets', payload: { email: 'onbekend@world.test' }, headers: {} },
        { url: `/api/schools/${world.schoolA1}/invitations`, payload: { email: 'nieuw@world.test', name: 'Nieuw', roles: ['teacher'] }, headers: await session('schoolAdmin') },
        {
          url: `/api/schools/${world.schoolA1}/selfscan/rounds`,
          payload: { name: 'Zelfscan', modelId: shippedModelId(MODEL.id, MODEL.version), opensOn: '2026-11-21', closesOn: '2026-11-30' },
          headers: await session('tsoLead'),
        },
        { url: '/api/me/calendar-feed', payload: {}, headers: await session('teacher') },
        { url: `/api/schools/${world.schoolA1}/classes/${world.classA1}/checkin/cards`, payload: {}, headers: await session('teacher') },
      ];
      await addDueAction(test, world);
      // Sessions last-seen times move with every request; nothing else may.
      const withoutSessions = async () => {
        const { sessions: _sessions, ...rest } = await snapshotDatabase(test.deps.db.kysely);
        return rest;
      };
      const before = await withoutSessions();

      for (const attempt of attempts) {
        for (const [language, locale] of [['nl', 'nl'], ['en-GB,en;q=0.9', 'en']] as const) {
          const response = await test.app.inject({
            method: 'POST',
            url: attempt.url,
            payload: attempt.payload,
            headers: { ...FORGED_HEADERS, ...attempt.headers, 'accept-language': language },
          });
          expect(response.statusCode, `${attempt.url}: ${response.body}`).toBe(503);
          expect(response.json()).toEqual({ error: { code: 'link_base_missing', message: errorMessage('link_base_missing', locale) } });
        }
      }
      await expect(sendWeeklyDigests(test.deps, MONDAY)).rejects.toMatchObject({ code: 'link_base_missing' });

      // No token, invitation, round, feed, card code or digest claim; no mail.
      expect(await withoutSessions()).toEqual(before);
      expect(smtp.mails).toEqual([]);
    });

    it('uses the origin pinned at first run, and PUBLIC_URL over it', async () => {
      await expect(linkBaseOf(test.deps)).rejects.toMatchObject({ code: 'link_base_missing' });
      await pinLinkOrigin(test.deps.db.kysely, test.clock, 'https://groeiwijzer.school.test/');
      expect(await linkBaseOf(test.deps)).toBe('https://groeiwijzer.school.test');
      expect(await linkBaseOf({ ...test.deps, config: { ...test.deps.config, publicUrl: 'https://gw.bestuur.test' } })).toBe('https://gw.bestuur.test');
      await expect(pinLinkOrigin(test.deps.db.kysely, test.clock, 'https://groeiwijzer.school.test/pad')).rejects.toThrow();
      await expect(pinLinkOrigin(test.deps.db.kysely, test.clock, 'javascript://evil.example')).rejects.toThrow();
    });
  });
});

/** One plan action of the world's teacher, due this week: the digest has something to mail. */
async function addDueAction(test: TestApp, world: World): Promise<void> {
  const db = test.deps.db.kysely;
  const now = isoInstant(test.clock.now());
  const goalId = newId();
  await db
    .insertInto('plan_goals')
    .values({ id: goalId, school_id: world.schoolA1, school_year: '2026-2027', aspect_id: null, model_id: null, target_phase: null, source_round_id: null, title: 'Rust', owner_user_id: null, status: 'in_progress', evidence: '', created_by: null, created_at: now, updated_at: now })
    .execute();
  await db
    .insertInto('plan_actions')
    .values({ id: newId(), goal_id: goalId, school_id: world.schoolA1, title: 'Kringgesprek', owner_user_id: world.users.teacher.id, due_on: '2026-11-25', status: 'open', kotter_step: null, created_by: null, created_at: now, updated_at: now, completed_at: null })
    .execute();
}
