import type { LightMyRequestResponse } from 'fastify';
import { startSession } from '../../src/server/auth/sessions.service';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import { openFieldCrypto } from '../../src/server/crypto/field-encryption';
import { newKeyText } from '../../src/server/crypto/kek';
import type { Dialect } from '../../src/server/db/database';
import { totpForStep, totpStepAt, TOTP_STEP_SECONDS } from '../../src/server/auth/totp';
import type { Clock, Deps } from '../../src/server/deps';
import type { App } from '../../src/server/http/fastify-types';
import { createOutboxMailer, type Mailer } from '../../src/server/mail/mailer';
import { createTestDatabase, type TestDatabase } from './test-db';

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  constructor(private current = new Date('2026-11-21T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  /** Moves time forward. */
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The PUBLIC_URL of a test app unless a test sets another (or none). */
export const TEST_PUBLIC_URL = 'http://localhost:3000';

/** A running test app on a fresh database, with its fake clock. */
export interface TestApp {
  app: App;
  deps: Deps;
  clock: FakeClock;
  database: TestDatabase;
  close(): Promise<void>;
}

/** Builds the real app on a fresh database of the dialect; mail goes to the real outbox table. */
export async function createTestApp(
  dialect: Dialect,
  options: { config?: Partial<Config>; mailer?: (deps: Omit<Deps, 'mailer'>) => Mailer } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const clock = new FakeClock();
  const config: Config = {
    ...loadConfig({ LOG_LEVEL: 'silent' }),
    databaseUrl: database.url,
    loginRateLimitPerMinute: 1000,
    // A fresh key-encryption key per test app (works on both databases; no key file is written).
    key: newKeyText(),
    // Two-step verification is off unless a test turns it on (the MFA tests and the authorization
    // matrix do): most tests start sessions for admins directly and are about something else.
    mfaRequired: false,
    // Links need an address (installation/link-base.ts); the link-base tests take it away again.
    publicUrl: TEST_PUBLIC_URL,
    ...options.config,
  };
  const fieldCrypto = await openFieldCrypto({ db: database.db, config, clock });
  const base = { config, db: database.db, clock, fieldCrypto };
  const mailer = options.mailer ? options.mailer(base) : createOutboxMailer({ db: database.db.kysely, clock, fieldCrypto });
  const deps: Deps = { ...base, mailer };
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  const test: TestApp = {
    app,
    deps,
    clock,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
  testAppsByApp.set(app, test);
  return test;
}

// login() receives only the app; this finds its clock and database to answer the second sign-in step.
const testAppsByApp = new WeakMap<App, TestApp>();

/** The TOTP secret (base32) of every test user that has two-step verification (see `createWorld`). */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** A signed-in test user: the cookie header and CSRF token to send. */
export interface Login {
  cookie: string;
  csrfToken: string;
}

/**
 * A session of the user started directly (no sign-in route, so no audit event of its own): for tests about something
 * else. `mfaVerified`: as if the second step was done now (for a user with two-step verification set up).
 */
export async function sessionFor(test: TestApp, userId: string, options: { mfaVerified?: boolean } = {}): Promise<Login> {
  const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, userId, options.mfaVerified ? { mfaVerifiedAt: test.clock.now().toISOString() } : {});
  return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
}

/**
 * Signs in through the real login route, and through the second step with a code of
 * `TEST_TOTP_SECRET` when the server asks for one. A session that must still set up MFA is returned as is.
 */
export async function login(app: App, email: string, password: string): Promise<Login> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login of ${email} failed: ${response.statusCode} ${response.body}`);
  const pending = { cookie: sessionCookieOf(response), csrfToken: response.json().csrfToken };
  if (response.json().mfa?.status !== 'code_needed') return pending;
  const code = await nextTotpCode(app, response.json().user.id);
  const verified = await requestAs(app, pending, 'POST', '/api/session/mfa', { code });
  if (verified.statusCode !== 200) throw new Error(`second step of ${email} failed: ${verified.statusCode} ${verified.body}`);
  return { cookie: sessionCookieOf(verified), csrfToken: verified.json().csrfToken };
}

/**
 * A code the server will accept: the server takes each time step once per user and allows one step
 * either side of now, so the earliest step after the last one used is picked. A user signing in a
 * fourth time within one step moves the fake clock on to the next step.
 */
async function nextTotpCode(app: App, userId: string): Promise<string> {
  const test = testAppsByApp.get(app);
  if (!test) throw new Error('login: not an app from createTestApp');
  const row = await test.deps.db.kysely.selectFrom('user_mfa').select('last_used_step').where('user_id', '=', userId).executeTakeFirstOrThrow();
  const current = totpStepAt(test.clock.now());
  const step = Math.max(current - 1, (row.last_used_step ?? -Infinity) + 1);
  if (step > current + 1) test.clock.advance((step - current - 1) * TOTP_STEP_SECONDS * 1000);
  return totpForStep(TEST_TOTP_SECRET, step);
}

/** The `name=value` of the session cookie a response sets. */
export function sessionCookieOf(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? header : header ? [header] : [];
  const session = cookies.find((cookie) => cookie.startsWith('__Host-gw_session='));
  if (!session) throw new Error('no session cookie set');
  return session.split(';')[0] ?? '';
}

/** Sends a request as a signed-in user (cookie + CSRF header), or anonymously. */
export function requestAs(
  app: App,
  as: Login | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const headers: Record<string, string> = {};
  if (as) {
    headers.cookie = as.cookie;
    headers['x-csrf-token'] = as.csrfToken;
  }
  return app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
}
