import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import type { PupilAces } from './care.schemas';
import type { AceCategoryList } from './care-ace-categories';

describe.each(testDialects())("a school's own ACE categories and the age at the first ACE on %s", (dialect) => {
  let test: TestApp;
  let world: World;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);
  const categories = () => `/api/schools/${world.schoolA1}/care/ace-categories`;
  const aces = (path = '') => `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/care/aces${path}`;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it('adds a category after the default list, answers can use it, and a used one cannot be removed', async () => {
    const care = await as('careTeam');
    const added = await requestAs(test.app, care, 'POST', categories(), { name: { nl: 'Online gepest', en: 'Bullied online' } });
    expect(added.statusCode, added.body).toBe(201);
    const list = added.json() as AceCategoryList;
    expect(list.at(-1)).toEqual({ id: 'eigen-online-gepest', name: { nl: 'Online gepest', en: 'Bullied online' }, isOwn: true, isUsed: false });
    expect(list.filter((category) => !category.isOwn)).toHaveLength(14);
    expect((await requestAs(test.app, care, 'POST', categories(), { name: { nl: 'online gepest', en: 'Again' } })).json().error.fields).toEqual({ 'body.name.nl': ['already_a_category'] });

    const saved = await requestAs(test.app, care, 'PUT', aces(), { informant: 'pupil', recordedOn: '2026-11-20', answers: [{ category: 'eigen-online-gepest', answer: 'yes' }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as PupilAces).combined.categories).toEqual([{ category: 'eigen-online-gepest', sources: ['pupil'] }]);
    expect((await requestAs(test.app, care, 'DELETE', `${categories()}/eigen-online-gepest`)).json().error.code).toBe('ace_category_in_use');

    await requestAs(test.app, care, 'POST', categories(), { name: { nl: 'Oorlog meegemaakt', en: 'Lived through war' } });
    const removed = await requestAs(test.app, care, 'DELETE', `${categories()}/eigen-oorlog-meegemaakt`);
    expect((removed.json() as AceCategoryList).map((category) => category.id)).not.toContain('eigen-oorlog-meegemaakt');
    expect((await requestAs(test.app, care, 'DELETE', `${categories()}/eigen-oorlog-meegemaakt`)).statusCode).toBe(404);
    // A default category is no "eigen-" id: the route does not take it.
    expect((await requestAs(test.app, care, 'DELETE', `${categories()}/poverty`)).statusCode).toBe(400);
    expect((await requestAs(test.app, await as('teacher'), 'GET', categories())).statusCode).toBe(403);
  });

  it('records the age at the first ACE encrypted, shows it with the ACEs, and removes it again', async () => {
    const care = await as('careTeam');
    expect((await requestAs(test.app, care, 'PUT', aces('/first-age'), { years: 6 })).statusCode).toBe(204);
    expect(((await requestAs(test.app, care, 'GET', aces())).json() as PupilAces).firstAgeYears).toBe(6);
    const stored = await test.deps.db.kysely.selectFrom('care_ace_first_ages').select('years_encrypted').executeTakeFirstOrThrow();
    expect(stored.years_encrypted).toMatch(/^gw1:/);
    expect((await requestAs(test.app, care, 'PUT', aces('/first-age'), { years: 21 })).statusCode).toBe(400);
    await requestAs(test.app, care, 'PUT', aces('/first-age'), { years: null });
    expect(((await requestAs(test.app, care, 'GET', aces())).json() as PupilAces).firstAgeYears).toBeNull();
    expect((await requestAs(test.app, await as('teacher'), 'PUT', aces('/first-age'), { years: 3 })).statusCode).toBe(403);
  });
});

describe.each(testDialects())("a school's licensed wording of a screening list on %s", (dialect) => {
  let test: TestApp;
  let world: World;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it('stores the care team\'s wording per item and shows it with the list; other items keep their number only', async () => {
    const care = await as('careTeam');
    const url = `/api/schools/${world.schoolA1}/care/screening-wordings/cries-8`;
    const saved = await requestAs(test.app, care, 'PUT', url, { items: { '1': 'Tekst van vraag 1 zoals op ons formulier', '2': '' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ instrumentId: 'cries-8', items: { '1': 'Tekst van vraag 1 zoals op ons formulier' } });
    const screenings = (await requestAs(test.app, care, 'GET', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/care/screenings`)).json() as { instruments: { id: string; wording: Record<string, string> }[] };
    expect(screenings.instruments.find((instrument) => instrument.id === 'cries-8')?.wording).toEqual({ '1': 'Tekst van vraag 1 zoals op ons formulier' });
    expect(screenings.instruments.find((instrument) => instrument.id === 'cats')?.wording).toEqual({});
    expect((await requestAs(test.app, care, 'PUT', url, { items: { '9': 'Bestaat niet' } })).json().error.fields).toEqual({ 'body.items.9': ['not_an_item'] });
    expect((await requestAs(test.app, care, 'PUT', `/api/schools/${world.schoolA1}/care/screening-wordings/no-such-list`, { items: {} })).statusCode).toBe(404);
    expect((await requestAs(test.app, await as('teacher'), 'PUT', url, { items: {} })).statusCode).toBe(403);
  });
});
