import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_STATEMENT_MAX_LENGTH } from '../../../shared/privacy-statement';
import { startSession } from '../../auth/sessions.service';
import { createTestApp, requestAs, type Login, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';

const DEFAULT = { text: null, updatedAt: null, updatedByName: null };

describe.each(testDialects())('privacy statement on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const url = (schoolId = world.schoolA1) => `/api/schools/${schoolId}/privacy-statement`;

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }
  const events = () =>
    test.deps.db.kysely.selectFrom('audit_events').select(['actor_user_id', 'school_id', 'detail']).where('action', '=', 'privacy_statement.updated').orderBy('seq').execute();

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it('shows the default to everyone who sees the school while the school has not adapted it', async () => {
    for (const key of ['teacher', 'careTeam', 'tsoLead', 'leadership', 'schoolAdmin', 'boardAdmin'] as const) {
      const response = await requestAs(test.app, await as(key), 'GET', url());
      expect(response.statusCode, key).toBe(200);
      expect(response.json(), key).toEqual(DEFAULT);
    }
    expect((await requestAs(test.app, await as('teacherOtherSchool'), 'GET', url())).statusCode).toBe(403);
  });

  it('lets only the school admin adapt it, keeps the text as typed (line breaks, no HTML meaning) and audits who did it', async () => {
    for (const key of ['boardAdmin', 'leadership', 'tsoLead', 'teacher', 'careTeam', 'schoolAdminOtherBoard'] as const) {
      const refused = await requestAs(test.app, await as(key), 'PUT', url(), { text: 'Niet van mij.' });
      expect(refused.statusCode, key).toBe(403);
    }
    expect(await events()).toEqual([]);
    const text = 'Onze school gebruikt Groeiwijzer.\r\n\r\nVragen? <b>Mail</b> de directie.';
    const saved = await requestAs(test.app, await as('schoolAdmin'), 'PUT', url(), { text: `  ${text}  ` });
    expect(saved.statusCode, saved.body).toBe(200);
    const expected = { text: 'Onze school gebruikt Groeiwijzer.\n\nVragen? <b>Mail</b> de directie.', updatedAt: test.clock.now().toISOString(), updatedByName: 'schoolAdmin' };
    expect(saved.json()).toEqual(expected);
    expect((await requestAs(test.app, await as('teacher'), 'GET', url())).json()).toEqual(expected);
    // The other school of the board keeps the default.
    expect((await requestAs(test.app, await as('boardAdmin'), 'GET', url(world.schoolA2))).json()).toEqual(DEFAULT);
    const [event, ...more] = await events();
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actor_user_id: world.users.schoolAdmin.id, school_id: world.schoolA1 });
    // The audit log says that it changed, never what it says.
    expect(JSON.parse(event?.detail ?? '{}')).toEqual({ change: 'adapted', length: expected.text.length });
  });

  it('refuses empty, too long, control characters and unknown fields, and changes nothing then', async () => {
    const admin = await as('schoolAdmin');
    const before = (await requestAs(test.app, admin, 'GET', url())).json();
    for (const body of [
      { text: '   \n  ' },
      { text: 'x'.repeat(PRIVACY_STATEMENT_MAX_LENGTH + 1) },
      { text: 'Lees dit\u202Eomgekeerd' },
      { text: 'Goed', html: '<p>Goed</p>' },
      {},
    ]) {
      const response = await requestAs(test.app, admin, 'PUT', url(), body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
    expect((await requestAs(test.app, admin, 'GET', url())).json()).toEqual(before);
    expect(await events()).toHaveLength(1);
  });

  it('puts the default back only for the school admin, and audits only a real reset', async () => {
    expect((await requestAs(test.app, await as('leadership'), 'DELETE', url())).statusCode).toBe(403);
    const reset = await requestAs(test.app, await as('schoolAdmin'), 'DELETE', url());
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await requestAs(test.app, await as('teacher'), 'GET', url())).json()).toEqual(DEFAULT);
    expect(await test.deps.db.kysely.selectFrom('privacy_statements').selectAll().execute()).toEqual([]);
    const again = await requestAs(test.app, await as('schoolAdmin'), 'DELETE', url());
    expect(again.statusCode).toBe(204);
    const all = await events();
    expect(all).toHaveLength(2);
    expect(JSON.parse(all[1]?.detail ?? '{}')).toEqual({ change: 'reset_to_default' });
  });
});
