import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOARD_NAME, DEMO_LOGINS, DEMO_PASSWORD, type DemoEmail } from '../../src/server/features/demo/demo.data';
import {
  type BrowserSession,
  createPageAudit,
  openBrowser,
  type PageAudit,
  type RunningServer,
  signIn,
  startDemoServer,
  waitForPage,
} from './support/browser-harness';

const PRIMARY = 'Basisschool De Vlinderboom';
const SPECIAL = 'VSO De Horizon';
const SCHOOL_ADMIN_MENU = ['Overzicht', 'Zelfscan', 'Leerlingen', 'Klassen', 'Locaties', 'Check-in', 'Scholing', 'Personeel', 'Postvak', 'Logboek'];
const BOARD_ADMIN_SCHOOL_MENU = ['Overzicht', 'Klassen', 'Locaties', 'Personeel', 'Postvak', 'Logboek'];

type SchoolName = typeof PRIMARY | typeof SPECIAL;

interface RoleExpectation {
  /** The boards and schools listed on the home page. */
  homeBoards: string[];
  homeSchools: SchoolName[];
  /** Per school this person can open: the links of its school menu, in order. */
  schoolMenus: Partial<Record<SchoolName, string[]>>;
  /** Per school: the classes whose pupils the Leerlingen page must list, all and only. */
  pupilClasses?: Partial<Record<SchoolName, 'all' | string[]>>;
  /** Pages of a school this person must be refused, as paths below /scholen/:id. */
  refusedPages: { school: SchoolName; path: string }[];
  /** Schools this person cannot open at all. */
  unavailableSchools?: SchoolName[];
}

// What each demo account must and must not see; derived from the policy table, written out by hand
// so a change to the policy shows up here as a failing browser test.
const EXPECTATIONS: Record<DemoEmail, RoleExpectation> = {
  'bestuur@voorbeeld.test': {
    homeBoards: [DEMO_BOARD_NAME],
    homeSchools: [],
    schoolMenus: { [PRIMARY]: BOARD_ADMIN_SCHOOL_MENU, [SPECIAL]: BOARD_ADMIN_SCHOOL_MENU },
    // Pupil data is need-to-know: the board admin runs the schools but does not read pupil records.
    refusedPages: [
      { school: PRIMARY, path: 'leerlingen' },
      { school: SPECIAL, path: 'leerlingen/importeren' },
    ],
  },
  'directie@voorbeeld.test': {
    homeBoards: [],
    homeSchools: [PRIMARY],
    schoolMenus: { [PRIMARY]: ['Overzicht', 'Zelfscan', 'Leerlingen', 'Check-in', 'Implementatieplan', 'Scholing', 'Personeel'] },
    pupilClasses: { [PRIMARY]: 'all' },
    refusedPages: [
      { school: PRIMARY, path: 'locaties' },
      { school: PRIMARY, path: 'logboek' },
    ],
    unavailableSchools: [SPECIAL],
  },
  'kartrekker@voorbeeld.test': {
    homeBoards: [],
    homeSchools: [PRIMARY],
    schoolMenus: { [PRIMARY]: ['Overzicht', 'Zelfscan', 'Check-in', 'Implementatieplan', 'Scholing'] },
    refusedPages: [
      { school: PRIMARY, path: 'leerlingen' },
      { school: PRIMARY, path: 'personeel' },
    ],
  },
  'leerkracht@voorbeeld.test': {
    homeBoards: [],
    homeSchools: [PRIMARY],
    schoolMenus: { [PRIMARY]: ['Overzicht', 'Zelfscan', 'Leerlingen', 'Check-in'] },
    pupilClasses: { [PRIMARY]: ['Groep 5'] },
    refusedPages: [
      { school: PRIMARY, path: 'personeel' },
      { school: PRIMARY, path: 'leerlingen/importeren' },
    ],
  },
  'ib@voorbeeld.test': {
    homeBoards: [],
    homeSchools: [PRIMARY],
    schoolMenus: { [PRIMARY]: ['Overzicht', 'Zelfscan', 'Leerlingen', 'Check-in'] },
    pupilClasses: { [PRIMARY]: 'all' },
    refusedPages: [{ school: PRIMARY, path: 'personeel' }],
  },
  'leerkracht2@voorbeeld.test': {
    homeBoards: [],
    homeSchools: [SPECIAL],
    schoolMenus: { [SPECIAL]: ['Overzicht', 'Zelfscan', 'Leerlingen', 'Check-in'] },
    pupilClasses: { [SPECIAL]: ['Klas 2B'] },
    refusedPages: [{ school: SPECIAL, path: 'klassen' }],
    unavailableSchools: [PRIMARY],
  },
  'beheer@voorbeeld.test': {
    homeBoards: [],
    homeSchools: [PRIMARY, SPECIAL],
    schoolMenus: { [PRIMARY]: SCHOOL_ADMIN_MENU, [SPECIAL]: SCHOOL_ADMIN_MENU },
    pupilClasses: { [PRIMARY]: 'all', [SPECIAL]: 'all' },
    refusedPages: [],
  },
};

describe('every demo role in the browser', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  const schoolIds = new Map<string, string>();
  let boardId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), openBrowser()]);
    for (const school of await server.db.kysely.selectFrom('schools').select(['id', 'name']).execute()) schoolIds.set(school.name, school.id);
    boardId = (await server.db.kysely.selectFrom('boards').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has an expectation for every demo account', () => {
    expect(Object.keys(EXPECTATIONS).sort()).toEqual(DEMO_LOGINS.map((login) => login.email).sort());
  });

  it.each(DEMO_LOGINS.map((login) => [login.email, login.name] as const))('%s sees what the role allows and nothing more', async (email, name) => {
    const expected = EXPECTATIONS[email];
    const { page } = browser;
    const audit = createPageAudit();

    await signIn(page, server.baseUrl, email, DEMO_PASSWORD);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Welkom, ${name}`);
    expect(await linksIn(page.getByRole('region', { name: 'Mijn besturen' }))).toEqual(expected.homeBoards);
    expect(await linksIn(page.getByRole('region', { name: 'Mijn scholen' }))).toEqual(expected.homeSchools);
    await audit.check(browser);

    if (expected.homeBoards.length > 0) await walkBoard(browser, audit);

    for (const [school, menu] of Object.entries(expected.schoolMenus) as [SchoolName, string[]][]) {
      // Members reach their school from the home page, board admins through the board's school table.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn scholen' }).click();
      await waitForPage(page, `Welkom, ${name}`);
      if (expected.homeSchools.includes(school)) {
        await page.getByRole('region', { name: 'Mijn scholen' }).getByRole('link', { name: school, exact: true }).click();
      } else {
        await page.getByRole('region', { name: 'Mijn besturen' }).getByRole('link', { name: DEMO_BOARD_NAME }).click();
        await waitForPage(page, DEMO_BOARD_NAME);
        await page.getByRole('table').getByRole('link', { name: school, exact: true }).click();
      }
      await waitForPage(page, school);
      await walkSchoolMenu(browser, audit, school, menu, expected.pupilClasses?.[school]);
    }

    for (const refused of expected.refusedPages) {
      await page.goto(`${server.baseUrl}/scholen/${schoolIds.get(refused.school)}/${refused.path}`);
      await waitForPage(page, 'Geen toegang');
      await audit.check(browser);
    }
    for (const school of expected.unavailableSchools ?? []) {
      await page.goto(`${server.baseUrl}/scholen/${schoolIds.get(school)}`);
      await waitForPage(page, 'School niet beschikbaar');
      expect(await page.getByRole('navigation', { name: 'Schoolmenu' }).count()).toBe(0);
      // The API refuses the school; the browser logs that refusal.
      await audit.check(browser, [403]);
    }
    if (expected.homeBoards.length === 0) {
      await page.goto(`${server.baseUrl}/besturen/${boardId}`);
      await waitForPage(page, 'Geen toegang');
      expect(await page.getByRole('navigation', { name: 'Bestuursmenu' }).count()).toBe(0);
      await audit.check(browser);
    }

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await waitForPage(page, 'Inloggen');
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
    expect(await sessionUser(browser, server)).toBeNull();
    // A signed-out visitor who opens a school page is sent to the login page.
    await page.goto(`${server.baseUrl}/scholen/${schoolIds.get(PRIMARY)}`);
    await waitForPage(page, 'Inloggen');
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    await audit.check(browser);

    expect(audit.problems, `accessibility or console problems for ${email}:\n${audit.problems.join('\n')}`).toEqual([]);
  });

  it('refuses a wrong password with a message and starts no session', async () => {
    const { page } = browser;
    const audit = createPageAudit();
    await page.goto(`${server.baseUrl}/inloggen`);
    await waitForPage(page, 'Inloggen');
    await page.getByLabel('E-mailadres').fill('beheer@voorbeeld.test');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('niet-het-goede-wachtwoord');
    await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();

    await page.getByRole('alert').filter({ hasText: 'E-mailadres of wachtwoord klopt niet.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
    expect(await sessionUser(browser, server)).toBeNull();
    const failures = await server.db.kysely.selectFrom('audit_events').select('id').where('action', '=', 'auth.login_failed').execute();
    expect(failures).toHaveLength(1);
    await audit.check(browser, [401]);
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });

  async function walkBoard(session: BrowserSession, audit: PageAudit): Promise<void> {
    const { page } = session;
    await page.getByRole('region', { name: 'Mijn besturen' }).getByRole('link', { name: DEMO_BOARD_NAME }).click();
    await waitForPage(page, DEMO_BOARD_NAME);
    const menu = page.getByRole('navigation', { name: 'Bestuursmenu' });
    expect(await linksIn(menu)).toEqual(['Scholen', 'Zelfscan per school', 'Check-in per school', 'Implementatieplannen', 'Postvak', 'Logboek']);
    expect((await linksIn(page.getByRole('table'))).sort()).toEqual([PRIMARY, SPECIAL]);
    await audit.check(session);
    for (const [link, heading] of [
      ['Zelfscan per school', 'Zelfscan per school'],
      ['Check-in per school', 'Check-in per school'],
      ['Implementatieplannen', 'Implementatieplannen'],
      ['Postvak', 'Postvak'],
      ['Logboek', 'Logboek'],
      ['Scholen', DEMO_BOARD_NAME],
    ] as const) {
      await menu.getByRole('link', { name: link, exact: true }).click();
      await waitForPage(page, heading);
      await audit.check(session);
    }
    // The log shows the demo being loaded and this person's own sign-in.
    await menu.getByRole('link', { name: 'Logboek', exact: true }).click();
    await waitForPage(page, 'Logboek');
    expect(await page.getByRole('table', { name: 'Gebeurtenissen, nieuwste eerst' }).getByRole('row').count()).toBeGreaterThan(1);
  }

  async function walkSchoolMenu(session: BrowserSession, audit: PageAudit, school: SchoolName, menuLinks: string[], pupilClasses: 'all' | string[] | undefined): Promise<void> {
    const { page } = session;
    const menu = page.getByRole('navigation', { name: 'Schoolmenu' });
    expect(await linksIn(menu)).toEqual(menuLinks);
    for (const link of menuLinks) {
      await menu.getByRole('link', { name: link, exact: true }).click();
      await waitForPage(page, headingOf(link, school));
      await audit.check(session);
      if (link === 'Leerlingen') {
        if (!pupilClasses) throw new Error(`no pupil expectation for ${school}`);
        expect(await shownPupilNumbers(session)).toEqual(await pupilNumbersOf(school, pupilClasses));
      }
    }
  }

  /** The page heading a school-menu link leads to. */
  function headingOf(link: string, school: SchoolName): string | RegExp {
    if (link === 'Overzicht') return school;
    // The plan page is titled by the school year it shows ("Jaarplan 2026-2027"), or "Jaarplan" while it cannot be read.
    if (link === 'Implementatieplan') return /^Jaarplan/;
    return link;
  }

  async function shownPupilNumbers(session: BrowserSession): Promise<string[]> {
    const table = session.page.getByRole('region', { name: /^Leerlingen in / }).getByRole('table');
    const numbers = await table.locator('tbody tr td:first-child').allTextContents();
    return numbers.sort();
  }

  async function pupilNumbersOf(school: SchoolName, classes: 'all' | string[]): Promise<string[]> {
    let query = server.db.kysely
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
});

async function linksIn(container: Locator): Promise<string[]> {
  if ((await container.count()) === 0) return [];
  return (await container.getByRole('link').allTextContents()).map((text) => text.trim());
}

async function sessionUser(browser: BrowserSession, server: RunningServer): Promise<unknown> {
  const response = await browser.context.request.get(`${server.baseUrl}/api/session`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { user: unknown }).user;
}
