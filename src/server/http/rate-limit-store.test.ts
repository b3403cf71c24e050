import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { testDialects } from '../../../test/support/test-db';
import { buildApp } from '../app';
import { createDb } from '../db/create-db';
import type { App } from './fastify-types';
import { DatabaseRateLimitStore, RATE_LIMIT_PURGE_INTERVAL_MS } from './rate-limit-store';

const LIMIT = 3;

function countOnce(store: DatabaseRateLimitStore, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  return new Promise((resolve, reject) => store.incr(key, (error, result) => (error || !result ? reject(error) : resolve(result)), windowMs, LIMIT));
}

describe.each(testDialects())('rate limits in the database on %s', (dialect) => {
  let test: TestApp;
  const others: App[] = [];
  afterEach(async () => {
    for (const app of others.splice(0)) await app.close();
    await test.close();
  });

  const failedLogin = (app: App, address: string) =>
    app.inject({ method: 'POST', url: '/api/session', remoteAddress: address, payload: { email: 'niemand@rate.test', password: 'een verkeerd wachtwoord' } });

  it('one limit across two servers on one database, per address, until the window has passed', async () => {
    test = await createTestApp(dialect, { config: { loginRateLimitPerMinute: LIMIT } });
    // A second server: its own app (and rate-limit plugin) on the same database.
    const second = await buildApp(test.deps, { logger: false });
    others.push(second);
    const servers = [test.app, second];
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) statuses.push((await failedLogin(servers[attempt % 2]!, '192.0.2.10')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    // Another address has its own count; another throttled route too.
    expect((await failedLogin(second, '192.0.2.11')).statusCode).toBe(401);
    // No address is stored, only a hash of route and address.
    const rows = await test.deps.db.kysely.selectFrom('rate_limits').selectAll().execute();
    expect(rows.map((row) => JSON.stringify(row)).join()).not.toContain('192.0.2');
    test.clock.advance(60_000);
    expect((await failedLogin(test.app, '192.0.2.10')).statusCode).toBe(401);
  });

  it('counts every hit once when many arrive at once from several connections, and deletes ended windows', async () => {
    test = await createTestApp(dialect);
    const connections = [test.deps.db, await createDb(test.database.url), await createDb(test.database.url)];
    try {
      const stores = connections.map((db) => new DatabaseRateLimitStore({ db, clock: test.clock }).forRoute('POST', '/api/session'));
      const counted = await Promise.all(Array.from({ length: 30 }, (_, index) => countOnce(stores[index % stores.length]!, '198.51.100.7', 60_000)));
      expect(counted.map((result) => result.current).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
      expect(Math.max(...counted.map((result) => result.ttl))).toBeLessThanOrEqual(60_000);
      // A route's counters are its own.
      const other = new DatabaseRateLimitStore({ db: test.deps.db, clock: test.clock }).forRoute('POST', '/api/pupil/session');
      expect((await countOnce(other, '198.51.100.7', 60_000)).current).toBe(1);
      // Past the window and the purge interval, the next hit starts afresh and the ended rows are gone.
      test.clock.advance(RATE_LIMIT_PURGE_INTERVAL_MS + 60_000);
      expect((await countOnce(stores[0]!, '203.0.113.1', 60_000)).current).toBe(1);
      const left = await test.deps.db.kysely.selectFrom('rate_limits').select('key_hash').execute();
      expect(left).toHaveLength(1);
    } finally {
      for (const db of connections.slice(1)) await db.close();
    }
  });
});
