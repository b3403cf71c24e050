import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../src/server/auth/sessions.service';
import { isoInstant, newId } from '../src/server/deps';
import { loadShippedModels } from '../src/server/features/selfscan/model-catalogue';
import { ensureShippedModels, shippedModelId } from '../src/server/features/selfscan/selfscan.service';
import { createTestApp, type Login, requestAs, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';
import { createWorld, type World, type WorldUserKey } from './support/world';

// The table downloads of issue 12 beyond the plan and the self-scan: the staff list, the pupil list (school admin
// only) and the training register with the team's training state. Each as CSV for machines (`;`, BOM, codes, ISO
// dates, formula-looking text escaped) and as a workbook for people (Dutch headers and labels, numbers as numbers,
// dates as dates), each audited with counts only. The fake clock stands on Saturday 21 November 2026.

const YEAR = '2026-2027';
const FORMULA_NAME = '=HYPERLINK("http://x.test","klik")';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date));
const csvRows = (body: string) => parse(body.slice(1), { delimiter: ';' }) as string[][];

describe.each(testDialects())('table exports (staff, pupils, trainings) on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const sessions = new Map<WorldUserKey, Login>();
  let formulaUserId = '';

  async function as(key: WorldUserKey): Promise<Login> {
    const known = sessions.get(key);
    if (known) return known;
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    const login = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    sessions.set(key, login);
    return login;
  }
  const get = async (key: WorldUserKey, path: string, headers: Record<string, string> = {}) =>
    test.app.inject({ method: 'GET', url: path, headers: { cookie: (await as(key)).cookie, ...headers } });
  const school = (file: string) => `/api/schools/${world.schoolA1}/${file}`;
  const auditSeq = async () => (await test.deps.db.kysely.selectFrom('audit_chain_head').select('seq').executeTakeFirst())?.seq ?? 0;
  const eventsSince = async (seq: number) => test.deps.db.kysely.selectFrom('audit_events').selectAll().where('seq', '>', seq).orderBy('seq').execute();

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const db = test.deps.db.kysely;
    const now = isoInstant(test.clock.now());
    // A colleague whose name a spreadsheet would run as a formula, with a start date, in two classes.
    formulaUserId = newId();
    await db.insertInto('users').values({ id: formulaUserId, email: 'formule@world.test', name: FORMULA_NAME, password_hash: 'x', locale: 'nl', disabled_at: null, created_at: now, home_board_id: world.boardA }).execute();
    await db.insertInto('school_memberships').values({ school_id: world.schoolA1, user_id: formulaUserId, role: 'teacher', created_at: now }).execute();
    await db.insertInto('school_memberships').values({ school_id: world.schoolA1, user_id: formulaUserId, role: 'care_team', created_at: now }).execute();
    await db.insertInto('class_teachers').values([
      { class_id: world.classA1Other, user_id: formulaUserId, created_at: now },
      { class_id: world.classA1, user_id: formulaUserId, created_at: now },
    ]).execute();
    const started = await requestAs(test.app, await as('schoolAdmin'), 'PUT', school(`staff/${formulaUserId}/start-date`), { startedOn: '2019-08-15' });
    expect(started.statusCode, started.body).toBe(200);
    // A pupil whose number starts with zeros and whose last name looks like a formula.
    const pupilId = newId();
    await db.insertInto('pupils').values({ id: pupilId, school_id: world.schoolA1, pupil_number: '000123', first_name: 'Ayla', last_name: '@Aydın', birth_date: '2018-02-28', created_at: now, updated_at: now }).execute();
    await db.insertInto('class_pupils').values({ class_id: world.classA1, pupil_id: pupilId, created_at: now }).execute();
    // Two trainings: the full one for two colleagues and a partner, and an intro.
    for (const body of [
      { kind: 'full_team', heldOn: '2026-10-01', participantUserIds: [world.users.teacher.id, world.users.careTeam.id], partners: ['@Jeugdzorg Noord', 'GGD'] },
      { kind: 'intro', heldOn: '2026-11-02', participantUserIds: [world.users.leadership.id], partners: [] },
    ]) {
      const recorded = await requestAs(test.app, await as('tsoLead'), 'POST', school('trainings'), body);
      expect(recorded.statusCode, recorded.body).toBe(201);
    }
  });
  afterAll(async () => test.close());

  describe('the staff list', () => {
    it('is CSV with a BOM and `;`, role codes, ISO dates and formula-looking names escaped', async () => {
      const response = await get('leadership', school('staff.csv'));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe('attachment; filename="personeel-school-a1.csv"');
      expect(response.body.startsWith('\uFEFF"name";"email";')).toBe(true);
      const [header, ...rows] = csvRows(response.body);
      expect(header).toEqual(['name', 'email', 'roles', 'pendingRoles', 'classes', 'startedOn', 'joinedOn', 'status']);
      expect(rows.find((row) => row[1] === 'formule@world.test')).toEqual([`'${FORMULA_NAME}`, 'formule@world.test', 'teacher,care_team', '', 'Groep 5, Groep 6', '2019-08-15', '2026-11-21', 'active']);
      expect(rows.find((row) => row[0] === 'schoolAdmin')).toEqual(['schoolAdmin', 'schooladmin@world.test', 'school_admin', '', '', '', '2026-11-21', 'active']);
      // The school's staff only: nobody of school A2 or board B.
      expect(rows.map((row) => row[0]).sort()).toEqual([FORMULA_NAME, 'careTeam', 'leadership', 'schoolAdmin', 'teacher', 'tsoLead'].map((name) => (name === FORMULA_NAME ? `'${name}` : name)).sort());
    });

    it('is a Dutch workbook: role labels and status in words, dates as dates; English on request', async () => {
      const response = await get('schoolAdmin', school('staff.xlsx'));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX);
      const [header, ...rows] = await readSheet(response.rawPayload);
      expect(header).toEqual(['Naam', 'E-mailadres', 'Rollen', 'Rollen die wachten op goedkeuring', 'Klassen', 'In dienst sinds', 'Eerste rol gekregen op', 'Status']);
      // A text cell, never a formula: the name reads back exactly as stored.
      expect(rows.find((row) => row[1] === 'formule@world.test')).toEqual([FORMULA_NAME, 'formule@world.test', 'Leerkracht, Zorgteam', null, 'Groep 5, Groep 6', day(2019, 8, 15), day(2026, 11, 21), 'Actief']);
      const english = await readSheet((await get('schoolAdmin', `${school('staff.xlsx')}?lang=en`)).rawPayload);
      expect(english[0]?.[0]).toBe('Name');
      expect(english.find((row) => row[1] === 'tsolead@world.test')).toEqual(['tsoLead', 'tsolead@world.test', 'TSO lead', null, null, null, day(2026, 11, 21), 'Active']);
    });

    it('is audited with a count, and refused to those who may not read the staff list', async () => {
      const before = await auditSeq();
      expect((await get('boardAdmin', school('staff.xlsx'))).statusCode).toBe(200);
      const events = await eventsSince(before);
      expect(events.map((event) => [event.action, event.actor_user_id, event.target_type, event.target_id, event.school_id, event.board_id])).toEqual([
        ['staff.exported', world.users.boardAdmin.id, 'school', world.schoolA1, world.schoolA1, world.boardA],
      ]);
      expect(JSON.parse(events[0]!.detail!)).toEqual({ format: 'xlsx', rows: 6, language: 'nl' });
      const refusedFrom = await auditSeq();
      for (const key of ['teacher', 'tsoLead', 'careTeam', 'schoolAdminOtherBoard'] as const) {
        const refused = await get(key, school('staff.csv'));
        expect(refused.statusCode, key).toBe(403);
      }
      expect(await auditSeq()).toBe(refusedFrom);
    });
  });

  describe('the pupil list', () => {
    it('is CSV with the pupil number as text, ISO dates and formula-looking names escaped', async () => {
      const response = await get('schoolAdmin', school('pupils.csv'));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="leerlingen-school-a1-${YEAR}.csv"`);
      expect(response.body.startsWith('\uFEFF"pupilNumber";"firstName";')).toBe(true);
      expect(csvRows(response.body)).toEqual([
        ['pupilNumber', 'firstName', 'lastName', 'birthDate', 'className', 'leftOn'],
        // In the page's order: by class, then last name without tussenvoegsel.
        ['000123', 'Ayla', "'@Aydın", '2018-02-28', 'Groep 5', ''],
        ['1001', 'Sanne', 'de Vries', '2017-03-04', 'Groep 5', ''],
        ['1002', 'Milan', 'Jansen', '2016-05-06', 'Groep 6', ''],
      ]);
    });

    it('is a Dutch workbook with birth dates as dates, the pupil number as text, and follows the class filter', async () => {
      const response = await get('schoolAdmin', `${school('pupils.xlsx')}?classId=${world.classA1}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="leerlingen-school-a1-groep-5-${YEAR}.xlsx"`);
      expect(await readSheet(response.rawPayload)).toEqual([
        ['Leerlingnummer', 'Roepnaam', 'Achternaam', 'Geboortedatum', 'Klas', 'Vertrokken op'],
        ['000123', 'Ayla', '@Aydın', day(2018, 2, 28), 'Groep 5', null],
        ['1001', 'Sanne', 'de Vries', day(2017, 3, 4), 'Groep 5', null],
      ]);
      const english = await readSheet((await get('schoolAdmin', `${school('pupils.xlsx')}?lang=en`)).rawPayload);
      expect(english[0]).toEqual(['Pupil number', 'First name', 'Last name', 'Date of birth', 'Class', 'Left on']);
    });

    it('is for the school admin only, audited as pupils.exported with a count, never a name', async () => {
      const before = await auditSeq();
      expect((await get('schoolAdmin', `${school('pupils.csv')}?classId=${world.classA1Other}`)).statusCode).toBe(200);
      const events = await eventsSince(before);
      expect(events.map((event) => [event.action, event.actor_user_id, event.target_type, event.target_id, event.school_id, event.board_id])).toEqual([
        ['pupils.exported', world.users.schoolAdmin.id, 'class', world.classA1Other, world.schoolA1, world.boardA],
      ]);
      expect(JSON.parse(events[0]!.detail!)).toEqual({ format: 'csv', schoolYear: YEAR, rows: 1 });
      const refusedFrom = await auditSeq();
      for (const key of ['leadership', 'careTeam', 'teacher', 'boardAdmin', 'schoolAdminOtherBoard'] as const) {
        const refused = await get(key, school('pupils.xlsx'));
        expect(refused.statusCode, key).toBe(403);
        expect(refused.json().error.code).toBe('forbidden');
      }
      // A class of another school is not found, and nothing is written.
      expect((await get('schoolAdmin', `${school('pupils.csv')}?classId=${world.classB1}`)).statusCode).toBe(404);
      expect(await auditSeq()).toBe(refusedFrom);
    });
  });

  describe('the training register and the training state', () => {
    it('writes the trainings newest first: CSV with codes, a workbook with labels, counts as numbers and dates as dates', async () => {
      const csv = await get('tsoLead', school('trainings.csv'));
      expect(csv.statusCode, csv.body).toBe(200);
      expect(csv.headers['content-disposition']).toBe('attachment; filename="scholingen-school-a1.csv"');
      expect(csvRows(csv.body)).toEqual([
        ['heldOn', 'kind', 'title', 'participantCount', 'participants', 'partners'],
        ['2026-11-02', 'intro', '', '1', 'leadership', ''],
        ['2026-10-01', 'full_team', '', '2', 'careTeam, teacher', "'@Jeugdzorg Noord, GGD"],
      ]);
      const workbook = await get('leadership', school('trainings.xlsx'));
      expect(workbook.headers['content-type']).toBe(XLSX);
      expect(await readSheet(workbook.rawPayload)).toEqual([
        ['Datum', 'Soort scholing', 'Eigen titel', 'Aantal deelnemers', 'Deelnemers', 'Ketenpartners'],
        [day(2026, 11, 2), 'Kennismakingsworkshop', null, 1, 'leadership', null],
        [day(2026, 10, 1), 'Teamtraining met voor- en natraject', null, 2, 'careTeam, teacher', '@Jeugdzorg Noord, GGD'],
      ]);
    });

    it("writes who still needs the full training, with the state in words and the deadline as a date", async () => {
      const csv = await get('schoolAdmin', school('trainings/coverage.csv'));
      expect(csv.statusCode, csv.body).toBe(200);
      const [header, ...rows] = csvRows(csv.body);
      expect(header).toEqual(['name', 'joinedOn', 'state', 'trainBy']);
      // Everyone joined today (within the 12 months) except the colleague who started in 2019, who is overdue;
      // the two who had the full training are not on it.
      expect(rows[0]).toEqual([`'${FORMULA_NAME}`, '2019-08-15', 'overdue', '']);
      expect(rows.slice(1).map((row) => row[0]).sort()).toEqual(['leadership', 'schoolAdmin', 'tsoLead']);
      expect(rows.slice(1).every((row) => row[1] === '2026-11-21' && row[2] === 'within_grace' && row[3] === '2027-11-21')).toBe(true);

      const sheet = await readSheet((await get('schoolAdmin', school('trainings/coverage.xlsx'))).rawPayload);
      expect(sheet[0]).toEqual(['Naam', 'In het team sinds', 'Stand', 'Trainen vóór']);
      expect(sheet[1]).toEqual([FORMULA_NAME, day(2019, 8, 15), 'Nog niet getraind, termijn voorbij', null]);
      expect(sheet.find((row) => row[0] === 'tsoLead')).toEqual(['tsoLead', day(2026, 11, 21), 'Nieuw, nog binnen de termijn', day(2027, 11, 21)]);
    });

    it('is audited as training.exported with the table and a count, and refused to the rest of the team', async () => {
      const before = await auditSeq();
      expect((await get('tsoLead', `${school('trainings/coverage.xlsx')}?lang=en`)).statusCode).toBe(200);
      const events = await eventsSince(before);
      expect(events.map((event) => [event.action, event.actor_user_id, event.target_type, event.target_id, event.school_id, event.board_id])).toEqual([
        ['training.exported', world.users.tsoLead.id, 'school', world.schoolA1, world.schoolA1, world.boardA],
      ]);
      expect(JSON.parse(events[0]!.detail!)).toEqual({ table: 'coverage', format: 'xlsx', rows: 4, language: 'en' });
      const refusedFrom = await auditSeq();
      for (const key of ['teacher', 'careTeam', 'boardAdmin', 'teacherOtherSchool'] as const) {
        for (const file of ['trainings.csv', 'trainings/coverage.xlsx']) {
          expect((await get(key, school(file))).statusCode, `${key} ${file}`).toBe(403);
        }
      }
      expect(await auditSeq()).toBe(refusedFrom);
    });
  });

  describe("the board's plan roll-up", () => {
    it('lists only the schools that share their plan: phase in words, counts as numbers, the trained share as a percentage', async () => {
      const before = await auditSeq();
      const notYet = await get('boardAdmin', `/api/boards/${world.boardA}/plan-rollup.csv`);
      expect(notYet.statusCode, notYet.body).toBe(200);
      expect(csvRows(notYet.body)).toEqual([['school', 'phase', 'schoolYear', 'goalsAchieved', 'goalsTotal', 'overdueActions', 'currentStaff', 'fullyTrained', 'trainedShare']]);
      const shared = await requestAs(test.app, await as('leadership'), 'PUT', school('settings'), { sharesPlanWithBoard: true });
      expect(shared.statusCode, shared.body).toBe(200);
      const now = isoInstant(test.clock.now());
      await test.deps.db.kysely.insertInto('plan_phases').values({ school_id: world.schoolA1, phase: 'prepare', starts_on: '2026-08-01', ends_on: '2027-01-31', updated_by: null, updated_at: now }).execute();

      const csv = await get('boardAdmin', `/api/boards/${world.boardA}/plan-rollup.csv`);
      expect(csv.headers['content-disposition']).toBe('attachment; filename="implementatieplannen-bestuur-a.csv"');
      // Six current staff in School A1 (the world's five and the colleague added here), two of them fully trained.
      expect(csvRows(csv.body)[1]).toEqual(['School A1', 'prepare', YEAR, '0', '0', '0', '6', '2', '0,3333333333333333']);
      const workbook = await get('boardAdmin', `/api/boards/${world.boardA}/plan-rollup.xlsx`);
      expect(await readSheet(workbook.rawPayload)).toEqual([
        ['School', 'Fase', 'Schooljaar', 'Doelen behaald', 'Doelen dit schooljaar', 'Acties over de datum', 'Medewerkers', 'Volledig getraind', 'Aandeel volledig getraind'],
        ['School A1', 'Voorbereiden', YEAR, 0, 0, 0, 6, 2, 0.33],
      ]);
      const events = await eventsSince(before);
      expect(events.filter((event) => event.action === 'plan.board_rollup_read').map((event) => JSON.parse(event.detail!))).toEqual([
        { schoolsShown: [], notSharing: 2, format: 'csv' },
        { schoolsShown: [world.schoolA1], notSharing: 1, format: 'csv' },
        { schoolsShown: [world.schoolA1], notSharing: 1, format: 'xlsx', language: 'nl' },
      ]);
    });

    it("is refused to schools' staff and to another board, without an audit event", async () => {
      const before = await auditSeq();
      for (const key of ['schoolAdmin', 'leadership', 'tsoLead', 'boardAdminOtherBoard'] as const) {
        expect((await get(key, `/api/boards/${world.boardA}/plan-rollup.xlsx`)).statusCode, key).toBe(403);
      }
      expect(await auditSeq()).toBe(before);
    });
  });

  describe('the anonymous check-in figures', () => {
    // Groep 5: Monday 16 and Tuesday 17 November six pupils each, three of them in the window. Groep 6: Monday two
    // pupils, fewer than the board's k of 5, so the page leaves that class out — and so must every file.
    beforeAll(async () => {
      const stored = (classId: string, date: string, pupilsCheckedIn: number, inWindow: number) => ({
        class_id: classId,
        school_date: date,
        pupils_checked_in: pupilsCheckedIn,
        in_window: inWindow,
        bit_high: pupilsCheckedIn - inWindow,
        far_high: 0,
        low: 0,
        wants_talk: 0,
      });
      await test.deps.db.kysely
        .insertInto('checkin_class_days')
        .values([stored(world.classA1, '2026-11-16', 6, 3), stored(world.classA1, '2026-11-17', 6, 3), stored(world.classA1Other, '2026-11-16', 2, 2)])
        .execute();
    });

    it("writes a school's figures per week as CSV and per day as a workbook, exactly the classes and periods of the page", async () => {
      const page = (await requestAs(test.app, await as('leadership'), 'GET', school('checkin/aggregates'))).json();
      expect(page.classes.map((entry: { className: string }) => entry.className)).toEqual(['Groep 5']);
      const csv = await get('leadership', school('checkin/aggregates.csv'));
      expect(csv.statusCode, csv.body).toBe(200);
      expect(csv.headers['content-disposition']).toBe('attachment; filename="checkin-cijfers-school-a1.csv"');
      expect(csv.body.startsWith('\uFEFF"class";"week";')).toBe(true);
      expect(csvRows(csv.body)).toEqual([
        ['class', 'week', 'days', 'pupilsCheckedIn', 'shareInWindow'],
        ['Groep 5', '2026-W47', '2', '6', '0,5'],
      ]);
      const workbook = await get('tsoLead', `${school('checkin/aggregates.xlsx')}?groupBy=day&from=2026-11-09&to=2026-11-21`);
      expect(workbook.statusCode, workbook.body).toBe(200);
      expect(await readSheet(workbook.rawPayload)).toEqual([
        ['Klas', 'Dag', 'Dagen geteld', 'Leerlingen ingecheckt', 'In het raampje'],
        ['Groep 5', day(2026, 11, 16), 1, 6, 0.5],
        ['Groep 5', day(2026, 11, 17), 1, 6, 0.5],
      ]);
      const weeks = await readSheet((await get('leadership', `${school('checkin/aggregates.xlsx')}?lang=en`)).rawPayload);
      expect(weeks).toEqual([
        ['Class', 'Week', 'Days counted', 'Pupils checked in (average per day)', 'In the window'],
        ['Groep 5', 'week 47 (2026)', 2, 6, 0.5],
      ]);
      // The class below k is in no file (the workbooks' rows are compared whole above), nor is any pupil.
      expect(csv.body).not.toContain('Groep 6');
      expect(csv.body).not.toContain('Sanne');
    });

    it("writes the board's figures with the school's name, only once the school shares them, and refuses the rest", async () => {
      const url = `/api/boards/${world.boardA}/checkin/aggregates`;
      expect(csvRows((await get('boardAdmin', `${url}.csv`)).body)).toEqual([['school', 'class', 'week', 'days', 'pupilsCheckedIn', 'shareInWindow']]);
      const shared = await requestAs(test.app, await as('leadership'), 'PUT', school('settings'), { sharesCheckinWithBoard: true });
      expect(shared.statusCode, shared.body).toBe(200);
      const workbook = await get('boardAdmin', `${url}.xlsx`);
      expect(workbook.headers['content-disposition']).toBe('attachment; filename="checkin-cijfers-bestuur-a.xlsx"');
      expect(await readSheet(workbook.rawPayload)).toEqual([
        ['School', 'Klas', 'Week', 'Dagen geteld', 'Leerlingen ingecheckt (gemiddeld per dag)', 'In het raampje'],
        ['School A1', 'Groep 5', 'week 47 (2026)', 2, 6, 0.5],
      ]);
      for (const key of ['teacher', 'careTeam', 'schoolAdmin'] as const) {
        expect((await get(key, school('checkin/aggregates.csv'))).statusCode, key).toBe(403);
      }
      for (const key of ['leadership', 'boardAdminOtherBoard'] as const) {
        expect((await get(key, `${url}.xlsx`)).statusCode, key).toBe(403);
      }
      // The page's own checks on the period hold for the files too.
      expect((await get('leadership', `${school('checkin/aggregates.csv')}?from=2026-11-27&to=2026-11-01`)).statusCode).toBe(400);
    });
  });

  describe("the board's self-scan view", () => {
    const model = loadShippedModels()[0]!;
    const [layer] = model.layers;
    const [first, second] = layer!.aspects;
    const aspectCount = model.layers.reduce((sum, each) => sum + each.aspects.length, 0);

    // School A1's closed spring round: the five of its team answered (the board's k is 5) and agreed on two aspects.
    beforeAll(async () => {
      const db = test.deps.db.kysely;
      const now = isoInstant(test.clock.now());
      await ensureShippedModels(db, test.clock.now());
      const roundId = newId();
      await db
        .insertInto('selfscan_rounds')
        .values({ id: roundId, school_id: world.schoolA1, model_id: shippedModelId(model.id, model.version), name: 'Voorjaar 2026', opens_on: '2026-03-02', closes_on: '2026-03-27', audience: JSON.stringify({ roles: [], locationIds: [] }), results_shared_at: null, created_by: null, created_at: now })
        .execute();
      for (const [key, role] of [['schoolAdmin', 'school_admin'], ['leadership', 'leadership'], ['tsoLead', 'tso_lead'], ['teacher', 'teacher'], ['careTeam', 'care_team']] as const) {
        const responseId = newId();
        await db.insertInto('selfscan_invitations').values({ round_id: roundId, user_id: world.users[key].id }).execute();
        await db.insertInto('selfscan_responses').values({ id: responseId, round_id: roundId, user_id: world.users[key].id, role, created_at: now, updated_at: now }).execute();
        await db.insertInto('selfscan_ratings').values({ response_id: responseId, aspect_id: first!.id, phase: 2, note: null, updated_at: now }).execute();
      }
      for (const [aspectId, phase] of [[first!.id, 2], [second!.id, 3]] as const) {
        await db.insertInto('selfscan_consensus').values({ round_id: roundId, aspect_id: aspectId, phase, rationale: 'Samen besproken', recorded_by: null, recorded_at: now }).execute();
      }
    });

    it('writes nothing of a school until it shares, then one row per aspect: ids in the CSV, names and dates in the workbook', async () => {
      const url = `/api/boards/${world.boardA}/selfscan`;
      const before = await auditSeq();
      const notShared = await get('boardAdmin', `${url}.csv`);
      expect(notShared.statusCode, notShared.body).toBe(200);
      expect(csvRows(notShared.body)).toEqual([
        ['school', 'state', 'round', 'opensOn', 'closesOn', 'layer', 'aspect', 'phase'],
        ['School A1', 'not_shared', '', '', '', '', '', ''],
        ['School A2', 'not_shared', '', '', '', '', '', ''],
      ]);
      const shared = await requestAs(test.app, await as('leadership'), 'PUT', school('settings'), { sharesSelfscanWithBoard: true });
      expect(shared.statusCode, shared.body).toBe(200);

      const csv = csvRows((await get('boardAdmin', `${url}.csv`)).body);
      const ours = csv.filter((row) => row[0] === 'School A1');
      expect(ours).toHaveLength(aspectCount);
      expect(ours[0]).toEqual(['School A1', 'shown', 'Voorjaar 2026', '2026-03-02', '2026-03-27', layer!.id, first!.id, '2']);
      expect(ours[1]).toEqual(['School A1', 'shown', 'Voorjaar 2026', '2026-03-02', '2026-03-27', layer!.id, second!.id, '3']);
      expect(ours[2]?.[7]).toBe('');

      const workbook = await get('boardAdmin', `${url}.xlsx`);
      expect(workbook.headers['content-disposition']).toBe('attachment; filename="zelfscan-per-school-bestuur-a.xlsx"');
      const [header, ...rows] = await readSheet(workbook.rawPayload);
      expect(header).toEqual(['School', 'Stand', 'Ronde', 'Ronde geopend op', 'Ronde gesloten op', 'Groeilaag', 'Accent', 'Vastgestelde groeifase', 'Naam van de groeifase']);
      expect(rows[0]).toEqual(['School A1', 'Gedeeld', 'Voorjaar 2026', day(2026, 3, 2), day(2026, 3, 27), layer!.name.nl, first!.name.nl, 2, model.phases['2'].nl]);
      expect(rows.at(-1)).toEqual(['School A2', 'Niet gedeeld met het bestuur', null, null, null, null, null, null, null]);
      const english = await readSheet((await get('boardAdmin', `${url}.xlsx?lang=en`)).rawPayload);
      expect(english[2]).toEqual(['School A1', 'Shared', 'Voorjaar 2026', day(2026, 3, 2), day(2026, 3, 27), layer!.name.en, second!.name.en, 3, model.phases['3'].en]);

      const events = (await eventsSince(before)).filter((event) => event.action === 'selfscan.board_view_read');
      expect(events.map((event) => JSON.parse(event.detail!))).toEqual([
        { schoolsShown: [], format: 'csv' },
        { schoolsShown: [world.schoolA1], format: 'csv' },
        { schoolsShown: [world.schoolA1], format: 'xlsx', language: 'nl' },
        { schoolsShown: [world.schoolA1], format: 'xlsx', language: 'en' },
      ]);
      const refusedFrom = await auditSeq();
      for (const key of ['schoolAdmin', 'leadership', 'boardAdminOtherBoard'] as const) {
        expect((await get(key, `${url}.xlsx`)).statusCode, key).toBe(403);
      }
      expect(await auditSeq()).toBe(refusedFrom);
    });
  });
});
