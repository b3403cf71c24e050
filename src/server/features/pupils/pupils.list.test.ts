import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../deps';
import { createTestApp, login, requestAs, type Login, type TestApp } from '../../../../test/support/test-app';
import { importPupilFile } from '../../../../test/support/pupil-import';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, WORLD_PASSWORD, type World, type WorldUserKey } from '../../../../test/support/world';
import type { Pupil } from './pupils.schemas';
import { comparePupils, lastNameSortKey } from './pupils.service';
import { schoolYearAt } from '../../../shared/school-time';

describe('pupil order', () => {
  const pupil = (className: string | null, lastName: string, firstName = 'A'): Pupil => ({
    id: newId(),
    pupilNumber: '1',
    firstName,
    lastName,
    birthDate: null,
    classId: null,
    className,
    leftOn: null,
  });

  it('sorts last names on the part after the tussenvoegsel', () => {
    expect(lastNameSortKey('van der Berg')).toBe('Berg');
    expect(lastNameSortKey("'t Hart")).toBe('Hart');
    expect(lastNameSortKey('El Idrissi')).toBe('El Idrissi');
    expect(lastNameSortKey('de')).toBe('de');
  });

  it('puts Groep 10 after Groep 9 and pupils without a class last', () => {
    const sorted = [pupil(null, 'Aa'), pupil('Groep 10', 'Aa'), pupil('Groep 9', 'de Zwart'), pupil('Groep 9', 'Bos', 'Piet'), pupil('Groep 9', 'bos', 'Anna')].sort(
      comparePupils,
    );
    expect(sorted.map((entry) => `${entry.className} ${entry.lastName} ${entry.firstName}`)).toEqual([
      'Groep 9 bos Anna',
      'Groep 9 Bos Piet',
      'Groep 9 de Zwart A',
      'Groep 10 Aa A',
      'null Aa A',
    ]);
  });
});

describe.each(testDialects())('listing pupils on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let year: string;
  const sessions = new Map<WorldUserKey, Login>();

  const as = async (key: WorldUserKey) => {
    const existing = sessions.get(key);
    if (existing) return existing;
    const session = await login(test.app, world.users[key].email, WORLD_PASSWORD);
    sessions.set(key, session);
    return session;
  };
  const list = async (key: WorldUserKey, query = '', schoolId = world.schoolA1) =>
    requestAs(test.app, await as(key), 'GET', `/api/schools/${schoolId}/pupils${query}`);
  const numbersOf = (body: { pupilNumber: string }[]) => body.map((entry) => entry.pupilNumber);

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    year = schoolYearAt(test.clock.now());
    const csv = readFileSync(new URL('../../../../test/fixtures/pupil-imports/parnassys.csv', import.meta.url), 'utf8');
    const mapping = { pupilNumber: 'Leerlingnummer', firstName: 'Roepnaam', lastName: 'Achternaam', prefix: 'Tussenvoegsel', birthDate: 'Geboortedatum', className: 'Groep' };
    const imported = await importPupilFile(test.app, await as('schoolAdmin'), world.schoolA1, { csv, mapping, schoolYear: year });
    expect(imported.statusCode).toBe(200);
    // One pupil without a class this year.
    await test.deps.db.kysely
      .insertInto('pupils')
      .values({ id: newId(), school_id: world.schoolA1, pupil_number: '9999', first_name: 'Kai', last_name: 'Aarts', birth_date: null, created_at: 'x', updated_at: 'x' })
      .execute();
  });
  afterAll(async () => test.close());

  it('gives a school admin every pupil of the school, by class, last name and first name', async () => {
    const response = await list('schoolAdmin');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.map((entry: Pupil) => `${entry.className}: ${entry.firstName} ${entry.lastName}`)).toEqual([
      'Groep 4: Isa van der Heijden',
      'Groep 4: Daan Kuijpers',
      'Groep 4: Fenna de Wit',
      'Groep 5: Lotte van Dam',
      'Groep 5: Bram Smeets',
      'Groep 5: Jesse Verhoeven',
      'Groep 5: Sanne de Vries',
      'Groep 6: Sem ten Brink',
      'Groep 6: Yara El Idrissi',
      'Groep 6: Milan Jansen',
      'null: Kai Aarts',
    ]);
    expect(body.find((entry: Pupil) => entry.pupilNumber === '1001')).toEqual({
      id: world.pupilInClassA1,
      pupilNumber: '1001',
      firstName: 'Sanne',
      lastName: 'de Vries',
      birthDate: '2017-03-04',
      classId: world.classA1,
      className: 'Groep 5',
      leftOn: null,
    });
  });

  it('gives leadership and the care team the whole school too, and never pupils of another school', async () => {
    const all = numbersOf((await list('schoolAdmin')).json());
    for (const key of ['leadership', 'careTeam'] as const) {
      expect(numbersOf((await list(key)).json())).toEqual(all);
    }
    expect((await list('schoolAdmin')).json().some((entry: Pupil) => entry.id === world.pupilB1)).toBe(false);
  });

  it('filters on one class', async () => {
    const response = await list('leadership', `?classId=${world.classA1Other}`);
    expect(numbersOf(response.json())).toEqual(['2008', '2007', '1002']);
  });

  it('shows a teacher only the pupils of the classes they teach', async () => {
    const response = await list('teacher');
    expect(response.statusCode).toBe(200);
    expect(response.json().every((entry: Pupil) => entry.classId === world.classA1)).toBe(true);
    expect(numbersOf(response.json())).toEqual(['2005', '2004', '2006', '1001']);
    expect(numbersOf((await list('teacher', `?classId=${world.classA1}`)).json())).toEqual(['2005', '2004', '2006', '1001']);
  });

  it('answers 403 to a teacher asking for a class they do not teach, or a class of another school', async () => {
    for (const classId of [world.classA1Other, world.classB1, newId()]) {
      const response = await list('teacher', `?classId=${classId}`);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
  });

  it('answers 404 to a school admin asking for a class the school does not have', async () => {
    expect((await list('schoolAdmin', `?classId=${world.classB1}`)).statusCode).toBe(404);
  });

  it('shows the class of the asked school year, and none when the pupil had no class then', async () => {
    const previousYear = `${Number(year.slice(0, 4)) - 1}-${year.slice(0, 4)}`;
    const body = (await list('schoolAdmin', `?schoolYear=${previousYear}`)).json();
    expect(body).toHaveLength(11);
    expect(body.every((entry: Pupil) => entry.classId === null && entry.className === null)).toBe(true);
    expect((await list('teacher', `?schoolYear=${previousYear}`)).json()).toEqual([]);
  });

  it('refuses board admins, other roles and people of other schools', async () => {
    for (const key of ['boardAdmin', 'tsoLead', 'teacherOtherSchool', 'schoolAdminOtherBoard', 'boardAdminOtherBoard'] as const) {
      const response = await list(key);
      expect([key, response.statusCode]).toEqual([key, 403]);
    }
  });

  it('refuses a malformed query', async () => {
    for (const query of ['?schoolYear=2026', '?schoolYear=2026-2028', '?classId=groep-5', '?other=1']) {
      const response = await list('schoolAdmin', query);
      expect([query, response.statusCode]).toEqual([query, 400]);
    }
  });

  it('records who read the pupil list', async () => {
    await list('careTeam', `?classId=${world.classA1}`);
    const event = await test.deps.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'pupils.read')
      .where('actor_user_id', '=', world.users.careTeam.id)
      .where('target_id', '=', world.classA1)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ school_id: world.schoolA1, board_id: world.boardA, target_type: 'class' });
    expect(JSON.parse(event.detail ?? '{}')).toEqual({ schoolYear: year, count: 4 });
  });
});
