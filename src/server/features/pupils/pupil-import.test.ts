import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../deps';
import { deleteExpiredImports, STAGED_IMPORT_HOURS } from './pupil-import.service';
import { createTestApp, login, requestAs, type Login, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, WORLD_PASSWORD, type World } from '../../../../test/support/world';
import { schoolYearAt } from '../../../shared/school-time';

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
    year = schoolYearAt(test.clock.now());
  });
  afterEach(async () => test.close());

  const uploadUrl = (schoolId = world.schoolA1) => `/api/schools/${schoolId}/pupil-imports`;
  const stagedUrl = (importId: string, schoolId = world.schoolA1) => `/api/schools/${schoolId}/pupil-imports/${importId}`;
  const batchUrl = (importId: string, schoolId = world.schoolA1) => `${stagedUrl(importId, schoolId)}/batches`;

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
    return test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'pupils.imported').orderBy('seq').execute();
  }

  // What the staging tables hold, per staged import.
  async function stagingContents() {
    const db = test.deps.db.kysely;
    const count = async (table: 'pupil_import_records' | 'pupil_import_errors') =>
      Object.fromEntries(
        (await db.selectFrom(table).select(['import_id', (eb) => eb.fn.countAll<number | string>().as('rows')]).groupBy('import_id').execute()).map((row) => [row.import_id, Number(row.rows)]),
      );
    return {
      imports: (await db.selectFrom('pupil_imports').select('id').orderBy('id').execute()).map((row) => row.id),
      records: await count('pupil_import_records'),
      errors: await count('pupil_import_errors'),
    };
  }

  function preview(body: Record<string, unknown>, as: Login = admin, schoolId = world.schoolA1) {
    return requestAs(test.app, as, 'POST', uploadUrl(schoolId), body);
  }

  async function stage(csv: string, mapping: Record<string, unknown> = PARNASSYS_MAPPING, as: Login = admin, schoolId = world.schoolA1): Promise<string> {
    const response = await preview({ csv, mapping }, as, schoolId);
    expect(response.statusCode).toBe(201);
    return response.json().id;
  }

  function compare(importId: string, schoolYear = year, as: Login = admin, schoolId = world.schoolA1) {
    return requestAs(test.app, as, 'GET', `${stagedUrl(importId, schoolId)}/comparison?schoolYear=${schoolYear}`);
  }

  // Every class of the file the school year does not have is created, unless the body brings its own choices.
  async function sendBatch(importId: string, body: Record<string, unknown> = {}, as: Login = admin, schoolId = world.schoolA1) {
    const schoolYear = typeof body.schoolYear === 'string' ? body.schoolYear : year;
    const comparison = await compare(importId, schoolYear, as, schoolId);
    const unknown: { name: string }[] = comparison.statusCode === 200 ? comparison.json().unknownClasses : [];
    const classChoices = unknown.map((entry) => ({ name: entry.name, action: 'create' }));
    return requestAs(test.app, as, 'POST', batchUrl(importId, schoolId), { schoolYear, onlyValidRows: false, classChoices, ...body });
  }

  // Uploads a file and imports one batch of it.
  async function runImport(body: { csv: string; mapping?: Record<string, unknown> } & Record<string, unknown>, as: Login = admin, schoolId = world.schoolA1) {
    const { csv, mapping, ...batch } = body;
    return sendBatch(await stage(csv, mapping, as, schoolId), batch, as, schoolId);
  }

  describe('upload and preview', () => {
    it('suggests the mapping of a ParnasSys file, shows a sample and stages the file without touching any pupil', async () => {
      const before = await tableContents();
      const response = await preview({ csv: fixture('parnassys.csv') });
      expect(response.statusCode).toBe(201);
      const body = response.json();
      expect(body.id).toEqual(expect.any(String));
      expect(body.expiresAt).toBe(new Date(test.clock.now().getTime() + STAGED_IMPORT_HOURS * 3_600_000).toISOString());
      expect(body.headers).toEqual(['Leerlingnummer', 'Roepnaam', 'Tussenvoegsel', 'Achternaam', 'Geboortedatum', 'Groep', 'Geslacht']);
      expect(body.mapping).toEqual(PARNASSYS_MAPPING);
      expect(body).toMatchObject({ totalRows: 8, validCount: 8, errorCount: 0, errors: [] });
      expect(body.sample).toHaveLength(8);
      expect(body.sample[0]).toEqual({ line: 2, pupilNumber: '2001', firstName: 'Fenna', lastName: 'de Wit', birthDate: '2017-03-14', className: 'Groep 4' });
      expect(await tableContents()).toEqual(before);
      expect(await stagingContents()).toEqual({ imports: [body.id], records: { [body.id]: 8 }, errors: {} });
    });

    it('answers a staged import again with the same counts, sample and complete error report', async () => {
      const staged = await preview({ csv: fixture('with-errors.csv') });
      const again = await requestAs(test.app, admin, 'GET', stagedUrl(staged.json().id));
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(staged.json());
      expect(again.json().errors).toHaveLength(3);
    });

    it('reports every bad row of a file with errors', async () => {
      const response = await preview({ csv: fixture('with-errors.csv') });
      expect(response.statusCode).toBe(201);
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
      const body = (await preview({ csv })).json();
      expect(body.sample).toHaveLength(15);
      expect(body.errors).toHaveLength(15);
      const many = ['Leerlingnummer;Roepnaam;Achternaam', ...Array.from({ length: 30 }, (_, index) => `${index};A;B`)].join('\n');
      expect((await preview({ csv: many })).json().sample).toHaveLength(20);
    });

    it('uses a chosen mapping, and keeps nothing when the headers are not recognised', async () => {
      const csv = 'Code;Eerste;Laatste;Jaargroep\n11;Anna;Bos;Groep 3\n';
      const unknown = await preview({ csv });
      expect(unknown.statusCode).toBe(200);
      expect(unknown.json()).toMatchObject({ id: null, expiresAt: null, headers: ['Code', 'Eerste', 'Laatste', 'Jaargroep'], mapping: null, totalRows: 1, validCount: 0 });
      expect((await stagingContents()).imports).toEqual([]);
      const mapping = { pupilNumber: 'Code', firstName: 'Eerste', lastName: 'Laatste', className: 'Jaargroep' };
      const chosen = (await preview({ csv, mapping })).json();
      expect(chosen.mapping).toEqual({ ...mapping, prefix: null, birthDate: null });
      expect(chosen.sample).toEqual([{ line: 2, pupilNumber: '11', firstName: 'Anna', lastName: 'Bos', birthDate: null, className: 'Groep 3' }]);
    });

    it('refuses a mapping that names a column the file does not have', async () => {
      const response = await preview({
        csv: fixture('somtoday.csv'),
        mapping: { ...PARNASSYS_MAPPING, pupilNumber: 'Leerlingnummer' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(Object.keys(response.json().error.fields).sort()).toEqual(['body.mapping.className', 'body.mapping.prefix']);
    });

    it('answers 400 for a file that cannot be read as CSV', async () => {
      const response = await preview({ csv: 'Leerlingnummer;Roepnaam\n1;"Anna\n' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(response.json().error.fields['body.csv']).toHaveLength(1);
      const blank = await preview({ csv: '\uFEFF\r\n\r\n' });
      expect(blank.statusCode).toBe(400);
    });

    it('keeps nothing of a file that turns out unreadable far down, and leaves the earlier upload in place', async () => {
      const earlier = await stage(fixture('parnassys.csv'));
      const rows = Array.from({ length: 3000 }, (_, index) => `${10_000 + index};Kind;Test;01-01-2015;Groep 5`);
      const csv = ['Leerlingnummer;Roepnaam;Achternaam;Geboortedatum;Groep', ...rows, '99999;"Anna;Bos;01-01-2015;Groep 5'].join('\n');
      const response = await preview({ csv, mapping: { pupilNumber: 'Leerlingnummer', firstName: 'Roepnaam', lastName: 'Achternaam' } });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields['body.csv']).toHaveLength(1);
      expect(await stagingContents()).toEqual({ imports: [earlier], records: { [earlier]: 8 }, errors: {} });
    });

    it("replaces the admin's earlier upload for the school: a new mapping is a new upload", async () => {
      const first = await stage(fixture('parnassys.csv'));
      const second = await stage(fixture('parnassys.csv'), { ...PARNASSYS_MAPPING, className: null });
      expect((await requestAs(test.app, admin, 'GET', stagedUrl(first))).statusCode).toBe(404);
      expect((await sendBatch(first)).statusCode).toBe(404);
      expect(await stagingContents()).toEqual({ imports: [second], records: { [second]: 8 }, errors: {} });
      expect((await requestAs(test.app, admin, 'GET', stagedUrl(second))).json().sample[0].className).toBeNull();
    });

    it('deletes a replaced upload of many thousands of rows whole, valid rows and error report alike', async () => {
      const rows = Array.from({ length: 12_000 }, (_, index) => `${10_000 + index};Kind;${index % 2 === 0 ? 'Test' : ''};Groep 5`);
      const big = await stage(['Leerlingnummer;Roepnaam;Achternaam;Groep', ...rows].join('\n'), { pupilNumber: 'Leerlingnummer', firstName: 'Roepnaam', lastName: 'Achternaam' });
      expect(await stagingContents()).toEqual({ imports: [big], records: { [big]: 6000 }, errors: { [big]: 6000 } });
      const small = await stage(fixture('parnassys.csv'));
      expect(await stagingContents()).toEqual({ imports: [small], records: { [small]: 8 }, errors: {} });
    });

    it('forgets a staged import after 24 hours: not found from then on, and deleted by the next upload or the hourly purge', async () => {
      const expiring = await stage(fixture('with-errors.csv'));
      test.clock.advance(STAGED_IMPORT_HOURS * 3_600_000 - 1000);
      // Sessions end after 12 hours: the admin signs in again the next day.
      admin = await login(test.app, world.users.schoolAdmin.email, WORLD_PASSWORD);
      expect((await requestAs(test.app, admin, 'GET', stagedUrl(expiring))).statusCode).toBe(200);
      test.clock.advance(1000);
      expect((await requestAs(test.app, admin, 'GET', stagedUrl(expiring))).statusCode).toBe(404);
      const before = await tableContents();
      const batch = await sendBatch(expiring, { onlyValidRows: true });
      expect(batch.statusCode).toBe(404);
      expect(await tableContents()).toEqual(before);

      // Another admin's upload for another school still clears it away.
      const otherAdmin = await login(test.app, world.users.schoolAdminOtherBoard.email, WORLD_PASSWORD);
      const other = await stage(fixture('parnassys.csv'), PARNASSYS_MAPPING, otherAdmin, world.schoolB1);
      expect(await stagingContents()).toEqual({ imports: [other], records: { [other]: 8 }, errors: {} });

      test.clock.advance(STAGED_IMPORT_HOURS * 3_600_000);
      expect(await deleteExpiredImports(test.deps.db.kysely, test.clock)).toBe(1);
      expect(await stagingContents()).toEqual({ imports: [], records: {}, errors: {} });
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
        const suggested = (await preview({ csv })).json();
        const response = await runImport({ csv, mapping: suggested.mapping });
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

    it('imports from the staged rows in batches that carry no file, reaching the same state as one call, with one audit event per call', async () => {
      // A second school of the same board, imported in one call, is the reference.
      await test.deps.db.kysely
        .insertInto('school_memberships')
        .values({ school_id: world.schoolA2, user_id: world.users.schoolAdmin.id, role: 'school_admin', created_at: test.clock.now().toISOString() })
        .execute();
      const adminAgain = await login(test.app, world.users.schoolAdmin.email, WORLD_PASSWORD);
      const csv = fixture('parnassys.csv');
      const single = await runImport({ csv, limit: 1000 }, adminAgain, world.schoolA2);
      expect(single.json()).toMatchObject({ done: true, created: 8 });

      // Uploaded once; every batch names the staged import and where to go on, and nothing else.
      const importId = await stage(csv, PARNASSYS_MAPPING, adminAgain);
      const progress: unknown[] = [];
      let offset = 0;
      for (let call = 0; call < 10; call += 1) {
        const body = (await sendBatch(importId, { offset, limit: 3 }, adminAgain)).json();
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
      expect(events.map((event) => JSON.parse(event.detail ?? '{}').importId)).toEqual([importId, importId, importId]);
    });

    it('refuses a batch that brings the file or a mapping along: the file is read once, at upload', async () => {
      const importId = await stage(fixture('parnassys.csv'));
      const before = await tableContents();
      for (const extra of [{ csv: fixture('parnassys.csv') }, { mapping: PARNASSYS_MAPPING }]) {
        const response = await sendBatch(importId, extra);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe('validation_failed');
      }
      expect(await tableContents()).toEqual(before);
      expect((await sendBatch(importId)).json()).toMatchObject({ total: 8, done: true, created: 8 });
    });

    it('changes nothing more when a batch is sent again', async () => {
      const importId = await stage(fixture('parnassys.csv'));
      const first = await sendBatch(importId, { offset: 3, limit: 3 });
      expect(first.json()).toEqual({ total: 8, processed: 6, done: false, created: 3, updated: 0, unchanged: 0 });
      const afterFirst = await tableContents();
      test.clock.advance(60_000);
      const again = await sendBatch(importId, { offset: 3, limit: 3 });
      expect(again.json()).toEqual({ total: 8, processed: 6, done: false, created: 0, updated: 0, unchanged: 3 });
      expect(await tableContents()).toEqual(afterFirst);
      expect((await importEvents()).map((event) => JSON.parse(event.detail ?? '{}').unchanged)).toEqual([0, 3]);
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

    it('refuses invalid batch parameters, an upload without a file and an import id that is not one', async () => {
      const importId = await stage(fixture('parnassys.csv'));
      for (const body of [{ limit: 0 }, { limit: 1001 }, { offset: -1 }, { unexpected: true }]) {
        const response = await sendBatch(importId, body);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe('validation_failed');
      }
      expect((await preview({ mapping: PARNASSYS_MAPPING })).statusCode).toBe(400);
      expect((await requestAs(test.app, admin, 'GET', stagedUrl('not-an-id'))).statusCode).toBe(400);
      expect((await importEvents()).length).toBe(0);
    });
  });

  describe('classes the file names that the school year does not have', () => {
    it('lists each unknown class with its rows, and the pupils of the school the file does not name', async () => {
      const csv = fixture('parnassys.csv').replace('2004;Bram;;Smeets;09-01-2015;Groep 5', '2004;Bram;;Smeets;09-01-2015;groep 5').replace('2008;Sem;ten;Brink;21-08-2014;Groep 6', '2008;Sem;ten;Brink;21-08-2014;Groep 7');
      const importId = await stage(csv);
      // A pupil who left the school is not "not in the file": they are not at the school.
      await test.deps.db.kysely.updateTable('pupils').set({ left_on: '2026-10-01' }).where('id', '=', world.pupilInClassA1Other).execute();
      const before = await tableContents();
      const response = await compare(importId);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        schoolYear: year,
        // "groep 5" is Groep 5 (case does not count); Groep 6 exists; Groep 4 and Groep 7 do not.
        unknownClasses: [
          { name: 'Groep 4', rows: 3 },
          { name: 'Groep 7', rows: 1 },
        ],
        pupilsNotInFile: [{ id: world.pupilInClassA1, pupilNumber: '1001', firstName: 'Sanne', lastName: 'de Vries', className: 'Groep 5' }],
      });
      // Another school year has none of the classes.
      const nextYear = `${year.slice(5)}-${Number(year.slice(5)) + 1}`;
      const next = (await compare(importId, nextYear)).json();
      // "groep 5" and "Groep 5" are one question there, under the spelling most rows use.
      expect(next.unknownClasses).toEqual([
        { name: 'Groep 4', rows: 3 },
        { name: 'Groep 5', rows: 3 },
        { name: 'Groep 6', rows: 1 },
        { name: 'Groep 7', rows: 1 },
      ]);
      expect(next.pupilsNotInFile).toEqual([{ id: world.pupilInClassA1, pupilNumber: '1001', firstName: 'Sanne', lastName: 'de Vries', className: null }]);
      // Information only: nothing changes, and the read of the names is recorded.
      expect(await tableContents()).toEqual(before);
      const reads = await test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'pupils.read').orderBy('seq').execute();
      expect(reads.map((event) => JSON.parse(event.detail ?? '{}'))).toEqual([
        { schoolYear: year, count: 1, importId },
        { schoolYear: nextYear, count: 1, importId },
      ]);

      // Creating "Groep 5" there takes in the rows that say "groep 5" too: one class, not two.
      const classChoices = next.unknownClasses.map((entry: { name: string }) => ({ name: entry.name, action: 'create' }));
      const imported = await requestAs(test.app, admin, 'POST', batchUrl(importId), { schoolYear: nextYear, classChoices });
      expect(imported.statusCode, imported.body).toBe(200);
      const created = await test.deps.db.kysely.selectFrom('classes').select('name').where('school_year', '=', nextYear).orderBy('name').execute();
      expect(created.map((row) => row.name)).toEqual(['Groep 4', 'Groep 5', 'Groep 6', 'Groep 7']);
      expect((await placementsOf('2004')).map((row) => row.name)).toEqual(['Groep 5']);
    });

    it('imports nothing while an unknown class has no choice, and says so', async () => {
      const importId = await stage(fixture('parnassys.csv'));
      const before = await tableContents();
      for (const classChoices of [[], [{ name: 'Groep 6', action: 'create' }], [{ name: 'Groep 4 ', action: 'create' }]]) {
        const response = await requestAs(test.app, admin, 'POST', batchUrl(importId), { schoolYear: year, classChoices });
        expect(response.statusCode).toBe(422);
        expect(response.json().error.code).toBe('import_classes_unresolved');
        expect(response.json().error.message).toMatch(/Kies bij elke onbekende klas/);
      }
      // Also when the first batch has no row of the class: the first batch answers for the whole file.
      const first = await requestAs(test.app, admin, 'POST', batchUrl(importId), { schoolYear: year, offset: 0, limit: 1, classChoices: [] });
      expect(first.statusCode).toBe(422);
      expect(await tableContents()).toEqual(before);
      expect(await importEvents()).toEqual([]);
    });

    it('puts the pupils of a class mapped to an existing one in that class, and creates a class only when asked', async () => {
      const importId = await stage(fixture('parnassys.csv').replace('2008;Sem;ten;Brink;21-08-2014;Groep 6', '2008;Sem;ten;Brink;21-08-2014;Groep 7'));
      const classChoices = [
        { name: 'Groep 4', action: 'map', classId: world.classA1 },
        { name: 'Groep 7', action: 'create' },
      ];
      const response = await requestAs(test.app, admin, 'POST', batchUrl(importId), { schoolYear: year, classChoices });
      expect(response.statusCode, response.body).toBe(200);
      expect((await placementsOf('2001'))[0]?.id).toBe(world.classA1);
      expect((await placementsOf('2008'))[0]?.name).toBe('Groep 7');
      const classes = await test.deps.db.kysely.selectFrom('classes').select('name').where('school_id', '=', world.schoolA1).where('school_year', '=', year).orderBy('name').execute();
      expect(classes.map((row) => row.name)).toEqual(['Groep 5', 'Groep 6', 'Groep 7']);
      const [event] = await importEvents();
      expect(JSON.parse(event?.detail ?? '{}')).toMatchObject({ classesCreated: 1, classesMapped: 1 });
    });

    it('refuses a mapping to a class of another school year or school, and checks later batches against their own rows', async () => {
      const importId = await stage(fixture('parnassys.csv'));
      const before = await tableContents();
      for (const classId of [world.classB1, newId()]) {
        const response = await requestAs(test.app, admin, 'POST', batchUrl(importId), { schoolYear: year, classChoices: [{ name: 'Groep 4', action: 'map', classId }] });
        expect(response.statusCode).toBe(400);
        expect(Object.keys(response.json().error.fields)).toEqual(['body.classChoices']);
      }
      // Rows 4-8 name only classes the year has: a later batch of them needs no choice.
      const later = await requestAs(test.app, admin, 'POST', batchUrl(importId), { schoolYear: year, offset: 3, limit: 5 });
      expect(later.json()).toMatchObject({ processed: 8, created: 5 });
      const early = await requestAs(test.app, admin, 'POST', batchUrl(importId), { schoolYear: year, offset: 1, limit: 2 });
      expect(early.statusCode).toBe(422);
      expect((await tableContents()).classes).toEqual(before.classes);
    });
  });

  describe('who may import', () => {
    it('refuses a school admin of another board, a teacher, a board admin and the care team: no upload, no reading, no batch', async () => {
      const csv = fixture('parnassys.csv');
      const importId = await stage(csv);
      const before = { tables: await tableContents(), staging: await stagingContents() };
      for (const key of ['schoolAdminOtherBoard', 'teacher', 'boardAdmin', 'careTeam'] as const) {
        const session = await login(test.app, world.users[key].email, WORLD_PASSWORD);
        const upload = await preview({ csv }, session);
        const read = await requestAs(test.app, session, 'GET', stagedUrl(importId));
        const run = await sendBatch(importId, {}, session);
        expect([key, upload.statusCode, read.statusCode, run.statusCode]).toEqual([key, 403, 403, 403]);
        expect(run.json().error.code).toBe('forbidden');
      }
      expect({ tables: await tableContents(), staging: await stagingContents() }).toEqual(before);
    });

    it("does not find another school's staged import through the admin's own school", async () => {
      const importId = await stage(fixture('parnassys.csv'));
      const before = await tableContents();
      const otherAdmin = await login(test.app, world.users.schoolAdminOtherBoard.email, WORLD_PASSWORD);
      const read = await requestAs(test.app, otherAdmin, 'GET', stagedUrl(importId, world.schoolB1));
      const run = await sendBatch(importId, {}, otherAdmin, world.schoolB1);
      expect([read.statusCode, run.statusCode]).toEqual([404, 404]);
      expect(run.json().error.code).toBe('not_found');
      expect(await tableContents()).toEqual(before);
    });
  });
});
