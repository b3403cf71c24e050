import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { newId } from '../../deps';
import { createTestApp, requestAs, type Login, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { ensureShippedModels, shippedModelId } from './selfscan.service';

/** A small rubric a school might bring: one layer, one aspect, four phases. */
function wellbeingModel(version: string, phaseOneText = 'Een paar collega’s letten bewust op rust in de klas.') {
  const text = (nl: string, en: string) => ({ nl, en });
  return {
    id: 'wellbeing-check',
    version,
    name: text('Welzijnscheck', 'Wellbeing check'),
    source: text('Door het team zelf opgesteld.', 'Written by the team itself.'),
    phases: { '1': text('Begin', 'Start'), '2': text('Op weg', 'Under way'), '3': text('Samen', 'Together'), '4': text('Vanzelf', 'Natural') },
    layers: [
      {
        id: 'calm',
        name: text('Rust', 'Calm'),
        description: text('Rust in school en klas.', 'Calm in school and class.'),
        aspects: [
          {
            id: 'calm.classroom',
            name: text('Rust in de klas', 'Calm in class'),
            descriptors: {
              '1': text(phaseOneText, 'A few colleagues pay attention to calm in class.'),
              '2': text('De meeste collega’s werken aan rust.', 'Most colleagues work on calm.'),
              '3': text('Het team heeft afspraken over rust.', 'The team has agreements about calm.'),
              '4': text('Rust hoort bij hoe de school werkt.', 'Calm is part of how the school works.'),
            },
          },
        ],
      },
    ],
  };
}

describe.each(testDialects())('self-scan development models on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const sessions = new Map<WorldUserKey, Login>();
  const user = async (key: WorldUserKey) => {
    const known = sessions.get(key);
    if (known) return known;
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    const login = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    sessions.set(key, login);
    return login;
  };
  const modelsUrl = (schoolId: string) => `/api/schools/${schoolId}/selfscan/models`;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it('stores the shipped TSO model once, however often it is ensured, and lists it to any staff member', async () => {
    await ensureShippedModels(test.deps.db.kysely);
    await ensureShippedModels(test.deps.db.kysely);
    const response = await requestAs(test.app, await user('teacher'), 'GET', modelsUrl(world.schoolA1));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      expect.objectContaining({ id: shippedModelId('tso-development-model', '1.0.0'), key: 'tso-development-model', version: '1.0.0', aspectCount: 15, isShipped: true, isUsed: false }),
    ]);
    const rows = await test.deps.db.kysely.selectFrom('development_models').select('id').execute();
    expect(rows).toHaveLength(1);
    const detail = await requestAs(test.app, await user('teacher'), 'GET', `${modelsUrl(world.schoolA1)}/${rows[0]!.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().definition.layers).toHaveLength(4);
  });

  it('lets a school admin import a model for their own school only', async () => {
    const response = await requestAs(test.app, await user('schoolAdmin'), 'POST', modelsUrl(world.schoolA1), { definition: wellbeingModel('1.0.0') });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ key: 'wellbeing-check', version: '1.0.0', aspectCount: 1, isShipped: false, isUsed: false });
    const id = response.json().id;
    const listed = (await requestAs(test.app, await user('tsoLead'), 'GET', modelsUrl(world.schoolA1))).json();
    expect(listed.map((model: { key: string }) => model.key)).toEqual(['tso-development-model', 'wellbeing-check']);
    // Another school of the same board neither lists nor reads it.
    const otherSchool = await requestAs(test.app, await user('teacherOtherSchool'), 'GET', modelsUrl(world.schoolA2));
    expect(otherSchool.json().map((model: { key: string }) => model.key)).toEqual(['tso-development-model']);
    expect((await requestAs(test.app, await user('teacherOtherSchool'), 'GET', `${modelsUrl(world.schoolA2)}/${id}`)).statusCode).toBe(404);
    const audit = await test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'selfscan.model_imported').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target_id: id, school_id: world.schoolA1, actor_user_id: world.users.schoolAdmin.id });
  });

  it('refuses an invalid definition and the key and version of a shipped model', async () => {
    const admin = await user('schoolAdmin');
    const invalid = await requestAs(test.app, admin, 'POST', modelsUrl(world.schoolA1), { definition: { ...wellbeingModel('1.0.0'), version: 'eerste' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('validation_failed');
    const shipped = await requestAs(test.app, admin, 'POST', modelsUrl(world.schoolA1), {
      definition: { ...wellbeingModel('1.0.0'), id: 'tso-development-model' },
    });
    expect(shipped.statusCode).toBe(409);
  });

  it('replaces an unused version, but never changes a version a round has used', async () => {
    const admin = await user('schoolAdmin');
    const url = modelsUrl(world.schoolA1);
    const first = (await requestAs(test.app, admin, 'POST', url, { definition: wellbeingModel('2.0.0', 'Eerste tekst.') })).json();
    const replaced = await requestAs(test.app, admin, 'POST', url, { definition: wellbeingModel('2.0.0', 'Verbeterde tekst.') });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().id).toBe(first.id);
    expect(replaced.json().definition.layers[0].aspects[0].descriptors['1'].nl).toBe('Verbeterde tekst.');

    const round = await requestAs(test.app, await user('tsoLead'), 'POST', `/api/schools/${world.schoolA1}/selfscan/rounds`, {
      name: 'Welzijn december',
      modelId: first.id,
      opensOn: '2026-12-01',
      closesOn: '2026-12-12',
    });
    expect(round.statusCode, round.body).toBe(201);

    const refused = await requestAs(test.app, admin, 'POST', url, { definition: wellbeingModel('2.0.0', 'Nog een andere tekst.') });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('model_version_taken');
    const stored = (await requestAs(test.app, admin, 'GET', `${url}/${first.id}`)).json();
    expect(stored.isUsed).toBe(true);
    expect(stored.definition.layers[0].aspects[0].descriptors['1'].nl).toBe('Verbeterde tekst.');
    // A new version next to it is fine.
    expect((await requestAs(test.app, admin, 'POST', url, { definition: wellbeingModel('2.1.0', 'Nog een andere tekst.') })).statusCode).toBe(201);
  });

  it('answers 404 for a model id nobody knows', async () => {
    expect((await requestAs(test.app, await user('teacher'), 'GET', `${modelsUrl(world.schoolA1)}/${newId()}`)).statusCode).toBe(404);
  });
});
