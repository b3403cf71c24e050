import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { startSession } from '../src/server/auth/sessions.service';
import { loadShippedModels } from '../src/server/features/selfscan/model-catalogue';
import { openRound, shippedModelId } from '../src/server/features/selfscan/selfscan.service';
import type { RegisteredRoute } from '../src/server/http/auth-hooks';
import { MAX_IMPORT_BODY_BYTES, MAX_JSON_BODY_BYTES, MAX_JSON_DEPTH } from '../src/shared/limits';
import { ERROR_CODES } from '../src/shared/error-codes';
import { aspectIdsOf } from '../src/shared/selfscan-model';
import { bodySchemaOf, type JsonSchema, type OpenApiDocument } from './support/openapi-arbitrary';
import { ALLOWED_ON_A } from './support/policy-matrix';
import { kioskDeviceFor, parentSessionFor, pupilDeviceFor } from './support/pupil-access';
import { snapshotDatabase } from './support/snapshot';
import { createTestApp, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';
import { createWorld, type World } from './support/world';


/** A value of the wrong JSON type for a schema: a number where text is expected, text elsewhere. */
function wrongTypeFor(schema: JsonSchema | undefined): unknown {
  const types = [schema?.type ?? schema?.anyOf?.map((s) => s.type) ?? []].flat();
  return types.includes('string') ? 12345 : 'not-the-right-type';
}

/** The body limit of a route: only the CSV uploads of the pupil import take more than the default. */
function bodyLimitOf(route: RegisteredRoute): number {
  return route.url.startsWith('/api/schools/:schoolId/pupil-imports') ? MAX_IMPORT_BODY_BYTES : MAX_JSON_BODY_BYTES;
}

/** An object nested `levels` deep: `{"a":{"a":…1…}}`. */
function nestedObject(levels: number): string {
  return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

describe.each(testDialects())('bad input on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let bodyRoutes: RegisteredRoute[];
  let roundId: string;
  const shippedModel = loadShippedModels()[0]!;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const lead = world.users.tsoLead.id;
    const actor = { userId: lead, boardRoles: new Map(), schoolRoles: new Map([[world.schoolA1, ['tso_lead' as const]]]), boardOfSchool: new Map() };
    // A real round, so the self-scan routes are called with ids that exist.
    const round = await openRound(
      test.deps,
      { kind: 'staff', userId: lead, user: { id: lead, email: world.users.tsoLead.email, name: 'tsoLead', locale: 'nl' }, actor, session: { idHash: 'x', csrfToken: 'x', mfaVerifiedAt: null, createdAt: test.clock.now().toISOString() }, locale: 'nl', schoolBoardId: world.boardA },
      world.schoolA1,
      { name: 'Zelfscan', modelId: shippedModelId(shippedModel.id, shippedModel.version), opensOn: '2026-11-21', closesOn: '2026-12-31', audience: { roles: [], locationIds: [] } },
      'http://localhost',
    );
    roundId = round.id;
    bodyRoutes = test.app.registeredRoutes.filter((route) => route.hasBody);
  });
  afterAll(async () => test.close());

  /** Headers and URL for calling a route as someone it allows (so the body is what gets judged). */
  async function asAllowedCaller(route: RegisteredRoute) {
    const headers: Record<string, string> = {};
    if (route.policy.access === 'authenticated' || route.policy.access === 'permission') {
      const key = route.policy.access === 'authenticated' ? 'schoolAdmin' : ALLOWED_ON_A[route.policy.permission][0];
      if (!key) throw new Error(`nobody may call ${route.url}`);
      const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
      headers.cookie = `__Host-gw_session=${session.token}`;
      headers['x-csrf-token'] = session.csrfToken;
    }
    // A pupil's own device, the class kiosk or a parent session: their own cookie and token.
    if (route.policy.access === 'device') {
      const device =
        route.policy.kind === 'pupil'
          ? await pupilDeviceFor(test, world.pupilInClassA1, world.classA1)
          : route.policy.kind === 'parent'
            ? await parentSessionFor(test, world.schoolA1, world.pupilInClassA1)
            : await kioskDeviceFor(test, world.classA1, world.users.teacher.id);
      headers.cookie = device.cookie;
      headers['x-csrf-token'] = device.csrfToken;
    }
    const url = route.url
      .replace(':boardId', world.boardA)
      .replace(':schoolId', world.schoolA1)
      .replace(':locationId', world.locationA1)
      .replace(':classId', world.classA1)
      .replace(':userId', world.users.teacher.id)
      .replace(':roundId', roundId)
      .replace(':modelId', shippedModelId(shippedModel.id, shippedModel.version))
      .replace(':aspectId', aspectIdsOf(shippedModel)[0] ?? '');
    return { headers, url };
  }

  it('covers every JSON route', () => {
    expect(bodyRoutes.length).toBeGreaterThanOrEqual(12);
  });

  it('answers malformed, wrong-typed, unknown-field, too deep, oversized and non-JSON bodies with a 4xx error and writes nothing', async () => {
    const problems: string[] = [];
    for (const route of bodyRoutes) {
      const { headers, url } = await asAllowedCaller(route);
      const schema = bodySchemaOf(test.app.swagger() as OpenApiDocument, route.method, route.url);
      const wrongTyped = Object.fromEntries(Object.entries(schema?.properties ?? {}).map(([key, value]) => [key, wrongTypeFor(value)]));
      const cases: { name: string; payload: string; contentType: string; status: number; code: string }[] = [
        { name: 'malformed JSON', payload: '{"name": "Groep 8",', contentType: 'application/json', status: 400, code: 'malformed_request' },
        { name: 'array body', payload: '[]', contentType: 'application/json', status: 400, code: 'validation_failed' },
        { name: 'string body', payload: '"hallo"', contentType: 'application/json', status: 400, code: 'validation_failed' },
        { name: 'wrong types', payload: JSON.stringify(wrongTyped), contentType: 'application/json', status: 400, code: 'validation_failed' },
        { name: 'unknown field', payload: JSON.stringify({ ...wrongTyped, unexpectedField: true }), contentType: 'application/json', status: 400, code: 'validation_failed' },
        { name: 'prototype pollution', payload: '{"__proto__": {"isAdmin": true}}', contentType: 'application/json', status: 400, code: 'malformed_request' },
        { name: 'one level too deep', payload: nestedObject(MAX_JSON_DEPTH + 1), contentType: 'application/json', status: 400, code: 'validation_failed' },
        { name: 'deeply nested', payload: '['.repeat(100_000) + ']'.repeat(100_000), contentType: 'application/json', status: 400, code: 'validation_failed' },
        { name: 'oversized', payload: JSON.stringify({ filler: 'x'.repeat(bodyLimitOf(route) + 10) }), contentType: 'application/json', status: 413, code: 'payload_too_large' },
        { name: 'not JSON', payload: 'name=Groep+8', contentType: 'application/x-www-form-urlencoded', status: 415, code: 'unsupported_media_type' },
      ];
      for (const badCase of cases) {
        const before = await snapshotDatabase(test.deps.db.kysely);
        const response = await test.app.inject({
          method: route.method as 'POST',
          url,
          headers: { ...headers, 'content-type': badCase.contentType },
          payload: badCase.payload,
        });
        const label = `${route.method} ${route.url} (${badCase.name})`;
        const body = response.json();
        if (response.statusCode !== badCase.status || body.error?.code !== badCase.code) {
          problems.push(`${label}: got ${response.statusCode} ${body.error?.code}`);
        }
        if (!ERROR_CODES.includes(body.error?.code) || typeof body.error?.message !== 'string' || body.error.message.length === 0) {
          problems.push(`${label}: error shape ${response.body.slice(0, 200)}`);
        }
        if (JSON.stringify(await snapshotDatabase(test.deps.db.kysely)) !== JSON.stringify(before)) problems.push(`${label}: database changed`);
      }
    }
    expect(problems).toEqual([]);
    // Eight bodies for every JSON route (over 150 now), on PostgreSQL: 80 s on a slow, busy 2-core machine.
  }, 240_000);

  it('names the offending fields and answers in the requested language', async () => {
    const route = bodyRoutes.find((r) => r.url === '/api/schools/:schoolId/classes' && r.method === 'POST');
    if (!route) throw new Error('class route missing');
    const { headers, url } = await asAllowedCaller(route);
    const dutch = await test.app.inject({ method: 'POST', url, headers, payload: { name: '', schoolYear: '2026-2028' } });
    expect(dutch.statusCode).toBe(400);
    expect(Object.keys(dutch.json().error.fields).sort()).toEqual(['body.name', 'body.schoolYear']);
    expect(dutch.json().error.message).toBe('Niet alle velden zijn goed ingevuld.');
    const english = await test.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'accept-language': 'en-GB,en;q=0.9' },
      payload: { name: '', schoolYear: '2026-2028' },
    });
    expect(english.json().error.message).toBe('Some fields are not filled in correctly.');
  });

  it('answers an unknown API path with the JSON 404 shape', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'Niet gevonden.' } });
  });

  it('never leaks internals on a server error', async () => {
    const app = await buildApp(test.deps, { logger: false });
    app.get('/api/test-failure', { config: { policy: { access: 'public' } } }, async () => {
      throw new Error('secret table layout at /srv/groeiwijzer');
    });
    const response = await app.inject({ method: 'GET', url: '/api/test-failure' });
    await app.close();
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'internal_error', message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' } });
  });

  it('refuses to register a route without a policy', async () => {
    const app = await buildApp(test.deps, { logger: false });
    expect(() => app.get('/api/unguarded', async () => 'open')).toThrow(/has no policy/);
    await app.close();
  });
});
