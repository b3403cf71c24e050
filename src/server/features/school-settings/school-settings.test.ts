import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { createTestApp, requestAs, type Login, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';

/** Every setting as a school that never changed one has it. */
const DEFAULTS = {
  sharesSelfscanWithBoard: false,
  sharesCheckinWithBoard: false,
  sharesPlanWithTeam: false,
  sharesPlanWithBoard: false,
  sharesEffectWithBoard: false,
  untrainedAfterMonths: 12,
};

describe.each(testDialects())('school settings on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const url = () => `/api/schools/${world.schoolA1}/settings`;

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it('shares nothing with the board by default, and everyone who sees the school can read that', async () => {
    for (const key of ['teacher', 'boardAdmin', 'schoolAdmin'] as const) {
      const response = await requestAs(test.app, await as(key), 'GET', url());
      expect(response.statusCode, key).toBe(200);
      expect(response.json()).toEqual({ ...DEFAULTS, updatedAt: null });
    }
    expect(await test.deps.db.kysely.selectFrom('school_settings').selectAll().execute()).toEqual([]);
  });

  it('lets only the school admin and leadership change it; the board cannot switch itself on', async () => {
    for (const key of ['boardAdmin', 'tsoLead', 'teacher', 'careTeam', 'schoolAdminOtherBoard'] as const) {
      const response = await requestAs(test.app, await as(key), 'PUT', url(), { sharesSelfscanWithBoard: true });
      expect(response.statusCode, key).toBe(403);
    }
    expect((await requestAs(test.app, await as('teacher'), 'GET', url())).json().sharesSelfscanWithBoard).toBe(false);

    const on = await requestAs(test.app, await as('leadership'), 'PUT', url(), { sharesSelfscanWithBoard: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toEqual({ ...DEFAULTS, sharesSelfscanWithBoard: true, updatedAt: test.clock.now().toISOString() });
    const off = await requestAs(test.app, await as('schoolAdmin'), 'PUT', url(), { sharesSelfscanWithBoard: false });
    expect(off.json().sharesSelfscanWithBoard).toBe(false);
    // The other school of the board keeps its own default.
    expect((await requestAs(test.app, await as('boardAdmin'), 'GET', `/api/schools/${world.schoolA2}/settings`)).json().sharesSelfscanWithBoard).toBe(false);
  });

  it('records every change in the audit log with the value before and after', async () => {
    const events = await test.deps.db.kysely
      .selectFrom('audit_events')
      .select(['actor_user_id', 'school_id', 'board_id', 'target_type', 'target_id', 'detail'])
      .where('action', '=', 'school.settings_changed')
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    expect(events.map((event) => ({ ...event, detail: JSON.parse(event.detail ?? 'null') }))).toEqual(
      expect.arrayContaining([
        { actor_user_id: world.users.leadership.id, school_id: world.schoolA1, board_id: world.boardA, target_type: 'school', target_id: world.schoolA1, detail: { setting: 'sharesSelfscanWithBoard', before: false, after: true } },
        { actor_user_id: world.users.schoolAdmin.id, school_id: world.schoolA1, board_id: world.boardA, target_type: 'school', target_id: world.schoolA1, detail: { setting: 'sharesSelfscanWithBoard', before: true, after: false } },
      ]),
    );
    expect(events).toHaveLength(2);
  });

  it('shares the anonymous check-in figures on their own switch, leaving the self-scan setting as it is', async () => {
    const leadership = await as('leadership');
    const before = await test.deps.db.kysely.selectFrom('audit_events').select('seq').where('action', '=', 'school.settings_changed').execute();
    const on = await requestAs(test.app, leadership, 'PUT', url(), { sharesCheckinWithBoard: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ sharesSelfscanWithBoard: false, sharesCheckinWithBoard: true });
    // The page sends both; only the one that changed is recorded.
    const both = await requestAs(test.app, leadership, 'PUT', url(), { sharesSelfscanWithBoard: false, sharesCheckinWithBoard: false });
    expect(both.json()).toMatchObject({ sharesSelfscanWithBoard: false, sharesCheckinWithBoard: false });
    const events = await test.deps.db.kysely
      .selectFrom('audit_events')
      .select(['detail', 'seq'])
      .where('action', '=', 'school.settings_changed')
      .where('seq', '>', Math.max(0, ...before.map((event) => event.seq)))
      .orderBy('seq')
      .execute();
    expect(events.map((event) => JSON.parse(event.detail ?? 'null'))).toEqual([
      { setting: 'sharesCheckinWithBoard', before: false, after: true },
      { setting: 'sharesCheckinWithBoard', before: true, after: false },
    ]);
    for (const key of ['boardAdmin', 'tsoLead', 'teacher', 'careTeam'] as const) {
      expect((await requestAs(test.app, await as(key), 'PUT', url(), { sharesCheckinWithBoard: true })).statusCode, key).toBe(403);
    }
  });

  it('refuses a body without a setting or with anything but booleans', async () => {
    const admin = await as('schoolAdmin');
    for (const body of [{}, { sharesSelfscanWithBoard: 'ja' }, { sharesSelfscanWithBoard: 1 }, { sharesSelfscanWithBoard: true, other: 1 }, { sharesCheckinWithBoard: 'true' }]) {
      expect((await requestAs(test.app, admin, 'PUT', url(), body)).statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('changes the plan settings on their own, one audit event per setting that changed', async () => {
    const leadership = await as('leadership');
    const before = await test.deps.db.kysely.selectFrom('audit_events').select('seq').where('action', '=', 'school.settings_changed').execute();
    const kept = (await requestAs(test.app, leadership, 'GET', url())).json();
    const changed = await requestAs(test.app, leadership, 'PUT', url(), { sharesPlanWithTeam: true, sharesPlanWithBoard: true, untrainedAfterMonths: 6 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ ...kept, sharesPlanWithTeam: true, sharesPlanWithBoard: true, untrainedAfterMonths: 6, updatedAt: test.clock.now().toISOString() });
    // Sent again with one real change: only that one is recorded.
    const again = await requestAs(test.app, leadership, 'PUT', url(), { sharesPlanWithTeam: true, sharesPlanWithBoard: false, untrainedAfterMonths: 6 });
    expect(again.json()).toMatchObject({ sharesPlanWithTeam: true, sharesPlanWithBoard: false, untrainedAfterMonths: 6 });
    const events = await test.deps.db.kysely
      .selectFrom('audit_events')
      .select(['detail', 'school_id'])
      .where('action', '=', 'school.settings_changed')
      .where('seq', '>', Math.max(0, ...before.map((event) => event.seq)))
      .orderBy('seq')
      .execute();
    expect(events.map((event) => ({ school: event.school_id, detail: JSON.parse(event.detail ?? 'null') }))).toEqual([
      { school: world.schoolA1, detail: { setting: 'sharesPlanWithTeam', before: false, after: true } },
      { school: world.schoolA1, detail: { setting: 'sharesPlanWithBoard', before: false, after: true } },
      { school: world.schoolA1, detail: { setting: 'untrainedAfterMonths', before: 12, after: 6 } },
      { school: world.schoolA1, detail: { setting: 'sharesPlanWithBoard', before: true, after: false } },
    ]);
    const stored = await test.deps.db.kysely
      .selectFrom('school_settings')
      .select(['shares_plan_with_team', 'shares_plan_with_board', 'untrained_after_months'])
      .where('school_id', '=', world.schoolA1)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ shares_plan_with_team: 1, shares_plan_with_board: 0, untrained_after_months: 6 });
    // The other school of the board keeps the defaults.
    expect((await requestAs(test.app, await as('boardAdmin'), 'GET', `/api/schools/${world.schoolA2}/settings`)).json()).toEqual({ ...DEFAULTS, updatedAt: null });
    for (const key of ['boardAdmin', 'tsoLead', 'teacher', 'careTeam', 'schoolAdminOtherBoard'] as const) {
      expect((await requestAs(test.app, await as(key), 'PUT', url(), { sharesPlanWithBoard: true })).statusCode, key).toBe(403);
    }
  });

  it('takes untrainedAfterMonths from 1 to 60 whole months and refuses anything else', async () => {
    const admin = await as('schoolAdmin');
    for (const months of [1, 60]) {
      const response = await requestAs(test.app, admin, 'PUT', url(), { untrainedAfterMonths: months });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().untrainedAfterMonths).toBe(months);
    }
    for (const months of [0, 61, -1, 1.5, '12', null]) {
      const response = await requestAs(test.app, admin, 'PUT', url(), { untrainedAfterMonths: months });
      expect(response.statusCode, JSON.stringify(months)).toBe(400);
    }
    for (const body of [{ sharesPlanWithTeam: 'ja' }, { sharesPlanWithBoard: 1 }]) {
      expect((await requestAs(test.app, admin, 'PUT', url(), body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await requestAs(test.app, admin, 'GET', url())).json().untrainedAfterMonths).toBe(60);
  });
});
