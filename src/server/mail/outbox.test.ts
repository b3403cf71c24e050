import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, requestAs, type TestApp } from '../../../test/support/test-app';
import { testDialects } from '../../../test/support/test-db';
import { createWorld, WORLD_PASSWORD, type World } from '../../../test/support/world';

describe.each(testDialects())('outbox on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it("keeps mail without SMTP, shows a school's mail to its admin only, and records every look", async () => {
    const admin = await login(test.app, world.users.schoolAdmin.email, WORLD_PASSWORD);
    await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/invitations`, {
      email: 'nieuw@world.test',
      name: 'Nieuw',
      roles: ['care_team'],
    });
    const mine = await requestAs(test.app, admin, 'GET', `/api/schools/${world.schoolA1}/outbox`);
    expect(mine.json()).toEqual([
      expect.objectContaining({ to: 'nieuw@world.test', subject: 'Uitnodiging voor Groeiwijzer van School A1', text: expect.stringMatching(/uitnodiging#token=/) }),
    ]);

    const otherBoard = await login(test.app, world.users.schoolAdminOtherBoard.email, WORLD_PASSWORD);
    expect((await requestAs(test.app, otherBoard, 'GET', `/api/schools/${world.schoolB1}/outbox`)).json()).toEqual([]);

    const looks = await test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'outbox.read').execute();
    expect(looks.map((event) => [event.actor_user_id, event.school_id, event.board_id])).toEqual(
      expect.arrayContaining([
        [world.users.schoolAdmin.id, world.schoolA1, world.boardA],
        [world.users.schoolAdminOtherBoard.id, world.schoolB1, world.boardB],
      ]),
    );
  });

  it("files a reset mail under the user's board, where the board admin sees it", async () => {
    await test.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email: world.users.teacher.email } });
    const boardAdmin = await login(test.app, world.users.boardAdmin.email, WORLD_PASSWORD);
    const mail = (await requestAs(test.app, boardAdmin, 'GET', `/api/boards/${world.boardA}/outbox`)).json();
    expect(mail.map((m: { to: string }) => m.to)).toContain(world.users.teacher.email);
    const otherBoardAdmin = await login(test.app, world.users.boardAdminOtherBoard.email, WORLD_PASSWORD);
    const other = (await requestAs(test.app, otherBoardAdmin, 'GET', `/api/boards/${world.boardB}/outbox`)).json();
    expect(other.map((m: { to: string }) => m.to)).not.toContain(world.users.teacher.email);
  });
});
