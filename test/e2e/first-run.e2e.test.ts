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
    // A password on the list of common ones: the server's sentence is said once, on the password's line,
    // not again as the summary's title.
    await page.getByLabel('Wachtwoord', { exact: true }).fill('Wachtwoord2026!');
    await page.getByRole('button', { name: 'Groeiwijzer inrichten' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'te makkelijk te raden' });
    await refused.waitFor();
    expect(await refused.locator('.error-summary-title').textContent()).toBe('Niet alle velden zijn goed ingevuld.');
    const refusedLinks = await refused.getByRole('link').allTextContents();
    expect(refusedLinks).toHaveLength(1);
    expect(refusedLinks[0]).toMatch(/^Wachtwoord: Dit wachtwoord is te makkelijk te raden/);
    expect((await refused.textContent())?.split('Dit wachtwoord is te makkelijk te raden').length).toBe(2);
    expect(await countRows(server, 'boards')).toBe(0);

    await page.getByLabel('Wachtwoord', { exact: true }).fill('een lange zin als wachtwoord');
    // Without PUBLIC_URL the form shows the address links will use: the one this page was opened at.
    expect(await page.getByLabel('Adres van Groeiwijzer').inputValue()).toBe(server.baseUrl);
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
    // ...and links in mails point to the address confirmed on the form, whatever Host a later request sends.
    const pinned = await server.db.kysely.selectFrom('installation_settings').select(['name', 'value']).execute();
    expect(pinned).toEqual([{ name: 'link_origin', value: server.baseUrl }]);

    // Once set up, the welcome page says so instead of offering a second setup.
    await page.goto(`${server.baseUrl}/welkom`);
    await waitForPage(page, 'Groeiwijzer is al ingericht');
    violations.push(...(await accessibilityViolations(page)));

    expect(violations).toEqual([]);
    // The common password was refused with 400.
    expect(unexpectedConsoleErrors(browser.consoleErrors, [400])).toEqual([]);
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
    const { page, context } = browser;
    // Through a reverse proxy (which adds X-Forwarded-For) the visitor is not on the server itself: no demo.
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.7' });
    await page.goto(`${server.baseUrl}/welkom`);
    await waitForPage(page, 'Welkom bij Groeiwijzer');
    const demoCard = page.getByRole('region', { name: 'Eerst rondkijken?' });
    await demoCard.getByText('De demo laden kan alleen op de server zelf').waitFor();
    expect(await demoCard.getByRole('button', { name: 'Demo laden' }).count()).toBe(0);
    const violations = await accessibilityViolations(page);
    expect(await countRows(server, 'boards')).toBe(0);

    // On the server itself (the browser connects from 127.0.0.1) the demo loads.
    await context.setExtraHTTPHeaders({});
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
    violations.push(...(await accessibilityViolations(page)));

    // Every account in the table exists in the database, and they are the only ones that can sign in (the
    // colleagues of the demo school year have no password).
    const users = await server.db.kysely.selectFrom('users').select('email').where('password_hash', 'is not', null).execute();
    expect(users.map((user) => user.email).sort()).toEqual(emails.sort());
    // The demo's links point to the address the page was opened at.
    expect(await server.db.kysely.selectFrom('installation_settings').select('value').execute()).toEqual([{ value: server.baseUrl }]);

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
