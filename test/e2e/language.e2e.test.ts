import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import {
  type BrowserSession,
  createPageAudit,
  openBrowser,
  type RunningServer,
  signIn,
  startDemoServer,
  waitForPage,
} from './support/browser-harness';
import { lastOutboxSecretLink } from '../support/outbox';

const SCHOOL = 'Basisschool De Vlinderboom';

describe('interface language in the browser', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  const audit = createPageAudit();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), openBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('switches to English on the login page, keeps it through errors, reloads and sign-in, and switches back', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/inloggen`);
    await waitForPage(page, 'Inloggen');
    expect(await documentLanguage(page)).toBe('nl');
    expect(await pressedLanguage(page)).toBe('Nederlands');

    await page.getByRole('group', { name: 'Taal' }).getByRole('button', { name: 'English' }).click();
    await waitForPage(page, 'Log in');
    expect(await documentLanguage(page)).toBe('en');
    expect(await pressedLanguage(page, 'Language')).toBe('English');
    expect(await page.getByRole('main').getByRole('button', { name: 'Log in' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Forgot your password?' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Skip to content' }).count()).toBe(1);
    expect(await page.title()).toContain('Log in');
    await audit.check(browser);

    // The server answers in the language on screen.
    await page.getByLabel('E-mail address').fill('ib@voorbeeld.test');
    await page.getByLabel('Password', { exact: true }).fill('not the right password');
    await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'E-mail address or password is incorrect.' }).waitFor();
    await audit.check(browser, [401]);

    await page.reload();
    await waitForPage(page, 'Log in');
    expect(await documentLanguage(page)).toBe('en');

    // A language picked before signing in wins over the account's Dutch, and is saved on the account.
    await page.getByLabel('E-mail address').fill('ib@voorbeeld.test');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();
    await waitForPage(page, 'Welcome, Joost van Dam');
    expect(await page.getByRole('region', { name: 'My schools' }).getByRole('link').allTextContents()).toEqual([SCHOOL]);
    expect(await page.getByRole('button', { name: 'Log out' }).count()).toBe(1);
    await audit.check(browser);
    await expect.poll(() => accountLanguage('ib@voorbeeld.test')).toBe('en');

    await page.getByRole('region', { name: 'My schools' }).getByRole('link', { name: SCHOOL }).click();
    await waitForPage(page, SCHOOL);
    expect(await page.getByRole('navigation', { name: 'School menu' }).getByRole('link').allTextContents()).toEqual(['Overview', 'Self-scan', 'Pupils', 'Check-in', 'Group', 'Regulation', 'Parents', 'Care', 'Team', 'Partner organisations', 'Sociogram settings', 'Manage regulation', 'Parent page']);
    await audit.check(browser);
    await page.getByRole('navigation', { name: 'School menu' }).getByRole('link', { name: 'Pupils' }).click();
    await waitForPage(page, 'Pupils');
    expect(await page.getByRole('region', { name: /^Pupils in / }).count()).toBe(1);
    await audit.check(browser);

    await page.reload();
    await waitForPage(page, 'Pupils');
    expect(await documentLanguage(page)).toBe('en');

    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Nederlands' }).click();
    await waitForPage(page, 'Leerlingen');
    expect(await documentLanguage(page)).toBe('nl');
    expect(await pressedLanguage(page)).toBe('Nederlands');
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(1);
    await expect.poll(() => accountLanguage('ib@voorbeeld.test')).toBe('nl');
    await audit.check(browser);

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await waitForPage(page, 'Inloggen');
  });

  it('switches to English after sign-in and brings the choice to a new device', async () => {
    const { page } = browser;
    await signIn(page, server.baseUrl, 'directie@voorbeeld.test', DEMO_PASSWORD);
    await page.getByRole('group', { name: 'Taal' }).getByRole('button', { name: 'English' }).click();
    await waitForPage(page, 'Welcome, Marco de Wit');
    expect(await documentLanguage(page)).toBe('en');
    await expect.poll(() => accountLanguage('directie@voorbeeld.test')).toBe('en');
    await page.getByRole('region', { name: 'My schools' }).getByRole('link', { name: SCHOOL }).click();
    await waitForPage(page, SCHOOL);
    await page.getByRole('navigation', { name: 'School menu' }).getByRole('link', { name: 'Staff' }).click();
    await waitForPage(page, 'Staff');
    await audit.check(browser);
    await page.getByRole('button', { name: 'Log out' }).click();
    await waitForPage(page, 'Log in');

    // Another browser starts in Dutch; signing in there brings the account's English.
    const other = await openBrowser();
    try {
      await signIn(other.page, server.baseUrl, 'directie@voorbeeld.test', DEMO_PASSWORD);
      await waitForPage(other.page, 'Welcome, Marco de Wit');
      expect(await documentLanguage(other.page)).toBe('en');
      await audit.check(other);
    } finally {
      await other.close();
    }

    // Back to Dutch for the next test, on this device.
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Nederlands' }).click();
    await waitForPage(page, 'Inloggen');
  });

  it('resets a forgotten password through the e-mailed link and signs in', async () => {
    const { page } = browser;
    const email = 'kartrekker@voorbeeld.test';
    await page.goto(`${server.baseUrl}/inloggen`);
    await waitForPage(page, 'Inloggen');
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await waitForPage(page, 'Wachtwoord vergeten');
    await audit.check(browser);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByRole('button', { name: 'Herstellink versturen' }).click();
    await page.getByRole('status').filter({ hasText: 'Als dit adres bij Groeiwijzer bekend is' }).waitFor();
    expect(await page.getByRole('link', { name: 'Terug naar inloggen' }).count()).toBe(1);
    await audit.check(browser);

    const mails = await server.db.kysely.selectFrom('outbox_messages').select('body_text').where('to_address', '=', email).execute();
    expect(mails).toHaveLength(1);
    const link = /https?:\/\/\S+\/wachtwoord-herstellen#token=[\w-]+/.exec(await lastOutboxSecretLink(server.deps, email))?.[0];
    expect(link?.startsWith(`${server.baseUrl}/wachtwoord-herstellen#token=`)).toBe(true);

    await page.goto(link ?? '');
    await waitForPage(page, 'Nieuw wachtwoord kiezen');
    // The secret leaves the address bar as soon as the page has read it.
    await page.waitForURL((url) => url.hash === '');
    expect(page.url()).toBe(`${server.baseUrl}/wachtwoord-herstellen`);
    await audit.check(browser);
    const newPassword = 'een nieuwe zin om te onthouden';
    await page.getByLabel('Nieuw wachtwoord').fill(newPassword);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await waitForPage(page, 'Welkom, Fatima El Idrissi');
    expect(page.url()).toBe(`${server.baseUrl}/`);
    await audit.check(browser);

    // The new password works, the old one no longer does, and the link is spent.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await waitForPage(page, 'Inloggen');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'E-mailadres of wachtwoord klopt niet.' }).waitFor();
    await audit.check(browser, [401]);
    await signIn(page, server.baseUrl, email, newPassword);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await waitForPage(page, 'Inloggen');

    await page.goto(link ?? '');
    await waitForPage(page, 'Nieuw wachtwoord kiezen');
    await page.getByLabel('Nieuw wachtwoord').fill('nog een ander wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Deze link is ongeldig of verlopen.' }).waitFor();
    expect(await page.getByRole('link', { name: 'Vraag een nieuwe link aan' }).count()).toBe(1);
    await audit.check(browser, [400]);
  });

  it('finds no accessibility or console problems in either language', () => {
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });

  async function accountLanguage(email: string): Promise<string> {
    return (await server.db.kysely.selectFrom('users').select('locale').where('email', '=', email).executeTakeFirstOrThrow()).locale;
  }
});

async function documentLanguage(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

// The language button that is pressed now, inside the language group named `groupName`.
async function pressedLanguage(page: Page, groupName = 'Taal'): Promise<string> {
  const buttons = page.getByRole('group', { name: groupName }).getByRole('button', { pressed: true });
  expect(await buttons.count()).toBe(1);
  return (await buttons.textContent()) ?? '';
}
