import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import { purgeExpiredOutboxLinks } from '../../src/server/mail/outbox.service';
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

    // The same name again is refused as what it is, on the name field (not "this already exists or was changed").
    await page.getByLabel('Naam van de locatie').fill('Dependance Zuid');
    await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
    const duplicate = page.getByRole('alert').filter({ hasText: 'al een locatie met deze naam' });
    await duplicate.waitFor();
    expect(await duplicate.getByRole('link').allTextContents()).toEqual(['Naam van de locatie: Deze school heeft al een locatie met deze naam. Kies een andere naam.']);
    expect(await page.getByLabel('Naam van de locatie').getAttribute('aria-invalid')).toBe('true');
    expect(await locationNames()).toEqual(['Dependance Zuid', 'Hoofdgebouw']);
    await audit.check(admin, [409]);

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
    expect(await row.getByRole('cell').allTextContents()).toEqual(['Hoofdgebouw', '0', 'Nog geen leerkracht', expect.any(String)]);
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

    // Without an address for links (no PUBLIC_URL, none pinned) the invitation is refused with the reason, and nothing is sent.
    const pin = await server.db.kysely.selectFrom('installation_settings').selectAll().execute();
    await server.db.kysely.deleteFrom('installation_settings').execute();
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Groeiwijzer weet niet op welk adres het te bereiken is' }).waitFor();
    await audit.check(admin, [503]);
    expect(await server.db.kysely.selectFrom('users').select('id').where('email', '=', COLLEAGUE.email).execute()).toEqual([]);
    await server.db.kysely.insertInto('installation_settings').values(pin).execute();

    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    // No SMTP server here: the page does not claim the mail was sent, it says where it waits.
    await page.getByRole('status').filter({ hasText: `De uitnodiging voor ${COLLEAGUE.name} staat in het postvak.` }).waitFor();
    // Until the colleague answers, the invitation is listed apart from the staff: it gives them no role yet.
    const invitationRow = page.getByRole('region', { name: 'Openstaande uitnodigingen' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: COLLEAGUE.name }) });
    await invitationRow.waitFor();
    expect(await invitationRow.textContent()).toContain('Leerkracht');
    expect(await page.getByRole('region', { name: `Personeel van ${SCHOOL}` }).getByRole('rowheader', { name: COLLEAGUE.name }).count()).toBe(0);
    await audit.check(admin);

    await openSchoolPage(page, 'Postvak');
    const mail = page.getByRole('article').filter({ hasText: COLLEAGUE.email });
    expect(await mail.count()).toBe(1);
    const link = mail.locator('a[href*="uitnodiging#token="]');
    expect(await link.count()).toBe(1);
    const invitationUrl = (await link.getAttribute('href')) ?? '';
    expect(invitationUrl.startsWith(`${server.baseUrl}/uitnodiging#token=`)).toBe(true);
    expect(await mail.getByText('Deze link werkt tot').count()).toBe(1);
    // The table keeps the link only sealed, never as the text of the mail.
    const stored = await server.db.kysely.selectFrom('outbox_messages').select(['body_text', 'secret_link_encrypted']).where('to_address', '=', COLLEAGUE.email).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.body_text).not.toContain('#token=');
    expect(stored[0]?.secret_link_encrypted).toMatch(/^gw1:/);
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
    // The class is the fourth data cell (number, last name, birth date, class); a teacher's last column holds the care file button.
    const shown = await other.getByRole('region', { name: /^Leerlingen in / }).locator('tbody tr td:nth-of-type(4)').allTextContents();
    expect(shown.length).toBe(14);
    expect(new Set(shown)).toEqual(new Set(['Groep 3']));
    await audit.check(colleague);
  });

  it('shows an expired invitation without its link, in Dutch and in English', async () => {
    const { page } = admin;
    // Long expired, as far as the outbox can tell; the hourly purge then deletes the sealed link.
    await server.db.kysely.updateTable('outbox_messages').set({ secret_link_expires_at: '2000-01-01T00:00:00.000Z' }).where('to_address', '=', COLLEAGUE.email).execute();
    expect(await purgeExpiredOutboxLinks(server.deps)).toBe(1);
    // The outbox was still open from before: come back to it for a fresh look.
    await openSchoolPage(page, 'Personeel');
    await openSchoolPage(page, 'Postvak');
    const mail = page.getByRole('article').filter({ hasText: COLLEAGUE.email });
    expect(await mail.getByText('[link verlopen en verwijderd]').count()).toBe(1);
    expect(await mail.getByText('Deze link werkte tot').count()).toBe(1);
    expect(await mail.getByRole('link').count()).toBe(0);
    expect(await mail.textContent()).not.toContain('#token=');
    await audit.check(admin);

    await page.getByRole('group', { name: 'Taal' }).getByRole('button', { name: 'English' }).click();
    await waitForPage(page, 'Outbox');
    const english = page.getByRole('article').filter({ hasText: COLLEAGUE.email });
    await english.getByText('[link expired and removed]').waitFor();
    expect(await english.getByText('This link worked until').count()).toBe(1);
    await audit.check(admin);
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Nederlands' }).click();
    await waitForPage(page, 'Postvak');
  });

  it("blocks the colleague in this school after confirmation: their open session loses the school at once", async () => {
    if (!colleague) throw new Error('the invitation step did not run');
    const { page } = admin;
    await openSchoolPage(page, 'Personeel');
    const staffRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: COLLEAGUE.name }) });
    // The row's classes come with the class list, which may load after the staff list: wait for them.
    await staffRow.filter({ hasText: 'Groep 3' }).waitFor();
    expect(await staffRow.textContent()).toContain('Actief');
    expect(await staffRow.textContent()).toContain('Groep 3');

    await page.getByRole('button', { name: `${COLLEAGUE.name} blokkeren in deze school` }).click();
    const dialog = page.getByRole('dialog', { name: 'Blokkeren in deze school?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(COLLEAGUE.name);
    await audit.check(admin);
    await dialog.getByRole('button', { name: 'Blokkeren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: `${COLLEAGUE.name} is geblokkeerd in deze school.` }).waitFor();
    await staffRow.getByText('Geblokkeerd in deze school', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: `Toegang van ${COLLEAGUE.name} herstellen` }).count()).toBe(1);
    // The school blocked its own membership; the account itself is the board's.
    const user = await server.db.kysely.selectFrom('users').select('disabled_at').where('email', '=', COLLEAGUE.email).executeTakeFirstOrThrow();
    expect(user.disabled_at).toBeNull();
    await audit.check(admin);
    const blocked = await colleague.context.request.get(`${server.baseUrl}/api/schools/${schoolId}/pupils`);
    expect(blocked.status()).toBe(403);
  });

  it("lets the board switch the colleague's account off on its Accounts page, which ends their open session", async () => {
    if (!colleague) throw new Error('the invitation step did not run');
    const board = await openBrowser();
    try {
      await signIn(board.page, server.baseUrl, 'bestuur@voorbeeld.test', DEMO_PASSWORD);
      await board.page.getByRole('region', { name: 'Mijn besturen' }).getByRole('link').first().click();
      await board.page.getByRole('navigation', { name: 'Bestuursmenu' }).getByRole('link', { name: 'Accounts', exact: true }).click();
      await waitForPage(board.page, 'Accounts');
      await audit.check(board);
      await board.page.getByRole('button', { name: `Account van ${COLLEAGUE.name} uitschakelen` }).click();
      const dialog = board.page.getByRole('dialog', { name: 'Account uitschakelen?' });
      await dialog.waitFor();
      await audit.check(board);
      await dialog.getByRole('button', { name: 'Uitschakelen' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await board.page.getByRole('status').filter({ hasText: `Het account van ${COLLEAGUE.name} is uitgeschakeld.` }).waitFor();
      const user = await server.db.kysely.selectFrom('users').select('disabled_at').where('email', '=', COLLEAGUE.email).executeTakeFirstOrThrow();
      expect(user.disabled_at).not.toBeNull();
      await audit.check(board);
    } finally {
      await board.close();
    }

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
