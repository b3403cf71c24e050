import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schoolYearOf } from '../../../shared/school-year';
import { createTestApp, login, requestAs, type Login, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, WORLD_PASSWORD, type World } from '../../../../test/support/world';

function fixture(name: string): string {
  return readFileSync(new URL(`../../../../test/fixtures/pupil-imports/${name}`, import.meta.url), 'utf8');
}

const PARNASSYS_MAPPING = {
  pupilNumber: 'Leerlingnummer',
  firstName: 'Roepnaam',
  lastName: 'Achternaam',
  prefix: 'Tussenvoegsel',
  birthDate: 'Geboortedatum',
  className: 'Groep',
};

const WITH_ERRORS_VALID_NUMBERS = ['5001', '5002', '5005', '5006', '5008', '5009', '5010'];

describe.each(testDialects())('pupil import on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let admin: Login;
  let year: string;

  beforeEach(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    admin = await login(test.app, world.users.schoolAdmin.email, WORLD_PASSWORD);
    year = schoolYearOf(test.clock.now());
  });
  afterEach(async () => test.close());

  const previewUrl = () => `/api/schools/${world.schoolA1}/pupil-imports/preview`;
  const importUrl = (schoolId = world.schoolA1) => `/api/schools/${schoolId}/pupil-imports`;

  // Everything an import may touch, read straight from the tables.
  async function tableContents() {
    const db = test.deps.db.kysely;
    return {
      pupils: await db.selectFrom('pupils').selectAll().orderBy('school_id').orderBy('pupil_number').execute(),
      classes: await db.selectFrom('classes').selectAll().orderBy('school_id').orderBy('school_year').orderBy('name').execute(),
      placements: await db.selectFrom('class_pupils').selectAll().orderBy('class_id').orderBy('pupil_id').execute(),
    };
  }

  // A school's pupils and placements without ids or timestamps, to compare two schools' imports.
  async function schoolState(schoolId: string) {
    const db = test.deps.db.kysely;
    const pupils = await db
      .selectFrom('pupils')
      .select(['pupil_number', 'first_name', 'last_name', 'birth_date'])
      .where('school_id', '=', schoolId)
      .orderBy('pupil_number')
      .execute();
    const placements = await db
      .selectFrom('class_pupils')
      .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
      .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
      .select(['pupils.pupil_number', 'classes.name', 'classes.school_year'])
      .where('pupils.school_id', '=', schoolId)
      .orderBy('pupils.pupil_number')
      .orderBy('classes.school_year')
      .execute();
    return { pupils, placements };
  }

  async function placementsOf(pupilNumber: string, schoolId = world.schoolA1) {
    return test.deps.db.kysely
      .selectFrom('class_pupils')
      .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
      .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
      .select(['classes.id', 'classes.name', 'classes.school_year'])
      .where('pupils.school_id', '=', schoolId)
      .where('pupils.pupil_number', '=', pupilNumber)
      .orderBy('classes.school_year')
      .execute();
  }

  async function importEvents() {
    return test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'pupils.imported').orderBy('occurred_at').execute();
  }

  function runImport(body: Record<string, unknown>, as: Login = admin, schoolId = world.schoolA1) {
    return requestAs(test.app, as, 'POST', importUrl(schoolId), { mapping: PARNASSYS_MAPPING, schoolYear: year, onlyValidRows: false, ...body });
  }

  describe('preview', () => {
    it('suggests the mapping of a ParnasSys file, shows a sample and writes nothing', async () => {
      const before = await tableContents();
      const response = await requestAs(test.app, admin, 'POST', previewUrl(), { csv: fixture('parnassys.csv') });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.headers).toEqual(['Leerlingnummer', 'Roepnaam', 'Tussenvoegsel', 'Achternaam', 'Geboortedatum', 'Groep', 'Geslacht']);
      expect(body.mapping).toEqual(PARNASSYS_MAPPING);
      expect(body).toMatchObject({ totalRows: 8, validCount: 8, errorCount: 0, errors: [] });
      expect(body.sample).toHaveLength(8);
      expect(body.sample[0]).toEqual({ line: 2, pupilNumber: '2001', firstName: 'Fenna', lastName: 'de Wit', birthDate: '2017-03-14', className: 'Groep 4' });
      expect(await tableContents()).toEqual(before);
    });

    it('reports every bad row of a file with errors', async () => {
      const response = await requestAs(test.app, admin, 'POST', previewUrl(), { csv: fixture('with-errors.csv') });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        totalRows: 10,
        validCount: 7,
        errorCount: 3,
        errors: [
          { line: 4, field: 'pupilNumber', code: 'missing' },
          { line: 5, field: 'birthDate', code: 'invalid_date' },
          { line: 8, field: 'pupilNumber', code: 'duplicate_number' },
        ],
      });
    });

    it('shows at most 20 sample rows but always the whole error report', async () => {
      const rows = Array.from({ length: 30 }, (_, index) => `${7000 + index};Kind${index};Test;${index % 2 === 0 ? '01-01-2015' : '31-02-2015'};Groep 5`);
      const csv = ['Leerlingnummer;Roepnaam;Achternaam;Geboortedatum;Groep', ...rows].join('\n');
      const body = (await requestAs(test.app, admin, 'POST', previewUrl(), { csv })).json();
      expect(body.sample).toHaveLength(15);
      expect(body.errors).toHaveLength(15);
      const many = ['Leerlingnummer;Roepnaam;Achternaam', ...Array.from({ length: 30 }, (_, index) => `${index};A;B`)].join('\n');
      expect((await requestAs(test.app, admin, 'POST', previewUrl(), { csv: many })).json().sample).toHaveLength(20);
    });

    it('uses a chosen mapping and gives no mapping when the headers are not recognised', async () => {
      const csv = 'Code;Eerste;Laatste;Jaargroep\n11;Anna;Bos;Groep 3\n';
      const unknown = (await requestAs(test.app, admin, 'POST', previewUrl(), { csv })).json();
      expect(unknown).toMatchObject({ headers: ['Code', 'Eerste', 'Laatste', 'Jaargroep'], mapping: null, totalRows: 1, validCount: 0 });
      const mapping = { pupilNumber: 'Code', firstName: 'Eerste', lastName: 'Laatste', className: 'Jaargroep' };
      const chosen = (await requestAs(test.app, admin, 'POST', previewUrl(), { csv, mapping })).json();
      expect(chosen.mapping).toEqual({ ...mapping, prefix: null, birthDate: null });
      expect(chosen.sample).toEqual([{ line: 2, pupilNumber: '11', firstName: 'Anna', lastName: 'Bos', birthDate: null, className: 'Groep 3' }]);
    });

    it('refuses a mapping that names a column the file does not have', async () => {
      const response = await requestAs(test.app, admin, 'POST', previewUrl(), {
        csv: fixture('somtoday.csv'),
        mapping: { ...PARNASSYS_MAPPING, pupilNumber: 'Leerlingnummer' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(Object.keys(response.json().error.fields).sort()).toEqual(['body.mapping.className', 'body.mapping.prefix']);
    });

    it('answers 400 for a file that cannot be read as CSV', async () => {
      const response = await requestAs(test.app, admin, 'POST', previewUrl(), { csv: 'Leerlingnummer;Roepnaam\n1;"Anna\n' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(response.json().error.fields['body.csv']).toHaveLength(1);
      const blank = await requestAs(test.app, admin, 'POST', previewUrl(), { csv: '\uFEFF\r\n\r\n' });
      expect(blank.statusCode).toBe(400);
    });
  });

  describe('import', () => {
    it('imports a whole file: creates pupils, joins the tussenvoegsel, finds or creates classes by name', async () => {
      const response = await runImport({ csv: fixture('parnassys.csv') });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ total: 8, processed: 8, done: true, created: 8, updated: 0, unchanged: 0 });
      const fenna = await test.deps.db.kysely.selectFrom('pupils').selectAll().where('school_id', '=', world.schoolA1).where('pupil_number', '=', '2001').executeTakeFirstOrThrow();
      expect(fenna).toMatchObject({ first_name: 'Fenna', last_name: 'de Wit', birth_date: '2017-03-14' });
      expect(await placementsOf('2001')).toEqual([expect.objectContaining({ name: 'Groep 4', school_year: year })]);
      // Groep 5 already existed in the world: the import uses it rather than making a second one.
      expect((await placementsOf('2004'))[0]?.id).toBe(world.classA1);
      const classes = await test.deps.db.kysely.selectFrom('classes').select('name').where('school_id', '=', world.schoolA1).where('school_year', '=', year).orderBy('name').execute();
      expect(classes.map((row) => row.name)).toEqual(['Groep 4', 'Groep 5', 'Groep 6']);
    });

    it('imports the Magister and Somtoday examples with their suggested mappings', async () => {
      for (const [name, count] of [['magister.csv', 6], ['somtoday.csv', 5]] as const) {
        const csv = fixture(name);
        const preview = (await requestAs(test.app, admin, 'POST', previewUrl(), { csv })).json();
        const response = await runImport({ csv, mapping: preview.mapping });
        expect(response.json()).toMatchObject({ total: count, done: true, created: count });
      }
      expect(await placementsOf('400102')).toEqual([expect.objectContaining({ name: '3C' })]);
      const zoe = await test.deps.db.kysely.selectFrom('pupils').select(['first_name', 'last_name', 'birth_date']).where('pupil_number', '=', '400102').executeTakeFirstOrThrow();
      expect(zoe).toEqual({ first_name: 'Zoë', last_name: 'van den Berg', birth_date: '2011-09-14' });
    });

    it('changes nothing when the same file is imported again', async () => {
      await runImport({ csv: fixture('parnassys.csv') });
      const before = await tableContents();
      test.clock.advance(60_000);
      const again = await runImport({ csv: fixture('parnassys.csv') });
      expect(again.json()).toEqual({ total: 8, processed: 8, done: true, created: 0, updated: 0, unchanged: 8 });
      expect(await tableContents()).toEqual(before);
    });

    it('imports nothing from a file with errors unless asked for the valid rows only', async () => {
      const before = await tableContents();
      const eventsBefore = await importEvents();
      const refused = await runImport({ csv: fixture('with-errors.csv') });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe('import_has_errors');
      expect(await tableContents()).toEqual(before);
      expect(await importEvents()).toEqual(eventsBefore);
    });

    it('imports exactly the valid rows when onlyValidRows is set', async () => {
      const response = await runImport({ csv: fixture('with-errors.csv'), onlyValidRows: true });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ total: 7, processed: 7, done: true, created: 7, updated: 0, unchanged: 0 });
      const numbers = await test.deps.db.kysely.selectFrom('pupils').select('pupil_number').where('school_id', '=', world.schoolA1).orderBy('pupil_number').execute();
      expect(numbers.map((row) => row.pupil_number)).toEqual(['1001', '1002', ...WITH_ERRORS_VALID_NUMBERS]);
      // The first row with number 5002 is the one that counts.
      const olivier = await test.deps.db.kysely.selectFrom('pupils').select(['first_name', 'last_name']).where('school_id', '=', world.schoolA1).where('pupil_number', '=', '5002').executeTakeFirstOrThrow();
      expect(olivier).toEqual({ first_name: 'Olivier', last_name: 'de Bruijn' });
    });

    it('reaches the same state in batches as in one call, with one audit event per call', async () => {
      // A second school of the same board, imported in one call, is the reference.
      await test.deps.db.kysely
        .insertInto('school_memberships')
        .values({ school_id: world.schoolA2, user_id: world.users.schoolAdmin.id, role: 'school_admin', created_at: test.clock.now().toISOString() })
        .execute();
      const adminAgain = await login(test.app, world.users.schoolAdmin.email, WORLD_PASSWORD);
      const csv = fixture('parnassys.csv');
      const single = await runImport({ csv, limit: 1000 }, adminAgain, world.schoolA2);
      expect(single.json()).toMatchObject({ done: true, created: 8 });

      const progress: unknown[] = [];
      let offset = 0;
      for (let call = 0; call < 10; call += 1) {
        const body = (await runImport({ csv, offset, limit: 3 }, adminAgain)).json();
        progress.push(body);
        offset = body.processed;
        if (body.done) break;
      }
      expect(progress).toEqual([
        { total: 8, processed: 3, done: false, created: 3, updated: 0, unchanged: 0 },
        { total: 8, processed: 6, done: false, created: 3, updated: 0, unchanged: 0 },
        { total: 8, processed: 8, done: true, created: 2, updated: 0, unchanged: 0 },
      ]);
      const batched = await schoolState(world.schoolA1);
      const reference = await schoolState(world.schoolA2);
      const fromFile = (state: typeof batched) => ({
        pupils: state.pupils.filter((row) => row.pupil_number.startsWith('20')),
        placements: state.placements.filter((row) => row.pupil_number.startsWith('20')),
      });
      expect(fromFile(batched)).toEqual(reference);
      expect(reference.pupils).toHaveLength(8);

      const events = (await importEvents()).filter((event) => event.school_id === world.schoolA1);
      expect(events).toHaveLength(3);
      for (const event of events) {
        expect(event.board_id).toBe(world.boardA);
        expect(event.actor_user_id).toBe(world.users.schoolAdmin.id);
      }
      expect(events.map((event) => JSON.parse(event.detail ?? '{}').created)).toEqual([3, 3, 2]);
    });

    it('moves a pupil to the class named in the file and leaves other school years alone', async () => {
      const previousYear = `${Number(year.slice(0, 4)) - 1}-${year.slice(0, 4)}`;
      await runImport({ csv: fixture('parnassys.csv'), schoolYear: previousYear });
      await runImport({ csv: fixture('parnassys.csv') });
      expect((await placementsOf('2001')).map((row) => `${row.school_year} ${row.name}`)).toEqual([`${previousYear} Groep 4`, `${year} Groep 4`]);

      const changed = fixture('parnassys.csv')
        .replace('2001;Fenna;de;Wit;14-03-2017;Groep 4', '2001;Fenna;de;Wit;14-03-2017;Groep 5')
        .replace('2002;Daan;;Kuijpers', '2002;Daniël;;Kuijpers')
        .replace('2003;Isa;van der;Heijden;27-06-2016', '2003;Isa;van der;Heijden;28-06-2016');
      const response = await runImport({ csv: changed });
      expect(response.json()).toEqual({ total: 8, processed: 8, done: true, created: 0, updated: 3, unchanged: 5 });
      expect((await placementsOf('2001')).map((row) => `${row.school_year} ${row.name}`)).toEqual([`${previousYear} Groep 4`, `${year} Groep 5`]);
      const changedRows = await test.deps.db.kysely
        .selectFrom('pupils')
        .select(['pupil_number', 'first_name', 'birth_date'])
        .where('school_id', '=', world.schoolA1)
        .where('pupil_number', 'in', ['2002', '2003'])
        .orderBy('pupil_number')
        .execute();
      expect(changedRows).toEqual([
        { pupil_number: '2002', first_name: 'Daniël', birth_date: '2016-11-02' },
        { pupil_number: '2003', first_name: 'Isa', birth_date: '2016-06-28' },
      ]);
    });

    it('moves a pupil who was already in the school into the class of the file', async () => {
      const csv = 'Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Groep\n1001;Sanne;de;Vries;04-03-2017;Groep 6\n';
      const response = await runImport({ csv });
      expect(response.json()).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
      expect((await placementsOf('1001')).map((row) => row.id)).toEqual([world.classA1Other]);
    });

    it('refuses invalid batch parameters and a missing mapping', async () => {
      const csv = fixture('parnassys.csv');
      for (const body of [{ csv, limit: 0 }, { csv, limit: 1001 }, { csv, offset: -1 }, { csv, mapping: undefined }, { csv, unexpected: true }]) {
        const response = await runImport(body);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe('validation_failed');
      }
      expect((await importEvents()).length).toBe(0);
    });
  });

  describe('who may import', () => {
    it('refuses a school admin of another board, a teacher and a board admin', async () => {
      const csv = fixture('parnassys.csv');
      const before = await tableContents();
      for (const key of ['schoolAdminOtherBoard', 'teacher', 'boardAdmin', 'careTeam'] as const) {
        const session = await login(test.app, world.users[key].email, WORLD_PASSWORD);
        const preview = await requestAs(test.app, session, 'POST', previewUrl(), { csv });
        const run = await runImport({ csv }, session);
        expect([key, preview.statusCode, run.statusCode]).toEqual([key, 403, 403]);
        expect(run.json().error.code).toBe('forbidden');
      }
      expect(await tableContents()).toEqual(before);
    });
  });
});
