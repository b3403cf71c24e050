import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpForStep, totpStepAt } from '../../src/server/auth/totp';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import {
  type BrowserSession,
  createPageAudit,
  openBrowser,
  type RunningServer,
  startDemoServer,
  startServer,
  waitForPage,
} from './support/browser-harness';

const SCHOOL_ADMIN = 'beheer@voorbeeld.test';

describe('two-step verification in the browser', () => {
  let server: RunningServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer({ mfaRequired: true }), openBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has a school admin set it up, sign out, and sign in again with a code and with a recovery code', async () => {
    const { page } = browser;
    const audit = createPageAudit();

    // The password alone leads to the set-up page: a school admin cannot skip it.
    await signInWithPassword(browser, server.baseUrl);
    await waitForPage(page, 'Tweestapsverificatie instellen');
    const keyText = await page.locator('.manual-key').textContent();
    const secret = (keyText ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.getByRole('img', { name: /QR-code/ }).getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
    await audit.check(browser);

    // Any other page sends them back here until it is done.
    await page.goto(`${server.baseUrl}/`);
    await waitForPage(page, 'Tweestapsverificatie instellen');
    const secretAfterReload = ((await page.locator('.manual-key').textContent()) ?? '').replace(/\s/g, '');

    const enrolledStep = totpStepAt(new Date());
    await page.getByRole('textbox', { name: 'Code uit de app' }).fill(totpForStep(secretAfterReload, enrolledStep));
    await page.getByLabel('Je wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
    await page.getByRole('heading', { level: 2, name: 'Je herstelcodes' }).waitFor();
    const recoveryCodes = await page.locator('.recovery-code-list code').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await audit.check(browser);

    await page.getByRole('button', { name: 'Ik heb de herstelcodes bewaard' }).click();
    await waitForPage(page, /^Welkom, /);
    // MFA is required here, so the home page has no "not required" warning.
    expect(await page.getByText('Tweestapsverificatie is op deze installatie niet verplicht.').count()).toBe(0);
    await audit.check(browser);

    await page.getByRole('banner').getByRole('link', { name: 'Mijn account' }).click();
    await waitForPage(page, 'Mijn account');
    await audit.check(browser);
    await page.getByRole('link', { name: 'Tweestapsverificatie beheren' }).click();
    await waitForPage(page, 'Tweestapsverificatie');
    await page.getByText('Staat aan').waitFor();
    expect(await page.getByText('Uitzetten kan niet: tweestapsverificatie is verplicht voor een van jouw rollen.').isVisible()).toBe(true);
    await audit.check(browser);

    // Signing in again asks for a code after the password; a wrong one is explained.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await waitForPage(page, 'Inloggen');
    await signInWithPassword(browser, server.baseUrl);
    await waitForPage(page, 'Tweestapsverificatie');
    expect(new URL(page.url()).pathname).toBe('/inloggen/code');
    await audit.check(browser);
    await page.getByRole('textbox', { name: 'Code', exact: true }).fill('12345x');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('alert').filter({ hasText: 'Deze code klopt niet of is al gebruikt.' }).waitFor();
    await audit.check(browser, [400]);
    // The step used at enrollment is spent; the next one is still within the window.
    const nextStep = Math.max(enrolledStep + 1, totpStepAt(new Date()));
    await page.getByRole('textbox', { name: 'Code', exact: true }).fill(totpForStep(secretAfterReload, nextStep));
    await page.getByRole('button', { name: 'Controleren' }).click();
    // Back on the page they signed out from.
    await waitForPage(page, 'Tweestapsverificatie');
    await page.getByText('Staat aan').waitFor();
    expect(new URL(page.url()).pathname).toBe('/account/tweestapsverificatie');
    await audit.check(browser);

    // Without the phone: a recovery code works once.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await waitForPage(page, 'Inloggen');
    await signInWithPassword(browser, server.baseUrl);
    await waitForPage(page, 'Tweestapsverificatie');
    await page.getByRole('textbox', { name: 'Code', exact: true }).fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByText('Herstelcodes over').waitFor();
    expect(await page.locator('.facts').textContent()).toContain('Herstelcodes over9');
    await audit.check(browser);

    expect(audit.problems).toEqual([]);
  });

  it('sends the first administrator of a new installation to set up two-step verification', async () => {
    const fresh = await startServer(undefined, { mfaRequired: true });
    const other = await openBrowser();
    try {
      const { page } = other;
      const audit = createPageAudit();
      await page.goto(`${fresh.baseUrl}/`);
      await waitForPage(page, 'Welkom bij Groeiwijzer');
      await page.getByLabel('Naam van het bestuur').fill('Stichting Tweede Start');
      await page.getByLabel('Naam van de school').fill('OBS De Sleutel');
      await page.getByLabel('Je naam').fill('Bram Visser');
      await page.getByLabel('E-mailadres').fill('bram@tweede-start.test');
      await page.getByLabel('Wachtwoord', { exact: true }).fill('een lange zin als wachtwoord');
      await page.getByRole('button', { name: 'Groeiwijzer inrichten' }).click();
      await waitForPage(page, 'Tweestapsverificatie instellen');
      await page.locator('.manual-key').waitFor();
      await audit.check(other);
      expect(audit.problems).toEqual([]);
    } finally {
      await other.close();
      await fresh.close();
    }
  });
});

async function signInWithPassword(browser: BrowserSession, baseUrl: string): Promise<void> {
  const { page } = browser;
  if (new URL(page.url()).pathname !== '/inloggen') {
    await page.goto(`${baseUrl}/inloggen`);
    await waitForPage(page, 'Inloggen');
  }
  await page.getByLabel('E-mailadres').fill(SCHOOL_ADMIN);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
}
