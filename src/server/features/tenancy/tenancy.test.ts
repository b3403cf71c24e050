import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, requestAs, type Login, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, WORLD_PASSWORD, type World } from '../../../../test/support/world';

describe.each(testDialects())('locations and classes on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let admin: Login;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    admin = await login(test.app, world.users.schoolAdmin.email, WORLD_PASSWORD);
  });
  afterAll(async () => test.close());

  it('adds, renames and removes a location; a duplicate name is refused as a duplicate location', async () => {
    const base = `/api/schools/${world.schoolA1}/locations`;
    const created = await requestAs(test.app, admin, 'POST', base, { name: 'Dependance Zuid' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const duplicate = await requestAs(test.app, admin, 'POST', base, { name: 'Dependance Zuid' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toEqual({
      code: 'duplicate_location',
      message: 'Deze school heeft al een locatie met deze naam. Kies een andere naam.',
      fields: { 'body.name': ['duplicate'] },
    });
    const renamedOnto = await requestAs(test.app, admin, 'PATCH', `${base}/${id}`, { name: 'Hoofdgebouw' });
    expect(renamedOnto.json().error.code).toBe('duplicate_location');
    expect((await requestAs(test.app, admin, 'PATCH', `${base}/${id}`, { name: 'Zuid' })).json()).toEqual({ id, name: 'Zuid' });
    expect((await requestAs(test.app, admin, 'DELETE', `${base}/${id}`)).statusCode).toBe(200);
    const names = (await requestAs(test.app, admin, 'GET', base)).json().map((location: { name: string }) => location.name);
    expect(names).toEqual(['Hoofdgebouw']);
  });

  it('keeps classes per school year, and the school lists the years it has', async () => {
    const base = `/api/schools/${world.schoolA1}/classes`;
    const next = await requestAs(test.app, admin, 'POST', base, { name: 'Groep 5', schoolYear: '2027-2028', locationId: world.locationA1 });
    expect(next.statusCode).toBe(201);
    const thisYear = (await requestAs(test.app, admin, 'GET', base)).json();
    expect(thisYear.map((c: { name: string }) => c.name)).toEqual(['Groep 5', 'Groep 6']);
    expect(thisYear[0].pupilCount).toBe(1);
    const nextYear = (await requestAs(test.app, admin, 'GET', `${base}?schoolYear=2027-2028`)).json();
    expect(nextYear).toEqual([{ id: next.json().id, name: 'Groep 5', schoolYear: '2027-2028', locationId: world.locationA1, pupilCount: 0 }]);
    const school = (await requestAs(test.app, admin, 'GET', `/api/schools/${world.schoolA1}`)).json();
    expect(school.schoolYears).toEqual(['2027-2028', '2026-2027']);
    expect(school.currentSchoolYear).toBe('2026-2027');
    // The same name twice in one school year is refused as a duplicate class, in the caller's language.
    const twice = await test.app.inject({
      method: 'POST',
      url: base,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'accept-language': 'en' },
      payload: { name: 'Groep 5', schoolYear: '2027-2028' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('duplicate_class');
    expect(twice.json().error.message).toBe('There already is a class with this name in this school year. Choose another name.');
  });

  it('refuses a location of another school for a class', async () => {
    const other = await test.deps.db.kysely.insertInto('locations').values({
      id: '6f1d1f4e-2c51-4c6b-9d0e-2f3a4b5c6d7e',
      school_id: world.schoolB1,
      name: 'Elders',
      created_at: test.clock.now().toISOString(),
    }).execute();
    expect(other).toBeDefined();
    const response = await requestAs(test.app, admin, 'PATCH', `/api/schools/${world.schoolA1}/classes/${world.classA1}`, {
      locationId: '6f1d1f4e-2c51-4c6b-9d0e-2f3a4b5c6d7e',
    });
    expect(response.statusCode).toBe(400);
    const row = await test.deps.db.kysely.selectFrom('classes').select('location_id').where('id', '=', world.classA1).executeTakeFirstOrThrow();
    expect(row.location_id).toBe(world.locationA1);
  });

  it("lists only the classes a teacher teaches when asked for one's own", async () => {
    const teacher = await login(test.app, world.users.teacher.email, WORLD_PASSWORD);
    const own = await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolA1}/classes?taughtByMe=true`);
    expect(own.statusCode).toBe(200);
    expect(own.json().map((item: { id: string }) => item.id)).toEqual([world.classA1]);
    const all = await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolA1}/classes`);
    expect(all.json().map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining([world.classA1, world.classA1Other]));
  });

  it('cannot reach a class of another school through this school', async () => {
    const response = await requestAs(test.app, admin, 'DELETE', `/api/schools/${world.schoolA1}/classes/${world.classB1}`);
    expect(response.statusCode).toBe(404);
    expect(await test.deps.db.kysely.selectFrom('classes').select('id').where('id', '=', world.classB1).executeTakeFirst()).toBeDefined();
  });

  it('shows the board admin every school of the board with counts, and no school of another board', async () => {
    const boardAdmin = await login(test.app, world.users.boardAdmin.email, WORLD_PASSWORD);
    const board = (await requestAs(test.app, boardAdmin, 'GET', `/api/boards/${world.boardA}`)).json();
    expect(board.schools.map((s: { name: string }) => s.name)).toEqual(['School A1', 'School A2']);
    expect(board.schools[0]).toMatchObject({ pupilCount: 2, locationCount: 1, staffCount: 5 });
    const created = await requestAs(test.app, boardAdmin, 'POST', `/api/boards/${world.boardA}/schools`, { name: 'School A3', kind: 'secondary' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'School A3', boardId: world.boardA, kind: 'secondary' });
  });
});
