import { createInstance } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../src/server/features/demo/demo.data';
import { seedDemo } from '../src/server/features/demo/demo.seed';
import type { School, Session } from '../src/web/api/api-types';
import nl from '../src/web/i18n/locales/nl.json';
import { boardMenuLinks } from '../src/web/pages/board/board-menu';
import { schoolMenuLinks } from '../src/web/pages/school/school-menu';
import { BOARD_MENU, DEMO_ROLE_EXPECTATIONS, type SchoolName } from './support/demo-roles';
import { createTestApp, login, type Login, requestAs, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';

// Which demo role sees which menus, home lists and pupils, without a browser: the session comes from the
// real API and the menus from the web app's own menu functions (what the layouts render), so every role ×
// school is cheap here. test/e2e/roles.e2e.test.ts checks in Chromium that this is what renders.

/** The request a page cannot do without, by its path below the school or board (the page shows an error without it). */
const SCHOOL_PAGE_REQUEST: Record<string, (schoolYear: string) => string> = {
  '': () => '',
  zelfscan: () => '/selfscan/rounds',
  leerlingen: (year) => `/pupils?schoolYear=${year}`,
  klassen: (year) => `/classes?schoolYear=${year}`,
  locaties: () => '/locations',
  'check-in': (year) => `/classes?schoolYear=${year}`,
  groep: (year) => `/classes?schoolYear=${year}`,
  plan: (year) => `/plan?schoolYear=${year}`,
  scholing: () => '/trainings',
  partners: () => '/partners',
  // The team area's way in asks for nothing; its parts load their own data.
  team: () => '',
  metingen: (year) => `/questionnaire-waves?schoolYear=${year}`,
  effect: () => '/effect-evaluation',
  vragenlijsten: () => '/my-questionnaires',
  personeel: () => '/staff',
  onderzoek: () => '/research',
  zorg: () => '/care/overview',
  bewaartermijnen: () => '/care/retention',
  aandachtsfunctionaris: () => '/care/attention-officer',
  'sociogram-instellingen': () => '/sociogram-settings',
  regulatie: () => '/regulation/activities',
  ouders: () => '/parent-contacts',
  'regulatie/beheer': () => '/regulation/library',
  ouderpagina: () => '/parent-settings',
  // The break-glass page asks for nothing until someone searches a pupil.
  noodtoegang: () => '',
  postvak: () => '/outbox',
  logboek: () => '/audit-events',
  verwerkingsregister: () => '/privacy-register',
  bewaren: () => '/retention-overview',
  verzoeken: () => '/subject-requests/people?kind=pupil',
};
const BOARD_PAGE_REQUEST: Record<string, string> = {
  '': '',
  zelfscan: '/selfscan',
  'check-in': '/checkin/aggregates',
  plan: '/plan-rollup',
  effect: '/effect-evaluation',
  accounts: '/accounts',
  'inloggen-schoolaccount': '/sso',
  verwerkingsregister: '/privacy-register',
  postvak: '/outbox',
  logboek: '/audit-events',
};

/** The path of a menu link below its school or board page: `/scholen/<id>/check-in` → `check-in`. */
function pageOf(link: { to: string }): string {
  return link.to.split('/').slice(3).join('/');
}

describe.each(testDialects())('what each demo role sees on %s', (dialect) => {
  let test: TestApp;
  const t = createInstance({ lng: 'nl', resources: { nl: { translation: nl } }, keySeparator: false, nsSeparator: false });
  const schoolIds = new Map<string, string>();
  let boardId = '';

  beforeAll(async () => {
    test = await createTestApp(dialect);
    // The bare demo, as the browser tests start it (DEMO_ROLE_EXPECTATIONS is shared with roles.e2e.test.ts): in the
    // full demo De Vlinderboom shares its plan with the team, which adds the plan to every colleague's menu.
    await test.deps.db.kysely.transaction().execute((trx) => seedDemo(trx, test.deps, { withSchoolYear: false }));
    await t.init();
    for (const school of await test.deps.db.kysely.selectFrom('schools').select(['id', 'name']).execute()) schoolIds.set(school.name, school.id);
    boardId = (await test.deps.db.kysely.selectFrom('boards').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => test?.close());

  async function get(as: Login, url: string): Promise<{ statusCode: number; json: () => unknown }> {
    const response = await requestAs(test.app, as, 'GET', url);
    return { statusCode: response.statusCode, json: () => response.json() };
  }

  async function pupilNumbersOf(school: SchoolName, classes: 'all' | string[]): Promise<string[]> {
    let query = test.deps.db.kysely
      .selectFrom('pupils')
      .innerJoin('schools', 'schools.id', 'pupils.school_id')
      .innerJoin('class_pupils', 'class_pupils.pupil_id', 'pupils.id')
      .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
      .select('pupils.pupil_number')
      .where('schools.name', '=', school);
    if (classes !== 'all') query = query.where('classes.name', 'in', classes);
    const rows = await query.execute();
    expect(rows.length).toBeGreaterThan(0);
    return rows.map((row) => row.pupil_number).sort();
  }

  it('has an expectation for every demo account', () => {
    expect(Object.keys(DEMO_ROLE_EXPECTATIONS).sort()).toEqual(DEMO_LOGINS.map((login) => login.email).sort());
  });

  it.each(DEMO_LOGINS.map((login) => login.email))('%s gets the menus, home lists and pupils of the role, and nothing more', async (email) => {
    const expected = DEMO_ROLE_EXPECTATIONS[email];
    const as = await login(test.app, email, DEMO_PASSWORD);
    const session = (await get(as, '/api/session')).json() as Session;
    expect(session.boards.map((board) => board.name)).toEqual(expected.homeBoards);
    expect(session.schools.map((school) => school.name)).toEqual(expected.homeSchools);

    for (const board of session.boards) {
      const menu = boardMenuLinks(t.t, session, board.id);
      expect(menu.map((link) => link.label)).toEqual(BOARD_MENU);
      for (const link of menu) expect((await get(as, `/api/boards/${board.id}${BOARD_PAGE_REQUEST[pageOf(link)]}`)).statusCode, link.to).toBe(200);
    }
    // Without a board role the board's page shows "Geen toegang": its data is refused too.
    if (expected.homeBoards.length === 0) expect((await get(as, `/api/boards/${boardId}`)).statusCode).toBe(403);

    for (const [name, schoolId] of schoolIds) {
      const answer = await get(as, `/api/schools/${schoolId}`);
      const expectedMenu = expected.schoolMenus[name as SchoolName];
      if (!expectedMenu) {
        // The school page shows "School niet beschikbaar".
        expect(answer.statusCode, name).toBe(403);
        continue;
      }
      expect(answer.statusCode, name).toBe(200);
      const school = answer.json() as School;
      const menu = schoolMenuLinks(t.t, session, school);
      expect(menu.map((link) => link.label), name).toEqual(expectedMenu);
      // A menu never offers a page whose data the API refuses.
      for (const link of menu) {
        const request = SCHOOL_PAGE_REQUEST[pageOf(link)];
        if (!request) throw new Error(`no request known for the page ${link.to}`);
        expect((await get(as, `/api/schools/${schoolId}${request(school.currentSchoolYear)}`)).statusCode, link.to).toBe(200);
      }
      // Whether the API refuses a refused page's data is test/authorization-matrix.test.ts's part (the class list is
      // no school-admin page, but teachers read it for the check-in): here, that the menu never offers the page.
      for (const refused of expected.refusedPages.filter((page) => page.school === name)) expect(menu.map(pageOf), refused.path).not.toContain(refused.path);
      // Need-to-know: the Leerlingen page lists exactly the pupils of the classes this person may see.
      const classes = expected.pupilClasses?.[name as SchoolName];
      const pupils = await get(as, `/api/schools/${schoolId}/pupils?schoolYear=${school.currentSchoolYear}`);
      if (classes) {
        const shown = (pupils.json() as { pupilNumber: string }[]).map((pupil) => pupil.pupilNumber).sort();
        expect(shown, name).toEqual(await pupilNumbersOf(name as SchoolName, classes));
      } else {
        expect(pupils.statusCode, name).toBe(403);
      }
    }
  });
});
