import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app';
import { testDialects } from '../../test/support/test-db';
import { createWorld, type World } from '../../test/support/world';
import { PUPIL_COOKIE } from '../shared/checkin';
import { buildApp } from './app';
import { type Config, loadConfig } from './config';
import { hashSecret, isoInstant, newSecretToken } from './deps';
import { checkinWriteQueueOf } from './features/checkin/checkin-submit.routes';
import { addressAllowList } from './http/metrics.routes';
import { recordJobRun } from './metrics';

// The metrics live in one registry for the whole test process, so every check compares a value before and after.

/** The value of one sample in Prometheus text (`name{a="1",b="2"} 3`) whose labels include `labels`; 0 when absent. */
function sampleOf(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return 0;
}

describe('the metrics allow-list', () => {
  it('matches single addresses and CIDR ranges of both versions, and IPv4 clients of a dual-stack socket', () => {
    const isAllowed = addressAllowList(['127.0.0.1', '::1', '10.20.0.0/16', 'fd00::/8']);
    for (const address of ['127.0.0.1', '::1', '10.20.0.1', '10.20.255.254', '::ffff:10.20.3.4', '::FFFF:127.0.0.1', 'fd12::5']) {
      expect(isAllowed(address), address).toBe(true);
    }
    for (const address of ['127.0.0.2', '10.21.0.1', '::2', 'fe80::1', '::ffff:10.21.0.1', 'localhost', '', undefined]) {
      expect(isAllowed(address), String(address)).toBe(false);
    }
    expect(addressAllowList([])('127.0.0.1')).toBe(false);
  });

  it('is read from METRICS_ALLOW: this machine by default, off when set empty, refused when malformed', () => {
    expect(loadConfig({}).metricsAllow).toEqual(['127.0.0.1', '::1']);
    expect(loadConfig({ METRICS_ALLOW: '' }).metricsAllow).toEqual([]);
    expect(loadConfig({ METRICS_ALLOW: ' 10.0.0.0/8, 192.168.1.7 ,fd00::/8' }).metricsAllow).toEqual(['10.0.0.0/8', '192.168.1.7', 'fd00::/8']);
    for (const bad of ['10.0.0.0/33', 'fd00::/129', 'prometheus.internal', '10.0.0.1/8/1', '10.0.0.1/', '*']) {
      expect(() => loadConfig({ METRICS_ALLOW: bad }), bad).toThrow(/METRICS_ALLOW/);
    }
  });
});

describe.each(testDialects())('GET /metrics on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  beforeAll(async () => {
    // A check-in waits up to a second for others to join its batch, long enough to be seen in the queue.
    test = await createTestApp(dialect, { config: { checkinBatchWaitMs: 1_000 } });
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  async function scrape(): Promise<string> {
    const response = await test.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode, response.body).toBe(200);
    return response.body;
  }

  it('answers this machine in Prometheus text: process figures, the database and nothing cached', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(sampleOf(response.body, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sampleOf(response.body, 'groeiwijzer_database_info', { dialect })).toBe(1);
    if (dialect === 'postgres') expect(sampleOf(response.body, 'groeiwijzer_database_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
  });

  it('counts requests and their duration by route pattern, method and status class, never by URL', async () => {
    const labels = { route: '/api/schools/:schoolId/staff', method: 'GET', status: '4xx' };
    const before = await scrape();
    for (let turn = 0; turn < 2; turn += 1) {
      expect((await test.app.inject({ method: 'GET', url: `/api/schools/${world.schoolA1}/staff` })).statusCode).toBe(401);
    }
    const unknownPath = `/api/no-such-route-${randomUUID()}`;
    expect((await test.app.inject({ method: 'GET', url: unknownPath })).statusCode).toBe(404);
    const after = await scrape();
    expect(sampleOf(after, 'groeiwijzer_http_requests_total', labels) - sampleOf(before, 'groeiwijzer_http_requests_total', labels)).toBe(2);
    const durations = 'groeiwijzer_http_request_duration_seconds_count';
    expect(sampleOf(after, durations, labels) - sampleOf(before, durations, labels)).toBe(2);
    expect(after).not.toContain(world.schoolA1);
    expect(after).not.toContain(unknownPath);
  });

  it('shows a check-in waiting in the write queue, then counts it as committed once (not its retry)', async () => {
    const token = newSecretToken();
    const csrfToken = newSecretToken();
    const now = test.clock.now();
    await test.deps.db.kysely
      .insertInto('pupil_sessions')
      .values({ id_hash: hashSecret(token), pupil_id: world.pupilInClassA1, class_id: world.classA1, csrf_token: csrfToken, created_at: isoInstant(now), expires_at: isoInstant(new Date(now.getTime() + 3_600_000)) })
      .execute();
    const send = (idempotencyKey: string) =>
      test.app.inject({
        method: 'POST',
        url: '/api/pupil/checkins',
        headers: { cookie: `${PUPIL_COOKIE}=${token}`, 'x-csrf-token': csrfToken },
        payload: { idempotencyKey, state: 'in_window', wantsTalk: false },
      });
    const committed = 'groeiwijzer_checkins_committed_total';
    const before = await scrape();
    expect(sampleOf(before, 'groeiwijzer_checkin_queue_depth')).toBe(0);

    const key = randomUUID();
    const answer = send(key);
    for (let turn = 0; turn < 10_000 && checkinWriteQueueOf(test.deps)?.pending !== 1; turn += 1) await new Promise((resolve) => setTimeout(resolve, 1));
    const waiting = await scrape();
    expect(sampleOf(waiting, 'groeiwijzer_checkin_queue_depth')).toBe(1);
    expect(sampleOf(waiting, committed)).toBe(sampleOf(before, committed));

    expect((await answer).statusCode).toBe(201);
    expect((await send(key)).json()).toEqual({ received: true, duplicate: true });
    const after = await scrape();
    expect(sampleOf(after, 'groeiwijzer_checkin_queue_depth')).toBe(0);
    expect(sampleOf(after, committed) - sampleOf(before, committed)).toBe(1);
  });

  it('counts job runs by outcome; a skipped run adds no duration', async () => {
    const job = `test-job-${randomUUID()}`;
    recordJobRun(job, 'ok', 0.2);
    recordJobRun(job, 'failed', 1.5);
    recordJobRun(job, 'skipped', 0);
    const text = await scrape();
    for (const outcome of ['ok', 'failed', 'skipped']) expect(sampleOf(text, 'groeiwijzer_job_runs_total', { job, outcome }), outcome).toBe(1);
    expect(sampleOf(text, 'groeiwijzer_job_duration_seconds_count', { job })).toBe(2);
    expect(sampleOf(text, 'groeiwijzer_job_duration_seconds_sum', { job })).toBeCloseTo(1.7);
  });

  describe('refusing', () => {
    const apps: Awaited<ReturnType<typeof buildApp>>[] = [];
    afterAll(async () => {
      for (const app of apps) await app.close();
    });
    async function appWith(config: Partial<Config>) {
      const app = await buildApp({ ...test.deps, config: { ...test.deps.config, ...config } }, { logger: false });
      apps.push(app);
      return app;
    }
    // The answer to a path that does not exist, which every refusal must equal.
    async function notFoundAnswer() {
      const response = await test.app.inject({ method: 'GET', url: '/api/nothing-here' });
      return { statusCode: response.statusCode, body: response.body };
    }

    it('answers any other address as a route that does not exist', async () => {
      const response = await test.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9' });
      expect({ statusCode: response.statusCode, body: response.body }).toEqual(await notFoundAnswer());
      expect(response.body).not.toContain('groeiwijzer_');
    });

    it('refuses a request a proxy passed on, even from an allowed address', async () => {
      for (const header of [{ 'x-forwarded-for': '127.0.0.1' }, { forwarded: 'for=127.0.0.1' }, { 'x-real-ip': '127.0.0.1' }]) {
        const response = await test.app.inject({ method: 'GET', url: '/metrics', headers: header });
        expect(response.statusCode, JSON.stringify(header)).toBe(404);
      }
    });

    it('checks the connection’s address behind TRUST_PROXY, never the forwarded one', async () => {
      const app = await appWith({ trustProxy: true, metricsAllow: ['127.0.0.1'] });
      const forged = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9', headers: { 'x-forwarded-for': '127.0.0.1' } });
      expect(forged.statusCode).toBe(404);
    });

    it('allows the ranges configured, and nobody when METRICS_ALLOW is empty', async () => {
      const ranged = await appWith({ metricsAllow: ['10.0.0.0/8'] });
      expect((await ranged.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.9.8.7' })).statusCode).toBe(200);
      expect((await ranged.inject({ method: 'GET', url: '/metrics', remoteAddress: '::ffff:10.9.8.7' })).statusCode).toBe(200);
      expect((await ranged.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
      const off = await appWith({ metricsAllow: [] });
      expect((await off.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    });
  });
});
