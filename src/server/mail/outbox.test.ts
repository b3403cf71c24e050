import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, requestAs, type TestApp } from '../../../test/support/test-app';
import { createTestDatabase, testDialects } from '../../../test/support/test-db';
import { createWorld, WORLD_PASSWORD, type World } from '../../../test/support/world';
import { INVITATION_TOKEN_DAYS } from '../auth/auth.service';
import { unavailableFieldCrypto } from '../crypto/field-encryption';
import { migrateToLatest } from '../db/migrate';
import * as outboxSecretLinks from '../db/migrations/2026-11-26-002-outbox-secret-links';
import { createLogger } from '../http/logging';
import { createOutboxMailer } from './mailer';
import { invitationMail } from './templates';

describe.each(testDialects())('outbox on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it("keeps mail without SMTP, shows a school's mail to its admin only, and records every look", async () => {
    const admin = await login(test.app, world.users.schoolAdmin.email, WORLD_PASSWORD);
    await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/invitations`, {
      email: 'nieuw@world.test',
      name: 'Nieuw',
      roles: ['care_team'],
    });
    const mine = (await requestAs(test.app, admin, 'GET', `/api/schools/${world.schoolA1}/outbox`)).json();
    expect(mine).toEqual([
      expect.objectContaining({
        to: 'nieuw@world.test',
        subject: 'Uitnodiging voor Groeiwijzer van School A1',
        secretLink: { status: 'valid', at: expect.any(Number), url: expect.stringMatching(/\/uitnodiging#token=[\w-]{43}$/), expiresAt: '2026-11-28T09:00:00.000Z' },
      }),
    ]);
    // The link put back where it stood gives exactly the mail that was sent.
    const [mail] = mine;
    const sent = mail.text.slice(0, mail.secretLink.at) + mail.secretLink.url + mail.text.slice(mail.secretLink.at);
    expect(sent).toBe(invitationMail('nl', 'School A1', 'schoolAdmin', mail.secretLink.url, INVITATION_TOKEN_DAYS).text);
    expect(mail.text).not.toContain('#token=');

    const otherBoard = await login(test.app, world.users.schoolAdminOtherBoard.email, WORLD_PASSWORD);
    expect((await requestAs(test.app, otherBoard, 'GET', `/api/schools/${world.schoolB1}/outbox`)).json()).toEqual([]);

    const looks = await test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'outbox.read').execute();
    expect(looks.map((event) => [event.actor_user_id, event.school_id, event.board_id])).toEqual(
      expect.arrayContaining([
        [world.users.schoolAdmin.id, world.schoolA1, world.boardA],
        [world.users.schoolAdminOtherBoard.id, world.schoolB1, world.boardB],
      ]),
    );
  });

  it("files a reset mail under the user's board, where the board admin sees it", async () => {
    await test.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email: world.users.teacher.email } });
    const boardAdmin = await login(test.app, world.users.boardAdmin.email, WORLD_PASSWORD);
    const mail = (await requestAs(test.app, boardAdmin, 'GET', `/api/boards/${world.boardA}/outbox`)).json();
    expect(mail.map((m: { to: string }) => m.to)).toContain(world.users.teacher.email);
    const otherBoardAdmin = await login(test.app, world.users.boardAdminOtherBoard.email, WORLD_PASSWORD);
    const other = (await requestAs(test.app, otherBoardAdmin, 'GET', `/api/boards/${world.boardB}/outbox`)).json();
    expect(other.map((m: { to: string }) => m.to)).not.toContain(world.users.teacher.email);
  });

  it('keeps mail without secrets as it was written', async () => {
    const mailer = createOutboxMailer({ db: test.deps.db.kysely, clock: test.clock, fieldCrypto: test.deps.fieldCrypto });
    await mailer.send({ to: 'lees@world.test', subject: 'Je acties', text: 'Zie https://groeiwijzer.test/mijn-acties', schoolId: world.schoolA1, boardId: world.boardA });
    const row = await test.deps.db.kysely.selectFrom('outbox_messages').selectAll().where('to_address', '=', 'lees@world.test').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ body_text: 'Zie https://groeiwijzer.test/mijn-acties', secret_link_encrypted: null, secret_link_offset: null, secret_link_expires_at: null });
  });

  it('logs that a mail was kept, never its text or link', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const mailer = createOutboxMailer({ db: test.deps.db.kysely, clock: test.clock, fieldCrypto: test.deps.fieldCrypto, logger });
    const url = 'https://groeiwijzer.test/uitnodiging#token=GEHEIM-canary-token';
    await mailer.send({ to: 'log@world.test', subject: 'Uitnodiging', text: `Welkom met TEKST-canary:\n${url}`, secretLink: { url, expiresAt: '2026-11-28T09:00:00.000Z' } });
    expect(lines.join('')).toContain('mail kept in the outbox');
    expect(lines.join('')).not.toContain('canary');
  });

  it('keeps a mail without its link when the key is missing, and still answers a reset as for an unknown address', async () => {
    const withoutKey = await createTestApp(dialect, { mailer: (base) => createOutboxMailer({ db: base.db.kysely, clock: base.clock, fieldCrypto: unavailableFieldCrypto('test') }) });
    try {
      const theirs = await createWorld(withoutKey);
      const known = await withoutKey.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email: theirs.users.teacher.email } });
      const unknown = await withoutKey.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email: 'onbekend@world.test' } });
      expect([known.statusCode, known.body]).toEqual([unknown.statusCode, unknown.body]);
      const [row] = await withoutKey.deps.db.kysely.selectFrom('outbox_messages').selectAll().execute();
      expect(row).toMatchObject({ secret_link_encrypted: null, secret_link_offset: expect.any(Number), secret_link_expires_at: '2026-11-21T11:00:00.000Z' });
      expect(row?.body_text).not.toContain('#token=');
      const boardAdmin = await login(withoutKey.app, theirs.users.boardAdmin.email, WORLD_PASSWORD);
      const [shown] = (await requestAs(withoutKey.app, boardAdmin, 'GET', `/api/boards/${theirs.boardA}/outbox`)).json();
      expect(shown.secretLink).toEqual({ status: 'unavailable', at: row?.secret_link_offset, expiresAt: '2026-11-21T11:00:00.000Z' });
    } finally {
      await withoutKey.close();
    }
  });
});

describe.each(testDialects())('upgrading an outbox that held links in plain text on %s', (dialect) => {
  it('cuts every token link out of the mails kept before, and marks where it stood', async () => {
    const database = await createTestDatabase(dialect);
    try {
      const db = database.db.kysely;
      await outboxSecretLinks.down(db);
      const legacy = 'Maak je account aan via deze link (7 dagen geldig):\nhttp://localhost:3000/uitnodiging#token=oudTOKEN_oud-1234567890abcdefghijklmnopqrstuvw\n\nGroet';
      const plain = 'Bekijk je acties:\nhttp://localhost:3000/mijn-acties';
      // biome-ignore lint/suspicious/noExplicitAny: the table as it was before the migration
      const before = db as any;
      for (const [id, body] of [['legacy', legacy], ['plain', plain]]) {
        await before.insertInto('outbox_messages').values({ id, board_id: null, school_id: null, to_address: `${id}@world.test`, subject: 'Test', body_text: body, created_at: '2026-11-20T09:00:00.000Z' }).execute();
      }
      await outboxSecretLinks.up(db);
      const rows = await db.selectFrom('outbox_messages').selectAll().orderBy('id').execute();
      expect(rows.map((row) => [row.id, row.body_text, row.secret_link_offset, row.secret_link_encrypted])).toEqual([
        ['legacy', 'Maak je account aan via deze link (7 dagen geldig):\n\n\nGroet', legacy.indexOf('http'), null],
        ['plain', plain, null, null],
      ]);
      expect(rows[0]?.secret_link_expires_at).toEqual(expect.any(String));
      expect(rows[1]?.secret_link_expires_at).toBeNull();
      // And it is a normal migration afterwards: nothing left to apply.
      expect(await migrateToLatest(db)).toEqual([]);
    } finally {
      await database.drop();
    }
  });
});
