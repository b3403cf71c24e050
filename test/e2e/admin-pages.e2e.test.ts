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

const SCHOOL = 'Basisschool De Vlinderboom';
const COLLEAGUE = { name: 'Lotte Kramer', email: 'lotte.kramer@voorbeeld.test', password: 'drie kopjes thee op het plein' };

// One story in order: each step builds on the one before, as a school admin would work.
describe('school admin pages in the browser', () => {
  let server: RunningServer;
  let admin: BrowserSession;
  let colleague: BrowserSession | undefined;
  let schoolId = '';
  const audit = createPageAudit();

  beforeAll(async () => {
    [server, admin] = await Promise.all([startDemoServer(), openBrowser()]);
    schoolId = (await server.db.kysely.selectFrom('schools').select('id').where('name', '=', SCHOOL).executeTakeFirstOrThrow()).id;
    await signIn(admin.page, server.baseUrl, 'beheer@voorbeeld.test', DEMO_PASSWORD);
    await admin.page.getByRole('region', { name: 'Mijn scholen' }).getByRole('link', { name: SCHOOL }).click();
    await waitForPage(admin.page, SCHOOL);
  });
  afterAll(async () => {
    await colleague?.close();
    await admin?.close();
    await server?.close();
  });

  it('adds, renames and deletes a location, asking before the delete', async () => {
    const { page } = admin;
    await openSchoolPage(page, 'Locaties');
    const table = page.getByRole('region', { name: `Locaties van ${SCHOOL}` });
    expect(await table.locator('tbody th').allTextContents()).toEqual(['Hoofdgebouw']);
    await audit.check(admin);

    await page.getByLabel('Naam van de locatie').fill('Dependance Zuid');
    await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
    await page.getByRole('status').filter({ hasText: 'Locatie Dependance Zuid is toegevoegd.' }).waitFor();
    await table.getByRole('rowheader', { name: 'Dependance Zuid' }).waitFor();
    expect(await locationNames()).toEqual(['Dependance Zuid', 'Hoofdgebouw']);
    await audit.check(admin);

    await page.getByRole('button', { name: 'Dependance Zuid wijzigen' }).click();
    const renameDialog = page.getByRole('dialog', { name: 'Locatie Dependance Zuid wijzigen' });
    await renameDialog.waitFor();
    expect(await renameDialog.getByLabel('Nieuwe naam').inputValue()).toBe('Dependance Zuid');
    await audit.check(admin);
    await renameDialog.getByLabel('Nieuwe naam').fill('Dependance Noord');
    await renameDialog.getByRole('button', { name: 'Opslaan' }).click();
    await renameDialog.waitFor({ state: 'hidden' });
    await table.getByRole('rowheader', { name: 'Dependance Noord' }).waitFor();
    expect(await locationNames()).toEqual(['Dependance Noord', 'Hoofdgebouw']);

    // Cancelling the confirmation leaves the location alone.
    await page.getByRole('button', { name: 'Dependance Noord verwijderen' }).click();
    const deleteDialog = page.getByRole('dialog', { name: 'Locatie verwijderen?' });
    await deleteDialog.waitFor();
    expect(await deleteDialog.textContent()).toContain('Dependance Noord');
    await audit.check(admin);
    await deleteDialog.getByRole('button', { name: 'Annuleren' }).click();
    await deleteDialog.waitFor({ state: 'hidden' });
    expect(await locationNames()).toEqual(['Dependance Noord', 'Hoofdgebouw']);

    await page.getByRole('button', { name: 'Dependance Noord verwijderen' }).click();
    await deleteDialog.getByRole('button', { name: 'Verwijderen' }).click();
    await deleteDialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: 'Locatie Dependance Noord is verwijderd.' }).waitFor();
    await table.getByRole('rowheader', { name: 'Dependance Noord' }).waitFor({ state: 'detached' });
    expect(await table.locator('tbody th').allTextContents()).toEqual(['Hoofdgebouw']);
    expect(await locationNames()).toEqual(['Hoofdgebouw']);
    await audit.check(admin);
  });

  it('adds a class at a location and deletes it after confirmation', async () => {
    const { page } = admin;
    await openSchoolPage(page, 'Klassen');
    const schoolYear = await page.getByLabel('Schooljaar').inputValue();
    const table = page.getByRole('region', { name: `Klassen in ${schoolYear}` });
    expect(await table.locator('tbody th').allTextContents()).toEqual(['Groep 3', 'Groep 5', 'Groep 7']);
    await audit.check(admin);

    await page.getByLabel('Naam van de klas').fill('Groep 8');
    await page.getByLabel('Locatie', { exact: true }).selectOption({ label: 'Hoofdgebouw' });
    await page.getByRole('button', { name: 'Klas toevoegen' }).click();
    await table.getByRole('rowheader', { name: 'Groep 8' }).waitFor();
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Groep 8' }) });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['Hoofdgebouw', '0', expect.any(String)]);
    const stored = await server.db.kysely
      .selectFrom('classes')
      .innerJoin('locations', 'locations.id', 'classes.location_id')
      .select(['classes.school_year', 'locations.name'])
      .where('classes.name', '=', 'Groep 8')
      .where('classes.school_id', '=', schoolId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ school_year: schoolYear, name: 'Hoofdgebouw' });
    await audit.check(admin);

    await page.getByRole('button', { name: 'Groep 8 wijzigen' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Klas Groep 8 wijzigen' });
    await editDialog.waitFor();
    expect(await editDialog.getByLabel('Locatie van de klas').inputValue()).not.toBe('');
    await audit.check(admin);
    await editDialog.getByRole('button', { name: 'Annuleren' }).click();
    await editDialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Groep 8 verwijderen' }).click();
    const deleteDialog = page.getByRole('dialog', { name: 'Klas verwijderen?' });
    await deleteDialog.waitFor();
    await audit.check(admin);
    await deleteDialog.getByRole('button', { name: 'Verwijderen' }).click();
    await deleteDialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: 'Klas Groep 8 is verwijderd.' }).waitFor();
    await table.getByRole('rowheader', { name: 'Groep 8' }).waitFor({ state: 'detached' });
    expect(await table.locator('tbody th').allTextContents()).toEqual(['Groep 3', 'Groep 5', 'Groep 7']);
    const left = await server.db.kysely.selectFrom('classes').select('id').where('name', '=', 'Groep 8').execute();
    expect(left).toEqual([]);
  });

  it('invites a teacher of Groep 3, whose link from the outbox activates the account in another browser', async () => {
    const { page } = admin;
    await openSchoolPage(page, 'Personeel');
    await audit.check(admin);

    await page.getByLabel('Naam', { exact: true }).fill(COLLEAGUE.name);
    await page.getByRole('region', { name: 'Collega uitnodigen' }).getByLabel('E-mailadres').fill(COLLEAGUE.email);
    await page.getByRole('checkbox', { name: 'Leerkracht', exact: true }).check();
    const classChoice = page.getByRole('group', { name: 'Klassen van deze leerkracht' });
    await classChoice.waitFor();
    expect(await classChoice.getByRole('checkbox').count()).toBe(3);
    await classChoice.getByRole('checkbox', { name: 'Groep 3' }).check();
    await audit.check(admin);
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await page.getByRole('status').filter({ hasText: `${COLLEAGUE.name} is uitgenodigd.` }).waitFor();
    const staffRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: COLLEAGUE.name }) });
    await staffRow.waitFor();
    expect(await staffRow.textContent()).toContain('Uitnodiging verstuurd');
    expect(await staffRow.textContent()).toContain('Groep 3');

    // The roles dialog opens with the invited roles ticked.
    await page.getByRole('button', { name: `Rollen van ${COLLEAGUE.name} wijzigen` }).click();
    const rolesDialog = page.getByRole('dialog', { name: `Rollen van ${COLLEAGUE.name}` });
    await rolesDialog.waitFor();
    expect(await rolesDialog.getByRole('checkbox', { name: 'Leerkracht', exact: true }).isChecked()).toBe(true);
    expect(await rolesDialog.getByRole('checkbox', { name: 'Groep 3' }).isChecked()).toBe(true);
    await audit.check(admin);
    await rolesDialog.getByRole('button', { name: 'Annuleren' }).click();
    await rolesDialog.waitFor({ state: 'hidden' });

    await openSchoolPage(page, 'Postvak');
    const mail = page.getByRole('article').filter({ hasText: COLLEAGUE.email });
    expect(await mail.count()).toBe(1);
    const link = mail.locator('a[href*="uitnodiging#token="]');
    expect(await link.count()).toBe(1);
    const invitationUrl = (await link.getAttribute('href')) ?? '';
    expect(invitationUrl.startsWith(`${server.baseUrl}/uitnodiging#token=`)).toBe(true);
    const stored = await server.db.kysely.selectFrom('outbox_messages').select('body_text').where('to_address', '=', COLLEAGUE.email).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.body_text).toContain(invitationUrl);
    await audit.check(admin);

    // The colleague opens the link in a browser that never saw the admin's session.
    colleague = await openBrowser();
    const other = colleague.page;
    await other.goto(invitationUrl);
    await waitForPage(other, 'Uitnodiging aannemen');
    expect(new URL(other.url()).hash).toBe('');
    await audit.check(colleague);
    await other.getByLabel('Je naam').fill(COLLEAGUE.name);
    await other.getByLabel('Kies een wachtwoord').fill(COLLEAGUE.password);
    await other.getByRole('button', { name: 'Account activeren' }).click();
    await waitForPage(other, `Welkom, ${COLLEAGUE.name}`);
    expect(await other.getByRole('region', { name: 'Mijn scholen' }).getByRole('link').allTextContents()).toEqual([SCHOOL]);
    await audit.check(colleague);

    await other.getByRole('region', { name: 'Mijn scholen' }).getByRole('link', { name: SCHOOL }).click();
    await waitForPage(other, SCHOOL);
    await other.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Leerlingen', exact: true }).click();
    await waitForPage(other, 'Leerlingen');
    const shown = await other.getByRole('region', { name: /^Leerlingen in / }).locator('tbody tr td:last-child').allTextContents();
    expect(shown.length).toBe(14);
    expect(new Set(shown)).toEqual(new Set(['Groep 3']));
    await audit.check(colleague);
  });

  it("disables the colleague's account after confirmation, which ends their open session", async () => {
    if (!colleague) throw new Error('the invitation step did not run');
    const { page } = admin;
    await openSchoolPage(page, 'Personeel');
    const staffRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: COLLEAGUE.name }) });
    expect(await staffRow.textContent()).toContain('Actief');

    await page.getByRole('button', { name: `Account van ${COLLEAGUE.name} uitschakelen` }).click();
    const dialog = page.getByRole('dialog', { name: 'Account uitschakelen?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(COLLEAGUE.name);
    await audit.check(admin);
    await dialog.getByRole('button', { name: 'Uitschakelen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: `Het account van ${COLLEAGUE.name} is uitgeschakeld.` }).waitFor();
    await staffRow.getByText('Uitgeschakeld', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: `Account van ${COLLEAGUE.name} inschakelen` }).count()).toBe(1);
    const user = await server.db.kysely.selectFrom('users').select('disabled_at').where('email', '=', COLLEAGUE.email).executeTakeFirstOrThrow();
    expect(user.disabled_at).not.toBeNull();
    await audit.check(admin);

    // The colleague still has the pupils page open. The next page, even one that loads no data, finds the
    // session ended and lands on the login page.
    const other = colleague.page;
    await other.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Overzicht', exact: true }).click();
    await waitForPage(other, 'Inloggen');
    expect(new URL(other.url()).pathname).toBe('/inloggen');
    expect(await other.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
    await audit.check(colleague);
    // A data request with the old cookie is refused as well.
    const response = await colleague.context.request.get(`${server.baseUrl}/api/schools/${schoolId}/pupils`);
    expect(response.status()).toBe(401);

    // Signing in again is refused too.
    await other.getByLabel('E-mailadres').fill(COLLEAGUE.email);
    await other.getByLabel('Wachtwoord', { exact: true }).fill(COLLEAGUE.password);
    await other.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
    await other.getByRole('alert').filter({ hasText: 'E-mailadres of wachtwoord klopt niet.' }).waitFor();
    expect(await other.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
    await audit.check(colleague, [401]);
  });

  it('finds no accessibility or console problems on any page or dialog', () => {
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });

  async function openSchoolPage(page: Page, link: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: link, exact: true }).click();
    await waitForPage(page, link);
  }

  async function locationNames(): Promise<string[]> {
    const rows = await server.db.kysely.selectFrom('locations').select('name').where('school_id', '=', schoolId).orderBy('name').execute();
    return rows.map((row) => row.name);
  }
});
