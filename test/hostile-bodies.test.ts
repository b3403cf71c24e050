import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../src/server/auth/sessions.service';
import { MAX_IMPORT_BODY_BYTES, MAX_JSON_BODY_BYTES, MAX_JSON_DEPTH } from '../src/shared/limits';
import { createTestApp, type Login, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';
import { createWorld, type World, type WorldUserKey } from './support/world';

// 100,000 nested arrays: 200 kB, under every body limit, so only the depth check can refuse it.
const DEEP_ARRAYS = '['.repeat(100_000) + ']'.repeat(100_000);
// The tester's body: objects nested until the text is 2 MB (about 350,000 levels).
const OBJECT_LEVELS = Math.floor((2 * 1024 * 1024) / 6);
const DEEP_OBJECTS_2MB = '{"a":'.repeat(OBJECT_LEVELS) + '1' + '}'.repeat(OBJECT_LEVELS);

interface HostileCase {
  caller: 'anonymous' | WorldUserKey;
  url: string;
  body: 'DEEP_ARRAYS' | 'DEEP_OBJECTS_2MB';
  status: number;
  code: string;
}

const BODIES = { DEEP_ARRAYS, DEEP_OBJECTS_2MB };
const PUBLIC_URLS = ['/api/session', '/api/pupil/session', '/api/password-resets', '/api/setup'];
const SIGNED_IN_URLS: [WorldUserKey, string][] = [
  ['schoolAdmin', '/api/schools/:schoolId/classes'],
  ['schoolAdmin', '/api/schools/:schoolId/selfscan/models'],
  ['tsoLead', '/api/schools/:schoolId/plan/goals'],
];
const IMPORT_URLS = ['/api/schools/:schoolId/pupil-imports'];

// Too deep is refused before parsing (400); too big for the route before it is read (413); a protected
// route refuses an anonymous caller before reading anything (401).
const CASES: HostileCase[] = [
  ...PUBLIC_URLS.flatMap((url): HostileCase[] => [
    { caller: 'anonymous', url, body: 'DEEP_ARRAYS', status: 400, code: 'validation_failed' },
    { caller: 'anonymous', url, body: 'DEEP_OBJECTS_2MB', status: 413, code: 'payload_too_large' },
  ]),
  ...[...SIGNED_IN_URLS.map(([, url]) => url), ...IMPORT_URLS].map(
    (url): HostileCase => ({ caller: 'anonymous', url, body: 'DEEP_OBJECTS_2MB', status: 401, code: 'not_authenticated' }),
  ),
  ...SIGNED_IN_URLS.flatMap(([caller, url]): HostileCase[] => [
    { caller, url, body: 'DEEP_ARRAYS', status: 400, code: 'validation_failed' },
    { caller, url, body: 'DEEP_OBJECTS_2MB', status: 413, code: 'payload_too_large' },
  ]),
  // The CSV upload routes take bodies this big, so the depth check is what refuses them.
  ...IMPORT_URLS.flatMap((url): HostileCase[] => [
    { caller: 'schoolAdmin', url, body: 'DEEP_ARRAYS', status: 400, code: 'validation_failed' },
    { caller: 'schoolAdmin', url, body: 'DEEP_OBJECTS_2MB', status: 400, code: 'validation_failed' },
  ]),
];

/** Runs a request and measures its wall time and the longest the event loop was blocked meanwhile (ms). */
async function measured<T>(send: () => Promise<T>): Promise<{ result: T; elapsedMs: number; blockedMs: number }> {
  // A 1 ms timer: the longest gap between two of its ticks is the longest stretch of synchronous work.
  let [blockedMs, lastTick] = [0, performance.now()];
  const ticker = setInterval(() => {
    const now = performance.now();
    blockedMs = Math.max(blockedMs, now - lastTick);
    lastTick = now;
  }, 1);
  const started = performance.now();
  const result = await send();
  const elapsedMs = performance.now() - started;
  // One more tick, so a block at the very end is counted too.
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(ticker);
  return { result, elapsedMs, blockedMs };
}

describe.each(testDialects())('deeply nested and oversized bodies on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const logins = new Map<WorldUserKey, Login>();
  const figures: string[] = [];

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    for (const key of new Set(SIGNED_IN_URLS.map(([caller]) => caller).concat('schoolAdmin'))) {
      const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
      logins.set(key, { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken });
    }
  });
  afterAll(async () => {
    // Figures, not assertions: timings on a shared machine vary too much to assert, but they show the cost.
    console.log(`hostile bodies on ${dialect} (elapsed / longest event-loop block, ms):\n  ${figures.join('\n  ')}`);
    await test?.close();
  });

  it.each(CASES)('answers $caller at $url with $body by $status $code, never a server error', async (hostile) => {
    const login = hostile.caller === 'anonymous' ? undefined : logins.get(hostile.caller);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (login) Object.assign(headers, { cookie: login.cookie, 'x-csrf-token': login.csrfToken });
    const { result: response, elapsedMs, blockedMs } = await measured(() =>
      test.app.inject({ method: 'POST', url: hostile.url.replace(':schoolId', world.schoolA1), headers, payload: BODIES[hostile.body] }),
    );
    figures.push(`${hostile.caller} ${hostile.url} ${hostile.body}: ${response.statusCode} in ${elapsedMs.toFixed(0)} / ${blockedMs.toFixed(0)}`);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(hostile.status);
    expect(response.json().error.code).toBe(hostile.code);
  });

  it('parses a body nested as deep as allowed and leaves it to the schema; one level more is refused unparsed', async () => {
    const nested = (levels: number) => '{"email":"a@b.nl","password":' + '{"a":'.repeat(levels - 1) + '1' + '}'.repeat(levels);
    const send = (levels: number) => test.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: nested(levels) });
    const [deepest, tooDeep] = [await send(MAX_JSON_DEPTH), await send(MAX_JSON_DEPTH + 1)];
    expect(deepest.statusCode).toBe(400);
    expect(Object.keys(deepest.json().error.fields)).toEqual(['body.password']);
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json().error.fields).toEqual({ body: [`nested deeper than ${MAX_JSON_DEPTH} levels`] });
  });

  it('accepts a CSV file above the default limit on the import routes, and refuses one above their own limit', async () => {
    const login = logins.get('schoolAdmin');
    if (!login) throw new Error('no school admin');
    const header = 'Leerlingnummer;Voornaam;Achternaam;Geboortedatum;Groep\n';
    const row = (index: number) => `${100_000 + index};Sanne;de Vries;04-03-2017;Groep 5\n`;
    const rowsFor = (bytes: number) => Math.ceil(bytes / row(0).length);
    const csvOf = (bytes: number) => header + Array.from({ length: rowsFor(bytes) }, (_, index) => row(index)).join('');
    const preview = (csv: string) =>
      test.app.inject({
        method: 'POST',
        url: `/api/schools/${world.schoolA1}/pupil-imports`,
        headers: { cookie: login.cookie, 'x-csrf-token': login.csrfToken },
        payload: { csv },
      });
    const aboveDefault = await preview(csvOf(MAX_JSON_BODY_BYTES + 1024));
    expect(aboveDefault.statusCode, aboveDefault.body.slice(0, 200)).toBe(201);
    expect(aboveDefault.json().totalRows).toBe(rowsFor(MAX_JSON_BODY_BYTES + 1024));
    const aboveImport = await preview(csvOf(MAX_IMPORT_BODY_BYTES));
    expect(aboveImport.statusCode).toBe(413);
    expect(aboveImport.json().error.code).toBe('payload_too_large');
  });
});

describe.each(testDialects())('throttles answer before the body is read on %s', (dialect) => {
  let test: TestApp;

  beforeAll(async () => {
    test = await createTestApp(dialect, { config: { loginRateLimitPerMinute: 2, pupilSignInRateLimitPerMinute: 2 } });
  });
  afterAll(async () => test?.close());

  const ordinary: Record<string, object> = {
    '/api/session': { email: 'iemand@school.example', password: 'niet het wachtwoord' },
    '/api/password-resets': { email: 'iemand@school.example' },
    '/api/pupil/session': { classCode: 'AAAAAA', personalCode: 'AAAAAAAA' },
  };

  it.each(Object.keys(ordinary))('answers a throttled address at %s with 429 whatever its body', async (url) => {
    const remoteAddress = '192.0.2.7';
    for (let index = 0; index < 2; index += 1) {
      const allowed = await test.app.inject({ method: 'POST', url, payload: ordinary[url], remoteAddress });
      expect(allowed.statusCode).not.toBe(429);
    }
    for (const payload of [DEEP_OBJECTS_2MB, DEEP_ARRAYS, '{"not json']) {
      const response = await test.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload, remoteAddress });
      expect(response.statusCode).toBe(429);
      expect(response.json().error.code).toBe('rate_limited');
    }
  });
});
