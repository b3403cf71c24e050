import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { startSession } from '../src/server/auth/sessions.service';
import { loadShippedModels } from '../src/server/features/selfscan/model-catalogue';
import { shippedModelId } from '../src/server/features/selfscan/selfscan.service';
import type { App } from '../src/server/http/fastify-types';
import { createLogger } from '../src/server/http/logging';
import { createOutboxMailer } from '../src/server/mail/mailer';
import { aspectIdsOf } from '../src/shared/selfscan-model';
import { createTestApp, type Login, requestAs, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';
import { createWorld, type World, WORLD_PASSWORD } from './support/world';

// Issue 6: no special-category content and no raw CR/LF from input in the logs. Requests carry a
// marker text (standing in for a note about a child) and CR/LF in every place input can reach:
// path, query, headers and body. Every record the server logs must be one line of valid JSON
// without the marker.

const MARKER = 'GWLOGMARKER7F3A';
const model = loadShippedModels()[0]!;
const [MOTIVATION] = aspectIdsOf(model) as [string];

describe.each(testDialects())('the server log on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let app: App;
  const records: string[] = [];

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const capture = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        records.push(chunk.toString());
        done();
      },
    });
    // The production logger config at its most talkative, behind a proxy (so X-Forwarded-For is read).
    app = await buildApp({ ...test.deps, config: { ...test.deps.config, trustProxy: true } }, { loggerInstance: createLogger('trace', capture) });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await test.close();
  });

  async function as(userId: string): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, userId);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }

  it('writes every record as one line of JSON, with none of the input in it', async () => {
    const hostile = `${MARKER}\r\nX-Injected: 1`;
    const headers = { 'user-agent': hostile, 'x-forwarded-for': hostile, referer: `https://x.test/${MARKER}`, 'accept-language': MARKER };
    const careTeam = await as(world.users.careTeam.id);
    const signedIn = { ...headers, cookie: careTeam.cookie };
    const responses = [
      // Signing in: the address and the password are input.
      await app.inject({ method: 'POST', url: '/api/session', headers, payload: { email: `${MARKER}\r\n@example.test`, password: hostile } }),
      await app.inject({ method: 'POST', url: '/api/session', headers, payload: { email: `${MARKER.toLowerCase()}@example.test`, password: hostile } }),
      await app.inject({ method: 'POST', url: '/api/session', headers, payload: { email: world.users.teacher.email, password: `${WORLD_PASSWORD}${MARKER}` } }),
      // Query, path and a body that is not even JSON.
      await app.inject({ method: 'GET', url: `/api/schools/${world.schoolA1}/pupils?classId=${MARKER}%0D%0A&schoolYear=${MARKER}`, headers: signedIn }),
      await app.inject({ method: 'GET', url: `/api/schools/${MARKER}%0D%0A/pupils`, headers: signedIn }),
      await app.inject({ method: 'GET', url: `/api/${MARKER}%0d%0ano-such-route?${MARKER}=1`, headers }),
      await app.inject({ method: 'POST', url: '/api/session', headers: { ...headers, 'content-type': 'application/json' }, payload: `{"email":"${MARKER}` }),
    ];
    // A self-scan note: free text a colleague writes, the kind of content that must stay out of logs.
    const lead = await as(world.users.tsoLead.id);
    const opened = await requestAs(app, lead, 'POST', `/api/schools/${world.schoolA1}/selfscan/rounds`, {
      name: `Ronde ${MARKER}`,
      modelId: shippedModelId(model.id, model.version),
      opensOn: '2026-11-21',
      closesOn: '2026-11-30',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const teacher = await as(world.users.teacher.id);
    const noteUrl = `/api/schools/${world.schoolA1}/selfscan/rounds/${opened.json().id}/ratings/${MOTIVATION}`;
    responses.push(
      await app.inject({
        method: 'PUT',
        url: noteUrl,
        headers: { ...headers, cookie: teacher.cookie, 'x-csrf-token': teacher.csrfToken },
        payload: { phase: 2, note: `Thuis is het onrustig ${MARKER}\r\nen hij slaapt slecht` },
      }),
    );
    expect(responses.map((response) => response.statusCode)).toEqual([400, 401, 401, 400, 403, 404, 400, 200]);

    // Every request was logged (at least an incoming and a completed line each), so the check below has something to check.
    expect(records.length).toBeGreaterThanOrEqual(2 * (responses.length + 1));
    for (const record of records) {
      expect(record.endsWith('\n'), record).toBe(true);
      expect(record.slice(0, -1), record).not.toMatch(/[\r\n]/);
      expect(() => JSON.parse(record), record).not.toThrow();
      expect(record.toLowerCase(), record).not.toContain(MARKER.toLowerCase());
    }
    // Requests are named by their route pattern, never by the URL that was sent.
    const requests = records.map((record) => JSON.parse(record).req).filter(Boolean);
    expect(requests.map((request) => request.route)).toContain('/api/schools/:schoolId/selfscan/rounds/:roundId/ratings/:aspectId');
    for (const request of requests) expect(Object.keys(request).sort()).toEqual(expect.arrayContaining(['method', 'route']));
  });

  it('logs who was refused what: user id, code and route pattern, nothing about the person', async () => {
    const teacher = await as(world.users.teacher.id);
    const response = await app.inject({ method: 'GET', url: `/api/schools/${world.schoolA1}/staff`, headers: { cookie: teacher.cookie } });
    expect(response.statusCode).toBe(403);
    const refused = records.map((record) => JSON.parse(record)).filter((record) => record.msg === 'request refused' && record.code === 'forbidden');
    expect(refused.at(-1)).toMatchObject({ userId: world.users.teacher.id, route: '/api/schools/:schoolId/staff' });
    expect(JSON.stringify(refused.at(-1))).not.toContain(world.users.teacher.email);
  });
});

// Request ids: every line written while a request is handled carries its id, also a line a service writes through
// its own logger (deps.logger), so one request's lines can be found among those of a thousand others.
describe.each(testDialects())('request ids in the server log on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let app: App;
  const records: string[] = [];

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const capture = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        records.push(chunk.toString());
        done();
      },
    });
    // As in main.ts: the services (here the mailer) write to the same logger as the requests.
    const logger = createLogger('trace', capture);
    const mailer = createOutboxMailer({ db: test.deps.db.kysely, clock: test.clock, fieldCrypto: test.deps.fieldCrypto, logger });
    app = await buildApp({ ...test.deps, mailer, logger }, { loggerInstance: logger });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await test.close();
  });

  function linesOf(requestId: string): Array<Record<string, unknown>> {
    return records.map((record) => JSON.parse(record) as Record<string, unknown>).filter((record) => record.reqId === requestId);
  }

  async function requestReset(headers: Record<string, string> = {}) {
    // A known address: the mailer keeps the reset mail in the outbox and logs that, in the middle of the request.
    return app.inject({ method: 'POST', url: '/api/password-resets', headers, payload: { email: world.users.teacher.email } });
  }

  it('gives every request a new id, answers it in X-Request-Id and writes it on every line, a service’s too', async () => {
    const first = await requestReset();
    const second = await requestReset();
    expect(first.statusCode, first.body).toBe(202);
    const ids = [first, second].map((response) => String(response.headers['x-request-id']));
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).not.toBe(ids[0]);
    const lines = linesOf(ids[0]!);
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['incoming request', 'mail kept in the outbox (no SMTP_URL set)', 'request completed']));
    // Written once per line: pino would write a second key if the mixin added it to request.log's own lines.
    for (const record of records.filter((line) => line.includes(ids[0]!))) expect(record.split('"reqId"').length - 1).toBe(1);
  });

  it('keeps the id through a body read from a real connection (it arrives in the socket’s own events)', async () => {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      // Sent in two parts, so the body is read in an event of the connection after the hooks before it ran.
      const response = await fetch(`${address}/api/password-resets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new ReadableStream({
          async start(controller) {
            const body = new TextEncoder().encode(JSON.stringify({ email: world.users.teacher.email }));
            controller.enqueue(body.slice(0, 5));
            await new Promise((resolve) => setTimeout(resolve, 20));
            controller.enqueue(body.slice(5));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(202);
      const lines = linesOf(String(response.headers.get('x-request-id')));
      expect(lines.map((line) => line.msg)).toContain('mail kept in the outbox (no SMTP_URL set)');
    } finally {
      await app.server.close();
    }
  });

  it('keeps a well-formed id a proxy passes in, so its log and ours can be joined', async () => {
    const response = await requestReset({ 'x-request-id': 'lb-7f3a.0042_B' });
    expect(response.headers['x-request-id']).toBe('lb-7f3a.0042_B');
    expect(linesOf('lb-7f3a.0042_B').map((line) => line.msg)).toContain('mail kept in the outbox (no SMTP_URL set)');
  });

  it('replaces an id that is too long or could forge a line or a header', async () => {
    const forged = [`abc\r\nX-Injected: 1`, `ok\nreqId=${MARKER}`, 'a'.repeat(65), '', 'a b', 'a"b'];
    for (const id of forged) {
      const response = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': id } });
      const given = String(response.headers['x-request-id']);
      expect(given, id).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers['x-injected']).toBeUndefined();
      expect(linesOf(given).length, id).toBeGreaterThanOrEqual(2);
    }
    expect(records.join('')).not.toContain('X-Injected');
  });
});
