import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackup } from '../src/cli/backup.command';
import { RESET_TOKEN_HOURS } from '../src/server/auth/auth.service';
import { startSession } from '../src/server/auth/sessions.service';
import { hashSecret, isoInstant } from '../src/server/deps';
import { purgeExpiredOutboxLinks } from '../src/server/mail/outbox.service';
import { createTestApp, type Login, requestAs, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';
import { createWorld, type World } from './support/world';

// Finding "the outbox stores live reset/invitation tokens in plain text, so a backup holds working
// tokens". The canary sends a real reset and a real invitation without SMTP, proves the administrators
// still get both links through the outbox, then proves neither token's bytes are anywhere on disk: the
// SQLite file and its WAL, a `groeiwijzer backup`, a pg_dump. Once expired, no link is shown and the
// sealed copy is deleted.

const execFileAsync = promisify(execFile);
const quiet = () => undefined;
const TOKEN_IN_LINK = /#token=([A-Za-z0-9_-]{43})$/;

describe.each(testDialects())('secret links in the outbox on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let dir: string;
  let schoolAdmin: Login;
  let boardAdmin: Login;
  // Stored in plain text on purpose (the invitee's address): proves the byte search finds what is there.
  const control = `controle-${randomBytes(6).toString('hex')}@world.test`;
  const tokens: string[] = [];

  const sessionOf = async (userId: string): Promise<Login> => {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, userId, { mfaVerifiedAt: isoInstant(test.clock.now()) });
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  };
  type Shown = { to: string; text: string; secretLink: { status: string; url?: string; at: number; expiresAt: string } | null };
  const outboxOf = async (as: Login, url: string): Promise<Shown[]> => {
    const response = await requestAs(test.app, as, 'GET', url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const schoolOutbox = () => outboxOf(schoolAdmin, `/api/schools/${world.schoolA1}/outbox`);
  const boardOutbox = () => outboxOf(boardAdmin, `/api/boards/${world.boardA}/outbox`);

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    dir = mkdtempSync(join(tmpdir(), 'gw-outbox-canary-'));
    schoolAdmin = await sessionOf(world.users.schoolAdmin.id);
    boardAdmin = await sessionOf(world.users.boardAdmin.id);
    const reset = await test.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email: world.users.teacher.email } });
    expect(reset.statusCode).toBe(202);
    const invite = await requestAs(test.app, schoolAdmin, 'POST', `/api/schools/${world.schoolA1}/invitations`, { email: control, name: 'Nieuwe collega', roles: ['teacher'] });
    expect(invite.statusCode, invite.body).toBe(201);
  });
  afterAll(async () => {
    await test.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows administrators each working link, though the table holds neither token', async () => {
    const invitation = (await schoolOutbox()).find((mail) => mail.to === control);
    const reset = (await boardOutbox()).find((mail) => mail.to === world.users.teacher.email);
    for (const mail of [invitation, reset]) {
      expect(mail?.secretLink).toMatchObject({ status: 'valid', url: expect.stringMatching(TOKEN_IN_LINK) });
      const token = TOKEN_IN_LINK.exec(mail?.secretLink?.url ?? '')?.[1] ?? '';
      tokens.push(token);
      // A live token: unused and not expired (a reset link's in user_tokens, an invitation link's with its invitation).
      const db = test.deps.db.kysely;
      const row =
        (await db.selectFrom('user_tokens').select(['expires_at', 'used_at']).where('token_hash', '=', hashSecret(token)).executeTakeFirst()) ??
        (await db.selectFrom('staff_invitations').select(['expires_at', 'answered_at as used_at']).where('token_hash', '=', hashSecret(token)).executeTakeFirstOrThrow());
      expect(row.used_at).toBeNull();
      expect(Date.parse(row.expires_at)).toBeGreaterThan(test.clock.now().getTime());
      // The text around the link is the mail as sent; the link goes back where it stood.
      expect(mail?.text).not.toContain(token);
      expect(mail?.text.slice(0, mail.secretLink?.at)).toMatch(/:\n$/);
    }
    const rows = await test.deps.db.kysely.selectFrom('outbox_messages').selectAll().execute();
    expect(rows.filter((row) => row.secret_link_encrypted?.startsWith('gw1:'))).toHaveLength(2);
    for (const token of tokens) expect(JSON.stringify(rows)).not.toContain(token);
  });

  it.runIf(dialect === 'sqlite')('leaves neither token in the SQLite file, its WAL or a `groeiwijzer backup`', async () => {
    expect(tokens).toHaveLength(2);
    const path = test.deps.db.location;
    // Read before any checkpoint: the latest writes are still in the WAL.
    const onDisk = Buffer.concat([readFileSync(path), readFileSync(`${path}-wal`)]);
    expect(onDisk.includes(control)).toBe(true);
    for (const token of tokens) expect(onDisk.includes(token)).toBe(false);

    const file = await runBackup([join(dir, 'backup.db')], { DATABASE_URL: test.database.url }, quiet);
    const backup = readFileSync(file);
    expect(backup.includes(control)).toBe(true);
    for (const token of tokens) expect(backup.includes(token)).toBe(false);
  });

  it.runIf(dialect === 'postgres')('leaves neither token in a pg_dump or a `groeiwijzer backup`', async () => {
    expect(tokens).toHaveLength(2);
    const { stdout: dump } = await execFileAsync('pg_dump', ['--format=plain', `--dbname=${test.database.url}`], { maxBuffer: 64 * 1024 * 1024 });
    expect(dump.includes(control)).toBe(true);
    for (const token of tokens) expect(dump.includes(token)).toBe(false);

    const file = await runBackup([join(dir, 'backup.pgdump')], { DATABASE_URL: test.database.url }, quiet);
    // The backup is pg_dump's compressed custom format: turn it back into SQL text to search it.
    const { stdout: restored } = await execFileAsync('pg_restore', ['--file=-', file], { maxBuffer: 64 * 1024 * 1024 });
    expect(restored.includes(control)).toBe(true);
    for (const token of tokens) expect(restored.includes(token)).toBe(false);
  });

  it('shows an expired link nowhere, and the purge deletes its sealed copy while a valid one stays', async () => {
    test.clock.advance(RESET_TOKEN_HOURS * 3_600_000);
    // Two hours without activity end a session too: the administrators sign in again.
    schoolAdmin = await sessionOf(world.users.schoolAdmin.id);
    boardAdmin = await sessionOf(world.users.boardAdmin.id);
    const reset = (await boardOutbox()).find((mail) => mail.to === world.users.teacher.email);
    expect(reset?.secretLink).toEqual({ status: 'expired', at: expect.any(Number), expiresAt: expect.any(String) });
    const answer = JSON.stringify(await boardOutbox());
    expect(answer).not.toContain(tokens[1]);
    expect(answer).not.toContain('wachtwoord-herstellen#token=');
    // The invitation (7 days) still works and is still shown.
    expect((await schoolOutbox()).find((mail) => mail.to === control)?.secretLink?.url).toContain(tokens[0]);

    expect(await purgeExpiredOutboxLinks(test.deps)).toBe(1);
    const stored = await test.deps.db.kysely.selectFrom('outbox_messages').select(['to_address', 'secret_link_encrypted']).execute();
    expect(stored.find((row) => row.to_address === world.users.teacher.email)?.secret_link_encrypted).toBeNull();
    expect(stored.find((row) => row.to_address === control)?.secret_link_encrypted).toMatch(/^gw1:/);
    expect((await boardOutbox()).find((mail) => mail.to === world.users.teacher.email)?.secretLink?.status).toBe('expired');
  });
});
