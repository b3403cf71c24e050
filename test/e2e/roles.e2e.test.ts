import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOARD_NAME, DEMO_LOGINS, DEMO_PASSWORD, type DemoEmail } from '../../src/server/features/demo/demo.data';
import { BOARD_MENU, DEMO_ROLE_EXPECTATIONS, PRIMARY, type SchoolName, SPECIAL } from '../support/demo-roles';
import {
  accessibilityViolations,
  type BrowserSession,
  createPageAudit,
  openBrowser,
  pagePattern,
  type RunningServer,
  signIn,
  startDemoServer,
  waitForPage,
} from './support/browser-harness';

// Which role sees which menu entries, home lists and pupils is checked for every role × school without a
// browser (test/demo-roles.test.ts, through the API and the menu functions the layouts render), and the
// API's refusals by test/authorization-matrix.test.ts. Here, in Chromium: every role signs in, its home
// page and menus render as expected, its pupil list shows the right pupils, the pages it must not use say
// so, and it signs out. Each distinct page is opened and checked with axe once, by the first role that has
// it (not once per role); console errors are checked on every page.

// The school admin and the board admin first: the first role to open a page is the one whose version of
// the page axe checks, and theirs show the most controls.
const ROLE_ORDER: DemoEmail[] = [
  'beheer@voorbeeld.test',
  'bestuur@voorbeeld.test',
  'directie@voorbeeld.test',
  'kartrekker@voorbeeld.test',
  'leerkracht@voorbeeld.test',
  'ib@voorbeeld.test',
  'leerkracht2@voorbeeld.test',
];

describe('every demo role in the browser', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  const schoolIds = new Map<string, string>();
  let boardId = '';
  const audit = createPageAudit();
  /** Pages opened so far (see pagePattern), and which of them axe has checked. */
  const openedPages = new Set<string>();
  const checkedPages = new Set<string>();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), openBrowser()]);
    for (const school of await server.db.kysely.selectFrom('schools').select(['id', 'name']).execute()) schoolIds.set(school.name, school.id);
    boardId = (await server.db.kysely.selectFrom('boards').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    console.info(`Roles in the browser: axe checked ${checkedPages.size} distinct pages once each (${[...checkedPages].join(', ')})`);
    await browser?.close();
    await server?.close();
  });

  /** Axe on the page the first time a page with this key is seen; the console on every visit. */
  async function checkPage(key: string, expectedStatuses: readonly number[] = []): Promise<void> {
    if (checkedPages.has(key)) return audit.checkConsole(browser, expectedStatuses);
    checkedPages.add(key);
    await audit.check(browser, expectedStatuses);
  }

  it('signs in every demo role, in an order that covers them all', () => {
    expect([...ROLE_ORDER].sort()).toEqual(DEMO_LOGINS.map((login) => login.email).sort());
  });

  it.each(ROLE_ORDER)('%s sees the home page, menus and pupils of the role, and is refused the rest', async (email) => {
    const expected = DEMO_ROLE_EXPECTATIONS[email];
    const name = DEMO_LOGINS.find((login) => login.email === email)!.name;
    const { page } = browser;

    await signIn(page, server.baseUrl, email, DEMO_PASSWORD);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Welkom, ${name}`);
    expect(await linksIn(page.getByRole('region', { name: 'Mijn besturen' }))).toEqual(expected.homeBoards);
    expect(await linksIn(page.getByRole('region', { name: 'Mijn scholen' }))).toEqual(expected.homeSchools);
    // The home page differs by what it lists: boards, schools (with open tasks), or both.
    await checkPage(`home with${expected.homeBoards.length > 0 ? ' boards' : ''}${expected.homeSchools.length > 0 ? ' schools' : ''}`);

    if (expected.homeBoards.length > 0) await walkBoard();

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
      await walkSchoolMenu(school, menu, expected.pupilClasses?.[school]);
    }

    for (const refused of expected.refusedPages) {
      await page.goto(`${server.baseUrl}/scholen/${schoolIds.get(refused.school)}/${refused.path}`);
      await waitForPage(page, 'Geen toegang');
      await checkPage('Geen toegang in a school');
    }
    for (const school of expected.unavailableSchools ?? []) {
      await page.goto(`${server.baseUrl}/scholen/${schoolIds.get(school)}`);
      await waitForPage(page, 'School niet beschikbaar');
      expect(await page.getByRole('navigation', { name: 'Schoolmenu' }).count()).toBe(0);
      // The API refuses the school; the browser logs that refusal.
      await checkPage('School niet beschikbaar', [403]);
    }
    if (expected.homeBoards.length === 0) {
      await page.goto(`${server.baseUrl}/besturen/${boardId}`);
      await waitForPage(page, 'Geen toegang');
      expect(await page.getByRole('navigation', { name: 'Bestuursmenu' }).count()).toBe(0);
      await checkPage('Geen toegang in a board');
    }

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await waitForPage(page, 'Inloggen');
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
    expect(await sessionUser(browser, server)).toBeNull();
    // A signed-out visitor who opens a school page is sent to the login page.
    await page.goto(`${server.baseUrl}/scholen/${schoolIds.get(PRIMARY)}`);
    await waitForPage(page, 'Inloggen');
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    await checkPage('/inloggen');

    expect(audit.problems, `accessibility or console problems up to ${email}:\n${audit.problems.join('\n')}`).toEqual([]);
  });

  it('refuses a wrong password with a message and starts no session', async () => {
    const { page } = browser;
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
    await checkPage('/inloggen with an error', [401]);
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });

  // The audit above loads axe-core once per document and reuses it after client-side navigation: this
  // shows that both a fresh document and a reused axe still report a violation.
  it('finds an accessibility violation on a fresh page and after client-side navigation', async () => {
    const { page } = browser;
    const addNamelessButton = () => page.evaluate(() => document.querySelector('main')?.append(Object.assign(document.createElement('button'), { id: 'nameless' })));
    const removeNamelessButton = () => page.evaluate(() => document.getElementById('nameless')?.remove());
    await page.goto(`${server.baseUrl}/inloggen`);
    await waitForPage(page, 'Inloggen');
    await addNamelessButton();
    expect((await accessibilityViolations(page)).join('\n')).toContain('button-name');
    await removeNamelessButton();

    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await waitForPage(page, 'Wachtwoord vergeten');
    expect(await accessibilityViolations(page)).toEqual([]);
    await addNamelessButton();
    expect((await accessibilityViolations(page)).join('\n')).toContain('button-name');
    browser.consoleErrors.splice(0);
  });

  async function walkBoard(): Promise<void> {
    const { page } = browser;
    await page.getByRole('region', { name: 'Mijn besturen' }).getByRole('link', { name: DEMO_BOARD_NAME }).click();
    await waitForPage(page, DEMO_BOARD_NAME);
    const menu = page.getByRole('navigation', { name: 'Bestuursmenu' });
    expect(await linksIn(menu)).toEqual(BOARD_MENU);
    expect((await linksIn(page.getByRole('table'))).sort()).toEqual([PRIMARY, SPECIAL]);
    await checkPage(pagePattern(page.url()));
    for (const [link, heading] of [
      ['Zelfscan per school', 'Zelfscan per school'],
      ['Check-in per school', 'Check-in per school'],
      ['Implementatieplannen', 'Implementatieplannen'],
      ['Inloggen met schoolaccount', 'Inloggen met schoolaccount'],
      ['Verwerkingsregister', 'Verwerkingsregister'],
      ['Postvak', 'Postvak'],
      ['Logboek', 'Logboek'],
      ['Scholen', DEMO_BOARD_NAME],
    ] as const) {
      await menu.getByRole('link', { name: link, exact: true }).click();
      await waitForPage(page, heading);
      await checkPage(pagePattern(page.url()));
    }
    // The log shows the demo being loaded and this person's own sign-in.
    await menu.getByRole('link', { name: 'Logboek', exact: true }).click();
    await waitForPage(page, 'Logboek');
    expect(await page.getByRole('table', { name: 'Gebeurtenissen, nieuwste eerst' }).getByRole('row').count()).toBeGreaterThan(1);
  }

  /**
   * Checks the school menu, opens the pages of it no earlier role opened, and the pupil list always (its
   * content differs by role: need-to-know).
   */
  async function walkSchoolMenu(school: SchoolName, menuLinks: string[], pupilClasses: 'all' | string[] | undefined): Promise<void> {
    const { page } = browser;
    const menu = page.getByRole('navigation', { name: 'Schoolmenu' });
    expect(await linksIn(menu)).toEqual(menuLinks);
    openedPages.add(pagePattern(page.url()));
    await checkPage(pagePattern(page.url()));
    for (const link of menuLinks) {
      const target = pagePattern(new URL((await menu.getByRole('link', { name: link, exact: true }).getAttribute('href')) ?? '', server.baseUrl).href);
      if (openedPages.has(target) && link !== 'Leerlingen') continue;
      openedPages.add(target);
      await menu.getByRole('link', { name: link, exact: true }).click();
      await waitForPage(page, headingOf(link, school));
      await checkPage(target);
      if (link === 'Leerlingen') {
        if (!pupilClasses) throw new Error(`no pupil expectation for ${school}`);
        expect(await shownPupilNumbers()).toEqual(await pupilNumbersOf(school, pupilClasses));
      }
    }
  }

  /** The page heading a school-menu link leads to. */
  function headingOf(link: string, school: SchoolName): string | RegExp {
    if (link === 'Overzicht') return school;
    // The plan page is titled by the school year it shows ("Implementatieplan 2026-2027"), or "Implementatieplan" while it cannot be read.
    if (link === 'Implementatieplan') return /^Implementatieplan/;
    // The care pages' titles say more than their short menu links.
    const careTitles: Record<string, string> = { Zorg: 'Zorgoverzicht', Bewaartermijnen: 'Bewaartermijnen van zorggegevens', Noodtoegang: 'Noodtoegang tot een steunplan', 'Sociogram-instellingen': 'Instellingen voor sociogrammen' };
    return careTitles[link] ?? link;
  }

  async function shownPupilNumbers(): Promise<string[]> {
    const table = browser.page.getByRole('region', { name: /^Leerlingen in / }).getByRole('table');
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
