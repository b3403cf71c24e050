import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { buildApp } from '../../app';
import { startSession } from '../../auth/sessions.service';
import { hashSecret, isoInstant, newId } from '../../deps';
import { createLogger } from '../../http/logging';

const TOKEN_URL = /^http:\/\/localhost(:\d+)?\/api\/calendar\/([A-Za-z0-9_-]{43})$/;
/** Undoes iCalendar folding: a CRLF followed by a space joins the lines. */
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe.each(testDialects())('plan preferences and the calendar feed on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const sessions = new Map<WorldUserKey, Login>();
  const actionIds: Record<string, string> = {};

  async function as(key: WorldUserKey): Promise<Login> {
    const known = sessions.get(key);
    if (known) return known;
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    const login = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    sessions.set(key, login);
    return login;
  }

  async function createFeed(key: WorldUserKey): Promise<string> {
    const created = await requestAs(test.app, await as(key), 'POST', '/api/me/calendar-feed');
    expect(created.statusCode, created.body).toBe(201);
    const match = TOKEN_URL.exec(created.json().url);
    if (!match?.[2]) throw new Error(`not a feed address: ${created.json().url}`);
    return match[2];
  }

  const feed = (token: string) => test.app.inject({ method: 'GET', url: `/api/calendar/${token}` });

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const db = test.deps.db.kysely;
    const now = isoInstant(test.clock.now());
    const goalId = newId();
    await db
      .insertInto('plan_goals')
      .values({ id: goalId, school_id: world.schoolA1, school_year: '2026-2027', aspect_id: null, model_id: null, target_phase: null, source_round_id: null, title: 'Rust, ritme; regelmaat', owner_user_id: null, status: 'planned', evidence: '', created_by: null, created_at: now, updated_at: now })
      .execute();
    const add = async (key: string, title: string, owner: string, dueOn: string | null, status: string) => {
      actionIds[key] = newId();
      await db
        .insertInto('plan_actions')
        .values({ id: actionIds[key], goal_id: goalId, school_id: world.schoolA1, title, owner_user_id: owner, due_on: dueOn, status, kotter_step: null, created_by: null, created_at: now, updated_at: now, completed_at: null })
        .execute();
    };
    const lead = world.users.tsoLead.id;
    await add('open', 'Teamdag plannen; lokaal, koffie en een lange uitleg over wat we die dag precies gaan doen met elkaar', lead, '2026-12-04', 'open');
    await add('inProgress', 'Check-in evalueren', lead, '2026-11-10', 'in_progress');
    await add('done', 'Klaar-actie', lead, '2026-11-12', 'done');
    await add('dropped', 'Vervallen-actie', lead, '2026-11-13', 'dropped');
    await add('noDate', 'Zonder-datum', lead, null, 'open');
    await add('otherOwner', 'Van-een-ander', world.users.teacher.id, '2026-11-30', 'open');
  });
  afterAll(async () => test.close());

  it('answers the defaults, then stores the digest choice', async () => {
    const lead = await as('tsoLead');
    const initial = await requestAs(test.app, lead, 'GET', '/api/me/plan-preferences');
    expect(initial.json()).toEqual({ digestOptOut: false, calendarFeed: { active: false, createdAt: null } });
    const off = await requestAs(test.app, lead, 'PUT', '/api/me/plan-preferences', { digestOptOut: true });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ digestOptOut: true, calendarFeed: { active: false, createdAt: null } });
    expect((await requestAs(test.app, lead, 'GET', '/api/me/plan-preferences')).json().digestOptOut).toBe(true);
    expect((await requestAs(test.app, lead, 'PUT', '/api/me/plan-preferences', { digestOptOut: false })).json().digestOptOut).toBe(false);
    const extra = await requestAs(test.app, lead, 'PUT', '/api/me/plan-preferences', { digestOptOut: true, calendar: true });
    expect(extra.statusCode).toBe(400);
    expect((await requestAs(test.app, null, 'GET', '/api/me/plan-preferences')).statusCode).toBe(401);
  });

  it("serves the owner's open dated actions as iCalendar to anyone holding the token, without a session", async () => {
    const token = await createFeed('tsoLead');
    const stored = await test.deps.db.kysely.selectFrom('plan_user_preferences').selectAll().where('user_id', '=', world.users.tsoLead.id).executeTakeFirstOrThrow();
    // Only the hash is stored, never the token itself.
    expect(stored.calendar_token_hash).toBe(hashSecret(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await requestAs(test.app, await as('tsoLead'), 'GET', '/api/me/plan-preferences')).json().calendarFeed).toEqual({ active: true, createdAt: test.clock.now().toISOString() });

    const response = await feed(token);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    const calendar = unfold(response.body);
    expect(calendar.split('\r\n').filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(calendar).toContain(`UID:${actionIds.open}@groeiwijzer\r\n`);
    expect(calendar).toContain(`UID:${actionIds.inProgress}@groeiwijzer\r\n`);
    expect(calendar).toContain('DTSTART;VALUE=DATE:20261204\r\n');
    expect(calendar).toContain('SUMMARY:Teamdag plannen\\; lokaal\\, koffie en een lange uitleg over wat we die dag precies gaan doen met elkaar\r\n');
    expect(calendar).toContain('Doel: Rust\\, ritme\\; regelmaat\\nSchool: School A1');
    for (const key of ['done', 'dropped', 'noDate', 'otherOwner']) expect(calendar).not.toContain(actionIds[key]);
  });

  it('replaces the token on a new request and stops the feed on delete', async () => {
    const first = await createFeed('tsoLead');
    const second = await createFeed('tsoLead');
    expect(second).not.toBe(first);
    const old = await feed(first);
    expect(old.statusCode).toBe(404);
    expect(old.json().error.code).toBe('not_found');
    expect((await feed(second)).statusCode).toBe(200);

    const stopped = await requestAs(test.app, await as('tsoLead'), 'DELETE', '/api/me/calendar-feed');
    expect(stopped.statusCode).toBe(204);
    expect((await feed(second)).statusCode).toBe(404);
    expect((await requestAs(test.app, await as('tsoLead'), 'GET', '/api/me/plan-preferences')).json().calendarFeed).toEqual({ active: false, createdAt: null });
    const events = await test.deps.db.kysely.selectFrom('audit_events').select(['action', 'detail']).where('action', '=', 'plan.calendar_feed_changed').where('actor_user_id', '=', world.users.tsoLead.id).orderBy('seq').execute();
    expect(events.map((event) => JSON.parse(event.detail ?? '{}').change)).toEqual(['created', 'created', 'created', 'stopped']);
  });

  it('answers 404 for an unknown token and for the feed of a disabled account, and 400 for a malformed one', async () => {
    expect((await feed('A'.repeat(43))).statusCode).toBe(404);
    const token = await createFeed('teacher');
    expect((await feed(token)).statusCode).toBe(200);
    await test.deps.db.kysely.updateTable('users').set({ disabled_at: isoInstant(test.clock.now()) }).where('id', '=', world.users.teacher.id).execute();
    const disabled = await feed(token);
    expect(disabled.statusCode).toBe(404);
    expect(disabled.json().error.code).toBe('not_found');
    expect((await feed('too-short')).statusCode).toBe(400);
  });

  it('refuses to start a feed without the CSRF token', async () => {
    const lead = await as('tsoLead');
    const response = await test.app.inject({ method: 'POST', url: '/api/me/calendar-feed', headers: { cookie: lead.cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });

  it('never writes the token into the server log', async () => {
    const records: string[] = [];
    const capture = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        records.push(chunk.toString());
        done();
      },
    });
    const app = await buildApp(test.deps, { loggerInstance: createLogger('trace', capture) });
    try {
      const lead = await as('tsoLead');
      const created = await requestAs(app, lead, 'POST', '/api/me/calendar-feed');
      const token = TOKEN_URL.exec(created.json().url)?.[2] ?? '';
      expect(token).toHaveLength(43);
      expect((await app.inject({ method: 'GET', url: `/api/calendar/${token}` })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: `/api/calendar/${token.slice(1)}B` })).statusCode).toBe(404);
      const routes = records.map((record) => JSON.parse(record).req?.route).filter(Boolean);
      expect(routes).toContain('/api/calendar/:token');
      for (const record of records) expect(record).not.toContain(token.slice(0, 20));
    } finally {
      await app.close();
    }
  });
});
