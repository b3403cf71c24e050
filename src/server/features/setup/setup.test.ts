import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../../../../test/support/snapshot';
import { createTestApp, requestAs, sessionCookieOf, TEST_PUBLIC_URL, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import type { Config } from '../../config';
import { linkBaseOf } from '../../installation/link-base';

const SETUP = {
  boardName: 'Stichting Kompas',
  schoolName: 'De Wegwijzer',
  schoolKind: 'special_primary',
  adminName: 'Joke de Boer',
  adminEmail: 'joke@kompas.test',
  adminPassword: 'een goed wachtwoord',
};

describe.each(testDialects())('first run on %s', (dialect) => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp(dialect);
  });
  afterAll(async () => test.close());

  it('creates the board, the first school and its administrator, and signs them in', async () => {
    expect((await test.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: true, canLoadDemo: true, publicUrl: TEST_PUBLIC_URL });
    const response = await test.app.inject({ method: 'POST', url: '/api/setup', payload: SETUP });
    expect(response.statusCode).toBe(201);
    const session = response.json();
    expect(session.boards).toEqual([{ id: expect.any(String), name: 'Stichting Kompas', roles: ['board_admin'] }]);
    expect(session.schools).toEqual([{ id: expect.any(String), name: 'De Wegwijzer', boardId: session.boards[0].id, roles: ['school_admin'], workingGroup: null, planSharedWithTeam: false }]);
    const me = { cookie: sessionCookieOf(response), csrfToken: session.csrfToken };
    expect((await requestAs(test.app, me, 'GET', `/api/boards/${session.boards[0].id}`)).json().schools).toHaveLength(1);
    expect((await test.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: false, canLoadDemo: false, publicUrl: TEST_PUBLIC_URL });
  });

  it('refuses a second setup and the demo once a board exists', async () => {
    const again = await test.app.inject({ method: 'POST', url: '/api/setup', payload: { ...SETUP, adminEmail: 'ander@kompas.test' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_set_up');
    expect((await test.app.inject({ method: 'POST', url: '/api/setup/demo' })).statusCode).toBe(409);
    const boards = await test.deps.db.kysely.selectFrom('boards').selectAll().execute();
    expect(boards).toHaveLength(1);
  });

  it('refuses a cross-site setup request', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { origin: 'https://evil.example' },
      payload: SETUP,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });
});

describe.each(testDialects())('loading the demo on first run on %s', (dialect) => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const test of apps) await test.close();
  });
  async function emptyInstallation(config: Partial<Config> = {}): Promise<TestApp> {
    const test = await createTestApp(dialect, { config });
    apps.push(test);
    return test;
  }
  const demoFrom = (test: TestApp, remoteAddress: string, headers: Record<string, string> = {}) =>
    test.app.inject({ method: 'POST', url: '/api/setup/demo', remoteAddress, headers });
  const statusFrom = async (test: TestApp, remoteAddress: string, headers: Record<string, string> = {}) =>
    (await test.app.inject({ method: 'GET', url: '/api/setup', remoteAddress, headers })).json();
  async function boardNames(test: TestApp): Promise<string[]> {
    return (await test.deps.db.kysely.selectFrom('boards').select('name').execute()).map((row) => row.name);
  }

  it('refuses anyone but the server itself, even behind a proxy that trusts X-Forwarded-For, and writes nothing', async () => {
    const test = await emptyInstallation({ trustProxy: true });
    const before = await snapshotDatabase(test.deps.db.kysely);
    const attempts: { address: string; headers: Record<string, string> }[] = [
      { address: '203.0.113.7', headers: {} },
      { address: '::ffff:203.0.113.7', headers: {} },
      { address: '2001:db8::7', headers: {} },
      // A client that claims to be localhost: TRUST_PROXY makes request.ip believe it.
      { address: '203.0.113.7', headers: { 'x-forwarded-for': '127.0.0.1' } },
      // A reverse proxy on the same machine connects from loopback, but forwards a stranger.
      { address: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.7' } },
      { address: '::1', headers: { forwarded: 'for=203.0.113.7' } },
      { address: '127.0.0.1', headers: { 'x-real-ip': '203.0.113.7' } },
    ];
    for (const { address, headers } of attempts) {
      const refused = await demoFrom(test, address, headers);
      expect(refused.statusCode, `${address} ${JSON.stringify(headers)}`).toBe(403);
      expect(refused.json().error).toEqual({
        code: 'demo_not_allowed',
        message: 'De demo kan alleen worden geladen op de server zelf (via localhost), of als Groeiwijzer met `groeiwijzer demo` is gestart.',
      });
      expect(await statusFrom(test, address, headers)).toEqual({ needsSetup: true, canLoadDemo: false, publicUrl: TEST_PUBLIC_URL });
    }
    const english = await test.app.inject({ method: 'POST', url: '/api/setup/demo', remoteAddress: '203.0.113.7', headers: { 'accept-language': 'en' } });
    expect(english.json().error.message).toBe('The demo can only be loaded on the server itself (through localhost), or when Groeiwijzer was started with `groeiwijzer demo`.');
    expect(await snapshotDatabase(test.deps.db.kysely)).toEqual(before);
  });

  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1'])('loads the demo from %s, the server itself', async (address) => {
    const test = await emptyInstallation();
    expect(await statusFrom(test, address)).toEqual({ needsSetup: true, canLoadDemo: true, publicUrl: TEST_PUBLIC_URL });
    expect((await demoFrom(test, address)).statusCode).toBe(201);
    expect(await boardNames(test)).toEqual(['Stichting Voorbeeld']);
  });

  it('loads the demo from anywhere on an installation started with `groeiwijzer demo`', async () => {
    const test = await emptyInstallation({ isDemo: true });
    expect(await statusFrom(test, '203.0.113.7')).toEqual({ needsSetup: true, canLoadDemo: true, publicUrl: TEST_PUBLIC_URL });
    expect((await demoFrom(test, '203.0.113.7')).statusCode).toBe(201);
    expect(await boardNames(test)).toEqual(['Stichting Voorbeeld']);
  });
});

describe.each(testDialects())('pinning the address links use, on first run on %s', (dialect) => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const test of apps) await test.close();
  });
  async function emptyInstallation(config: Partial<Config>): Promise<TestApp> {
    const test = await createTestApp(dialect, { config: { trustProxy: true, ...config } });
    apps.push(test);
    return test;
  }
  // The person setting up types the address; the headers of that or any later request play no part.
  const forged = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' };
  const pinned = async (test: TestApp) => (await test.deps.db.kysely.selectFrom('installation_settings').selectAll().execute()).map((row) => [row.name, row.value]);

  it('asks for the address without PUBLIC_URL, refuses a setup without a bare http(s) address, and pins the one given', async () => {
    const test = await emptyInstallation({ publicUrl: undefined });
    expect((await test.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: true, canLoadDemo: true, publicUrl: null });
    for (const linkOrigin of [undefined, 'https://groeiwijzer.school.test/inloggen', 'https://user:pw@groeiwijzer.school.test', 'ftp://groeiwijzer.school.test', 'groeiwijzer.school.test']) {
      const refused = await test.app.inject({ method: 'POST', url: '/api/setup', headers: forged, payload: { ...SETUP, ...(linkOrigin ? { linkOrigin } : {}) } });
      expect(refused.statusCode, String(linkOrigin)).toBe(400);
      expect(Object.keys(refused.json().error.fields)).toEqual(['body.linkOrigin']);
    }
    expect(await test.deps.db.kysely.selectFrom('boards').selectAll().execute()).toEqual([]);
    await expect(linkBaseOf(test.deps)).rejects.toMatchObject({ code: 'link_base_missing' });

    const response = await test.app.inject({ method: 'POST', url: '/api/setup', headers: forged, payload: { ...SETUP, linkOrigin: 'https://groeiwijzer.school.test/' } });
    expect(response.statusCode, response.body).toBe(201);
    expect(await pinned(test)).toEqual([['link_origin', 'https://groeiwijzer.school.test']]);
    expect(await linkBaseOf(test.deps)).toBe('https://groeiwijzer.school.test');
    const audit = await test.deps.db.kysely.selectFrom('audit_events').select('detail').where('action', '=', 'setup.completed').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail ?? '{}')).toEqual({ linkOrigin: 'https://groeiwijzer.school.test' });
  });

  it('pins nothing when PUBLIC_URL is set: links use PUBLIC_URL', async () => {
    const test = await emptyInstallation({ publicUrl: 'https://gw.bestuur.test' });
    expect((await test.app.inject({ method: 'GET', url: '/api/setup' })).json()).toMatchObject({ publicUrl: 'https://gw.bestuur.test' });
    const response = await test.app.inject({ method: 'POST', url: '/api/setup', payload: { ...SETUP, linkOrigin: 'https://elders.test' } });
    expect(response.statusCode, response.body).toBe(201);
    expect(await pinned(test)).toEqual([]);
    expect(await linkBaseOf(test.deps)).toBe('https://gw.bestuur.test');
  });

  it('pins the address the first-run page sends with the demo, and none when it sends none', async () => {
    const withAddress = await emptyInstallation({ publicUrl: undefined });
    const loaded = await withAddress.app.inject({ method: 'POST', url: '/api/setup/demo', remoteAddress: '127.0.0.1', payload: { linkOrigin: 'http://localhost:3000' } });
    expect(loaded.statusCode, loaded.body).toBe(201);
    expect(await linkBaseOf(withAddress.deps)).toBe('http://localhost:3000');

    const without = await emptyInstallation({ publicUrl: undefined });
    expect((await without.app.inject({ method: 'POST', url: '/api/setup/demo', remoteAddress: '127.0.0.1' })).statusCode).toBe(201);
    expect(await pinned(without)).toEqual([]);
  });
});
