import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../../src/shared/demo-accounts';
import {
  type BrowserSession,
  createPageAudit,
  openBrowser,
  type RunningServer,
  signIn,
  startDemoServer,
  waitForPage,
} from './support/browser-harness';

const NEW_PASSWORD = 'mijn fiets staat altijd links';

describe('own account in the browser', () => {
  let server: RunningServer;
  let laptop: BrowserSession;
  let schoolPc: BrowserSession;
  const audit = createPageAudit();

  beforeAll(async () => {
    [server, laptop, schoolPc] = await Promise.all([startDemoServer(), openBrowser(), openBrowser()]);
    await signIn(laptop.page, server.baseUrl, DEMO_EMAILS.teacher, DEMO_PASSWORD);
    await signIn(schoolPc.page, server.baseUrl, DEMO_EMAILS.teacher, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await laptop?.close();
    await schoolPc?.close();
    await server?.close();
  });

  it('lists where the teacher is signed in and signs out the other place after the password is typed again', async () => {
    const { page } = laptop;
    await page.getByRole('banner').getByRole('link', { name: 'Mijn account' }).click();
    await waitForPage(page, 'Mijn account');
    const sessions = page.getByRole('region', { name: 'Waar je bent ingelogd' });
    await sessions.locator('tbody tr').nth(1).waitFor();
    expect(await sessions.locator('tbody tr td:last-child').allTextContents()).toEqual(expect.arrayContaining(['Ja, hier', 'Nee']));
    await audit.check(laptop);

    await page.getByLabel('Je wachtwoord').fill('niet mijn wachtwoord');
    await page.getByRole('button', { name: 'Overal anders uitloggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Je wachtwoord: Dit is niet je huidige wachtwoord.' }).waitFor();
    await audit.check(laptop, [400]);

    await page.getByLabel('Je wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Overal anders uitloggen' }).click();
    await page.getByRole('status').filter({ hasText: 'Je bent op 1 andere plek(ken) uitgelogd.' }).waitFor();
    await sessions.locator('tbody tr').nth(1).waitFor({ state: 'detached' });
    expect(await sessions.locator('tbody tr').count()).toBe(1);
    await audit.check(laptop);

    await schoolPc.page.reload();
    await waitForPage(schoolPc.page, 'Inloggen');
  });

  it('changes the password with the current one, refusing a wrong current one and a common one', async () => {
    const { page } = laptop;
    // A wrong current password is named as such, on its own field: not "e-mail address or password" and no
    // field name from the code.
    await page.getByLabel('Huidig wachtwoord').fill('niet mijn wachtwoord');
    await page.getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Niet alle velden zijn goed ingevuld.' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Huidig wachtwoord: Dit is niet je huidige wachtwoord. Er is niets gewijzigd; typ het wachtwoord waarmee je nu inlogt.',
    ]);
    expect(await summary.textContent()).not.toContain('E-mailadres of wachtwoord');
    expect(await summary.textContent()).not.toContain('currentPassword');
    expect(await page.getByLabel('Huidig wachtwoord').getAttribute('aria-invalid')).toBe('true');
    await audit.check(laptop, [400]);

    await page.getByLabel('Huidig wachtwoord').fill(DEMO_PASSWORD);
    await page.getByLabel('Nieuw wachtwoord').fill('Wachtwoord2026!');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Dit wachtwoord is te makkelijk te raden' }).first().waitFor();
    await audit.check(laptop, [400]);

    await page.getByLabel('Huidig wachtwoord').fill(DEMO_PASSWORD);
    await page.getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByRole('status').filter({ hasText: 'Je wachtwoord is gewijzigd.' }).waitFor();
    await audit.check(laptop);

    await signIn(schoolPc.page, server.baseUrl, DEMO_EMAILS.teacher, NEW_PASSWORD);
    expect(audit.problems).toEqual([]);
  });
});
