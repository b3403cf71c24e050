import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { CSRF_HEADER, type RegisteredRoute } from '../src/server/http/auth-hooks';
import { CSP_NONCE_PLACEHOLDER } from '../src/server/http/security-headers';
import { MATRIX_USERS } from './support/policy-matrix';
import { urlFor } from './support/route-urls';
import { kioskDeviceFor, parentSessionFor, pupilDeviceFor } from './support/pupil-access';
import { snapshotDatabase } from './support/snapshot';
import { createTestApp, login, type Login, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';
import { createWorld, WORLD_PASSWORD, type World, type WorldUserKey } from './support/world';

// Reads leave these behind on purpose: the audit trail of sensitive reads and the session's last-seen time.
const TABLES_READS_MAY_WRITE = new Set(['audit_events', 'audit_chain_head', 'sessions']);

/** Every route of a method group, with real world records in the path where a route names one. */
function targets(test: TestApp, world: World, methods: (method: string) => boolean) {
  const recordIds = { classId: world.classA1, locationId: world.locationA1, userId: world.users.teacher.id };
  return test.app.registeredRoutes
    .filter((route) => methods(route.method) && route.url.startsWith('/api/'))
    .map((route) => ({ route, url: urlFor(route, { boardId: world.boardA, schoolId: world.schoolA1 }, recordIds) }));
}

/** One digest per table (short failure output), leaving out the tables reads write on purpose. */
async function dataDigest(test: TestApp): Promise<Record<string, string>> {
  const snapshot = await snapshotDatabase(test.deps.db.kysely);
  return Object.fromEntries(
    Object.entries(snapshot)
      .filter(([table]) => !TABLES_READS_MAY_WRITE.has(table))
      .map(([table, rows]) => [table, createHash('sha256').update(rows.join('\n')).digest('hex')]),
  );
}

function headersOf(session: Login | null, extra: Record<string, string> = {}): Record<string, string> {
  return { ...(session ? { cookie: session.cookie, [CSRF_HEADER]: session.csrfToken } : {}), ...extra };
}

function describeRoute(route: RegisteredRoute): string {
  return `${route.method} ${route.url}`;
}

describe('security headers of the web app', () => {
  let test: TestApp;
  let webRoot: string;

  beforeAll(async () => {
    test = await createTestApp('sqlite');
    webRoot = mkdtempSync(join(tmpdir(), 'gw-web-'));
    // The shape vite writes with html.cspNonce: the placeholder on the meta tag, the script and the stylesheet.
    writeFileSync(
      join(webRoot, 'index.html'),
      `<!doctype html><html lang="nl"><head><meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}">` +
        `<script type="module" src="/assets/index.js" nonce="${CSP_NONCE_PLACEHOLDER}"></script>` +
        `<link rel="stylesheet" href="/assets/index.css" nonce="${CSP_NONCE_PLACEHOLDER}"></head><body><div id="root"></div></body></html>`,
    );
  });
  afterAll(async () => {
    await test.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('sends a nonce-based CSP without unsafe-inline, and puts that nonce on every tag of the page', async () => {
    const app = await buildApp(test.deps, { logger: false, webRoot });
    try {
      const [first, second] = [await app.inject({ url: '/leerlingen' }), await app.inject({ url: '/' })];
      const nonces = [first, second].map((response) => {
        const csp = String(response.headers['content-security-policy']);
        expect(csp).not.toContain('unsafe-inline');
        expect(csp).not.toContain('unsafe-eval');
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
        const nonce = /'nonce-([A-Za-z0-9+/=]{22,})'/.exec(scriptSrc)?.[1];
        expect(nonce, csp).toBeDefined();
        expect(scriptSrc).toContain("'strict-dynamic'");
        expect(response.body).not.toContain(CSP_NONCE_PLACEHOLDER);
        expect(response.body.match(/nonce="([^"]+)"/g)).toEqual(Array(3).fill(`nonce="${nonce}"`));
        return nonce;
      });
      expect(nonces[0]).not.toBe(nonces[1]);
    } finally {
      await app.close();
    }
  });

  it('forbids framing and sniffing, sends no referrer, and no HSTS over plain http', async () => {
    const response = await test.app.inject({ url: '/api/session' });
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('sends HSTS when the public address is https', async () => {
    const app = await buildApp({ ...test.deps, config: { ...test.deps.config, publicUrl: 'https://groeiwijzer.example.nl' } }, { logger: false, webRoot });
    try {
      const response = await app.inject({ url: '/api/session' });
      expect(response.headers['strict-transport-security']).toMatch(/^max-age=31536000; includeSubDomains/);
    } finally {
      await app.close();
    }
  });
});

describe.each(testDialects())('requests that must not change anything on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const sessions = new Map<WorldUserKey, Login>();

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    for (const user of MATRIX_USERS) sessions.set(user, await login(test.app, world.users[user].email, WORLD_PASSWORD));
  });
  afterAll(async () => test.close());

  it('answers every GET of the API with Cache-Control: no-store and changes no data, for every role', async () => {
    const before = await dataDigest(test);
    const problems: string[] = [];
    let calls = 0;
    for (const { route, url } of targets(test, world, (method) => method === 'GET')) {
      for (const [user, session] of [...sessions.entries(), ['anonymous', null] as const]) {
        const response = await test.app.inject({ method: 'GET', url, headers: headersOf(session) });
        calls += 1;
        if (response.headers['cache-control'] !== 'no-store') problems.push(`${user} ${describeRoute(route)}: cache-control ${response.headers['cache-control']}`);
        if (response.statusCode >= 500) problems.push(`${user} ${describeRoute(route)}: ${response.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(100);
    expect(await dataDigest(test)).toEqual(before);
  });

  it('refuses every state-changing request without the CSRF token, or from another site, and changes nothing', async () => {
    const admin = sessions.get('schoolAdmin');
    if (!admin) throw new Error('no school admin session');
    const pupilDevice = await pupilDeviceFor(test, world.pupilInClassA1, world.classA1);
    const kioskDevice = await kioskDeviceFor(test, world.classA1, world.users.teacher.id);
    const parentDevice = await parentSessionFor(test, world.schoolA1, world.pupilInClassA1);
    const before = await dataDigest(test);
    const problems: string[] = [];
    const changing = targets(test, world, (method) => !['GET', 'HEAD', 'OPTIONS'].includes(method));
    expect(changing.length).toBeGreaterThan(20);
    for (const { route, url } of changing) {
      const payload = route.hasBody ? { payload: {} } : {};
      const attempts = [
        // Signed in, but the token is missing or wrong.
        { cookie: admin.cookie },
        { cookie: admin.cookie, [CSRF_HEADER]: 'not-the-token' },
        // The right token, sent from another site.
        { ...headersOf(admin), origin: 'https://evil.example' },
      ];
      // Public routes (login, setup) have no session to hold a token: the Origin check covers them.
      const forPublic = [{ origin: 'https://evil.example' }];
      // Pupil, kiosk and parent routes check their own device's token.
      const device = route.policy.access !== 'device' ? null : route.policy.kind === 'pupil' ? pupilDevice : route.policy.kind === 'parent' ? parentDevice : kioskDevice;
      const forDevice = device && [
        { cookie: device.cookie },
        { cookie: device.cookie, [CSRF_HEADER]: 'not-the-token' },
        { ...headersOf(device), origin: 'https://evil.example' },
      ];
      for (const headers of route.policy.access === 'public' ? forPublic : (forDevice ?? attempts)) {
        const response = await test.app.inject({ method: route.method as 'POST', url, headers, ...payload });
        const code = response.statusCode === 403 ? response.json().error.code : null;
        if (code !== 'csrf_failed') problems.push(`${describeRoute(route)} ${JSON.stringify(Object.keys(headers))}: ${response.statusCode} ${code}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await dataDigest(test)).toEqual(before);
  });
});
