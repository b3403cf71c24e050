import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../../test/support/pdf-text';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { giveSanneData } from './subject-test-data';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { TABLE_ENTRIES } from './register-tables';
import { type SubjectExport, subjectProblems } from './subject-export';
import { subjectDocument } from './subject-export.pdf';

// A request of access (AVG art. 15) for one pupil, parent or staff member, made from the processing register: the
// data a school really holds about the person appears, opened from its encryption, without secrets, grouped by the
// register's categories; and the register cannot gain a table that points at a person without saying whether and
// how the export searches it.

/** Every column name and every text value of an export, to look for what must never be in it. */
function everythingIn(data: SubjectExport): string {
  return JSON.stringify(data.categories.flatMap((category) => category.tables.flatMap((table) => table.rows)));
}

/** The rows of one table of an export. */
function rowsOf(data: SubjectExport, table: string): Record<string, unknown>[] {
  return data.categories.flatMap((category) => category.tables).find((entry) => entry.table === table)?.rows ?? [];
}

describe.each(testDialects())('a request of access on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let parentId = '';
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);
  const exportUrl = (path: string) => `/api/schools/${world.schoolA1}/subject-exports/${path}`;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    parentId = (await giveSanneData(test, world)).parentId;
  });
  afterAll(async () => test.close());

  it("gives the school admin everything about a pupil, encrypted fields opened, grouped by category with purpose and legal basis; care data only says it is the care team's", async () => {
    const response = await requestAs(test.app, await as('schoolAdmin'), 'GET', exportUrl(`pupils/${world.pupilInClassA1}.json`));
    expect(response.statusCode, response.body).toBe(200);
    const data = response.json<SubjectExport>();
    expect(data.subject).toEqual({ kind: 'pupil', id: world.pupilInClassA1, name: 'Sanne de Vries' });
    expect(rowsOf(data, 'pupils')).toMatchObject([{ pupil_number: '1001', first_name: 'Sanne' }]);
    expect(rowsOf(data, 'checkins')).toMatchObject([{ state: 'bit_high', word: 'zenuwachtig' }]);
    // Need-to-know inside the school: the care conversation is the care team's to export, not the school admin's.
    expect(rowsOf(data, 'care_conversations')).toEqual([]);
    expect(response.body).not.toContain('Praat over de pauzes.');
    expect(response.body).not.toContain('Slaapt slecht.');
    expect(rowsOf(data, 'parent_contacts')).toMatchObject([{ topic: 'Rapport', note: 'Moeder belt terug na de vakantie.' }]);
    expect(rowsOf(data, 'parent_children')).toMatchObject([{ parent_id: parentId }]);
    expect(rowsOf(data, 'questionnaire_responses')).toMatchObject([{ answers: '{"q1":4}' }]);
    expect(rowsOf(data, 'class_pupils')).toMatchObject([{ class_id: world.classA1 }]);
    expect(data.categories.find((category) => category.category === 'special_care')).toBeUndefined();
    expect(data.categories.find((category) => category.category === 'pupil_identity')?.legalBasis.nl).toContain('AVG');
    const leftOut = new Map(data.leftOut.map((entry) => [entry.table, entry.why.nl]));
    expect([...leftOut.keys()]).toEqual(expect.arrayContaining(['care_meldcode_cases', 'care_meldcode_steps', 'care_conversations', 'care_support_plans', 'care_ace_answers']));
    expect(leftOut.get('care_conversations')).toContain('zorgteam');
  });

  it('never lets a secret out: session and code hashes, CSRF tokens, password hashes, the shielding reason', async () => {
    const admin = await as('schoolAdmin');
    const pupil = (await requestAs(test.app, admin, 'GET', exportUrl(`pupils/${world.pupilInClassA1}.json`))).json<SubjectExport>();
    expect(rowsOf(pupil, 'pupil_sessions')).toHaveLength(1);
    const parent = (await requestAs(test.app, admin, 'GET', exportUrl(`parents/${parentId}.json`))).json<SubjectExport>();
    expect(rowsOf(parent, 'parents')).toMatchObject([{ name: 'Ouder Test' }]);
    expect(rowsOf(parent, 'parent_sessions')).toHaveLength(1);
    const staff = (await requestAs(test.app, admin, 'GET', exportUrl(`staff/${world.users.teacher.id}.json`))).json<SubjectExport>();
    expect(rowsOf(staff, 'users')).toMatchObject([{ email: world.users.teacher.email }]);
    expect(rowsOf(staff, 'sessions').length).toBeGreaterThan(0);
    expect(rowsOf(staff, 'class_teachers')).toMatchObject([{ class_id: world.classA1 }]);
    const storedHashes = [
      ...(await test.deps.db.kysely.selectFrom('sessions').select('id_hash as hash').where('user_id', '=', world.users.teacher.id).execute()),
      ...(await test.deps.db.kysely.selectFrom('pupil_sessions').select('id_hash as hash').execute()),
      ...(await test.deps.db.kysely.selectFrom('users').select('password_hash as hash').where('id', '=', world.users.teacher.id).execute()),
    ].flatMap((row) => (row.hash ? [row.hash] : []));
    expect(storedHashes.length).toBeGreaterThan(2);
    for (const data of [pupil, parent, staff]) {
      const text = everythingIn(data);
      for (const secret of ['id_hash', 'csrf_token', 'password_hash', 'code_hash', 'token_hash', 'exclusion_reason', 'secret_encrypted', ...storedHashes]) expect(text, secret).not.toContain(secret);
    }
  });

  it('answers 404 for a person of another school, refuses a teacher, and audits each download', async () => {
    const admin = await as('schoolAdmin');
    expect((await requestAs(test.app, admin, 'GET', exportUrl(`pupils/${world.pupilB1}.json`))).statusCode).toBe(404);
    expect((await requestAs(test.app, admin, 'GET', exportUrl(`staff/${world.users.teacherOtherSchool.id}.json`))).statusCode).toBe(404);
    expect((await requestAs(test.app, admin, 'GET', exportUrl(`parents/${randomUUID()}.pdf`))).statusCode).toBe(404);
    expect((await requestAs(test.app, await as('teacher'), 'GET', exportUrl(`pupils/${world.pupilInClassA1}.json`))).statusCode).toBe(403);
    const events = () => test.deps.db.kysely.selectFrom('audit_events').select(['action', 'target_type', 'target_id', 'detail']).where('action', '=', 'privacy.subject_exported').where('target_id', '=', world.pupilInClassA1).execute();
    const before = (await events()).length;
    expect((await requestAs(test.app, admin, 'GET', exportUrl(`pupils/${world.pupilInClassA1}.pdf?lang=en`))).statusCode).toBe(200);
    const after = await events();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ target_type: 'pupil' });
    expect(JSON.parse(after.at(-1)?.detail ?? '{}')).toEqual({ kind: 'pupil', format: 'pdf', language: 'en' });
  });

  it("writes a readable PDF with the pupil's name and every category heading", async () => {
    const admin = await as('schoolAdmin');
    const data = (await requestAs(test.app, admin, 'GET', exportUrl(`pupils/${world.pupilInClassA1}.json`))).json<SubjectExport>();
    const response = await requestAs(test.app, admin, 'GET', exportUrl(`pupils/${world.pupilInClassA1}.pdf?lang=nl`));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.rawPayload);
    expect(data.categories.length).toBeGreaterThan(3);
    for (const expected of ['Inzageverzoek', 'Sanne de Vries', 'zenuwachtig', ...data.categories.map((category) => category.name.nl)]) expect(text, expected).toContain(expected);
    expect(text).not.toContain('Praat over de pauzes.');
    expect(subjectDocument(data, 'en').map((section) => section.title)).toEqual([...data.categories.map((category) => category.name.en), 'Not in this overview']);
  });

  describe('the register names who every table with a person column is about', () => {
    let columns: Map<string, Set<string>>;
    // Any entries, also ones naming a column the database lacks (the real register's types refuse those).
    const check = (entries: Parameters<typeof subjectProblems>[0]['entries']) => subjectProblems({ entries, columnsInDatabase: columns });

    beforeAll(async () => {
      columns = new Map();
      for (const table of await test.deps.db.kysely.introspection.getTables()) {
        if (!table.name.startsWith('kysely_migration')) columns.set(table.name, new Set(table.columns.map((column) => column.name)));
      }
    });

    it('finds nothing missing in the real register', () => {
      expect(columns.size).toBeGreaterThan(100);
      expect(check(TABLE_ENTRIES)).toEqual([]);
    });

    it('fails for a table with a person column whose entry names no subject, and for a person column not searched', () => {
      const { subjects: _left, ...checkinsWithout } = TABLE_ENTRIES.checkins!;
      expect(check({ ...TABLE_ENTRIES, checkins: checkinsWithout })).toEqual(['table checkins has person columns (pupil_id) but its register entry names no subject and no reason']);
      const choices = TABLE_ENTRIES.sociogram_choices!;
      const withoutWhy = { ...choices, subjects: { pupil: ['chooser_id'], scope: { column: 'sociogram_id', table: 'sociograms' } } } as const;
      expect(check({ ...TABLE_ENTRIES, sociogram_choices: withoutWhy })).toEqual(['person column sociogram_choices.chosen_id is neither searched for a request of access nor said why not']);
    });

    it('fails for a column that is not there and for a table without school_id that says no scope', () => {
      const votes = TABLE_ENTRIES.team_pulse_votes!;
      expect(check({ ...TABLE_ENTRIES, team_pulse_votes: { ...votes, subjects: { staff: ['user_id'] } } })).toEqual(['table team_pulse_votes has no school_id: its subjects need a scope']);
      const users = TABLE_ENTRIES.users!;
      expect(check({ ...TABLE_ENTRIES, users: { ...users, exportOmit: { columns: ['password'], why: 'secret' } } })).toEqual([
        'users.password is left out of the export but is not a column of the database',
      ]);
    });
  });
});
