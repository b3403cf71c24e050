import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { pdfText } from '../../../../test/support/pdf-text';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { startSession } from '../../auth/sessions.service';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import { isoInstant, newId } from '../../deps';

// The fake clock stands on Saturday 21 November 2026: school year 2026-2027.
const YEAR = '2026-2027';
const FORMULA_TITLE = '=HYPERLINK("http://x.test","klik")';
const GOAL_TITLE = 'Rust, ritme en regelmaat';
const EVIDENCE = 'Teamvergadering 3 november: afspraken over de start van de dag';


describe.each(testDialects())('plan exports (PDF, actions CSV) on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const sessions = new Map<WorldUserKey, Login>();

  async function as(key: WorldUserKey): Promise<Login> {
    const known = sessions.get(key);
    if (known) return known;
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    const login = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    sessions.set(key, login);
    return login;
  }
  const url = (schoolId: string, file: string) => `/api/schools/${schoolId}/plan/${file}`;
  const get = async (key: WorldUserKey, path: string, headers: Record<string, string> = {}) => {
    const login = await as(key);
    return test.app.inject({ method: 'GET', url: path, headers: { cookie: login.cookie, ...headers } });
  };

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const db = test.deps.db.kysely;
    const now = isoInstant(test.clock.now());
    // Evidence is stored encrypted, as the plan service writes it: the exports show it decrypted.
    const sealed = (id: string, evidence: string) => (evidence === '' ? Promise.resolve('') : test.deps.fieldCrypto.encrypt(encryptedFieldRef('plan_goals', 'evidence', [id]), evidence));
    const goal = async (id: string, schoolYear: string, title: string, evidence: string) =>
      db
        .insertInto('plan_goals')
        .values({ id, school_id: world.schoolA1, school_year: schoolYear, aspect_id: null, model_id: null, target_phase: null, source_round_id: null, title, owner_user_id: world.users.tsoLead.id, status: 'in_progress', evidence: await sealed(id, evidence), created_by: null, created_at: now, updated_at: now })
        .execute();
    const action = (goalId: string, title: string, dueOn: string | null, status: string, kotterStep: string | null, created: string) =>
      db
        .insertInto('plan_actions')
        .values({ id: newId(), goal_id: goalId, school_id: world.schoolA1, title, owner_user_id: world.users.tsoLead.id, due_on: dueOn, status, kotter_step: kotterStep, created_by: null, created_at: created, updated_at: now, completed_at: null })
        .execute();
    const current = newId();
    const earlier = newId();
    await goal(current, YEAR, GOAL_TITLE, EVIDENCE);
    await goal(earlier, '2025-2026', 'Doel van vorig jaar', '');
    await action(current, 'Te-laat-actie', '2026-11-02', 'open', 'urgency', '2026-09-01T08:00:00.000Z');
    await action(current, FORMULA_TITLE, '2026-12-15', 'in_progress', null, '2026-09-02T08:00:00.000Z');
    await action(current, 'Afgeronde-actie', '2026-10-01', 'done', 'vision', '2026-09-03T08:00:00.000Z');
    await action(earlier, 'Actie-van-vorig-jaar', '2026-03-01', 'done', null, '2026-01-01T08:00:00.000Z');
    await db.insertInto('plan_phases').values({ school_id: world.schoolA1, phase: 'prepare', starts_on: '2026-08-01', ends_on: '2027-01-31', updated_by: null, updated_at: now }).execute();
    // The care team is in the working group: it reads the plan even while the school has not shared it.
    await db.insertInto('plan_working_group').values({ school_id: world.schoolA1, user_id: world.users.careTeam.id, role: 'member', added_by: null, created_at: now }).execute();
  });
  afterAll(async () => test.close());

  it("writes the school year's actions as CSV with a BOM, escaping what a spreadsheet would run", async () => {
    const response = await get('tsoLead', url(world.schoolA1, 'actions.csv'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="plan-school-a1-${YEAR}-acties.csv"`);
    // Dutch Excel: a BOM, then `;` between quoted cells.
    expect(response.body.startsWith('\uFEFF"goal";"action";')).toBe(true);
    const rows = parse(response.body.slice(1), { delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['goal', 'action', 'owner', 'dueOn', 'status', 'kotterStep', 'overdue']);
    // In the plan page's order: by due date within the goal.
    expect(rows.slice(1)).toEqual([
      [GOAL_TITLE, 'Afgeronde-actie', 'tsoLead', '2026-10-01', 'done', 'vision', 'false'],
      [GOAL_TITLE, 'Te-laat-actie', 'tsoLead', '2026-11-02', 'open', 'urgency', 'true'],
      [GOAL_TITLE, `'${FORMULA_TITLE}`, 'tsoLead', '2026-12-15', 'in_progress', '', 'false'],
    ]);
    const earlier = await get('tsoLead', `${url(world.schoolA1, 'actions.csv')}?schoolYear=2025-2026`);
    expect((parse(earlier.body.slice(1), { delimiter: ';' }) as string[][]).slice(1)).toEqual([['Doel van vorig jaar', 'Actie-van-vorig-jaar', 'tsoLead', '2026-03-01', 'done', '', 'false']]);
  });

  it("writes the school year's actions as a Dutch workbook: statuses and Kotter steps in words, due dates as dates", async () => {
    const response = await get('tsoLead', url(world.schoolA1, 'actions.xlsx'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="plan-school-a1-${YEAR}-acties.xlsx"`);
    const [header, ...rows] = await readSheet(response.rawPayload);
    expect(header).toEqual(['Doel', 'Actie', 'Eigenaar', 'Einddatum', 'Status', 'Kotter-stap', 'Te laat']);
    const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date));
    expect(rows).toEqual([
      [GOAL_TITLE, 'Afgeronde-actie', 'tsoLead', day(2026, 10, 1), 'Klaar', 'Visie en aanpak', 'nee'],
      [GOAL_TITLE, 'Te-laat-actie', 'tsoLead', day(2026, 11, 2), 'Open', 'Urgentie voelen', 'ja'],
      // A text cell, never a formula: the title reads back exactly as typed.
      [GOAL_TITLE, FORMULA_TITLE, 'tsoLead', day(2026, 12, 15), 'Mee bezig', null, 'nee'],
    ]);

    const english = await readSheet((await get('tsoLead', `${url(world.schoolA1, 'actions.xlsx')}?schoolYear=2025-2026&lang=en`)).rawPayload);
    expect(english).toEqual([
      ['Goal', 'Action', 'Owner', 'Due', 'Status', 'Kotter step', 'Overdue'],
      ['Doel van vorig jaar', 'Actie-van-vorig-jaar', 'tsoLead', day(2026, 3, 1), 'Done', null, 'no'],
    ]);
    const events = await test.deps.db.kysely.selectFrom('audit_events').select('detail').where('action', '=', 'plan.exported').orderBy('seq', 'desc').limit(2).execute();
    expect(events.map((event) => JSON.parse(event.detail!))).toEqual([
      { format: 'xlsx', schoolYear: '2025-2026', actions: 1, language: 'en' },
      { format: 'xlsx', schoolYear: YEAR, actions: 3, language: 'nl' },
    ]);
  });

  it('prints the plan as a PDF in Dutch or English, overdue actions marked in words', async () => {
    const dutch = await get('leadership', url(world.schoolA1, 'export.pdf'));
    expect(dutch.statusCode).toBe(200);
    expect(dutch.headers['content-type']).toBe('application/pdf');
    expect(dutch.headers['content-disposition']).toBe(`attachment; filename="plan-school-a1-${YEAR}.pdf"`);
    const text = pdfText(dutch.rawPayload);
    for (const expected of [
      `Implementatieplan ${YEAR}`,
      'School: School A1',
      `Schooljaar: ${YEAR}`,
      'Huidige fase: Voorbereiden',
      GOAL_TITLE,
      'Status: Mee bezig',
      EVIDENCE,
      'Te-laat-actie',
      'TE LAAT: einddatum voorbij',
      'Einddatum: 2 november 2026',
      'Kotter-stap: Urgentie voelen',
      'Eigenaar: tsoLead',
      FORMULA_TITLE,
      'Afgeronde-actie',
    ]) {
      expect(text).toContain(expected);
    }
    // Only the one overdue action is marked, and last year's goal is not in this year's plan.
    expect(text.split('TE LAAT').length - 1).toBe(1);
    expect(text).not.toContain('Doel van vorig jaar');

    const english = pdfText((await get('tsoLead', `${url(world.schoolA1, 'export.pdf')}?lang=en`)).rawPayload);
    expect(english).toContain('Current phase: Prepare');
    expect(english).toContain('OVERDUE: past its due date');
    const byHeader = pdfText((await get('tsoLead', url(world.schoolA1, 'export.pdf'), { 'accept-language': 'en-GB,en;q=0.9' })).rawPayload);
    expect(byHeader).toContain(`Implementation plan ${YEAR}`);
  });

  it('audits every export with its format and school year', async () => {
    const before = (await test.deps.db.kysely.selectFrom('audit_chain_head').select('seq').executeTakeFirst())?.seq ?? 0;
    await get('tsoLead', `${url(world.schoolA1, 'actions.csv')}?schoolYear=2025-2026`);
    await get('tsoLead', url(world.schoolA1, 'export.pdf'));
    const events = await test.deps.db.kysely.selectFrom('audit_events').selectAll().where('seq', '>', before).orderBy('seq').execute();
    expect(events.map((event) => [event.action, event.actor_user_id, event.target_type, event.target_id, event.school_id, event.board_id])).toEqual([
      ['plan.exported', world.users.tsoLead.id, 'school', world.schoolA1, world.schoolA1, world.boardA],
      ['plan.exported', world.users.tsoLead.id, 'school', world.schoolA1, world.schoolA1, world.boardA],
    ]);
    expect(events.map((event) => JSON.parse(event.detail ?? '{}'))).toMatchObject([
      { format: 'csv', schoolYear: '2025-2026' },
      { format: 'pdf', schoolYear: YEAR },
    ]);
  });

  it('answers not_shared to staff outside the working group until the school shares its plan', async () => {
    for (const file of ['actions.csv', 'actions.xlsx', 'export.pdf']) {
      const refused = await get('teacher', url(world.schoolA1, file));
      expect(refused.statusCode, file).toBe(403);
      expect(refused.json().error.code).toBe('not_shared');
      expect((await get('careTeam', url(world.schoolA1, file))).statusCode, `working group ${file}`).toBe(200);
    }
    const shared = await requestAs(test.app, await as('leadership'), 'PUT', `/api/schools/${world.schoolA1}/settings`, { sharesPlanWithTeam: true });
    expect(shared.statusCode, shared.body).toBe(200);
    expect((await get('teacher', url(world.schoolA1, 'actions.csv'))).statusCode).toBe(200);
    expect((await get('teacher', url(world.schoolA1, 'actions.xlsx'))).statusCode).toBe(200);
    expect((await get('teacher', url(world.schoolA1, 'export.pdf'))).statusCode).toBe(200);
  });

  it("refuses another school's staff and the board, and writes no audit event for them", async () => {
    const before = (await test.deps.db.kysely.selectFrom('audit_chain_head').select('seq').executeTakeFirst())?.seq ?? 0;
    for (const key of ['teacherOtherSchool', 'schoolAdminOtherBoard', 'boardAdmin'] as const) {
      for (const file of ['actions.csv', 'actions.xlsx', 'export.pdf']) {
        const response = await get(key, url(world.schoolA1, file));
        expect(response.statusCode, `${key} ${file}`).toBe(403);
        expect(response.json().error.code).toBe('forbidden');
      }
    }
    const unknownSchool = await get('tsoLead', url(newId(), 'actions.csv'));
    expect(unknownSchool.statusCode).toBe(403);
    const after = (await test.deps.db.kysely.selectFrom('audit_chain_head').select('seq').executeTakeFirst())?.seq ?? 0;
    expect(after).toBe(before);
  });
});
