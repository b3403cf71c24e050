import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  type BrowserSession,
  openBrowser,
  type RunningServer,
  startServer,
  unexpectedConsoleErrors,
  waitForPage,
} from './support/browser-harness';

describe('first run in the browser', () => {
  let server: RunningServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), openBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends an empty installation to the welcome page and sets up the board, school and first admin', async () => {
    const { page } = browser;
    const violations: string[] = [];

    await page.goto(`${server.baseUrl}/`);
    await waitForPage(page, 'Welkom bij Groeiwijzer');
    expect(new URL(page.url()).pathname).toBe('/welkom');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    violations.push(...(await accessibilityViolations(page)));

    // Any other address leads there too while nothing is set up.
    await page.goto(`${server.baseUrl}/inloggen`);
    await waitForPage(page, 'Welkom bij Groeiwijzer');
    expect(new URL(page.url()).pathname).toBe('/welkom');

    await page.getByRole('button', { name: 'Groeiwijzer inrichten' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Niet alle velden zijn goed ingevuld.' });
    await summary.waitFor();
    // The summary takes focus and links to every empty field.
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    const summaryLinks = await summary.getByRole('link').allTextContents();
    expect(summaryLinks).toHaveLength(5);
    for (const label of ['Naam van het bestuur', 'Naam van de school', 'Je naam', 'E-mailadres', 'Wachtwoord']) {
      expect(summaryLinks.some((text) => text.startsWith(`${label}:`))).toBe(true);
    }
    expect(await page.getByLabel('Naam van het bestuur').getAttribute('aria-invalid')).toBe('true');
    violations.push(...(await accessibilityViolations(page)));
    expect(await countRows(server, 'boards')).toBe(0);

    await page.getByLabel('Naam van het bestuur').fill('Stichting Eerste Start');
    await page.getByLabel('Naam van de school').fill('OBS De Eerste Steen');
    await page.getByLabel('Soort school').selectOption({ label: 'Speciaal basisonderwijs' });
    await page.getByLabel('Je naam').fill('Anke Jongsma');
    await page.getByLabel('E-mailadres').fill('anke@eerste-start.test');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('een lange zin als wachtwoord');
    await page.getByRole('button', { name: 'Groeiwijzer inrichten' }).click();

    await waitForPage(page, 'Welkom, Anke Jongsma');
    expect(new URL(page.url()).pathname).toBe('/');
    const boards = page.getByRole('region', { name: 'Mijn besturen' });
    const schools = page.getByRole('region', { name: 'Mijn scholen' });
    expect(await boards.getByRole('link').allTextContents()).toEqual(['Stichting Eerste Start']);
    expect(await schools.getByRole('link').allTextContents()).toEqual(['OBS De Eerste Steen']);
    expect(await page.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(true);
    violations.push(...(await accessibilityViolations(page)));

    // The school exists with the kind chosen on the form.
    const school = await server.db.kysely.selectFrom('schools').select(['name', 'kind']).executeTakeFirstOrThrow();
    expect(school).toEqual({ name: 'OBS De Eerste Steen', kind: 'special_primary' });

    // Once set up, the welcome page says so instead of offering a second setup.
    await page.goto(`${server.baseUrl}/welkom`);
    await waitForPage(page, 'Groeiwijzer is al ingericht');
    violations.push(...(await accessibilityViolations(page)));

    expect(violations).toEqual([]);
    expect(unexpectedConsoleErrors(browser.consoleErrors)).toEqual([]);
  });
});

describe('loading the demo from the welcome page', () => {
  let server: RunningServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), openBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fills the installation with the demo and lists the demo accounts', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/welkom`);
    await waitForPage(page, 'Welkom bij Groeiwijzer');
    await page.getByRole('button', { name: 'Demo laden' }).click();

    await waitForPage(page, 'De demo staat klaar');
    const accounts = page.getByRole('region', { name: 'Demo-accounts' }).getByRole('table');
    const emails = await accounts.locator('tbody th').allTextContents();
    expect(emails.sort()).toEqual(
      [
        'bestuur@voorbeeld.test',
        'beheer@voorbeeld.test',
        'directie@voorbeeld.test',
        'kartrekker@voorbeeld.test',
        'leerkracht@voorbeeld.test',
        'ib@voorbeeld.test',
        'leerkracht2@voorbeeld.test',
      ].sort(),
    );
    expect(await accounts.getByRole('row').count()).toBe(8);
    const violations = await accessibilityViolations(page);

    // Every account in the table exists in the database.
    const users = await server.db.kysely.selectFrom('users').select('email').execute();
    expect(users.map((user) => user.email).sort()).toEqual(emails.sort());

    await page.getByRole('link', { name: 'Naar inloggen' }).click();
    await waitForPage(page, 'Inloggen');

    expect(violations).toEqual([]);
    expect(unexpectedConsoleErrors(browser.consoleErrors)).toEqual([]);
  });
});

async function countRows(server: RunningServer, table: 'boards' | 'users'): Promise<number> {
  const row = await server.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}
