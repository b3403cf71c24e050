import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pupilDeviceFor } from '../../../../test/support/pupil-access';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { giveSanneData } from './subject-test-data';
import { addSchoolA1Staff, createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { schoolDateOf } from '../../../shared/school-time';
import { isoInstant, newId } from '../../deps';
import type { ErasureReport } from './subject-erasure';

// Erasure of a pupil, parent or staff member (AVG art. 17) from the processing register: a dry run that changes
// nothing, the erasure confirmed by the person's name, and afterwards nothing about the person left but what another
// law keeps — said with its reason, and for care data without telling the school admin what or how much there is.

describe.each(testDialects())('erasing a person on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let parentId = '';
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);
  const url = (path: string) => `/api/schools/${world.schoolA1}/subject-erasures/${path}`;
  /** How many rows of a table are about the pupil (raw SQL: the tables name the pupil in different columns). */
  const count = async (table: 'checkins' | 'care_conversations' | 'parent_contacts' | 'class_pupils' | 'pupil_sessions' | 'parent_children' | 'questionnaire_responses', pupilId: string) => {
    const column = table === 'questionnaire_responses' ? 'respondent_id' : 'pupil_id';
    const rows = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${pupilId}`.execute(test.deps.db.kysely);
    return Number(rows.rows[0]?.n ?? 0);
  };
  const tableOf = (report: ErasureReport, table: string) => report.tables.find((entry) => entry.table === table);

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    parentId = (await giveSanneData(test, world)).parentId;
    const milan = await requestAs(test.app, await pupilDeviceFor(test, world.pupilInClassA1Other, world.classA1Other), 'POST', '/api/pupil/checkins', { idempotencyKey: randomUUID(), state: 'low', wantsTalk: false });
    expect(milan.statusCode, milan.body).toBe(201);
  });
  afterAll(async () => test.close());

  it('previews without changing anything, and refuses a teacher, a person of another school and a wrong name', async () => {
    const admin = await as('schoolAdmin');
    const pupil = world.pupilInClassA1;
    const preview = await requestAs(test.app, admin, 'POST', url(`pupils/${pupil}/preview`));
    expect(preview.statusCode, preview.body).toBe(200);
    const report = preview.json<ErasureReport>();
    expect(report).toMatchObject({ dryRun: true, subject: { kind: 'pupil', id: pupil, name: 'Sanne de Vries' }, person: { action: 'kept' } });
    expect(tableOf(report, 'checkins')).toMatchObject({ rows: 1, action: 'deleted' });
    expect(tableOf(report, 'questionnaire_responses')).toMatchObject({ rows: 1, action: 'deleted' });
    // Care data stays, and the school admin learns neither what nor how much: every care table is named, without a count.
    expect(tableOf(report, 'care_conversations')).toMatchObject({ rows: null, action: 'kept' });
    expect(tableOf(report, 'care_screenings')).toMatchObject({ rows: null, action: 'kept' });
    expect(tableOf(report, 'care_meldcode_cases')).toMatchObject({ rows: null, action: 'kept' });
    expect(tableOf(report, 'care_conversations')?.why.nl).toContain('Wet passend onderwijs');
    expect(tableOf(report, 'care_meldcode_cases')?.why.nl).toContain('meldcode');
    expect(preview.body).not.toContain('Praat over de pauzes.');
    expect(await count('checkins', pupil)).toBe(1);
    expect(await count('class_pupils', pupil)).toBe(1);

    expect((await requestAs(test.app, await as('teacher'), 'POST', url(`pupils/${pupil}/preview`))).statusCode).toBe(403);
    expect((await requestAs(test.app, admin, 'POST', url(`pupils/${world.pupilB1}/preview`))).statusCode).toBe(404);
    const wrongName = await requestAs(test.app, admin, 'POST', url(`pupils/${pupil}`), { confirmName: 'Milan Jansen' });
    expect(wrongName.statusCode).toBe(400);
    expect(wrongName.json()).toMatchObject({ error: { code: 'validation_failed' } });
    expect(await count('checkins', pupil)).toBe(1);
  });

  it('erases a pupil: everything goes but care data and the log; the pupil stays as left so the care term runs', async () => {
    const admin = await as('schoolAdmin');
    const pupil = world.pupilInClassA1;
    const response = await requestAs(test.app, admin, 'POST', url(`pupils/${pupil}`), { confirmName: '  sanne  DE vries ' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ErasureReport>()).toMatchObject({ dryRun: false, person: { action: 'kept' } });
    for (const table of ['checkins', 'class_pupils', 'pupil_sessions', 'parent_children', 'questionnaire_responses'] as const) expect(await count(table, pupil), table).toBe(0);
    expect(await count('care_conversations', pupil)).toBe(1);
    expect(await count('parent_contacts', pupil)).toBe(1);
    const stored = await test.deps.db.kysely.selectFrom('pupils').select('left_on').where('id', '=', pupil).executeTakeFirstOrThrow();
    expect(stored.left_on).toBe(schoolDateOf(test.clock.now()));
    // A second look finds only what stays: the property that makes the register's list of tables the erasure's list.
    const again = (await requestAs(test.app, admin, 'POST', url(`pupils/${pupil}/preview`))).json<ErasureReport>();
    expect(again.tables.filter((entry) => entry.action !== 'kept')).toEqual([]);
    const events = await test.deps.db.kysely.selectFrom('audit_events').select(['actor_user_id', 'target_type', 'detail']).where('action', '=', 'privacy.subject_erased').where('target_id', '=', pupil).execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_user_id: world.users.schoolAdmin.id, target_type: 'pupil' });
    expect(JSON.parse(events[0]?.detail ?? '{}')).toMatchObject({ kind: 'pupil', personKept: true });
    expect(events[0]?.detail).not.toContain('Sanne');
  });

  it('deletes a pupil without data the law keeps altogether, and the request of access then finds nobody', async () => {
    const admin = await as('schoolAdmin');
    const pupil = world.pupilInClassA1Other;
    const response = await requestAs(test.app, admin, 'POST', url(`pupils/${pupil}`), { confirmName: 'Milan Jansen' });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<ErasureReport>();
    expect(report.person.action).toBe('deleted');
    expect(tableOf(report, 'checkins')).toMatchObject({ rows: 1, action: 'deleted' });
    expect(await test.deps.db.kysely.selectFrom('pupils').select('id').where('id', '=', pupil).executeTakeFirst()).toBeUndefined();
    expect(await count('checkins', pupil)).toBe(0);
    expect((await requestAs(test.app, admin, 'GET', `/api/schools/${world.schoolA1}/subject-exports/pupils/${pupil}.json`)).statusCode).toBe(404);
  });

  it('erases a parent with their sessions', async () => {
    const admin = await as('schoolAdmin');
    const response = await requestAs(test.app, admin, 'POST', url(`parents/${parentId}`), { confirmName: 'Ouder Test' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ErasureReport>().person.action).toBe('deleted');
    const db = test.deps.db.kysely;
    expect(await db.selectFrom('parents').select('id').where('id', '=', parentId).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('parent_sessions').select('parent_id').where('parent_id', '=', parentId).execute()).toEqual([]);
  });

  it("erases a staff member's data at the school, keeps the school's goals without them, and leaves the board's account", async () => {
    const admin = await as('schoolAdmin');
    const db = test.deps.db.kysely;
    const colleague = await addSchoolA1Staff(test, world, { name: 'Bram', role: 'teacher', classId: world.classA1 });
    const now = isoInstant(test.clock.now());
    const goalId = newId();
    await db
      .insertInto('plan_goals')
      .values({ id: goalId, school_id: world.schoolA1, school_year: '2026-2027', aspect_id: null, model_id: null, target_phase: null, source_round_id: null, title: 'Rustige start', owner_user_id: colleague, status: 'open', evidence: '', created_by: null, created_at: now, updated_at: now })
      .execute();
    const response = await requestAs(test.app, admin, 'POST', url(`staff/${colleague}`), { confirmName: 'Bram' });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<ErasureReport>();
    expect(report.person).toMatchObject({ action: 'kept' });
    expect(report.person.why.nl).toContain('bestuur');
    expect(tableOf(report, 'plan_goals')).toMatchObject({ rows: 1, action: 'unassigned' });
    expect(await db.selectFrom('plan_goals').select(['title', 'owner_user_id']).where('id', '=', goalId).executeTakeFirst()).toEqual({ title: 'Rustige start', owner_user_id: null });
    expect(await db.selectFrom('school_memberships').select('user_id').where('user_id', '=', colleague).execute()).toEqual([]);
    expect(await db.selectFrom('class_teachers').select('user_id').where('user_id', '=', colleague).execute()).toEqual([]);
  });

  it('deletes an account that belongs nowhere else, and never lets an admin erase themselves', async () => {
    const admin = await as('schoolAdmin');
    const db = test.deps.db.kysely;
    const colleague = await addSchoolA1Staff(test, world, { name: 'Fenna', role: 'teacher' });
    await db.updateTable('users').set({ home_board_id: null }).where('id', '=', colleague).execute();
    await sessionFor(test, colleague);
    const response = await requestAs(test.app, admin, 'POST', url(`staff/${colleague}`), { confirmName: 'fenna' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ErasureReport>().person.action).toBe('deleted');
    expect(await db.selectFrom('users').select('id').where('id', '=', colleague).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('sessions').select('user_id').where('user_id', '=', colleague).execute()).toEqual([]);

    const self = await requestAs(test.app, admin, 'POST', url(`staff/${world.users.schoolAdmin.id}/preview`));
    expect(self.statusCode).toBe(409);
    expect((await requestAs(test.app, admin, 'POST', url(`staff/${world.users.teacherOtherSchool.id}/preview`))).statusCode).toBe(404);
  });

  it('lists the people a request can be about, with what tells namesakes apart', async () => {
    const response = await requestAs(test.app, await as('schoolAdmin'), 'GET', `/api/schools/${world.schoolA1}/subject-requests/people?kind=pupil`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ people: { name: string; detail: string; leftOn: string | null }[] }>().people).toContainEqual({ id: world.pupilInClassA1, name: 'Sanne de Vries', detail: '1001', leftOn: schoolDateOf(test.clock.now()) });
    expect((await requestAs(test.app, await as('teacher'), 'GET', `/api/schools/${world.schoolA1}/subject-requests/people?kind=staff`)).statusCode).toBe(403);
  });
});
