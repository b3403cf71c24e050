import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { isoInstant, newId } from '../../deps';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';

describe.each(testDialects())('the teachers of a class on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  beforeEach(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterEach(async () => test.close());

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }
  const teachersUrl = (classId = world.classA1Other, schoolId = world.schoolA1) => `/api/schools/${schoolId}/classes/${classId}/teachers`;
  const link = async (userId: string, by: WorldUserKey = 'schoolAdmin', classId = world.classA1Other) =>
    requestAs(test.app, await as(by), 'POST', teachersUrl(classId), { userId });
  const unlink = async (userId: string, by: WorldUserKey = 'schoolAdmin', classId = world.classA1Other) =>
    requestAs(test.app, await as(by), 'DELETE', `${teachersUrl(classId)}/${userId}`);
  const events = async () => test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'class.teachers_changed').orderBy('seq').execute();
  const pupilNumbersSeenBy = async (key: WorldUserKey) =>
    (await requestAs(test.app, await as(key), 'GET', `/api/schools/${world.schoolA1}/pupils`)).json().map((pupil: { pupilNumber: string }) => pupil.pupilNumber);

  it('links a teacher to a class from the class side and unlinks them, each change recorded once', async () => {
    const teacherId = world.users.teacher.id;
    const linked = await link(teacherId);
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toEqual({ classId: world.classA1Other, teacherUserIds: [teacherId] });
    expect(await pupilNumbersSeenBy('teacher')).toEqual(['1001', '1002']);
    // The staff page shows the same link.
    const staff = (await requestAs(test.app, await as('schoolAdmin'), 'GET', `/api/schools/${world.schoolA1}/staff`)).json();
    expect(staff.find((member: { userId: string }) => member.userId === teacherId).classIds.sort()).toEqual([world.classA1, world.classA1Other].sort());
    // Linking again changes nothing.
    expect((await link(teacherId)).json().teacherUserIds).toEqual([teacherId]);

    const unlinked = await unlink(teacherId, 'boardAdmin');
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    expect(unlinked.json()).toEqual({ classId: world.classA1Other, teacherUserIds: [] });
    expect(await pupilNumbersSeenBy('teacher')).toEqual(['1001']);
    expect((await unlink(teacherId)).statusCode).toBe(200);

    const recorded = await events();
    expect(recorded.map((event) => [event.actor_user_id, event.target_type, event.target_id, event.school_id, JSON.parse(event.detail ?? '{}')])).toEqual([
      [world.users.schoolAdmin.id, 'class', world.classA1Other, world.schoolA1, { userId: teacherId, change: 'added' }],
      [world.users.boardAdmin.id, 'class', world.classA1Other, world.schoolA1, { userId: teacherId, change: 'removed' }],
    ]);
  });

  it('links only teachers of the school, only to its own classes', async () => {
    const careTeam = await link(world.users.careTeam.id);
    expect(careTeam.statusCode).toBe(400);
    expect(careTeam.json().error.fields).toEqual({ 'body.userId': [expect.any(String)] });
    expect((await link(world.users.teacherOtherSchool.id)).statusCode).toBe(404);
    expect((await link(newId())).statusCode).toBe(404);
    expect((await link(world.users.teacher.id, 'schoolAdmin', world.classB1)).statusCode).toBe(404);
    expect((await link(world.users.teacher.id, 'schoolAdmin', newId())).statusCode).toBe(404);
    expect(await events()).toEqual([]);
  });

  it('lets a school admin not link someone who administers the board, and refuses everyone but the staff managers', async () => {
    const db = test.deps.db.kysely;
    await db.insertInto('school_memberships').values({ school_id: world.schoolA1, user_id: world.users.boardAdmin.id, role: 'teacher', created_at: isoInstant(test.clock.now()) }).execute();
    expect((await link(world.users.boardAdmin.id)).statusCode).toBe(403);
    for (const key of ['leadership', 'tsoLead', 'teacher', 'careTeam', 'schoolAdminOtherBoard'] as const) {
      expect([key, (await link(world.users.teacher.id, key)).statusCode, (await unlink(world.users.teacher.id, key, world.classA1)).statusCode]).toEqual([key, 403, 403]);
    }
    expect(await events()).toEqual([]);
  });
});
