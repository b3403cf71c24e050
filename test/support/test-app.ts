import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import type { Dialect } from '../../src/server/db/database';
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
    ...options.config,
  };
  const base = { config, db: database.db, clock };
  const mailer = options.mailer ? options.mailer(base) : createOutboxMailer(database.db.kysely, clock);
  const deps: Deps = { ...base, mailer };
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  return {
    app,
    deps,
    clock,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** A signed-in test user: the cookie header and CSRF token to send. */
export interface Login {
  cookie: string;
  csrfToken: string;
}

/** Signs in through the real login route. */
export async function login(app: App, email: string, password: string): Promise<Login> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login of ${email} failed: ${response.statusCode} ${response.body}`);
  return { cookie: sessionCookieOf(response), csrfToken: response.json().csrfToken };
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
