import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import type { ActionStatus, GoalStatus, ImplementationPhase } from '../../../shared/plan';
import { startSession } from '../../auth/sessions.service';
import { isoInstant, newId } from '../../deps';

// Today is 2026-11-21 (school year 2026-2027). The plans are put straight into the tables: the plan's own
// routes have their own tests; this file is about what the board gets to see.
const TODAY = '2026-11-21';
const YEAR = '2026-2027';

describe.each(testDialects())('the board roll-up of the plans on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let leaver = '';

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }
  const rollup = async (key: WorldUserKey = 'boardAdmin', boardId = world.boardA) => requestAs(test.app, await as(key), 'GET', `/api/boards/${boardId}/plan-rollup`);
  const share = async (schoolId: string, admin: WorldUserKey, on: boolean) => {
    const response = await requestAs(test.app, await as(admin), 'PUT', `/api/schools/${schoolId}/settings`, { sharesPlanWithBoard: on });
    expect(response.statusCode, response.body).toBe(200);
  };

  async function addPhase(schoolId: string, phase: ImplementationPhase, startsOn: string, endsOn: string | null = null) {
    await test.deps.db.kysely.insertInto('plan_phases').values({ school_id: schoolId, phase, starts_on: startsOn, ends_on: endsOn, updated_by: null, updated_at: isoInstant(test.clock.now()) }).execute();
  }
  async function addGoal(schoolId: string, status: GoalStatus, schoolYear = YEAR): Promise<string> {
    const id = newId();
    const now = isoInstant(test.clock.now());
    await test.deps.db.kysely
      .insertInto('plan_goals')
      .values({ id, school_id: schoolId, school_year: schoolYear, aspect_id: null, model_id: null, target_phase: null, source_round_id: null, title: `Doel ${status}`, owner_user_id: null, status, evidence: '', created_by: null, created_at: now, updated_at: now })
      .execute();
    return id;
  }
  async function addAction(schoolId: string, goalId: string, status: ActionStatus, dueOn: string | null) {
    const now = isoInstant(test.clock.now());
    await test.deps.db.kysely
      .insertInto('plan_actions')
      .values({ id: newId(), goal_id: goalId, school_id: schoolId, title: 'Actie', owner_user_id: null, due_on: dueOn, status, kotter_step: null, created_by: null, created_at: now, updated_at: now, completed_at: null })
      .execute();
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const db = test.deps.db.kysely;

    // School A1: in "prepare" (implement starts next year), goals of this year and last, overdue actions.
    await addPhase(world.schoolA1, 'explore', '2025-09-01', '2026-02-28');
    await addPhase(world.schoolA1, 'prepare', '2026-03-01', '2026-12-31');
    await addPhase(world.schoolA1, 'implement', '2027-01-01', '2028-07-31');
    const achieved = await addGoal(world.schoolA1, 'achieved');
    const inProgress = await addGoal(world.schoolA1, 'in_progress');
    await addGoal(world.schoolA1, 'planned');
    await addGoal(world.schoolA1, 'dropped');
    const lastYear = await addGoal(world.schoolA1, 'achieved', '2025-2026');
    await addAction(world.schoolA1, inProgress, 'open', '2026-11-20'); // overdue
    await addAction(world.schoolA1, inProgress, 'in_progress', '2026-10-01'); // overdue
    await addAction(world.schoolA1, lastYear, 'open', '2026-06-30'); // overdue, from last year's goal
    await addAction(world.schoolA1, inProgress, 'open', TODAY); // due today: not overdue yet
    await addAction(world.schoolA1, achieved, 'done', '2026-09-01'); // closed
    await addAction(world.schoolA1, inProgress, 'dropped', '2026-09-01'); // closed
    await addAction(world.schoolA1, inProgress, 'open', null); // no due date

    // Training in A1: the teacher and someone who has left took the full training.
    leaver = newId();
    const now = isoInstant(test.clock.now());
    await db.insertInto('users').values({ id: leaver, email: `${leaver}@world.test`, name: 'Vertrokken', password_hash: null, locale: 'nl', disabled_at: null, created_at: now }).execute();
    const trainingId = newId();
    await db.insertInto('trainings').values({ id: trainingId, school_id: world.schoolA1, kind: 'full_team', title: null, held_on: '2026-10-01', created_by: null, created_at: now, updated_at: now }).execute();
    await db
      .insertInto('training_participants')
      .values([
        { training_id: trainingId, user_id: world.users.teacher.id },
        { training_id: trainingId, user_id: leaver },
      ])
      .execute();

    // School A2 has a plan too, but does not share it at first. School B1 (another board) shares its plan.
    await addPhase(world.schoolA2, 'explore', '2026-09-01');
    await addGoal(world.schoolA2, 'achieved');
    await addPhase(world.schoolB1, 'sustain', '2024-01-01');
    await addGoal(world.schoolB1, 'achieved');
  });
  afterAll(async () => test.close());

  it('shows nothing of a school until it shares, and only counts the others', async () => {
    const response = await rollup();
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ schools: [], notSharing: 2 });
  });

  it('shows phase, goals, overdue actions and training coverage of a school that shares', async () => {
    await share(world.schoolA1, 'leadership', true);
    await share(world.schoolB1, 'schoolAdminOtherBoard', true);
    const response = await rollup();
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      schools: [
        {
          schoolId: world.schoolA1,
          name: 'School A1',
          currentPhase: 'prepare',
          schoolYear: YEAR,
          // Achieved of this school year's goals; the dropped one and last year's are not in the total.
          goalsAchieved: 1,
          goalsTotal: 3,
          overdueActions: 3,
          // Current staff: the five roles of A1. The person who left does not count.
          training: { currentStaff: 5, fullyTrained: 1, share: 1 / 5 },
        },
      ],
      notSharing: 1,
    });
  });

  it("never shows another board's school, and the other board sees only its own", async () => {
    const a = (await rollup()).json();
    expect(a.schools.map((school: { schoolId: string }) => school.schoolId)).not.toContain(world.schoolB1);
    const b = await rollup('boardAdminOtherBoard', world.boardB);
    expect(b.statusCode, b.body).toBe(200);
    expect(b.json()).toEqual({
      schools: [
        { schoolId: world.schoolB1, name: 'School B1', currentPhase: 'sustain', schoolYear: YEAR, goalsAchieved: 1, goalsTotal: 1, overdueActions: 0, training: { currentStaff: 1, fullyTrained: 0, share: 0 } },
      ],
      notSharing: 0,
    });
  });

  it('is for board admins of that board only', async () => {
    for (const key of ['schoolAdmin', 'leadership', 'tsoLead', 'teacher', 'careTeam', 'boardAdminOtherBoard', 'schoolAdminOtherBoard'] as const) {
      const response = await rollup(key, world.boardA);
      expect(response.statusCode, key).toBe(403);
    }
    expect((await rollup('boardAdmin', world.boardB)).statusCode).toBe(403);
  });

  it('shows a school that starts sharing and drops one that stops', async () => {
    // The board cannot switch sharing on for a school; the school's own leadership would (A2 has none: stored directly).
    const byBoard = await requestAs(test.app, await as('boardAdmin'), 'PUT', `/api/schools/${world.schoolA2}/settings`, { sharesPlanWithBoard: true });
    expect(byBoard.statusCode).toBe(403);
    expect((await rollup()).json().notSharing).toBe(1);
    await test.deps.db.kysely.insertInto('school_settings').values({
      school_id: world.schoolA2,
      shares_selfscan_with_board: 0,
      shares_checkin_with_board: 0,
      shares_plan_with_team: 0,
      shares_plan_with_board: 1,
      shares_effect_with_board: 0,
      untrained_after_months: 12,
      updated_by: null,
      updated_at: isoInstant(test.clock.now()),
    }).execute();
    const both = (await rollup()).json();
    expect(both.schools.map((school: { name: string }) => school.name)).toEqual(['School A1', 'School A2']);
    expect(both.schools[1]).toMatchObject({ currentPhase: 'explore', goalsAchieved: 1, goalsTotal: 1, training: { currentStaff: 1, fullyTrained: 0, share: 0 } });
    expect(both.notSharing).toBe(0);

    await share(world.schoolA1, 'schoolAdmin', false);
    const after = (await rollup()).json();
    expect(after.schools.map((school: { schoolId: string }) => school.schoolId)).toEqual([world.schoolA2]);
    expect(after.notSharing).toBe(1);
  });

  it('records every read once, with the schools it showed', async () => {
    const db = test.deps.db.kysely;
    const before = await db.selectFrom('audit_events').select('seq').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    test.clock.advance(60_000);
    expect((await rollup()).statusCode).toBe(200);
    const events = await db.selectFrom('audit_events').selectAll().where('seq', '>', before.seq).execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'plan.board_rollup_read', actor_user_id: world.users.boardAdmin.id, target_type: 'board', target_id: world.boardA, board_id: world.boardA, school_id: null });
    expect(JSON.parse(events[0]?.detail ?? '{}')).toEqual({ schoolsShown: [world.schoolA2], notSharing: 1 });
    // A refused read writes nothing.
    expect((await rollup('boardAdminOtherBoard', world.boardA)).statusCode).toBe(403);
    expect(await db.selectFrom('audit_events').select('seq').where('seq', '>', events[0]!.seq).where('action', '=', 'plan.board_rollup_read').execute()).toEqual([]);
  });

  it('refuses a board that does not exist', async () => {
    // Nobody administers an unknown board, so the policy refuses it before the service looks.
    expect((await rollup('boardAdmin', newId())).statusCode).toBe(403);
  });
});
